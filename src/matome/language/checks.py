"""Checks on an article's language: titles wrong for the date, dates that cannot be resolved, unattributed quotes."""

from __future__ import annotations

from datetime import date

from matome.language.entities import Mention
from matome.language.gazetteer import Gazetteer
from matome.records import Check, Statement
from matome.text.dates import DateMention, named_years


def title_check(mention: Mention, day: date | None, gazetteer: Gazetteer, sentence: str, text: str) -> Check | None:
    """`トランプ前大統領` on a day he held office, or `バイデン大統領` on a day he no longer did; not a title told as of
    another time (`当時の胡錦濤国家主席`, `2012年、胡錦濤国家主席は`), which `text`, the sentence, shows."""
    actor = gazetteer.actors.get(mention.canonical)
    if day is None or actor is None or not mention.title or _told_as_of_then(text[: mention.start], day):
        return None
    terms = gazetteer.terms(actor.id, mention.title)
    if not terms:
        return None
    iso = day.isoformat()
    current = next((t for t in terms if t.held_on(iso)), None)
    if mention.former and current:
        return Check("title-wrong-for-date", f"「{mention.text}」は{actor.display}を元{mention.title}と呼んでいますが、"
                     f"{iso}の{actor.display}はその職にありました（{current.start}から）", sentence)
    if not mention.former and current is None:
        ended = [t for t in terms if t.end and t.end <= iso]
        if ended and max(ended, key=lambda t: t.end or "").died:
            return None  # the dead keep their last title in Japanese news (金正日総書記)
        when = f"{max(t.end or '' for t in ended)}に退任" if ended else f"{terms[0].start}に就任"
        return Check("title-wrong-for-date", f"「{mention.text}」：{iso}の{actor.display}は"
                     f"{mention.title}ではありません（{when}）", sentence)
    return None


def _told_as_of_then(before: str, day: date) -> bool:
    return "当時" in before[-12:] or any(year != day.year for year in named_years(before))


def date_checks(found: DateMention, sentence: str) -> list[Check]:
    checks = []
    if found.value is None:
        checks.append(Check("unresolved-date", f"「{found.text}」は相対的な日付ですが、"
                            "ページに基準となる日付がありません", sentence))
    if not found.weekday_ok:
        checks.append(Check("weekday-mismatch", f"「{found.text}」：{found.value}はその曜日ではありません",
                            sentence))
    return checks


def quote_check(statement: Statement) -> Check | None:
    if statement.direct and not statement.speaker:
        return Check("unattributed-quote", f"「{statement.content[:40]}」は発言者のわからない引用です",
                     statement.sentence)
    return None
