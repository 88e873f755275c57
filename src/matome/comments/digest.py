"""What readers think: flagged comments, viewpoints (TF-IDF over Sudachi words, k-means) and a three-line digest."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import numpy as np

from matome.comments.classifier import load_model
from matome.comments.flags import flag_comment, load_lexicon
from matome.language.gazetteer import load_gazetteer
from matome.language.tokens import Token, content_nouns
from matome.records import Article, Comment, CommentDigest, Viewpoint

Tokenize = Callable[[str], list[Token]]
MAX_VIEWPOINTS = 10
COHERENT = 0.2  # a comment this unlike its group's centroid belongs to no viewpoint
THREAD_COMMON = 3  # a word in this many comments is the thread's topic, not off topic
LABEL_CHARS = 70
NEGATIVE = ("失敗", "無理", "最低", "酷い", "ひどい", "批判", "不満", "信用", "無視", "混乱", "悪化", "責任", "怒",
            "グダグダ", "いきあたりばったり", "擁護は無理", "おかしい")
POSITIVE = ("好感", "凄い", "すごい", "見習う", "感謝", "ありがたい", "助か", "羨ましい", "正しい", "良い")

ArticleT = TypeVar("ArticleT", bound=Article)


def read_comments(article: ArticleT, tokenize: Tokenize) -> ArticleT:
    """The article with every comment flagged and its `comment_digest` written (None without comments)."""
    if not article.comments:
        return article
    lexicon, model = load_lexicon(tokenize), load_model()
    tokens = {c.id: tokenize(c.text) for c in article.comments}
    in_thread = Counter(w for c in article.comments for w in set(content_nouns(tokens[c.id])))
    topic = frozenset(set(content_nouns(tokenize(f"{article.title or ''}\n{article.body}")))
                      | {w for w, n in in_thread.items() if n >= THREAD_COMMON})
    comments = tuple(replace(c, flags=flag_comment(c, tokens[c.id], lexicon, model, topic))
                     for c in article.comments)
    return replace(article, comments=comments, comment_digest=digest_comments(comments, tokens))


def _flagged(comment: Comment, flag: str) -> bool:
    return any(f.flag == flag for f in comment.flags)


def digest_comments(comments: tuple[Comment, ...], tokens: dict[str, list[Token]]) -> CommentDigest:
    """Three lines, one per main viewpoint with its share; abusive comments are left out and counted."""
    kept = [c for c in comments if not _flagged(c, "abusive")]
    viewpoints = find_viewpoints(kept, tokens)
    counts = {"comments": len(comments), "replies": sum(1 for c in comments if c.reply_to)}
    counts |= {flag: sum(1 for c in comments if _flagged(c, flag))
               for flag in ("abusive", "speculation", "off_topic", "constructive")}
    summary = tuple(f"{v.count}件 ({100 * v.count // max(1, len(kept))}%): 「{_cut(v.example)}」"
                    + ("…" if len(v.example) > LABEL_CHARS else "") + (f"（{v.stance}）" if v.stance else "")
                    for v in viewpoints[:3])
    support = tuple(v.comments for v in viewpoints[:3])
    return CommentDigest(summary, tuple(viewpoints), tuple(counts.items()), support)


def _words(tokens: list[Token]) -> Counter[str]:
    return Counter(t.normalized for t in tokens if t.pos[0] in ("名詞", "形容詞", "動詞") and t.pos[1] not in
                   ("数詞", "非自立可能") and len(t.surface) > 1)


def find_viewpoints(comments: list[Comment], tokens: dict[str, list[Token]]) -> list[Viewpoint]:
    """Comments grouped by what they argue; each group labelled by its most typical comment."""
    usable = [c for c in comments if len(_words(tokens[c.id])) >= 2]
    if len(usable) < 4:
        return []
    matrix = _tfidf([_words(tokens[c.id]) for c in usable])
    k = max(2, min(MAX_VIEWPOINTS, round(math.sqrt(len(usable) / 2))))
    assignment, centroids = _kmeans(matrix, k)
    viewpoints = []
    for cluster in range(k):
        members = [i for i, a in enumerate(assignment) if a == cluster
                   and float(matrix[i] @ centroids[cluster]) >= COHERENT]  # the rest argue nothing in common
        if len(members) < 2:
            continue
        typical = max(members, key=lambda i: float(matrix[i] @ centroids[cluster]))
        label = usable[typical].text.replace("\n", " ")
        ids = tuple(usable[i].id for i in members)
        viewpoints.append(Viewpoint(_cut(label) + ("…" if len(label) > LABEL_CHARS else ""), len(members), label, ids,
                                    _stance([usable[i] for i in members])))
    return sorted(viewpoints, key=lambda v: -v.count)


def _tfidf(bags: list[Counter[str]]) -> np.ndarray:
    vocabulary = sorted({w for bag in bags for w in bag})
    index = {w: i for i, w in enumerate(vocabulary)}
    df = Counter(w for bag in bags for w in bag)
    matrix = np.zeros((len(bags), len(vocabulary)))
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            matrix[row, index[word]] = (1 + math.log(count)) * math.log(1 + len(bags) / df[word])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _kmeans(matrix: np.ndarray, k: int, rounds: int = 20) -> tuple[list[int], np.ndarray]:
    """Spherical k-means, seeded farthest-first from the most central comment (deterministic)."""
    centre = matrix.mean(axis=0)
    seeds = [int(np.argmax(matrix @ centre))]
    while len(seeds) < k:
        similarity = np.max(matrix @ matrix[seeds].T, axis=1)
        seeds.append(int(np.argmin(similarity)))
    centroids = matrix[seeds].copy()
    assignment = [0] * len(matrix)
    for _ in range(rounds):
        assignment = list(np.argmax(matrix @ centroids.T, axis=1))
        for cluster in range(k):
            members = matrix[[i for i, a in enumerate(assignment) if a == cluster]]
            if len(members):
                mean = members.mean(axis=0)
                centroids[cluster] = mean / (np.linalg.norm(mean) or 1)
    return [int(a) for a in assignment], centroids


def _stance(comments: list[Comment]) -> str | None:
    """Stance toward the actor the group names most (`X氏に否定的`, `肯定的`, `賛否が混在`), from polarity words."""
    gazetteer = load_gazetteer()
    named: Counter[str] = Counter()
    polarity = 0
    for comment in comments:
        for name, actor in gazetteer.names.items():
            if len(name) >= 3 and actor.type == "PERSON" and name in comment.text:
                named[actor.display] += 1
        polarity += sum(w in comment.text for w in POSITIVE) - sum(w in comment.text for w in NEGATIVE)
    if not named:
        return None
    who, _ = named.most_common(1)[0]
    mood = "否定的" if polarity < 0 else "肯定的" if polarity > 0 else "賛否が混在"
    return f"{who}に{mood}" if polarity else f"{who}について{mood}"


def _cut(text: str) -> str:
    """A verbatim prefix: quoted words stay the commenter's own."""
    return text[:LABEL_CHARS]
