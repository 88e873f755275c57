"""Checks on an article's language: titles wrong for the date, dates that cannot be resolved, unattributed quotes."""

from __future__ import annotations

from datetime import date

from matome.language.entities import Mention
from matome.language.gazetteer import Gazetteer
from matome.records import Check, Statement
from matome.text.dates import DateMention


def title_check(mention: Mention, day: date | None, gazetteer: Gazetteer, sentence: str) -> Check | None:
    """`トランプ前大統領` on a day he held office, or `バイデン大統領` on a day he no longer did."""
    actor = gazetteer.actors.get(mention.canonical)
    if day is None or actor is None or not mention.title:
        return None
    terms = gazetteer.terms(actor.id, mention.title)
    if not terms:
        return None
    iso = day.isoformat()
    current = next((t for t in terms if t.held_on(iso)), None)
    if mention.former and current:
        return Check("title-wrong-for-date", f"「{mention.text}」 calls {actor.display} a former {mention.title}, "
                     f"but on {iso} {actor.display} held that office (since {current.start})", sentence)
    if not mention.former and current is None:
        ended = [t for t in terms if t.end and t.end <= iso]
        if ended and max(ended, key=lambda t: t.end or "").died:
            return None  # the dead keep their last title in Japanese news (金正日総書記)
        when = f"left it on {max(t.end or '' for t in ended)}" if ended else f"took it on {terms[0].start}"
        return Check("title-wrong-for-date", f"「{mention.text}」: on {iso} {actor.display} did not hold the office of "
                     f"{mention.title} ({when})", sentence)
    return None


def date_checks(found: DateMention, sentence: str) -> list[Check]:
    checks = []
    if found.value is None:
        checks.append(Check("unresolved-date", f"「{found.text}」 is relative, and the page gives no date to count "
                            "from", sentence))
    if not found.weekday_ok:
        checks.append(Check("weekday-mismatch", f"「{found.text}」: {found.value} is not that day of the week",
                            sentence))
    return checks


def quote_check(statement: Statement) -> Check | None:
    if statement.direct and not statement.speaker:
        return Check("unattributed-quote", f"「{statement.content[:40]}」 is quoted without a speaker",
                     statement.sentence)
    return None
