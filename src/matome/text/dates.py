"""Dates in the forms Japanese news pages print, absolute and relative to the article, normalised to ISO 8601."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone

from matome.text.normalize import narrow, normalize

JST = timezone(timedelta(hours=9))
NEXT_YEAR_DAYS = 62  # a month and day without a year this near ahead across New Year is next year's (1月16日)

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for m in names.split()
}

_TIME = (r"(?:\s*(?:T|\s)?\s*(?P<h>\d{1,2})(?::|時)(?P<mi>\d{2})(?::(?P<s>\d{2}))?分?"
         r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?")
PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME),
    re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})" + _TIME),
    re.compile(r"(?P<y>\d{4})年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日(?:\s*\([^)]{1,3}\))?" + _TIME),
    re.compile(r"(?P<era>令和|平成|昭和|大正|明治)\s*(?P<ey>\d{1,2}|元)年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日"
               + _TIME),
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"),
    re.compile(r"(?<![\d.])(?P<yy>\d{2})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d.])" + _TIME),  # bylines: 12.03.05
    re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"),
)


def find_date(text: str) -> str | None:
    """The first valid date in `text` as ISO 8601, or None."""
    found = find_dates(text)
    return found[0] if found else None


def find_dates(text: str) -> list[str]:
    """Every valid date in `text`, in order of appearance, as ISO 8601 strings."""
    flat = normalize(text)
    hits: list[tuple[int, str]] = []
    taken: list[range] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(flat):
            if any(match.start() in span for span in taken):
                continue
            iso = _to_iso(match.groupdict())
            if iso:
                hits.append((match.start(), iso))
                taken.append(range(match.start(), match.end()))
    return [iso for _, iso in sorted(hits)]


def _year(groups: dict[str, str | None]) -> int | None:
    if groups.get("era"):
        ey = groups["ey"] or "0"
        return ERAS[groups["era"] or ""] + (1 if ey == "元" else int(ey))
    if groups.get("yy"):
        short = int(groups["yy"] or 0)
        return 2000 + short if short < 70 else 1900 + short
    return int(groups["y"] or 0) if groups.get("y") else None


def _month(groups: dict[str, str | None]) -> int | None:
    if groups.get("mon"):
        return MONTHS.get((groups["mon"] or "").lower())
    return int(groups["m"] or 0) if groups.get("m") else None


def _to_iso(groups: dict[str, str | None]) -> str | None:
    year, month = _year(groups), _month(groups)
    if year is None or month is None:
        return None
    try:
        day = date(year, month, int(groups["d"] or 0))
    except ValueError:
        return None
    if not groups.get("h"):
        return day.isoformat()
    try:
        moment = datetime(year, month, day.day, int(groups["h"] or 0), int(groups["mi"] or 0),
                          int(groups.get("s") or 0), tzinfo=_zone(groups.get("tz")))
    except ValueError:
        return day.isoformat()
    return moment.isoformat()


def _zone(tz: str | None) -> timezone:
    if not tz:
        return JST
    if tz == "Z":
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


# --- mentions in running text, absolute and relative to the article's date ----------------------------------------

WEEKDAYS = "月火水木金土日"
_CLOCK = r"(?:\s*(?P<ampm>午前|午後)?(?P<h>\d{1,2})時(?:(?P<mi>\d{1,2})分|(?P<half>半))?)?"
CLOCK = re.compile(  # a time of day alone, as news writes it
    r"(?:(?<![0-9:.])(?P<ampm>午前|午後)?(?P<h>[0-9]{1,2})"
    r"(?:時(?![間限点])(?:(?P<mi>[0-9]{1,2})分(?!間)|(?P<half>半))?|:(?P<colon>[0-9]{2})(?![0-9]|:[0-9]))"
    r"|(?P<noon>正午))"
    r"(?P<rough>ごろ|頃|前後|すぎ|過ぎ|前)?")  # 午前11時半ごろ, 15時20分, 15:20, 正午ごろ (not 3時間, 2:05:30)
# what makes a number of days a count, not a day: 3日間, 5日ぶり, 3日連続, 1日分の, 2日遅れ (15日遅く is the 15th)
_COUNT_OF_DAYS = r"[間前後以ほ当あ目も中市酔ぶ近余]|連[続休勝敗]|分[のをがだ]|遅れ"  # 3日近く, 3日余り: days counted
_DAY = re.compile(
    r"(?<![\d年月/.\-泊])(?:(?P<m>0?\d{1,2})月)?(?P<d>0?\d{1,2})日(?!" + _COUNT_OF_DAYS + r"|\d(?!\d?時))"
    r"(?:\s*[(（](?P<w>[月火水木金土日])(?:曜日?)?[)）])?" + _CLOCK
)
_NOT_NUMERAL = r"(?<![〇一二三四五六七八九十百\d])"
_TEN = re.compile(_NOT_NUMERAL + r"(?:(?:(?P<m>十|0?\d{1,2})月)?(?P<day>十)日(?!" + _COUNT_OF_DAYS + r"|\d)"
                  r"|十月(?![\d間前後]|期|[〇一二三四五六七八九十]))")
_MONTH = re.compile(r"(?<![\d年/.\-])(?P<m>0?\d{1,2})月(?![\d間前後]|期)")
# 執行から20日、 事件から3日が経ち: a count of the days since something (not 夜から20日朝, 空港から20日、出発)
_SINCE = re.compile(r"(?<![0-9日月年時分夜朝明後)）末旬う週港国駅県市町村都府道島所])から$")
_SINCE_AFTER = re.compile(r"[、。]|が(?:経|過ぎ|たっ)|余り")
_DAY_OR_MONTH = re.compile(r"[0-9]{1,2}[日月]")
_SINCE_REACH = 20  # characters before から in which a day or month makes it `from that day's … to the Nth`
_RELATIVE_DAY = re.compile(r"(?<!一)(?P<rel>一昨年|先月|今月|来月|昨年|去年|今年|来年)(?:(?P<m>0?\d{1,2})月)?"
                           r"(?:(?P<d>0?\d{1,2})日)?" + _CLOCK)
DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")  # a DATE's value that is one day or a moment of it, not a span
NAMES_MONTH = re.compile(r"(?:\d|[先今来])月")
NAMES_YEAR = re.compile(r"[0-9０-９]{4}\s*[年/.\-]")  # 2019年7月28日, 2024/3/16: a date that gives its year
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")  # 2012年: a year a sentence names
SHORT_YEAR = re.compile(r"(?:翌|西暦)([0-9]{2})年")  # 翌95年6月: a year written with two digits
SAME_MONTH_DAY = re.compile(r"同(?P<d>\d{1,2})日.*", re.S)  # 同24日: the 24th of the month named before
_FISCAL = re.compile(r"(?:(?P<y>\d{4})|(?P<rel>今|来|昨|前|本|翌))年度")
_KANJI_NUMBER = re.compile(r"[一二三四五六七八九十]{1,4}(?=[月日時])")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_SPAN_JOIN = re.compile(r"^\s*(?:から|~|〜|-|–)\s*")
_RELATIVE = {
    "一昨日": ("day", -2), "おととい": ("day", -2), "昨日": ("day", -1), "きのう": ("day", -1), "今日": ("day", 0),
    "本日": ("day", 0), "きょう": ("day", 0), "明日": ("day", 1), "あす": ("day", 1), "明後日": ("day", 2),
    "先週": ("week", -1), "今週": ("week", 0), "来週": ("week", 1), "先月": ("month", -1), "今月": ("month", 0),
    "来月": ("month", 1), "一昨年": ("year", -2), "昨年": ("year", -1), "去年": ("year", -1), "今年": ("year", 0),
    "本年": ("year", 0), "来年": ("year", 1),
}
_THIS_MONTH_DAY = re.compile(r"今月\d{1,2}日")
_RELATIVE_RE = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in text: `value` is ISO (`2021-08-17`) or a span (`2021-08-16/2021-08-22`); None if unresolvable."""

    text: str
    start: int
    end: int
    value: str | None
    relative: bool
    weekday_ok: bool = True


def find_date_mentions(text: str, anchor: date | None, named_month: date | None = None) -> list[DateMention]:
    """Every date in `text`: absolute forms, then `17日`/`3月14日`/`二十日`/`先月20日`/`来週`/`昨年`/`2012年度`/`3月`
    resolved against `anchor`. Kanji numerals are read as digits; a time of day (午後3時) goes with its day. `同24日` is
    the 24th of the month named last: earlier in `text`, else `named_month` (`last_named_month` of the sentences
    before)."""
    flat = arabic(narrow(text))
    found = [m for p in PATTERNS for m in _absolute(flat, p)]
    taken = [range(m.start, m.end) for m in found]
    later = [*_fiscal_years(flat, anchor), *_relative_days(flat, anchor), *_days(flat, anchor),
             *_tens(flat, anchor), *_months(flat, anchor), *_relatives(flat, anchor)]
    for mention in later:
        if not any(mention.start in span or mention.end - 1 in span for span in taken):
            found.append(mention)
            taken.append(range(mention.start, mention.end))
    joined = _join_spans(flat, sorted(found, key=lambda m: m.start))
    return [replace(m, text=text[m.start: m.end]) for m in _same_month(flat, joined, named_month)]


def told_from_the_page_day(mention: DateMention) -> bool:
    """本日, 昨日, 先月20日, 来年: a day counted from the page's own day, which an undated page does not give (今月16日
    names its day as a bare 16日 does)."""
    return _RELATIVE_RE.search(mention.text) is not None and not _THIS_MONTH_DAY.match(arabic(narrow(mention.text)))


def last_named_month(mentions: list[DateMention], before: date | None = None) -> date | None:
    """The first day of the month the last of `mentions` that names one (6月19日, 先月, 3月) resolves to, else
    `before`: what a later `同24日` refers to."""
    for mention in reversed(mentions):
        if mention.value and NAMES_MONTH.search(arabic(narrow(mention.text))):
            return date.fromisoformat(mention.value[:7] + "-01")
    return before


def _same_month(flat: str, mentions: list[DateMention], month: date | None) -> list[DateMention]:
    resolved = []
    for mention in mentions:
        day = SAME_MONTH_DAY.fullmatch(flat, mention.start - 1, mention.end) if mention.start else None
        if day is not None and month is not None and mention.value and "/" not in mention.value:
            with contextlib.suppress(ValueError):  # 同31日 of a month of 30 days stays as it was read
                named = month.replace(day=int(day.group("d"))).isoformat()
                mention = replace(mention, value=named + mention.value[10:])
        resolved.append(mention)
        month = last_named_month([mention], month)
    return resolved


def arabic(text: str) -> str:
    """Kanji numerals before 月, 日 or 時 as digits, zero-padded to keep every offset (二十五日 → 025日), so that
    mentions found in the result point into `text`."""

    def digits(match: re.Match[str]) -> str:
        value = kanji_value(match.group(0))
        fits = value is not None and len(str(value)) <= len(match.group(0))
        return str(value).rjust(len(match.group(0)), "0") if fits else match.group(0)

    return _KANJI_NUMBER.sub(digits, text)


def kanji_value(numeral: str) -> int | None:
    """The value of a kanji numeral up to 99 (二十五: 25), else None."""
    if "十" not in numeral:
        return _KANJI_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_KANJI_DIGITS.get(tens, 0) if tens else 1) * 10 + (_KANJI_DIGITS.get(ones, 0) if ones else 0)


def _absolute(flat: str, pattern: re.Pattern[str]) -> list[DateMention]:
    return [DateMention(m.group(0), m.start(), m.end(), iso, False)
            for m in pattern.finditer(flat) if (iso := _to_iso(m.groupdict()))]


def _days(flat: str, anchor: date | None) -> list[DateMention]:
    mentions = []
    for m in _DAY.finditer(flat):
        if not 1 <= int(m.group("d")) <= 31 or (m.group("m") and not 1 <= int(m.group("m")) <= 12):
            continue  # 99日 is a count of days, not a date
        if not m.group("m") and _SINCE.search(flat, max(0, m.start() - 3), m.start()) \
                and _SINCE_AFTER.match(flat, m.end()) \
                and not _DAY_OR_MONTH.search(flat, max(0, m.start() - _SINCE_REACH), m.start()):
            continue  # 執行から20日、: twenty days since, not the 20th (but 1日から20日, 震災から11日で13年: days)
        day = _resolve_day(int(m.group("m")) if m.group("m") else None, int(m.group("d")), anchor)
        weekday_ok = not (day and m.group("w")) or WEEKDAYS[day.weekday()] == m.group("w")
        mentions.append(DateMention(m.group(0), m.start(), m.end(), _at(day, m) if day else None, True,
                                    weekday_ok))
    return mentions


def minute_of_day(match: re.Match[str]) -> int | None:
    """The minute of the day a time read by a pattern with the groups `ampm`, `h`, `mi` and `half` (and `colon`, for
    15:20, `noon`, for 正午) names: 午後3時 and 15時 are 900, 11時半 is 690, 正午 720; None for no time or an impossible
    one."""
    groups = match.groupdict()
    if groups.get("noon"):
        return 12 * 60
    if not groups.get("h"):
        return None
    hour = int(groups["h"]) + (12 if groups.get("ampm") == "午後" and int(groups["h"]) < 12 else 0)
    minute = 30 if groups.get("half") else int(groups.get("mi") or groups.get("colon") or 0)
    return hour * 60 + minute if hour < 24 and minute < 60 else None


def _at(day: date, match: re.Match[str]) -> str:
    """The day, or the moment when a time of day goes with it (20日午後3時 → …T15:00:00+09:00)."""
    minute = minute_of_day(match)
    if minute is None:
        return day.isoformat()
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=JST).isoformat()


def _relative_days(flat: str, anchor: date | None) -> list[DateMention]:
    """先月20日, 昨年3月, 来年1月10日: a month or day counted from the article's date, the day kept."""
    mentions = []
    for m in _RELATIVE_DAY.finditer(flat):
        if not (m.group("m") or m.group("d")) or (m.group("rel") in ("先月", "今月", "来月") and m.group("m")):
            continue
        value = _relative_day(m, anchor) if anchor else None
        if anchor is None or value:
            mentions.append(DateMention(m.group(0), m.start(), m.end(), value, True))
    return mentions


def _relative_day(m: re.Match[str], anchor: date) -> str | None:
    unit, step = _RELATIVE[m.group("rel")]
    year, month = _months_later(anchor, step) if unit == "month" else (anchor.year + step, int(m.group("m") or 0))
    if not 1 <= month <= 12:
        return None
    if not m.group("d"):
        return _month_range(year, month)
    try:
        return _at(date(year, month, int(m.group("d"))), m)
    except ValueError:
        return None


def _months_later(anchor: date, step: int) -> tuple[int, int]:
    """(year, month) `step` months after the anchor's month."""
    index = anchor.year * 12 + anchor.month - 1 + step
    return index // 12, index % 12 + 1


def _month_range(year: int, month: int) -> str:
    """The whole month as an ISO span: 2012-02-01/2012-02-29."""
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return f"{date(year, month, 1).isoformat()}/{last.isoformat()}"


def _months(flat: str, anchor: date | None) -> list[DateMention]:
    """`3月` alone: that month, in the year that puts it nearest before (or just after) the article's date."""
    return [DateMention(m.group(0), m.start(), m.end(), _month_span(int(m.group("m")), anchor), True)
            for m in _MONTH.finditer(flat) if 1 <= int(m.group("m")) <= 12]


def _month_span(month: int, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    year = anchor.year if date(anchor.year, month, 1) <= anchor + timedelta(days=183) else anchor.year - 1
    return _month_range(year, month)


def _tens(flat: str, anchor: date | None) -> list[DateMention]:
    """十日 and 十月, the two numerals `arabic` cannot write in place (one kanji, two digits)."""
    mentions = []
    for m in _TEN.finditer(flat):
        month = 10 if m.group("m") == "十" else int(m.group("m")) if m.group("m") else None
        if m.group("day"):
            day = _resolve_day(month, 10, anchor)
            value = day.isoformat() if day else None
        else:
            value = _month_span(10, anchor)
        mentions.append(DateMention(m.group(0), m.start(), m.end(), value, True))
    return mentions


def _fiscal_years(flat: str, anchor: date | None) -> list[DateMention]:
    """Japan's fiscal year: 2012年度 runs from 2012-04-01 to 2013-03-31; 今年度 is the one the article falls in."""
    mentions = []
    steps = {"今": 0, "本": 0, "来": 1, "翌": 1, "昨": -1, "前": -1}
    for m in _FISCAL.finditer(flat):
        if m.group("y"):
            year: int | None = int(m.group("y"))
        elif anchor is not None:
            year = (anchor.year if anchor.month >= 4 else anchor.year - 1) + steps[m.group("rel")]
        else:
            year = None
        value = f"{year}-04-01/{year + 1}-03-31" if year else None
        mentions.append(DateMention(m.group(0), m.start(), m.end(), value, m.group("rel") is not None))
    return mentions


def _resolve_day(month: int | None, day_of_month: int, anchor: date | None) -> date | None:
    """`17日` is the 17th nearest the article's date, at most a week ahead: of its month, of the month before (25日 in
    an article of the 15th), or of the month after (1日にも in an article of 31 October is 1 November). `3月14日` is
    this year's, unless that is over half a year ahead (then last year's) or next year's is within NEXT_YEAR_DAYS."""
    if anchor is None:
        return None
    if month is None:
        guesses = []
        for step in (1, 0, -1, -2):  # 31日 in a March article may be January's: February has none
            year, month_of = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            with contextlib.suppress(ValueError):  # no such day in that month, or a year past 1–9999
                guesses.append(date(year, month_of + 1, day_of_month))
        near = [g for g in guesses if (g - anchor).days <= 7]
        return min(near, key=lambda g: abs((g - anchor).days)) if near else None
    with contextlib.suppress(ValueError):  # 1月16日 in late December is next month's
        if (coming := date(anchor.year + 1, month, day_of_month)) <= anchor + timedelta(days=NEXT_YEAR_DAYS):
            return coming
    try:
        guess = date(anchor.year, month, day_of_month)
        return guess if guess <= anchor + timedelta(days=183) else guess.replace(year=anchor.year - 1)
    except ValueError:
        return None


def _relatives(flat: str, anchor: date | None) -> list[DateMention]:
    mentions = []
    for m in _RELATIVE_RE.finditer(flat):
        unit, step = _RELATIVE[m.group(0)]
        mentions.append(DateMention(m.group(0), m.start(), m.end(), _shift(anchor, unit, step) if anchor else None,
                                    True))
    return mentions


def _shift(anchor: date, unit: str, step: int) -> str:
    if unit == "day":
        return (anchor + timedelta(days=step)).isoformat()
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
    if unit == "month":
        return _month_range(*_months_later(anchor, step))
    year = anchor.year + step
    return f"{year}-01-01/{year}-12-31"


def _join_spans(flat: str, mentions: list[DateMention]) -> list[DateMention]:
    """`16日から18日まで` / `3月1日~5日` become one span."""
    joined: list[DateMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (previous and previous.value and mention.value and "/" not in previous.value + mention.value
                and _SPAN_JOIN.match(flat[previous.end: mention.start]) and previous.value < mention.value):
            joined[-1] = DateMention(flat[previous.start: mention.end], previous.start, mention.end,
                                     f"{previous.value[:10]}/{mention.value[:10]}",
                                     previous.relative or mention.relative)
        else:
            joined.append(mention)
    return joined


def named_years(text: str) -> set[int]:
    """The years a text names (2012年, 翌95年 after 1994年), in NFKC."""
    flat = unicodedata.normalize("NFKC", text)
    short = {int(yy) + (1900 if int(yy) > 50 else 2000) for yy in SHORT_YEAR.findall(flat)}
    return {int(year) for year in YEAR.findall(flat)} | short
