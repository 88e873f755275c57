"""What readers think: flagged comments, viewpoints, the stance on the article's main actors, a three-line digest."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from importlib.resources import files
from typing import TypeVar

from matome.comments.classifier import load_model
from matome.comments.flags import flag_comment, load_lexicon
from matome.comments.viewpoints import find_viewpoints
from matome.language.gazetteer import load_gazetteer
from matome.language.tokens import Token, content_nouns
from matome.records import ActorStance, AnalyzedArticle, Article, Comment, CommentDigest, Viewpoint

Tokenize = Callable[[str], list[Token]]
THREAD_COMMON = 2  # a word another comment uses too is the thread's topic: a comment sharing it is not off topic
LABEL_CHARS = 50
MAIN_ACTORS = 3
ACTOR_TYPES = ("PERSON", "ORG")
# after a polarity word: it is denied (支持しない, 好きじゃない), unless in a rhetorical question (最悪じゃないか)
NEGATED = re.compile(r"(?:く|では|じゃ|で|し|でき|とは思え|とは思わ)?(?:ない|なかった|ねえ|ず|ません)"
                     r"(?!(?:です|でしょう|の|ん)?(?:か|[？?]))")

ArticleT = TypeVar("ArticleT", bound=Article)


@functools.cache
def polarity_words() -> dict[str, int]:
    text = files("matome.comments").joinpath("data", "polarity.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {word: int(value) for word, value in rows}


def read_comments(article: ArticleT, tokenize: Tokenize) -> ArticleT:
    """The article with every comment flagged and its `comment_digest` written (None without comments)."""
    if not article.comments:
        return article
    lexicon, model = load_lexicon(tokenize), load_model()
    tokens = {c.id: tokenize(c.text) for c in article.comments}
    in_thread = Counter(w for c in article.comments for w in set(content_nouns(tokens[c.id])))
    topic = _article_nouns(article, tokenize) | {w for w, n in in_thread.items() if n >= THREAD_COMMON}
    comments = tuple(replace(c, flags=flag_comment(c, tokens[c.id], lexicon, model, topic))
                     for c in article.comments)
    digest = digest_comments(comments, tokens, main_actors(article))
    return replace(article, comments=comments, comment_digest=digest)


def _article_nouns(article: Article, tokenize: Tokenize) -> frozenset[str]:
    """The article's content nouns: those the language stage carried on its sentences, else found here."""
    if isinstance(article, AnalyzedArticle) and all(s.nouns is not None for s in article.sentences):
        return frozenset(n for s in article.sentences for n in s.nouns or ())
    return frozenset(content_nouns(tokenize(f"{article.title or ''}\n{article.body}")))


def _flagged(comment: Comment, flag: str) -> bool:
    return any(f.flag == flag for f in comment.flags)


def digest_comments(comments: tuple[Comment, ...], tokens: dict[str, list[Token]],
                    actors: tuple[tuple[str, frozenset[str]], ...] = ()) -> CommentDigest:
    """Three lines, one per main viewpoint (its key words, count, share and a typical comment); abusive comments
    are left out and counted; the stance of the rest toward each main actor."""
    kept = [c for c in comments if not _flagged(c, "abusive")]
    by_id = {c.id: c for c in kept}
    viewpoints = [replace(v, stance=_stance([by_id[i] for i in v.comments], actors))
                  for v in find_viewpoints(kept, tokens)]
    counts = {"comments": len(comments), "replies": sum(1 for c in comments if c.reply_to)}
    counts |= {flag: sum(1 for c in comments if _flagged(c, flag))
               for flag in ("abusive", "speculation", "off_topic", "constructive")}
    summary = tuple(_summary_line(v, len(kept)) for v in viewpoints[:3])
    support = tuple(v.comments for v in viewpoints[:3])
    found = [s for name, aliases in actors if (s := actor_stance(name, aliases, kept)) is not None]
    stances = tuple(sorted(found, key=lambda s: -s.comments))
    return CommentDigest(summary, tuple(viewpoints), tuple(counts.items()), support, stances)


def _summary_line(viewpoint: Viewpoint, total: int) -> str:
    example = viewpoint.example[:LABEL_CHARS] + ("…" if len(viewpoint.example) > LABEL_CHARS else "")
    stance = f"（{viewpoint.stance}）" if viewpoint.stance else ""
    return f"{viewpoint.count}件 ({100 * viewpoint.count // max(1, total)}%) {viewpoint.label}: 「{example}」{stance}"


def main_actors(article: Article) -> tuple[tuple[str, frozenset[str]], ...]:
    """The people and organisations the article names most (at least twice), each with the names that refer to it:
    from the language layer's entities, or, for an article not analysed, from the gazetteer's names in its text."""
    gazetteer = load_gazetteer()
    mentions: Counter[str] = Counter()
    if isinstance(article, AnalyzedArticle):
        mentions.update(e.canonical for e in article.entities if e.type in ACTOR_TYPES)
        texts: dict[str, set[str]] = {}
        for entity in article.entities:
            texts.setdefault(entity.canonical, set()).add(entity.text)
    else:
        text = f"{article.title or ''}\n{article.body}"
        for name, actor in gazetteer.names.items():
            if actor.type in ACTOR_TYPES and len(name) >= 2 and (n := text.count(name)):
                mentions[actor.id] += n
        texts = {}
    actors = []
    for canonical, count in mentions.most_common(MAIN_ACTORS):
        if count < 2:
            break
        known = gazetteer.actors.get(canonical)
        names = texts.get(canonical, set()) | ({name.rstrip("*") for name in known.names} if known else set())
        names |= {name.split("・")[-1] for name in names if "・" in name}  # a katakana full name's surname
        display = known.display if known is not None else min(names, key=len)
        actors.append((display, frozenset(n for n in names if len(n) >= 2)))
    return tuple(actors)


def actor_stance(actor: str, names: frozenset[str], comments: list[Comment]) -> ActorStance | None:
    """Counts of the comments naming `actor` by their polarity words; None when no comment names them."""
    naming = [c for c in comments if any(name in c.text for name in names)]
    if not naming:
        return None
    polarity = [_polarity(c.text) for c in naming]
    return ActorStance(actor, len(naming), sum(p < 0 for p in polarity), sum(p > 0 for p in polarity),
                       tuple(c.id for c in naming))


def _polarity(text: str) -> int:
    """The sum of the polarity words' values, each turned round when a negation follows it (`支持` +1, `支持しない`
    -1, `失敗ではない` +1), but not in a rhetorical question (`最悪じゃないか` stays -1)."""
    return sum(-value if NEGATED.match(text, found.end()) else value
               for pattern, value in _polarity_patterns() for found in pattern.finditer(text))


@functools.cache
def _polarity_patterns() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(re.escape(word)), value) for word, value in polarity_words().items())


def _stance(comments: list[Comment], actors: tuple[tuple[str, frozenset[str]], ...]) -> str | None:
    """Stance of a group toward the main actor it names most (`X氏に否定的`, `肯定的`, `賛否が混在`)."""
    found = [s for name, aliases in actors if (s := actor_stance(name, aliases, comments)) is not None]
    if not found:
        return None
    most = max(found, key=lambda s: s.comments)
    mood = "否定的" if most.negative > most.positive else "肯定的" if most.positive > most.negative else "賛否が混在"
    return f"{most.actor}に{mood}" if most.negative != most.positive else f"{most.actor}について{mood}"
