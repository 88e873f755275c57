"""Viewpoints: comments grouped by what they argue, each group named by its key words and a typical comment.

Groups form only where comments are alike: average-linkage clustering over TF-IDF vectors of their content words,
cut where members share almost nothing, so no catch-all group collects what fits nowhere. Threads longer than
MAX_PAIRWISE comments are first condensed into k-means micro-groups, whose centres are clustered the same way.
Each group is named by class-based TF-IDF (the words frequent in it and rare in the other groups).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from matome.language.tokens import Token
from matome.records import Comment, Viewpoint

MIN_WORDS = 2  # a comment naming fewer content words argues nothing a group could share
MIN_GROUP = 3
DISTANCE = 0.97  # cosine distance at which average linkage stops joining groups: members share a few words, not none
MAX_PAIRWISE = 1500  # comments clustered pair by pair; longer threads are condensed first
MICRO_GROUPS = 300
MICRO_COHERENT = 0.3  # cosine to its micro-group's centre below which a comment joins no group
KEY_WORDS = 3
LABEL_CHARS = 60
# Words any comment may use whatever it argues: formal nouns, the thread's own vocabulary, verbs of saying, thinking.
GENERIC = frozenset({"事", "こと", "物", "もの", "方", "所", "ところ", "時", "今", "人", "話", "感じ", "様", "よう",
                     "訳", "わけ", "奴", "為", "ため", "筈", "はず", "中", "上", "下", "自分", "皆", "他", "前", "後",
                     "今回", "本当", "普通", "記事", "コメント", "ニュース", "思う", "言う", "考える", "見る",
                     "分かる", "知る", "出る", "来る", "行く", "良い", "いい", "無い", "ない", "多い", "少ない"})


@dataclass(frozen=True, slots=True)
class _Words:
    content: list[str]  # normalised nouns, verbs and adjectives
    surfaces: dict[str, str]  # normalised noun → the form the comment wrote


def find_viewpoints(comments: list[Comment], tokens: dict[str, list[Token]]) -> list[Viewpoint]:
    """Viewpoints with at least MIN_GROUP comments, largest first; comments alike with no other are in none."""
    words = {c.id: _words(tokens[c.id]) for c in comments}
    usable = [c for c in comments if len(set(words[c.id].content)) >= MIN_WORDS]
    if len(usable) < 2 * MIN_GROUP:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform([words[c.id].content for c in usable])
    labels = _cluster(matrix)
    groups = [members for _, members in sorted(_members(labels).items()) if len(members) >= MIN_GROUP]
    key_words = _key_words([[words[usable[i].id] for i in members] for members in groups])
    viewpoints = []
    for members, keys in zip(groups, key_words, strict=True):
        centre = np.asarray(matrix[members].mean(axis=0)).ravel()
        closeness = np.asarray(matrix[members] @ centre).ravel()
        # the typical comment says the group's key words (so label and example agree), then is closest to its centre
        said = [sum(key in usable[i].text for key in keys) for i in members]
        typical = usable[members[max(range(len(members)), key=lambda n: (said[n], closeness[n]))]]
        example = typical.text.replace("\n", " ")
        label = "・".join(keys) or example[:LABEL_CHARS]
        viewpoints.append(Viewpoint(label, len(members), example, tuple(usable[i].id for i in members),
                                    key_words=tuple(keys)))
    return sorted(viewpoints, key=lambda v: -v.count)


def _identity(words: list[str]) -> list[str]:
    return words


def _words(tokens: list[Token]) -> _Words:
    content: list[str] = []
    surfaces: dict[str, Counter[str]] = {}
    for token in tokens:
        if len(token.surface) < 2 or token.normalized in GENERIC:
            continue
        if token.pos[0] == "名詞" and token.pos[1] not in ("数詞", "代名詞") and token.pos[2] != "助数詞可能":
            content.append(token.normalized)
            surfaces.setdefault(token.normalized, Counter())[token.surface] += 1
        elif token.pos[0] in ("動詞", "形容詞") and token.pos[1] != "非自立可能":
            content.append(token.normalized)
    return _Words(content, {word: forms.most_common(1)[0][0] for word, forms in surfaces.items()})


def _cluster(matrix: object) -> list[int]:
    """Average-linkage labels per row; beyond MAX_PAIRWISE rows, via k-means micro-groups (linear in the thread)."""
    from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans

    rows = matrix.shape[0]  # type: ignore[attr-defined]
    linkage = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=DISTANCE)
    if rows <= MAX_PAIRWISE:
        return [int(label) for label in linkage.fit_predict(matrix.toarray())]  # type: ignore[attr-defined]
    micro = MiniBatchKMeans(n_clusters=MICRO_GROUPS, random_state=0, n_init=3).fit(matrix)
    norms = np.linalg.norm(micro.cluster_centers_, axis=1)
    centres = micro.cluster_centers_ / np.where(norms == 0, 1, norms)[:, None]
    sparse = matrix.tocsr()  # type: ignore[attr-defined]
    row_of = np.repeat(np.arange(rows), np.diff(sparse.indptr))  # cosine to its centre, over the words it has only
    closeness = np.bincount(row_of, weights=sparse.data * centres[micro.labels_[row_of], sparse.indices],
                            minlength=rows)
    keep = np.bincount(micro.labels_[closeness >= MICRO_COHERENT], minlength=len(centres)) >= MIN_GROUP
    merged = np.full(len(centres), -1)
    if keep.sum() >= 2:
        merged[keep] = linkage.fit_predict(centres[keep])
    elif keep.sum() == 1:
        merged[keep] = 0
    # a comment far from its micro-group's centre shares little with it: k-means put it there for want of better
    return [int(merged[label]) if close >= MICRO_COHERENT else -1
            for label, close in zip(micro.labels_, closeness, strict=True)]


def _members(labels: list[int]) -> dict[int, list[int]]:
    members: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        if label >= 0:
            members.setdefault(label, []).append(row)
    return members


def _key_words(groups: list[list[_Words]]) -> list[list[str]]:
    """Class-based TF-IDF: each group's nouns weighted by their share in it and their rarity over all groups."""
    counts = [Counter(w for words in group for w in words.content if w in words.surfaces) for group in groups]
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    average = sum(total.values()) / max(1, len(groups))
    keys = []
    for group, count in zip(groups, counts, strict=True):
        size = sum(count.values()) or 1
        score = {w: n / size * float(np.log(1 + average / total[w])) for w, n in count.items() if n >= 2}
        written = {w: form for words in group for w, form in words.surfaces.items()}
        keys.append([written[w] for w in sorted(score, key=lambda w: (-score[w], w))[:KEY_WORDS]])
    return keys
