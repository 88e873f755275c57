"""A learned ranker of speaker candidates: for each statement, the people and bodies named in its sentence and the two
before (plus the rules' pick and the speaker before), scored by a logistic regression trained on the development part
of the livedoor statement gold (`scripts/train_speaker_ranker.py`); the weights are plain JSON, read without sklearn."""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field, replace
from importlib.resources import files

from matome.language.attribution import AGENTS, MEDIA_ENDINGS, SUBJECTS, _name
from matome.language.entities import Mention
from matome.language.gazetteer import PERSON_SUFFIXES
from matome.language.speech import ACCORDING_CUE, SPEAKER_TYPES, SUBJECT, TOPIC, Context
from matome.language.syntax import Parse, Word, quote_spans
from matome.records import Statement

WEIGHTS = "speaker-ranker.json"
NOMINAL = ("NOUN", "PROPN", "PRON", "ADJ", "ADV")  # the parser tags some nouns (スポーツ紙) ADJ or ADV
AFTER = ("によると", "によれば", "では", "には", "からは", "とは", "は", "が", "も", "の", "に", "から", "より", "と",
         "を", "で", "、", "」")
ASIDE = re.compile(r"^[(（][^)）]{1,20}[)）]")
TRIM = re.compile(r"^[「『（(、\s]+|[」』）)、\s]+$")


@dataclass(frozen=True, slots=True)
class Seen:
    """A sentence as the ranker sees it: its text, entity mentions and parse (if it carries speech)."""

    text: str
    mentions: tuple[Mention, ...]
    parse: Parse | None


@dataclass(slots=True)
class Candidate:
    """Someone who may have made a statement, with the features the ranker scores."""

    name: str
    canonical: str | None
    features: dict[str, float] = field(default_factory=dict)
    nearness: tuple[int, int] = (9, 0)  # sentences back, then characters before the cue (or from the sentence end)


def candidates(statement: Statement, seen: list[Seen], before: list[Statement], context: Context) -> list[Candidate]:
    """The candidates for a statement of the last sentence of `seen` (the two before it come first), given the
    statements before it (`before`) and the article's context."""
    found: dict[str, Candidate] = {}
    for distance, sentence in enumerate(reversed(seen[-3:])):
        for name, canonical, span, kind, word in _spans(sentence, context):
            key = _bare(name)
            if not key or len(key) > 30:
                continue
            features = _features(statement, sentence, distance, span, kind, word, name)
            if key in found:  # one referent: keep the nearest mention's features, add the kinds
                found[key].features.update({k: v for k, v in features.items() if k.startswith("kind=")})
                continue
            gap = (statement.cue_start or 0) - span[1] if distance == 0 else len(sentence.text) - span[1]
            found[key] = Candidate(name, canonical, features, (distance, gap if gap >= 0 else 999))
    for who, known, flag in ((statement.speaker, statement.speaker_canonical, "rules"),
                             *((s.speaker, s.speaker_canonical, "previous") for s in before[-1:])):
        key = _bare(who)
        if not key or who is None:
            continue
        if key not in found:
            found[key] = Candidate(who, known, {f"{flag} only": 1.0})
        found[key].features[flag] = 1.0
    _nearest(list(found.values()))
    cue = _cue_kind(statement)
    for candidate in found.values():
        features = candidate.features
        features[f"cue={cue}"] = 1.0
        if statement.speaker is None:
            features["rules null"] = 1.0
            features.update({f"{k}&rules null": 1.0 for k in list(features) if k.startswith("d=")})
        plain = [k for k in features if "&" not in k]
        features.update({f"{k}&cue={cue}": 1.0 for k in plain if k.startswith(("d=", "after=", "dep="))})
        back = next((k for k in plain if k.startswith("d=")), "d=?")
        features.update({f"{back}&{k}": 1.0 for k in plain if k.startswith(("after=", "kind=", "title", "nearest"))})
    return list(found.values())


def _nearest(found: list[Candidate]) -> None:
    """Marks the candidate nearest before the cue, and the nearest person (a PERSON or a name with a title)."""
    people = [c for c in found if "kind=ent:PERSON" in c.features or "title" in c.features]
    for flag, kept in (("nearest", found), ("nearest person", people)):
        before = [c for c in kept if c.nearness[1] < 999]
        if before:
            min(before, key=lambda c: c.nearness).features[flag] = 1.0


def _bare(name: str | None) -> str:
    if not name:
        return ""
    text = TRIM.sub("", name)
    for suffix in PERSON_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


Span = tuple[str, str | None, tuple[int, int], str, Word | None]


def _spans(sentence: Seen, context: Context) -> list[Span]:
    """Entity mentions, parsed noun phrases followed by a particle, and topic / subject phrases."""
    spans: list[Span] = [(m.text, m.canonical, (m.start, m.end), f"ent:{m.type}", None)
                         for m in sentence.mentions if m.type in SPEAKER_TYPES]
    parse = sentence.parse
    if parse is not None:
        for word in parse.words:
            following = parse.words[word.i + 1] if word.i + 1 < len(parse.words) else None
            if word.pos not in NOMINAL or following is None or following.pos != "ADP" or parse.in_quote(word.start):
                continue
            name, canonical = _name(parse.text, parse, word, list(sentence.mentions), context)
            if name:
                start = parse.text.rfind(name, 0, word.end)
                spans.append((name, canonical, (start if start >= 0 else word.start, word.end), f"word:{word.pos}",
                              word))
        return spans
    for pattern, kind in ((TOPIC, "topic"), (SUBJECT, "subject")):
        for match in pattern.finditer(sentence.text):
            phrase = match.group("phrase").split("、")[-1].strip()
            if 2 <= len(phrase) <= 12 and "「" not in phrase:
                spans.append((phrase, None, (match.end("phrase") - len(phrase), match.end("phrase")), kind, None))
    return spans


def _features(statement: Statement, sentence: Seen, distance: int, span: tuple[int, int], kind: str,
              word: Word | None, name: str) -> dict[str, float]:
    start, end = span
    text = sentence.text
    features = {f"d={distance}": 1.0, f"kind={kind}": 1.0, f"after={_after(text, end)}": 1.0}
    if any(o < start <= c for o, c in quote_spans(text)[0]):
        features["in quote"] = 1.0
    if name.endswith(PERSON_SUFFIXES):
        features["title"] = 1.0
    if name.endswith(MEDIA_ENDINGS):
        features["outlet"] = 1.0
    elif name.endswith(AGENTS):
        features["agent ending"] = 1.0
    if start <= 2:
        features["opens sentence"] = 1.0
    if distance == 0 and statement.cue_start is not None:
        gap = statement.cue_start - end
        features["after cue" if gap < 0 else f"gap={min(6, int(math.log2(gap + 1)))}"] = 1.0
        content = text.find(statement.content) if statement.content else -1
        if content >= 0 and content <= start < content + len(statement.content):
            features["in content"] = 1.0
        if word is not None and sentence.parse is not None:
            features.update(_relation(sentence.parse, word, statement.cue_start))
    elif word is not None:
        features[f"dep={word.dep}"] = 1.0
    return features


def _relation(parse: Parse, word: Word, cue: int) -> dict[str, float]:
    """How the candidate hangs on the cue: its relation, and whether its head is the cue's predicate (or above)."""
    features = {f"dep={word.dep}": 1.0}
    predicate = parse.at(cue)
    if predicate is None:
        return features
    head = parse.head(word)
    if head.i == predicate.i:
        features["on cue"] = 1.0
        if word.dep in SUBJECTS:
            features["subject of cue"] = 1.0
    elif parse.dominates(head, predicate):
        features["above cue"] = 1.0
    elif parse.dominates(predicate, head):
        features["below cue"] = 1.0
    return features


def _after(text: str, end: int) -> str:
    rest = ASIDE.sub("", text[end: end + 24])
    return next((p for p in AFTER if rest.startswith(p)), "other")


def _cue_kind(statement: Statement) -> str:
    if ACCORDING_CUE.fullmatch(statement.cue):
        return "according"
    if statement.direct:
        return "direct" if re.search(r"[っしいりべえ]|た$|る$", statement.cue) else "noun"
    return "indirect"


class SpeakerRanker:
    """Callable: (statement, its candidates) -> the statement with the speaker the scores choose: the rules' speaker
    stays unless it scores below `drop`; without one, the best candidate speaks if it scores at least `fill`, else
    nobody."""

    def __init__(self, weights: dict[str, float], bias: float, fill: float, drop: float) -> None:
        self.weights = weights
        self.bias = bias
        self.fill = fill
        self.drop = drop

    def score(self, candidate: Candidate) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in candidate.features.items())
        return 1.0 / (1.0 + math.exp(-z))

    def __call__(self, statement: Statement, found: list[Candidate]) -> Statement:
        scored = [(self.score(c), c) for c in found]
        rules = next((p for p, c in scored if c.features.get("rules")), None)
        if rules is not None and rules >= self.drop:
            return statement
        best = max(scored, key=lambda p: p[0], default=None)
        if best is None or best[0] < self.fill or best[1].features.get("rules"):
            return replace(statement, speaker=None, speaker_canonical=None, affiliation=None)
        chosen = best[1]
        return replace(statement, speaker=chosen.name, speaker_canonical=chosen.canonical, affiliation=None)


@functools.cache
def shipped_ranker() -> SpeakerRanker | None:
    """The ranker whose weights ship in the package, or None if they are absent."""
    path = files("matome.language") / "data" / WEIGHTS
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SpeakerRanker(data["weights"], data["bias"], data["fill"], data["drop"])
