"""The typed records that every stage of matome reads and writes."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")
MAPPING = "mapping"
Counts = Annotated[tuple[tuple[str, int], ...], MAPPING]
"""Counts by name, kept as pairs in order so records stay frozen and hashable; a JSON object outside."""


class Record:
    """Mixin: a frozen dataclass that turns into plain JSON data and back."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        hints = _hints(type(self))
        return {f.name: dict(getattr(self, f.name)) if _is_mapping(hints[f.name]) else _plain(getattr(self, f.name))
                for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = _hints(cls)
        return cls(**{k: _typed(hints[k], v) for k, v in data.items() if k in hints})


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    """A record class's field types (with Annotated extras), worked out once per class."""
    if cls not in _HINTS:
        fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        _HINTS[cls] = {k: v for k, v in typing.get_type_hints(cls, include_extras=True).items() if k in fields}
    return _HINTS[cls]


def _is_mapping(hint: Any) -> bool:
    return typing.get_origin(hint) is Annotated and MAPPING in hint.__metadata__


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    if _is_mapping(hint):
        return tuple(value.items()) if isinstance(value, dict) else tuple(tuple(v) for v in value)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _typed(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_typed(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    return value


@dataclass(frozen=True, slots=True)
class Origin(Record):
    """Where a page came from: a file (and the line or record inside it) or a URL."""

    format: str
    path: str | None = None
    url: str | None = None
    line: int | None = None
    offset: int | None = None

    def label(self) -> str:
        where = self.path or self.url or "?"
        if self.line is not None:
            return f"{where}:{self.line}"
        if self.offset is not None:
            return f"{where}@{self.offset}"
        return where


@dataclass(frozen=True, slots=True)
class Notice(Record):
    """Something doubtful found while reading: a stable code and a human message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class PageHints(Record):
    """Metadata a container already knows about a page (JSON Lines fields, feed entries, WARC headers)."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Page(Record):
    """One page as read from its container, before any anatomy: raw bytes plus what is known about them."""

    origin: Origin
    data: bytes
    media: str  # "html" or "text"
    hints: PageHints = PageHints()
    declared_encoding: str | None = None


@dataclass(frozen=True, slots=True)
class ReadFailure(Record):
    """A page, file or record that a stage could not handle; the batch goes on without it."""

    origin: Origin
    code: str
    message: str
    stage: str = "read"  # read, language, comments, digest
    article: str | None = None  # the record's id, once it was read

    def describe(self) -> str:
        where = f" in the {self.stage} stage" if self.stage != "read" else ""
        return f"{self.origin.label()}: {self.message} ({self.code}{where})"


@dataclass(frozen=True, slots=True)
class Section(Record):
    heading: str | None
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceCard(Record):
    """An outside report quoted on a digest page: its title, date, ✅ bullets, outlet and link."""

    title: str | None
    published: str | None
    summary: tuple[str, ...]
    outlet: str | None
    url: str | None
    remark: str | None = None


@dataclass(frozen=True, slots=True)
class Reference(Record):
    """A cited source: kind is reference, related, image_credit or source."""

    kind: str
    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class EmbeddedPost(Record):
    """A social-media post quoted in a page, with its signature line parsed."""

    platform: str
    author: str | None
    handle: str | None
    date: str | None
    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Flag(Record):
    """A judgement on a comment: abusive, speculation, off_topic or constructive, how sure, and the words behind it."""

    flag: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comment(Record):
    """One reader comment; reply_to names the id of the comment it answers."""

    id: str
    text: str
    author: str | None = None
    posted: str | None = None
    reply_to: str | None = None
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class Viewpoint(Record):
    """A group of comments that argue the same thing: its key words (the label), its most typical comment, the
    count, and its stance on the actor it names most."""

    label: str
    count: int
    example: str
    comments: tuple[str, ...] = ()
    stance: str | None = None
    key_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorStance(Record):
    """How the comments that name one of the article's main actors speak of them: counts by polarity, and which."""

    actor: str
    comments: int
    negative: int
    positive: int
    support: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        other = self.comments - self.negative - self.positive
        counts = f"否定的 {self.negative}・肯定的 {self.positive}・その他 {other}"
        return f"{self.actor}に触れたコメント {self.comments}件: {counts}"


@dataclass(frozen=True, slots=True)
class CommentDigest(Record):
    """What readers think, in three lines (abusive comments excluded and counted), and their stance on the actors."""

    summary: tuple[str, ...]
    viewpoints: tuple[Viewpoint, ...]
    counts: Counts
    support: tuple[tuple[str, ...], ...] = ()
    stances: tuple[ActorStance, ...] = ()


@dataclass(frozen=True, slots=True)
class Article(Record):
    """The record `matome read` prints for every page (SPEC §3.1)."""

    id: str
    origin: Origin
    kind: str
    url: str | None = None
    site: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    lead: str | None = None
    sections: tuple[Section, ...] = ()
    body: str = ""
    source_cards: tuple[SourceCard, ...] = ()
    conclusion: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    embedded_posts: tuple[EmbeddedPost, ...] = ()
    comments: tuple[Comment, ...] = ()
    notes: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    warnings: tuple[Notice, ...] = ()
    encoding: str | None = None
    comment_digest: CommentDigest | None = None


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    """One sentence of an article; `id` is `<article id>:<n>`, stable while the article is."""

    id: str
    text: str
    part: str  # title, body, caption (a photo or video caption in the body: kept, never a fact), card, conclusion
    paragraph: int | None = None
    nouns: tuple[str, ...] | None = None  # its content nouns, found once by the language stage for the later ones


UNRESOLVED_DATE = "date:unresolved"  # a DATE's canonical where the page gives no day to count from


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A named mention: PERSON, ORG, GPE, LOC, DATE or MEDIA, resolved to a canonical id.

    For DATE, `canonical` is the ISO date (or `start/end` for a span); `title` is the office a PERSON is named with
    (大統領), with `former` when the text says 前/元.
    """

    text: str
    type: str
    canonical: str
    sentence: str
    start: int
    end: int
    title: str | None = None
    former: bool = False
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """Who said what: the speaker as written and resolved, the speech cue, the content, and who relays it."""

    speaker: str | None
    speaker_canonical: str | None
    cue: str
    content: str
    direct: bool
    reported_by: str | None
    sentence: str
    affiliation: str | None = None
    quoted_speaker: str | None = None  # in nested speech, the inner speaker (`XがAと強調したとYは語った`: X)
    cue_start: int | None = None  # where the cue is in the sentence
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class Check(Record):
    """Something doubtful in an article's language: a title wrong for the date, an unresolved date, …"""

    code: str
    message: str
    sentence: str | None = None


@dataclass(frozen=True, slots=True)
class AnalyzedArticle(Article):
    """The record `matome analyze` prints: the article plus its language layer (SPEC §3.1)."""

    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    checks: tuple[Check, ...] = ()

    def citable(self) -> dict[str, str]:
        """What a digest may cite, by id: every sentence (`<id>:<n>`) and every reader comment (`<id>:<comment id>`)."""
        return {s.id: s.text for s in self.sentences} | {f"{self.id}:{c.id}": c.text for c in self.comments}


def citable(articles: Iterable[AnalyzedArticle]) -> dict[str, str]:
    """What digests of these articles may cite, by id (`AnalyzedArticle.citable` of each)."""
    return {key: text for article in articles for key, text in article.citable().items()}


@dataclass(frozen=True, slots=True)
class SupportedLine(Record):
    """A line of a digest and the ids of the source sentences that support it."""

    text: str
    support: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Card(Record):
    """One original report in a story: where it came from and its ✅ three-line summary."""

    article: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    summary: tuple[SupportedLine, ...]
    copies: tuple[str, ...] = ()
    kind: str = "article"  # article, blog, card (a source card quoted on a digest page)


@dataclass(frozen=True, slots=True)
class TimelineEntry(Record):
    date: str
    text: str
    support: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Side(Record):
    """One side of a disagreement: who, what, in which report, in which sentence."""

    speaker: str | None
    content: str
    source: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Disagreement(Record):
    """Where accounts differ on one point: `kind` is number, time, date, place, attribution, polarity or claim."""

    point: str
    sides: tuple[Side, ...]
    kind: str = "claim"


@dataclass(frozen=True, slots=True)
class Point(Record):
    """One thing the sources state: its text (one source sentence, trimmed at most), the sentences of every report
    that states it, and those reports (an original and its syndicated copies count once)."""

    text: str
    support: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryCheck(Record):
    """Something doubtful about a story's sources: mixed events, differing dates, copies, titles wrong for the date."""

    code: str
    message: str
    articles: tuple[str, ...]
    sentences: tuple[str, ...] = ()  # the sentences whose facts the check disputes


@dataclass(frozen=True, slots=True)
class Reactions(Record):
    summary: tuple[SupportedLine, ...] = ()
    counts: Counts = ()
    stances: tuple[SupportedLine, ...] = ()  # how the comments speak of the story's main actors


@dataclass(frozen=True, slots=True)
class Digest(Record):
    """One story, one real-world event: the まとめ page built from its sources (SPEC §3.2)."""

    id: str
    title: str
    lead: SupportedLine
    articles: tuple[str, ...]
    cards: tuple[Card, ...]
    timeline: tuple[TimelineEntry, ...]
    statements: tuple[Statement, ...]
    disagreements: tuple[Disagreement, ...]
    checks: tuple[StoryCheck, ...]
    reactions: Reactions
    conclusion: tuple[SupportedLine, ...]
    points: tuple[Point, ...] = ()  # most sources first
