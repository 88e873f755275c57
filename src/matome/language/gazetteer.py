"""The actor gazetteer: countries, bodies, outlets and people with their offices and term dates (data/*.tsv)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

GENERIC_TITLES = (
    "大統領府報道官", "大統領報道官", "外務省報道官", "中東担当特使", "国務長官", "国防長官", "国家主席", "副大統領",
    "官房長官", "外務大臣", "防衛大臣", "総書記", "報道官", "大統領", "副首相", "首相", "外相", "国防相", "財務相",
    "長官", "特使", "議員", "主席", "大使", "知事", "市長", "委員長", "議長", "代表", "党首", "大臣", "皇太子", "国王",
    "書記長", "事務総長", "総裁", "社長", "会長", "監督", "選手", "被告", "容疑者", "教授", "准教授", "記者",
    "総理大臣", "総理", "次官補", "次官", "検事",
    # the offices local and institutional news names people by (森田一郎教育長は…)
    "副知事", "副市長", "町長", "村長", "区長", "教育長", "校長", "学長", "院長", "理事長", "署長", "局長",
    "本部長", "部長", "課長", "所長", "館長", "園長", "組合長", "頭取", "幹事長", "代表幹事", "会頭", "裁判長",
    "検事正", "弁護士",
)


PERSON_SUFFIXES = tuple(sorted({*GENERIC_TITLES, "氏", "さん", "アナ"}, key=len, reverse=True))
"""What may follow a person's name, longest first: the titles and the honorifics."""


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str
    country: str | None
    affiliation: str | None
    names: tuple[str, ...]

    @property
    def display(self) -> str:
        return self.names[0].rstrip("*")


@dataclass(frozen=True, slots=True)
class Office:
    actor: str
    country: str
    titles: tuple[str, ...]
    start: str
    end: str | None
    died: bool = False

    def held_on(self, day: str) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """What follows a name: `前米大統領` is former=True, country=Q30, title=大統領."""

    text: str
    former: bool
    country: str | None
    title: str | None
    honorific: bool

    @property
    def label(self) -> str | None:
        """The title, else the honorific (氏, さん): what an entity's `title` field holds."""
        return self.title or ("さん" if self.text.endswith("さん") else "氏" if self.honorific else None)


class Gazetteer:
    """Name lookup on token boundaries, title parsing, and office holders on a date."""

    def __init__(self, actors: list[Actor], offices: list[Office]) -> None:
        self.actors = {a.id: a for a in actors}
        self.offices = offices
        self.names: dict[str, Actor] = {}
        self.needs_title: set[str] = set()
        for actor in actors:
            for name in actor.names:
                bare = name.rstrip("*")
                self.names.setdefault(bare, actor)
                if name.endswith("*") or (len(bare) == 1 and actor.type == "GPE"):
                    self.needs_title.add(bare)
        self.short_countries = {n: a for n, a in self.names.items() if a.type == "GPE" and len(n) <= 2}
        titles = {t for o in offices for t in o.titles} | set(GENERIC_TITLES)
        countries = "|".join(sorted(map(re.escape, self.short_countries), key=len, reverse=True))
        alternation = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
        self._title = re.compile(
            rf"(?P<former>前|元|現)?(?:(?P<title>{alternation})|(?P<country>{countries})(?P<ctitle>{alternation}))?"
            r"(?P<hon>氏|さん)?"
        )
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(self.names, key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)

    def candidates(self, text: str, start: int) -> list[str]:
        """Names that start at `start`, longest first."""
        return [n for n in self.by_first.get(text[start], ()) if text.startswith(n, start)]

    def title_after(self, text: str, end: int) -> TitleMatch:
        match = self._title.match(text, end)
        assert match is not None  # every group is optional
        country = self.short_countries.get(match.group("country") or "")
        title = match.group("title") or match.group("ctitle")
        if not (title or match.group("hon")):
            return TitleMatch("", False, None, None, False)  # a bare 前/元 is not a title
        return TitleMatch(match.group(0), bool(match.group("former")), country.id if country else None, title,
                          bool(match.group("hon")))

    def holder(self, country: str, title: str, day: str) -> Actor | None:
        """Who held `title` in `country` on `day` (米大統領 on 2025-03-14 → Trump)."""
        for office in self.offices:
            if office.country == country and title in office.titles and office.held_on(day):
                return self.actors[office.actor]
        return None

    def terms(self, actor: str, title: str) -> list[Office]:
        return [o for o in self.offices if o.actor == actor and title in o.titles]


def _rows(name: str) -> list[list[str]]:
    text = files("matome.language").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _dash(value: str) -> str | None:
    return None if value in ("-", "") else value


@functools.cache
def load_gazetteer() -> Gazetteer:
    actors = [Actor(r[0], r[1], _dash(r[2]), _dash(r[3]), tuple(r[4].split("|"))) for r in _rows("actors.tsv")]
    offices = [Office(r[0], r[1], tuple(r[2].split("|")), r[3], _dash(r[4]), r[5:6] == ["died"])
               for r in _rows("offices.tsv")]
    return Gazetteer(actors, offices)
