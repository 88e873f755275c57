"""Flags on reader comments: abusive (lexicon and classifier), speculation, off_topic and constructive."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

from matome.comments.classifier import AbuseModel
from matome.language.tokens import Token, content_nouns
from matome.records import Comment, Flag

THRESHOLD = 0.5
UNAMBIGUOUS = 0.85  # a term this strong (slurs, threats, 低能) is abuse in any context
CLASSIFIER_VETO = 0.05  # a lexicon match the classifier scores below this is dropped (benchmarks/comments.py)
NUMBER = re.compile(r"\d")
REASONING = re.compile(r"(?:から|ので|ため|なぜなら|つまり|だから)[、。]?")
RETORTS = frozenset({"insult", "vulgar"})  # categories that may describe a thing or the writer; slurs, threats never
OFF_TOPIC_WORDS = 3  # fewer named things are too little to tell a comment strays
NAME_JOINERS = frozenset({"・", "=", "＝"})
FIRST_PERSON = frozenset({"俺", "私", "僕", "我", "あたし", "オレ", "わし", "我ながら"})  # not 自分: it is reflexive
OTHER_PERSON = frozenset({"御前", "貴様", "手前", "あんた", "貴方", "此奴", "彼奴", "其奴", "奴", "彼", "彼女",
                          "奴等"})
PERSON_NOUNS = frozenset({"人", "奴", "やつ", "男", "女", "野郎", "連中", "人間", "子", "親", "母親", "父親", "夫",
                          "妻", "旦那", "嫁", "国民", "民族", "政治家", "首相", "大統領", "議員", "監督", "選手",
                          "社長", "店員"})
PERSON_SUFFIXES = frozenset({"者", "員", "民", "家", "手", "人"})
BODY_NOUNS = frozenset({"政党", "政府", "政権", "与党", "野党", "会社", "企業", "国会", "役所", "マスコミ", "メディア",
                    "テレビ局", "球団", "チーム", "協会", "連盟", "組合", "事務所", "運営"})
# people an insult is glued onto in one word (クズニート, バカ女)
COMPOUND_PEOPLE = frozenset({"女", "男", "人間", "野郎", "ニート", "オタク", "ヲタ", "オヤジ", "親父", "ババア",
                             "ジジイ", "ガキ", "共", "ども"})
GLUED_PEOPLE = max(map(len, COMPOUND_PEOPLE))
ARGUMENT_MARKS = frozenset({"を", "で", "へ", "から", "より", "と"})  # after a term that is not the predicate
TOPIC_MARKS = frozenset({"は", "が", "も", "って", "、", ","})  # what a sentence speaks of: 韓国人は, 女って
SENTENCE_END = frozenset({"。", "！", "？", "!", "?", "\n"})

Tokenize = Callable[[str], list[Token]]


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    words: tuple[str, ...]
    surfaces: tuple[str, ...]
    flag: str
    category: str
    weight: float

    @property
    def as_written(self) -> bool:
        """消えろ is not 消える, and 殺す is a threat where 殺された is not: a term whose written form is not its
        dictionary form, and every threat, matches as written only."""
        return self.words != self.surfaces or self.category == "threat"


@functools.cache
def load_lexicon(tokenize: Tokenize) -> Lexicon:
    text = files("matome.comments").joinpath("data", "lexicon.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    terms = []
    for term, flag, category, weight in rows:
        tokens = tokenize(term)
        terms.append(Term(term, tuple(t.normalized for t in tokens), tuple(t.surface for t in tokens), flag,
                          category, float(weight)))
    return Lexicon(tuple(terms))


class Lexicon:
    """The lexicon's terms, indexed by their first word so that a comment is matched in one pass over its tokens."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self.order = {term: n for n, term in enumerate(terms)}
        self.by_surface: dict[str, list[Term]] = {}
        self.by_form: dict[str, list[Term]] = {}
        self.insults = {t.text: t for t in terms if t.flag == "abusive" and t.weight >= THRESHOLD
                        and len(t.text) >= 2 and t.category != "threat"}  # what may be glued to a person
        for term in terms:
            if term.surfaces:
                self.by_surface.setdefault(term.surfaces[0], []).append(term)
            if term.words and not term.as_written:
                self.by_form.setdefault(term.words[0], []).append(term)


Span = tuple[Term, int]  # a term and the token it starts at


def matches(tokens: list[Token], lexicon: Lexicon) -> list[Term]:
    """Terms found as whole token sequences (らしい in 素晴らしい is not a rumour), by normalised form or surface."""
    return _terms(spans(tokens, lexicon))


def _terms(found: list[Span]) -> list[Term]:
    return list(dict.fromkeys(term for term, _ in found))


def spans(tokens: list[Token], lexicon: Lexicon) -> list[Span]:
    """Where each term of the lexicon is found, in lexicon order."""
    forms = [t.normalized for t in tokens]
    surfaces = [t.surface for t in tokens]
    found: dict[Span, None] = {}
    for i in range(len(tokens)):
        for term in lexicon.by_surface.get(surfaces[i], ()):
            if tuple(surfaces[i: i + len(term.surfaces)]) == term.surfaces:
                found[(term, i)] = None
        for term in lexicon.by_form.get(forms[i], ()):
            if tuple(forms[i: i + len(term.words)]) == term.words:
                found[(term, i)] = None
        if tokens[i].pos[0] == "名詞" and not tokens[i].proper():
            found |= {(term, i): None for term in _glued(surfaces[i], lexicon)}
    return sorted(found, key=lambda hit: (lexicon.order[hit[0]], hit[1]))


def _glued(word: str, lexicon: Lexicon) -> list[Term]:
    """Insults written as one word with a person (クズニート, バカ女), which Sudachi keeps as one noun."""
    found = []
    for size in range(1, min(len(word) - 1, GLUED_PEOPLE) + 1):
        if word[-size:] in COMPOUND_PEOPLE and (term := lexicon.insults.get(word[:-size])):
            found.append(term)
        if word[:size] in COMPOUND_PEOPLE and (term := lexicon.insults.get(word[size:])):
            found.append(term)
    return found


def abusive_terms(tokens: list[Token], found: list[Span]) -> list[Term]:
    """The abusive terms among `found` that are aimed at someone: not part of a name (チョン・ジヒョン), not
    describing a thing or an act (間抜けなミス, クソ暑い), not aimed at oneself (俺もバカだった). An insult too weak
    to flag alone (気持ち悪い, ゴミ, 哀れ) flags where it is said of a person or a group (`…人は気持ち悪い`,
    `哀れな男`): it counts at THRESHOLD."""
    aimed: dict[int, Term] = {}  # by start token: ブタ and 豚 on one word are one match
    for term, start in found:
        if term.flag != "abusive" or _in_name(tokens, start, len(term.words)):
            continue
        end = start + len(term.words)
        if term.category in RETORTS and (_of_a_thing(tokens, end) or _at_oneself(tokens) or _mocking(tokens, end)):
            continue
        if term.weight < THRESHOLD:
            if term.category != "insult" or not _said_of_someone(tokens, start, end):
                continue  # a weak slur or animal word (在日, 猿) is never raised: it names more than it insults
            term = dataclasses.replace(term, weight=THRESHOLD)
        if start not in aimed or term.weight > aimed[start].weight:
            aimed[start] = term
    return list(dict.fromkeys(aimed.values()))


def _in_name(tokens: list[Token], start: int, size: int) -> bool:
    span = tokens[start: start + size]
    if any(t.proper("人名") or t.proper("地名") for t in span):
        return True
    before, after = tokens[start - 2: start], tokens[start + size: start + size + 2]
    return (len(before) == 2 and before[1].surface in NAME_JOINERS and before[0].proper("人名")) or (
        len(after) == 2 and after[0].surface in NAME_JOINERS and after[1].proper("人名"))


def _of_a_thing(tokens: list[Token], end: int) -> bool:
    """`間抜けなミス`: the insult qualifies the noun after it, and that noun is not a person."""
    rest = tokens[end: end + 2]
    if len(rest) == 2 and rest[0].surface in ("な", "の") and rest[1].pos[0] == "名詞":
        return not _is_someone(rest[1])
    return False


def _mocking(tokens: list[Token], end: int) -> bool:
    """`国民をバカにするな`: バカにする is to make a fool of someone, said of the mocker's act, not an insult."""
    rest = tokens[end: end + 2]
    return len(rest) == 2 and rest[0].surface == "に" and rest[1].normalized in ("為る", "する")


def _said_of_someone(tokens: list[Token], start: int, end: int) -> bool:
    """The term is said of a person or a group: it is the predicate (not an object: `清掃員がゴミを回収`) and the
    nearest topic or subject before it in its sentence is someone (`韓国人は…気持ち悪い`, not `…が、この料理は
    気持ち悪い`); or an adjective term qualifies a person (`哀れな男`, `気持ち悪い男`, never across の)."""
    rest = tokens[end: end + 3]
    if rest and rest[0].surface in ARGUMENT_MARKS:
        return False
    if tokens[end - 1].pos[0] in ("形容詞", "形状詞") or tokens[end - 1].pos[2] == "形状詞可能":
        for token in rest:
            if token.surface in SENTENCE_END or token.pos[0] in ("補助記号", "動詞") or token.surface == "の":
                break
            if token.pos[0] == "名詞" and token.pos[1] != "助動詞語幹":
                if _is_someone(token) or token.normalized in OTHER_PERSON:
                    return True
                break
    for n in range(start - 1, -1, -1):
        if tokens[n].surface in SENTENCE_END:
            return False
        if n == start - 1 or (tokens[n + 1].surface in TOPIC_MARKS and tokens[n].pos[0] in ("名詞", "代名詞")):
            if (_is_someone(tokens[n]) or tokens[n].normalized in OTHER_PERSON) and (
                    tokens[n].normalized not in FIRST_PERSON):
                return True
            if n != start - 1:
                return False  # the nearest topic is a thing
    return False


def _is_someone(token: Token) -> bool:
    """A person, or a group or body one may insult: a party, a government, a company (恥知らずの政党, あの政党は
    ゴミ); a word of one character is no one by its ending (家 is a house)."""
    if token.proper("人名") or token.proper("組織名") or token.normalized in PERSON_NOUNS | BODY_NOUNS:
        return True
    return len(token.surface) >= 2 and (token.surface[-1] in PERSON_SUFFIXES or token.surface[-1] in "党庁")


def _at_oneself(tokens: list[Token]) -> bool:
    """The comment speaks of its writer (俺, 私, 僕) and names nobody else."""
    first = any(t.normalized in FIRST_PERSON and (n == len(tokens) - 1 or tokens[n + 1].surface != "より")
                for n, t in enumerate(tokens))  # おれよりデブ compares another with oneself
    other = any(t.normalized in OTHER_PERSON or t.proper("人名") or t.proper("組織名") for t in tokens)
    return first and not other


def flag_comment(comment: Comment, tokens: list[Token], lexicon: Lexicon, model: AbuseModel,
                 topic: frozenset[str]) -> tuple[Flag, ...]:
    """Every flag that reaches THRESHOLD, with its score and the words behind it."""
    found = spans(tokens, lexicon)
    terms = _terms(found)
    flags = [_lexicon_flag("speculation", terms), abusive_flag(tokens, found, model),
             _constructive(comment.text, terms), _off_topic(comment, tokens, topic)]
    return tuple(f for f in flags if f is not None and f.score >= THRESHOLD)


def _lexicon_flag(flag: str, terms: list[Term]) -> Flag | None:
    mine = [t for t in terms if t.flag == flag]
    if not mine:
        return None
    score = min(1.0, max(t.weight for t in mine) + 0.1 * (len(mine) - 1))
    return Flag(flag, round(score, 3), tuple(dict.fromkeys(t.text for t in mine)))


def abusive_flag(tokens: list[Token], found: list[Span], model: AbuseModel) -> Flag | None:
    """The lexicon's terms aimed at someone, unless the classifier finds the comment's words plainly harmless
    (p < CLASSIFIER_VETO) and no term is UNAMBIGUOUS: the classifier weighs the context of a match; alone it raises
    nothing. The evidence names the terms, their categories and the classifier's probability. `found`: the
    lexicon's spans in the comment (`spans`)."""
    flag = _lexicon_flag("abusive", (terms := abusive_terms(tokens, found)))
    if flag is None or flag.score < THRESHOLD:
        return None
    probability, _ = model.score(tokens)
    if probability < CLASSIFIER_VETO and flag.score < UNAMBIGUOUS:
        return None
    categories = tuple(dict.fromkeys(f"category:{t.category}" for t in terms))
    return Flag("abusive", flag.score, (*flag.evidence, *categories, f"classifier:{probability:.2f}"))


def _constructive(text: str, terms: list[Term]) -> Flag | None:
    """Gives reasons or facts: a reason word, a number, a cited source, and some length to say it in."""
    evidence = [f"{t.category}:{t.text}" for t in terms if t.flag == "constructive"]
    evidence += [f"reason:{m.group(0).strip('、。')}" for m in REASONING.finditer(text)][:2]
    evidence += ["number"] if NUMBER.search(text) else []
    length = min(1.0, len(text) / 120)
    score = 0.2 * len(set(evidence)) + 0.4 * length
    return Flag("constructive", round(min(score, 1.0), 3), tuple(dict.fromkeys(evidence))) if evidence else None


def _off_topic(comment: Comment, tokens: list[Token], topic: frozenset[str]) -> Flag | None:
    """Names OFF_TOPIC_WORDS things or more, none of them in the article or in another comment, and answers none."""
    words = set(content_nouns(tokens))
    if comment.reply_to or not topic or len(words) < OFF_TOPIC_WORDS or words & topic:
        return None
    return Flag("off_topic", round(min(0.9, 0.5 + 0.05 * len(words)), 3), tuple(sorted(words))[:3])
