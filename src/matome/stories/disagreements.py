"""Where accounts differ (認識のずれ): sources that state one point differently, speakers that contradict each other.

On each point that two or more reports state (stories/points.py), the aligned sentences are compared: a number of
the same unit (`2時間` / `2時間半`), the time of day of the same event (`午前11時25分ごろ` / `11時半ごろ`), the day
of the event, the place (two cities, two prefectures), who is quoted saying the same words, and the polarity of the
same predicate (`合意した` / `合意していない`). Across the story's statements, a denial of what another speaker said
(`これを否定`) and the same claim with opposite polarity (`交渉は決裂した` / `交渉は決裂していない`) are claims that
contradict. Across the story, a person named in full whose age two sources give differently (岡本昭彦社長(52) /
(53)) is a number that differs, and so is how long a meeting lasted where two sources' lengths cannot both be true
(約1時間 / 約1時間半). Every disagreement has two or more sides from different sources (a denial: from
different speakers, as one report tells it); one speaker is never set against himself (兼重氏 and 兼重宏行社長 are
one person, and a bare title like 外相 may be anyone), a report that tells both parties' positions is no difference
between accounts, and a day's difference under a foreign dateline (a time zone) is not a discrepancy.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from matome.language.entities import MEDIA_SUFFIXES, NAME_READING
from matome.language.tokens import Token, content_nouns
from matome.records import Disagreement, Sentence, Side, Statement
from matome.stories.points import CLOSE, DESCRIBING, Aligned, similarity, stated
from matome.stories.quantities import TOLL_WORDS, TOTAL, Count, Values, how_stated, quantities, tallies
from matome.stories.reports import Report
from matome.stories.summary import tells_plan, trim
from matome.text.dates import CLOCK, DAY_VALUE, kanji_value, minute_of_day

DENIAL = ("否定", "反論", "否認", "一蹴")
NEGATIVE = re.compile(r"(?:ない|なかった|ず|ません|ぬ|ではない|否定)[。」]*$")
# when a clause says a thing happened: two clauses that tell of different times (6日朝に連絡が取れた against 連絡が
# 取れない, which names none) are two steps of the story, not a claim and its negation
WHEN_TOLD = re.compile(r"[0-9０-９]{1,2}日(?!間)|午[前後][0-9０-９]{0,2}|[0-9０-９]{1,2}時(?!間)|未明|早朝|夕方")
SAME_POINT = 0.5
CORE = 4
ENDINGS = re.compile(r"(?:していない|していなかった|していた|している|しなかった|しない|した|する|ではない|"
                     r"ではなかった|ていない|ていた|ている|なかった|ない|ません|ました|ます|です|だった|だ|である|ず|た)$")
ABOUT = 0.1  # 約20台 allows 18 to 22
NEARLY = 0.8  # 3時間近く allows 2時間24分 to 3時間
MAX_DIFFERING = 2  # numbers of two counted things may differ at once (死者と行方不明者); more is another account
ABROAD = re.compile(r"現地時間|日本時間|[（【(][^）】)\s]{1,12}(?:[=＝]|共同|時事|AFP|ロイター|AP)")
# 午後2時半現在で約50棟: a count as of a time of day, which a count as of another time (or of none) may outgrow
# after a time of day: the moment a count or a state was true (午後6時までに計69回: up to then)
AS_OF = re.compile(r"(?:現在|時点|の時点|まで)")
CAME_OUT = re.compile(r"(?:までに)?、?(?:[^、。「」]{0,20}?(?:取材|調べ|発表|調査)で、?)?"
                      r"(?:分かった|わかった|判明|明らかになった)")  # 5日、…の取材で分かった: when it came out
SOURCE_DAY = re.compile(r"(?:付け?)?の")  # 9日の日本経済新聞によると, 9日付の毎日新聞: the day of the source
OUTLET_WORDS = re.compile(rf"[^、。「」]{{0,12}}?(?:{'|'.join(MEDIA_SUFFIXES)})(?:など)?(?:によると|によれば|が|は|で)")
PLACE_LEVELS = "都道府県市区町村"  # two places of one level (two cities): one cannot hold the other
# 余震が相次ぎ、このうち10時37分ごろの地震: the time of one of several (but このうち1人が重傷 is a count)
ONE_OF_MANY = re.compile(r"(?:この|その)うち[^。]*?[0-9０-９]{1,2}時")
# a sentence that tells a later step of the story, not the first one again (新たに5人, 前日に逮捕された男を再逮捕)
NEWER = re.compile(r"新たに|再び|一夜明け|再[一-龥]{2}")
QUOTE_OVERLAP = 0.6  # two quotes this alike (character bigrams) are the same words
CLOCK_EVENT = re.compile(r"[一-龥]{2}(?=し|する|され|さ[せれ])")  # what a time of day dates: 衝突した, 出火し
# `県は4日、…と明らかにした`: a day right after who tells, in a sentence that tells, is the day of the telling, not of
# what is told; it is compared only with other days of telling
TELLER_BEFORE = re.compile(r"[一-龥ァ-ヴー][はが]、?$")
TELLING = re.compile(r"(?:明らかに|発表|公表|述べ|語っ|話し|説明|表明|会見)(?:し|さ|を|で)")
TOLD = "told"
SPAN_START = re.compile(r"から(?!、)")  # 12日から行方不明: the day a state began, compared only with such days
# what ごろ allows: a minute in fives (5時50分ごろ) may be rounded to them, one not in fives (5時47分ごろ) is told
# to the minute, an hour alone a quarter hour
ROUNDING = {"fives": 2, "minute": 0, "hour": 15}
PAST = {"minute": 10, "hour": 30}  # what すぎ (or 前) allows, one side only: 3時すぎ is up to 3時半
HALF_DAY = 12 * 60  # 3時 without 午前/午後 may be either
# outlets' times of one happening differ by minutes (5時47分ごろ, 5時50分ごろ) or by 午前 and 午後 swapped; hours apart,
# they are two happenings (the first quake at 4時10分, a second at 11時5分) or two steps (found at 4時47分, recovered at
# 8時3分)
MAX_CLOCK_GAP = 60
# the minute of a match (前半8分, 後半9分、14分): a sentence with one half named gives the minutes after it that half
MATCH_HALF = re.compile(r"(?P<half>延長前半|延長後半|前半|後半)(?=[0-9]{1,3}分)")
MATCH_MINUTE = re.compile(r"(?<![0-9時.])(?P<minute>[0-9]{1,3})分(?![間前後以遅ぶ半の0-9])")
MONEY = ("円", "ドル", "ユーロ")  # sums told with their fraction (4451円28銭) or without it (4451円)
# one account rarely gets two of these wrong at once; two happenings of one kind differ in several
ANOTHER_HAPPENING = frozenset({"date", "number", "place"})
LEDE_SENTENCES = 2  # a lede and the sentence after it: where news tells when its event happened
MAX_DAY_GAP = 366  # a day of another year (the record set on 1987年10月20日) is a past happening the story recalls
# an age in brackets after a name and its title: 岡本昭彦社長(52), 井上奨(つとむ)元コーチ(29), 羽生結弦(23=ANA)
AGE = re.compile(rf"(?:{NAME_READING.pattern})?[一-龥ァ-ヴー]{{0,8}}?[(（](?P<age>[0-9０-９]{{1,3}})(?=[)）=＝、])")
FULL_NAME = 3  # a surname alone (兼重) may be two people of one story, a father and his son
# how long a meeting lasted (会談は約1時間半, 80分を超える会談, 一時間二十五分間): a figure outlets give and disagree on
MEETING = r"(?:首脳|電話|外相|日[米中韓]|米[中ロ])?(?P<meeting>会談|協議|会合|面会)"
_NUMBER = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
# not a delay or a time before or after (2時間40分遅れて会談場所に到着, 約2時間遅れで始まった, 会談の1時間前)
_LENGTH = (rf"(?P<length>(?P<hours>{_NUMBER})時間(?P<half>半)?(?:(?P<minutes>{_NUMBER})分)?|(?P<only>[0-9]{{2,3}})分)"
           r"(?![0-9一二三四五六七八九十半分]|遅|早|前|後|ぶり|以内)")
LENGTHS = (re.compile(rf"{MEETING}は、?[^。「」]{{0,24}}?{_LENGTH}"),
           re.compile(rf"{_LENGTH}(?:を超える|余りの|以上の|超の|ほどの|程度の|近くの)?"
                      rf"(?:の|に及ぶ|にわたる|にわたった|にわたって|にわたり)?[^。、「」]{{0,6}}?{MEETING}"))
LENGTH_ABOUT = 0.15  # 約1時間 and 約1時間10分 may be one length: meetings are told to the quarter hour
AGE_GAP = 2  # ages of one name further apart are two people (長谷川会長(80), 長谷川社長(52)), not two accounts
Clock = tuple[int, int, bool]  # earliest and latest minute of the day it allows, and whether it may be 12 hours later

SourceName = Callable[[str], str]  # sentence id -> the outlet (or report) that carries it
Tokenize = Callable[[str], list[Token]]


def disagreements(reports: list[Report], aligned: list[list[Aligned]], source: SourceName,
                  tokenize: Tokenize) -> tuple[Disagreement, ...]:
    """Every point where sources or speakers differ, once, each side once."""
    statements = [s for r in reports for s in r.statements]
    found = [*_point_differences(aligned, source), *_contradicting_claims(statements, source, tokenize),
             *_ages_differ(reports, source), *_lengths_differ(reports, source)]
    result: dict[tuple[str, str], Disagreement] = {}
    for lede in _lede_times_differ(reports, source):  # a time already told apart joins the row that holds it
        told = {side.sentence for side in lede.sides}
        found.append(next((replace(lede, point=item.point) for item in found if item.kind == "time"
                           and told & {side.sentence for side in item.sides}), lede))
    for item in found:
        if not _real(item):
            continue
        known = result.get((item.kind, item.point))
        sides = {(s.sentence, s.speaker, s.content): s for s in (*(known.sides if known else ()), *item.sides)}
        result[(item.kind, item.point)] = Disagreement(item.point, tuple(sides.values()), item.kind)
    return tuple(result.values())


def _real(item: Disagreement) -> bool:
    """Two or more sides that are not one speaker against himself, nor one source against itself (but for a denial,
    which one report tells with the claim it answers)."""
    speakers = {s.speaker for s in item.sides}
    sources = {s.source for s in item.sides}
    if len(item.sides) < 2:
        return False
    if item.kind == "claim" and None not in speakers:  # a denial (これを否定) answers a claim in the same report
        return len(speakers) >= 2
    one_speaker = None not in speakers and len(speakers) < 2
    return len(sources) >= 2 and not (item.kind in ("polarity", "attribution") and one_speaker)


@dataclass(frozen=True, slots=True)
class _Said:
    """What a point's sentence says that is compared with the others: read once per sentence, not once per pair."""

    days: list[tuple[str, date]]  # `_days`
    places: list[str]
    quoted: list[tuple[str, str, str]]  # `_quoted`
    abroad: bool  # its report is written under a foreign dateline


def _point_differences(aligned: list[list[Aligned]], source: SourceName) -> Iterator[Disagreement]:
    for group in aligned:
        point = trim(group[0].sentence.text)
        said = {m.sentence.id: _Said(_days(m), _places(m), _quoted(m), _abroad(m.report.text)) for m in group}
        for a, b in combinations(group, 2):
            if source(a.sentence.id) == source(b.sentence.id):
                continue
            close = similarity(a, b) >= CLOSE
            found = list(_differences(a, b, close, said[a.sentence.id], said[b.sentence.id]))
            if len({kind for kind, _, _ in found} & ANOTHER_HAPPENING) >= 2:
                continue  # another day and another count: another rate decision, another quake (a look-alike)
            for kind, side_a, side_b in found:
                yield Disagreement(point, (_side(a, side_a, source), _side(b, side_b, source)), kind)


def _side(member: Aligned, speaker: str | None, source: SourceName) -> Side:
    return Side(speaker, trim(member.sentence.text), source(member.sentence.id), member.sentence.id)


def _differences(a: Aligned, b: Aligned, close: bool, said_a: _Said,
                 said_b: _Said) -> Iterator[tuple[str, str | None, str | None]]:
    """The day wherever two aligned sentences each name one for the same event (the first verbal noun after it: 22日に
    投票され / 23日に開票され are two steps; a side may name none where the two are close), unless one tells a plan, a
    later step (新たに) or a toll (counted again each day), or each is its own report's day (a search on the 28th told
    on the 28th, the next on the 29th); numbers, times of day and polarity only where the two are close (else they may
    be about two products); the speaker wherever the two quote the same words. Times of day compare only on one day in
    one time zone."""
    dated_a, dated_b = said_a.days, said_b.days
    days_a, days_b = sorted({day for _, day in dated_a}), sorted({day for _, day in dated_b})
    one_clock = not (said_a.abroad or said_b.abroad)
    plan = tells_plan(a.sentence.text) or tells_plan(b.sentence.text)  # the day it is meant for, not when it was
    # 来月1日から15%となる against 18日に発表した: a day still to come against one past (two days to come may differ)
    plan = plan or _ahead(days_a, a.report.day) != _ahead(days_b, b.report.day)
    own_days = days_a == [a.report.day] and days_b == [b.report.day]  # each report's own day's news (28日, 29日)
    newer = NEWER.search(a.sentence.text) or NEWER.search(b.sentence.text)  # 29日、新たに5人: a later fact
    tally = bool(tallies(quantities(a.sentence.text)) or tallies(quantities(b.sentence.text)))  # 9日までに4人が死亡
    events_a, events_b = {e for e, _ in dated_a if e}, {e for e, _ in dated_b if e}  # 22日に投票され / 23日に開票され
    one_event = (bool(events_a & events_b) or (close and not (events_a and events_b))) \
        and ("から" in events_a) == ("から" in events_b)  # 7月24日から開催を予定: a span's start meets only a start
    if len(days_a) == len(days_b) == 1 and days_a != days_b and one_event and not (plan or own_days or newer or tally):
        apart = abs((days_a[0] - days_b[0]).days)
        if (apart > 1 or one_clock) and apart <= MAX_DAY_GAP:
            yield "date", None, None
    places_a, places_b = said_a.places, said_b.places
    elsewhere = bool(places_a) and bool(places_b) and places_a != places_b  # both name places, not the same ones
    same_day = a.report.day is not None and a.report.day == b.report.day
    (times_a, as_of_a), (times_b, as_of_b) = _clock_times(a.sentence.text), _clock_times(b.sentence.text)
    if as_of_a == as_of_b and _numbers_differ(quantities(a.sentence.text), quantities(b.sentence.text),
                                              close or not elsewhere, close, same_day):
        yield "number", None, None
    days_agree = days_a == days_b or not days_a or not days_b
    named_day = len(days_a) == 1 and days_a == days_b  # 13日午後11時8分ごろ in reports of the 13th and the 15th
    one_day = (same_day or named_day) and one_clock and days_agree
    # an undated report's near-paraphrase (close) of the same named event, naming no other day: one day's time
    undated_alike = close and one_clock and days_agree and None in (a.report.day, b.report.day)
    one_of_many = ONE_OF_MANY.search(a.sentence.text) or ONE_OF_MANY.search(b.sentence.text)
    minutes_a, minutes_b = _match_minutes(a.sentence.text), _match_minutes(b.sentence.text)
    if minutes_a and minutes_b and not minutes_a & minutes_b:  # 前半8分 / 前半7分: one goal, two minutes
        yield "time", None, None
    if not one_of_many and (_times_differ(times_a, times_b, close or not elsewhere, close, one_day)
                            or (undated_alike and _times_differ(times_a, times_b, True, False, True))):
        yield "time", None, None
    if close:
        if len(places_a) == len(places_b) == 1 and _two_places(places_a[0], places_b[0]):
            yield "place", None, None
        text_a, text_b = a.sentence.text, b.sentence.text
        if _negative(text_a) != _negative(text_b) and _core(text_a)[-CORE:] == _core(text_b)[-CORE:] \
                and not _two_steps(text_a, text_b):
            yield "polarity", None, None
    quoted_a, quoted_b = said_a.quoted, said_b.quoted
    if len(quoted_a) == len(quoted_b) == 1:
        (speaker_a, person_a, words_a), (speaker_b, person_b, words_b) = quoted_a[0], quoted_b[0]
        if _overlap(words_a, words_b) >= QUOTE_OVERLAP and not _one_person(person_a, person_b):
            yield "attribution", speaker_a, speaker_b


def _ahead(days: list[date], report_day: date | None) -> bool:
    """Whether a sentence names a day after its report's own: a plan or a schedule, not when something happened."""
    return report_day is not None and any(day > report_day for day in days)


def _numbers_differ(first: Mapping[Count, Values], second: Mapping[Count, Values],
                    comparable: bool, close: bool, same_day: bool = True) -> bool:
    """One or two counts of the same thing differ beyond what their bounds allow. In close sentences a count is the
    same when unit, noun and word after all agree; in others (sentences that say more besides, in the same place)
    only a toll (14人がけが / 17人が負傷) or a count named by its noun on both sides, the word after it given on one
    side at least (消防車14台が出動 / 消防車およそ20台). A toll in reports of different days is an update, not a
    difference (`same_day`)."""
    if not comparable:
        return False
    pairs = []
    for x in first:
        if x in second:
            pairs.append((x, x))
            continue
        loose = [y for y in second if x[:2] == y[:2]]
        alone = sum(z[:2] == x[:2] for z in first) == 1  # 従来の半径10キロから半径20キロに: which one is meant?
        if alone and len(loose) == 1 and loose[0] not in first and (not x[2] or not loose[0][2]) and not close:
            pairs.append((x, loose[0]))
    # a total with its parts (46票、108票の計154票) and a total alone (計736票) may sum different things
    pairs = [(x, y) for x, y in pairs if x[1] != TOTAL or _parts(first, x) == _parts(second, y)]
    tolls = [(x, y) for x, y in pairs if x[2] in TOLL_WORDS or y[2] in TOLL_WORDS]
    pairs = [(x, y) for x, y in pairs if (close or x[1] or (x, y) in tolls) and (same_day or (x, y) not in tolls)]
    differing = [(x, y) for x, y in pairs if first[x] != second[y]
                 and not (_unnamed(x) and _unnamed(y) and _in_unit(first, x[0]) == _in_unit(second, x[0]))]
    return 0 < len(differing) <= MAX_DIFFERING and all(
        len(first[x]) == len(second[y]) == 1
        and not _compatible(next(iter(first[x])), next(iter(second[y])), money=x[0] in MONEY) for x, y in differing)


def _unnamed(count: Count) -> bool:
    """A count that names neither a noun nor a word it counts (49票-45票)."""
    return not count[1] and (not count[2] or count[2].startswith("~"))


def _parts(found: Mapping[Count, Values], total: Count) -> int:
    """How many counts a sentence gives of what a total counts (its unit and word: 46票、108票の計154票 gives three;
    計5人が死亡し、1人がけが gives one death count)."""
    return sum(1 for key in found if key[0] == total[0] and key[2] == total[2])


def _in_unit(found: Mapping[Count, Values], unit: str) -> set[float]:
    """Every value a sentence gives in `unit`: 49票-45票 and 45票−49票 tell the same two counts in another order."""
    return {value for key, values in found.items() if key[0] == unit for value, _ in values}


@functools.lru_cache(maxsize=4096)  # a sentence is compared with every other of its point: read it once
def _clock_times(text: str) -> tuple[dict[str, frozenset[Clock]], frozenset[int]]:
    """The times of day of a sentence, keyed by the event each dates, the first verbal noun after it and before the
    next time (午前11時25分ごろ、…衝突した: 衝突; 午後3時すぎに会見し: 会見), or "" when none follows; and apart, the
    minutes of the day it gives counts or states as of (午後2時半現在で約50棟: 870), which date no event."""
    found: dict[str, set[Clock]] = {}
    as_of: set[int] = set()
    flat = unicodedata.normalize("NFKC", text)
    matches = list(CLOCK.finditer(flat))
    ends = [m.start() for m in matches[1:]] + [len(flat)] if matches else []
    for match, end in zip(matches, ends, strict=True):
        if AS_OF.match(flat, match.end()):
            if (minute := minute_of_day(match)) is not None:
                as_of.add(minute)
        elif (clock := _clock(match)) is not None:
            event = CLOCK_EVENT.search(flat, match.end(), end)
            found.setdefault(event.group(0) if event else "", set()).add(clock)
    return {event: frozenset(clocks) for event, clocks in found.items()}, frozenset(as_of)


@functools.lru_cache(maxsize=1024)
def _match_minutes(text: str) -> frozenset[tuple[str, int]]:
    """The minutes of a match a sentence names, each with its half: `後半9分、14分と` is 後半 9 and 後半 14. A sentence
    naming no half (`約30分後`, `3分間`) names no minute of a match."""
    flat = unicodedata.normalize("NFKC", text)
    halves = list(MATCH_HALF.finditer(flat))
    if not halves:
        return frozenset()
    found = set()
    for minute in MATCH_MINUTE.finditer(flat, halves[0].end()):
        half = next(h.group("half") for h in reversed(halves) if h.end() <= minute.start())
        found.add((half, int(minute.group("minute"))))
    return frozenset(found)


@functools.lru_cache(maxsize=1024)
def _abroad(text: str) -> bool:
    """Whether a report is written under a foreign dateline or in another time zone (現地時間, (ワシントン共同))."""
    return ABROAD.search(text) is not None


def _clock(match: re.Match[str]) -> Clock | None:
    """The minutes of the day a time allows: 午後3時 and 15時 are one (午後 counts from noon); ごろ, すぎ and 前 widen
    it by the minutes that round to it, told to the minute (半 is 30分), in fives or to the hour."""
    at = minute_of_day(match)
    if at is None or (match.group("mi") and match.group("rough") == "前"):
        return None  # 10時5分前 is 9時55分
    told = "hour" if not (match.group("mi") or match.group("colon") or match.group("half")) \
        else "minute" if at % 5 else "fives"
    rough, hour = match.group("rough") or "", 12 if match.group("noon") else int(match.group("h"))
    around, past = ROUNDING[told], PAST["hour" if told == "hour" else "minute"]
    earliest = at - (past if rough == "前" else around if rough in ("ごろ", "頃", "前後") else 0)
    latest = at + (past if rough in ("すぎ", "過ぎ") else around if rough in ("ごろ", "頃", "前後") else 0)
    twelve_hours = (not match.group("colon") and 1 <= hour <= 11 and not match.group("ampm")) or (
        hour == 12 and match.group("ampm") is not None)  # 3時 may be 15時; 午後12時 may be noon or midnight
    return earliest, latest, twelve_hours


def _times_differ(first: dict[str, frozenset[Clock]], second: dict[str, frozenset[Clock]], comparable: bool,
                  close: bool,
                  one_day: bool) -> bool:
    """A time of day of the same event differs beyond what ごろ, すぎ and 前 allow. Like a toll, the event must be
    the same on both sides, named on both unless the sentences are close, and the reports of one day (`one_day`)."""
    if not comparable or not one_day:
        return False
    differing = [x for x in first if x in second and (close or x) and first[x] != second[x]]
    return 0 < len(differing) <= MAX_DIFFERING and all(
        len(first[x]) == len(second[x]) == 1 and not _same_time(next(iter(first[x])), next(iter(second[x])))
        and _near_or_swapped(next(iter(first[x])), next(iter(second[x]))) for x in differing)


def _near_or_swapped(first: Clock, second: Clock) -> bool:
    """Whether two times are near enough to be told of one happening (MAX_CLOCK_GAP), or are one time of day with
    午前 and 午後 swapped (午前11時 / 23時)."""
    swapped = abs(first[0] - second[0]) == HALF_DAY and first[1] - first[0] == second[1] - second[0]
    return swapped or _same_time(first, second, MAX_CLOCK_GAP)


def _same_time(first: Clock, second: Clock, slack: int = 0) -> bool:
    """Can both be true, give or take `slack` minutes? `11時ごろ` and `11時05分` can; `11時25分ごろ` and `11時半ごろ`
    cannot; `3時` may be 15時."""
    shifts = (0, HALF_DAY, -HALF_DAY) if first[2] or second[2] else (0,)
    return any(first[0] + shift <= second[1] + slack and second[0] <= first[1] + shift + slack for shift in shifts)


def _two_places(a: str, b: str) -> bool:
    """Two places of one level (two cities); 北海道小樽市 and 小樽市 are one (but 東大阪市 and 大阪市 are two)."""
    shorter, longer = sorted((a, b), key=len)
    with_prefecture = longer.endswith(shorter) and longer[: -len(shorter)].endswith(("都", "道", "府", "県"))
    return a != b and not with_prefecture and a[-1] == b[-1] and a[-1] in PLACE_LEVELS


def _compatible(first: tuple[float, str], second: tuple[float, str], about: float = ABOUT, money: bool = False) -> bool:
    """Can both be true? `40人以上` and `80人以上` can; `約20台` and `10台以上` can; `3時間近く` and `2時間40分` can;
    `6台` and `5台` cannot; a sum of `money`, `3836円` and `3836円48銭`, can (told without its fraction). `about` is how
    far an approximate value may be off."""
    (a, how_a), (b, how_b) = first, second
    if "nearly" in (how_a, how_b):  # a little under the bound: down to NEARLY of it
        bound, other, how = (a, b, how_b) if how_a == "nearly" else (b, a, how_a)
        slack = about if how == "about" else 0.0
        if how == "nearly":
            return abs(a - b) <= NEARLY * max(a, b)
        if how == "at least":
            return other <= bound
        return bound * NEARLY * (1 - slack) <= other <= bound * (1 + slack)
    if how_a == how_b == "at least":
        return True
    if "at least" in (how_a, how_b):
        bound, other = (a, b) if how_a == "at least" else (b, a)
        return other >= bound * (1 - about) if "about" in (how_a, how_b) else other >= bound
    if "about" in (how_a, how_b):
        return abs(a - b) <= about * max(a, b)
    return a == b or (money and a.is_integer() != b.is_integer() and abs(a - b) < 1)  # 3836円 is 3836円48銭


def _days(member: Aligned) -> list[tuple[str, date]]:
    """The days a sentence names, each with the event it dates, as a time of day's (`_clock_times`); but not a
    source's own day (`9日の日本経済新聞によると`, `9日付の…`) nor the day a fact came out
    (`…ことが5日、関係者への取材で分かった`: outlets learn it on different days)."""
    text = member.sentence.text
    outlets = {e.start for e in member.report.entities if e.sentence == member.sentence.id and e.type == "MEDIA"}
    dates = sorted((e for e in member.report.entities if e.sentence == member.sentence.id and e.type == "DATE"
                    and DAY_VALUE.match(e.canonical)), key=lambda e: e.start)
    ends = [e.start for e in dates[1:]] + [len(text)] * bool(dates)
    found = set()
    for mention, end in zip(dates, ends, strict=True):
        if _dates_source(text, mention.end, outlets) or CAME_OUT.match(text, mention.end):
            continue
        event = _event_after(text, mention.end, end)
        told = TELLER_BEFORE.search(text, 0, mention.start) and TELLING.search(text, mention.end)
        what = "から" if SPAN_START.match(text, mention.end) else TOLD if told else event.group(0) if event else ""
        found.add((what, date.fromisoformat(mention.canonical[:10])))
    return sorted(found)


def _event_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first verbal noun after a day, before the next day, that is no description of a noun (観測した熊本地震;
    but 上陸した後 is the landing's day)."""
    return next((m for m in CLOCK_EVENT.finditer(text, start, end) if not DESCRIBING.match(text, m.end())), None)


def _dates_source(text: str, end: int, outlets: set[int]) -> bool:
    after = SOURCE_DAY.match(text, end)
    return after is not None and (after.end() in outlets or OUTLET_WORDS.match(text, after.end()) is not None)


def _places(member: Aligned) -> list[str]:
    return sorted({e.text for e in member.report.entities if e.sentence == member.sentence.id
                   and e.type in ("GPE", "LOC")})


def _quoted(member: Aligned) -> list[tuple[str, str, str]]:
    """(speaker, person, words) of the direct quotes in the sentence whose speaker is a named person: a bare title
    (外相) or a pair (両外相) may be the other side's person."""
    return [(s.speaker, s.speaker_canonical.removeprefix("person:"), s.content) for s in member.report.statements
            if s.sentence == member.sentence.id and s.direct and s.speaker and s.speaker_canonical
            and s.speaker_canonical.startswith("person:")]


def _one_person(a: str, b: str) -> bool:
    """兼重 and 兼重宏行 (a surname and the whole name) are one person; 岸 and 岸田 are not."""
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= 2 and longer.startswith(shorter))


def _overlap(a: str, b: str) -> float:
    grams_a, grams_b = ({t[i: i + 2] for i in range(len(t) - 1)} for t in (_plain(a), _plain(b)))
    return len(grams_a & grams_b) / (len(grams_a | grams_b) or 1)


def _plain(text: str) -> str:
    return re.sub(r"[\s・=＝]", "", unicodedata.normalize("NFKC", text))


def _ages_differ(reports: list[Report], source: SourceName) -> Iterator[Disagreement]:
    """A person named in full whose age, in brackets after the name (岡本昭彦社長(52), 羽生結弦(23=ANA)), differs
    between sources, wherever in the story each names him: a story spans two weeks, seldom a birthday; ages more than
    AGE_GAP apart are of two people."""
    told: dict[str, dict[int, dict[str, Sentence]]] = {}  # name -> age -> source -> the first sentence that says it
    for report in reports:
        body = {s.id: s for s in report.body_sentences}
        for entity in report.entities:
            if entity.type != "PERSON" or len(entity.text) < FULL_NAME or entity.sentence not in body:
                continue
            sentence = body[entity.sentence]
            if (age := AGE.match(sentence.text, entity.end)) is not None:
                by_source = told.setdefault(NAME_READING.sub("", entity.text), {}).setdefault(int(age.group("age")), {})
                by_source.setdefault(source(sentence.id), sentence)
    for by_age in told.values():
        if len(by_age) < 2 or max(by_age) - min(by_age) > AGE_GAP:
            continue
        sides: list[Side] = []
        for _, sources in sorted(by_age.items(), key=lambda item: len(item[1])):  # the rarest age picks first
            name = next((n for n in sources if n not in {side.source for side in sides}), next(iter(sources)))
            sides.append(Side(None, trim(sources[name].text), name, sources[name].id))
        yield Disagreement(sides[0].content, tuple(sides), "number")


def _lengths_differ(reports: list[Report], source: SourceName) -> Iterator[Disagreement]:
    """How long a meeting of the story lasted, where sources give lengths that cannot both be true (`_compatible`:
    約1時間 against 約1時間半; not 約1時間半 against 1時間25分, nor 80分を超える against 85分). Sentences that tell of
    different days (those they name, else their report's) tell of two meetings and are not compared."""
    told: dict[str, list[tuple[tuple[float, str], frozenset[int], Side]]] = {}  # meeting -> (length, days, side)
    for report in reports:
        for sentence in report.body_sentences:
            text = unicodedata.normalize("NFKC", sentence.text)
            for match in (m for pattern in LENGTHS for m in pattern.finditer(text)):
                side = Side(None, trim(sentence.text), source(sentence.id), sentence.id)
                told.setdefault(match.group("meeting"), []).append((_length(text, match),
                                                                    report.days_told(sentence.id), side))
    for lengths in told.values():
        for (length_a, days_a, a), (length_b, days_b, b) in combinations(lengths, 2):
            if a.source != b.source and not _compatible(length_a, length_b, LENGTH_ABOUT) \
                    and not (days_a and days_b and not days_a & days_b):
                yield Disagreement(a.content, (a, b), "number")


def _lede_times_differ(reports: list[Report], source: SourceName) -> Iterator[Disagreement]:
    """When the story's event happened, as each report's lede tells it: the first time of day its opening sentences
    give (news opens with when and where), compared across sources that tell it of the same day in the same time zone
    and of the same event (`_clock_times`), whether or not the two sentences were aligned."""
    told: list[tuple[int, str, Clock, Side]] = []  # (day of the month, event, time, side)
    for report in reports:
        if report.kind == "page" or _abroad(report.text):
            continue
        for sentence in stated(report)[:LEDE_SENTENCES]:
            if ONE_OF_MANY.search(sentence.text):
                break  # このうち22日午後10時40分ごろの地震: one of several happenings, not the story's own
            times, _ = _clock_times(sentence.text)
            first = min(times.items(), key=lambda item: sentence.text.find(item[0]) if item[0] else 0, default=None)
            if first is None:
                continue
            event, clocks = first
            days = report.days_told(sentence.id)
            if len(days) == 1 and len(clocks) == 1:
                side = Side(None, trim(sentence.text), source(sentence.id), sentence.id)
                told.append((next(iter(days)), event, next(iter(clocks)), side))
            break
    for (day_a, event_a, clock_a, a), (day_b, event_b, clock_b, b) in combinations(told, 2):
        if a.source != b.source and day_a == day_b and event_a == event_b \
                and not _same_time(clock_a, clock_b) and _near_or_swapped(clock_a, clock_b):
            yield Disagreement(a.content, (a, b), "time")


def _length(text: str, match: re.Match[str]) -> tuple[float, str]:
    """A told length in minutes, with how it is stated (`how_stated`, as a count's bounds are read)."""
    def number(numeral: str | None) -> int:
        return 0 if not numeral else int(numeral) if numeral.isdigit() else kanji_value(numeral) or 0

    minutes = float(number(match.group("only")) or number(match.group("hours")) * 60 + 30 * bool(match.group("half"))
                    + number(match.group("minutes")))
    before, after = text[max(0, match.start("length") - 12): match.start("length")], text[match.end("length"):]
    return minutes, how_stated(before, after)


def _two_steps(a: str, b: str) -> bool:
    """Whether two clauses tell of different times (`WHEN_TOLD`): 22日、合意した / 22日、合意していない is one."""
    return set(WHEN_TOLD.findall(a)) != set(WHEN_TOLD.findall(b))


def _contradicting_claims(statements: list[Statement], source: SourceName,
                          tokenize: Tokenize) -> Iterator[Disagreement]:
    for a, b in combinations(statements, 2):
        if _speaker(a) == _speaker(b):
            continue
        for kind, point, clause_a, clause_b in _contradictions(a, b, tokenize):
            yield Disagreement(point, (Side(a.speaker, clause_a, source(a.sentence), a.sentence),
                                       Side(b.speaker, clause_b, source(b.sentence), b.sentence)), kind)


def _speaker(statement: Statement) -> str:
    return statement.speaker_canonical or statement.speaker or "?"


def _contradictions(a: Statement, b: Statement, tokenize: Tokenize) -> list[tuple[str, str, str, str]]:
    if _denies(b, a):
        return [("claim", a.content, a.content, b.cue)]
    if _denies(a, b):
        return [("claim", b.content, a.cue, b.content)]
    pairs = []
    for clause_a in _clauses(a.content):
        for clause_b in _clauses(b.content):
            if _negative(clause_a) != _negative(clause_b) and _same_claim(clause_a, clause_b, tokenize) \
                    and not _two_steps(clause_a, clause_b):
                point = clause_a if not _negative(clause_a) else clause_b
                pairs.append(("polarity", point, clause_a, clause_b))
    return pairs


def _denies(denial: Statement, claim: Statement) -> bool:
    """`これを否定`: an indirect denial whose content the language layer took from the claim it answers."""
    return not denial.direct and denial.content == claim.content and any(denial.cue.startswith(d) for d in DENIAL)


def _clauses(content: str) -> list[str]:
    return [c.strip() for c in re.split(r"[。!?！？]", content) if c.strip()]


def _negative(clause: str) -> bool:
    return bool(NEGATIVE.search(clause))


def _nouns(text: str, tokenize: Tokenize) -> frozenset[str]:
    return frozenset(content_nouns(tokenize(text)))


def _same_claim(a: str, b: str, tokenize: Tokenize) -> bool:
    """The same claim: most nouns shared, and the same predicate without negation (決裂した / 決裂していない)."""
    nouns_a, nouns_b = _nouns(a, tokenize), _nouns(b, tokenize)
    if not nouns_a or not nouns_b or len(nouns_a & nouns_b) < 2:
        return False
    shared = len(nouns_a & nouns_b) / min(len(nouns_a), len(nouns_b)) >= SAME_POINT
    return shared and _same_predicate(a, b)


def _same_predicate(a: str, b: str) -> bool:
    """The two clauses end on the same predicate: a predicate inside the other clause (搬送されたが、…命に別条はない)
    is another claim."""
    core_a, core_b = _core(a), _core(b)
    return len(core_a) >= CORE and len(core_b) >= CORE and core_a[-CORE:] == core_b[-CORE:]


def _core(clause: str) -> str:
    return ENDINGS.sub("", clause.strip("「」。 "))
