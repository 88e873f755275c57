"""Absolute dates in the forms Japanese news pages print, normalised to ISO 8601 (JST where a time is given)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from matome.language.normalize import normalize

JST = timezone(timedelta(hours=9))

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
