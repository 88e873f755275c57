"""Event clustering: reports of one happening join one story, bounded in time and joined only by a specific anchor.

A corpus pass over reports in date order. Each report is a TF-IDF vector over its terms (content nouns and number
expressions, the title's three times) weighted by a background corpus shipped with matome, not by the input. A report is
compared only with the stories that share one of its anchors (a term at most ANCHOR_DF background articles carry),
whose centre in time is within WINDOW_DAYS and whose span would stay within MAX_SPAN_DAYS; of the stories it may
join, it joins the one whose centroid it is most like. It may join at a cosine of THRESHOLD, or of OTHER_OUTLET when
the report's outlet is not yet in the story (two outlets that write alike about one day's happening report one event;
one outlet's articles of a day that read alike are often a series: one per phone model, one per match); otherwise it
starts a story. The pass is greedy, so the first reports of one event may start two stories (an arrest, and the
company's press conference that night); when a report joins a story, that story merges with each story near it whose
centroid is as alike as a report must be to join, by the same rule of outlets and time. Undated reports come
last and are compared without the time bounds, but only with stories whose days fit the days they name (a look-alike
of another time names its own day). The cost grows with the number of stories sharing an anchor, which the time bound
keeps small: about linear in the input. The pass holds only the stories that dated reports may still join:
a story no later day can reach leaves memory, for a shelf (`Shelf`) when undated reports are to come, so a pass over
a crawl in date order holds a few weeks of stories, not all of them.
"""

from __future__ import annotations

import math
import pickle
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from matome.language.tokens import Token
from matome.stories.background import Background, background, sentence_terms, terms
from matome.stories.reports import Report

WINDOW_DAYS = 4  # from the story's centre in time
MAX_SPAN_DAYS = 14
THRESHOLD = 0.4
OTHER_OUTLET = 0.25  # chosen on livedoor's dev events and two sets of real multi-outlet news (README, "Stories")
ANCHOR_DF = 30  # of the 7,367 background articles
TERMS_PER_REPORT = 60  # the heaviest terms of a report make its vector
NAMED_BEFORE = 2  # days a day an undated report names may come before its story's days
NAMED_AFTER = 7  # and after them: a follow-up names its own day (chosen on multi-outlet sets 15 and 16: README)
Facts = tuple[date | None, str, str | None, frozenset[int]]  # a report's day, id, outlet and named days

Vector = dict[str, float]


@dataclass
class DraftStory:
    """A story while reports may still join it: its members and what a report is compared with."""

    number: int
    members: list[int] = field(default_factory=list)  # indices of its reports
    centroid: Counter[str] = field(default_factory=Counter)
    days: list[date] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    named: set[int] = field(default_factory=set)  # the days of the month its undated reports name

    def needs(self, outlet: str | None) -> float:
        """The cosine a report of `outlet` needs to join."""
        return OTHER_OUTLET if outlet is not None and self.outlets and outlet not in self.outlets else THRESHOLD

    def norm(self) -> float:
        return math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0

    def centre(self) -> date | None:
        if not self.days:
            return None
        ordinals = sorted(d.toordinal() for d in self.days)
        return date.fromordinal(ordinals[len(ordinals) // 2])

    def fits(self, day: date | None) -> bool:
        centre = self.centre()
        if day is None or centre is None:
            return True
        span = max([*self.days, day]) - min([*self.days, day])
        return abs((day - centre).days) <= WINDOW_DAYS and span <= timedelta(days=MAX_SPAN_DAYS)

    def may_name(self, named: frozenset[int]) -> bool:
        """Whether an undated report that names these days (`Report.named_days`) may be of this story: one of them is
        near one of the story's days (`_near`), or it names none, or the story has no day. 24日夜 in a story of the
        8th and 9th is another quake's."""
        if not named:
            return True
        if not self.days:  # a story of undated reports: by the days they name
            return not self.named or any(_same_day(a, b) for a in named for b in self.named)
        return any(_near(told, day) for told in named for day in self.days)

    def out_of_reach(self, day: date) -> bool:
        """Whether no report of `day` or later may join it any more."""
        return bool(self.days) and (day - max(self.days)).days > MAX_SPAN_DAYS

    def state(self) -> bytes:
        """All but its members (a shelf may keep it on disk)."""
        return pickle.dumps((dict(self.centroid), self.days, self.anchors, self.outlets, self.named),
                            pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_state(cls, number: int, members: list[int], state: bytes) -> DraftStory:
        """The story whose `state()` this is; `state` must come from this process's own shelf file, never a user."""
        centroid, days, anchors, outlets, named = pickle.loads(state)
        return cls(number, members, Counter(centroid), days, anchors, outlets, named)


class Shelf(Protocol):
    """Where stories out of every dated report's reach wait for the undated reports, which may join any story."""

    def put(self, story: DraftStory) -> None: ...

    def take(self, anchors: list[str], members: list[list[int]]) -> list[DraftStory]:
        """The shelved stories sharing one of `anchors`, off the shelf (`members[n]` is story n's member list)."""
        ...


class MemoryShelf:
    """A shelf in this process's memory."""

    def __init__(self) -> None:
        self.stories: dict[int, DraftStory] = {}
        self.by_anchor: dict[str, set[int]] = defaultdict(set)

    def put(self, story: DraftStory) -> None:
        self.stories[story.number] = story
        for anchor in story.anchors:
            self.by_anchor[anchor].add(story.number)

    def take(self, anchors: list[str], members: list[list[int]]) -> list[DraftStory]:
        numbers = {n for anchor in anchors for n in self.by_anchor.get(anchor, ())}
        taken = [self.stories.pop(n) for n in sorted(numbers)]
        for story in taken:
            for anchor in story.anchors:
                self.by_anchor[anchor].discard(story.number)
        return taken


def _same_day(a: int, b: int) -> bool:
    """Whether two days of the month that undated reports name may be of one story: no further apart than a story's
    day and a follow-up's (NAMED_AFTER)."""
    return abs(a - b) <= NAMED_AFTER


def _near(named: int, day: date) -> bool:
    """Whether a day of the month is from NAMED_BEFORE days before `day` to NAMED_AFTER days after it."""
    return any((day + timedelta(days=shift)).day == named for shift in range(-NAMED_BEFORE, NAMED_AFTER + 1))


def report_vector(report: Report, tokenize: Callable[[str], list[Token]], weights: Background) -> Vector:
    """The L2-normalised TF-IDF vector of a report's heaviest terms."""
    titled = [s for s in report.sentences if s.text == report.title]
    counts = sentence_terms(report.sentences, tokenize)
    title = sentence_terms(titled, tokenize) if titled else terms(report.title or "", tokenize)
    for _ in range(2):  # the title counts three times in all
        counts.update(title)
    raw = {t: (1 + math.log(n)) * weights.idf(t) for t, n in counts.items()}
    top = dict(sorted(raw.items(), key=lambda item: -item[1])[:TERMS_PER_REPORT])
    norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
    return {t: v / norm for t, v in top.items()}


def cluster(reports: list[Report], tokenize: Callable[[str], list[Token]],
            weights: Background | None = None) -> list[list[Report]]:
    """Stories as lists of reports, in order of their first report."""
    weights = weights or background()
    stories = cluster_vectors([(r.day, r.id, r.outlet, r.named_days) for r in reports],
                              lambda n: report_vector(reports[n], tokenize, weights), weights)
    return [[reports[n] for n in story] for story in stories]


def date_order(reports: Sequence[Facts]) -> list[int]:
    """The order in which the pass takes reports (each a day, an id, an outlet and named days): by day, undated ones
    last."""
    return sorted(range(len(reports)), key=lambda n: (reports[n][0] is None, reports[n][0] or date.max, reports[n][1]))


def cluster_vectors(reports: Sequence[Facts], vector: Callable[[int], Vector],
                    weights: Background | None = None, shelf: Shelf | None = None) -> list[list[int]]:
    """Stories as lists of indices into `reports` (`Facts`), in order of their first report.
    `vector(n)` is report n's vector (`report_vector`), asked for once, in `date_order`, so it may be read from disk
    then. Only the stories that dated reports may still join are held; the others go to `shelf` when undated reports
    (which may join any story) are to come, and are dropped otherwise."""
    weights = weights or background()
    shelf = MemoryShelf() if shelf is None else shelf
    undated_to_come = any(day is None for day, _, _, _ in reports)
    members: list[list[int]] = []  # of every story, by number
    open_stories: dict[int, DraftStory] = {}
    index: dict[str, dict[int, DraftStory]] = defaultdict(dict)  # anchor -> the open stories that have it
    today: date | None = None
    order = date_order(reports)
    rank = array("q", bytes(8 * len(reports)))  # each report's place in the pass
    for position, n in enumerate(order):
        rank[n] = position
    for n in order:
        day, _, outlet, named = reports[n]
        if day is not None and day != today:
            today = day
            for story in [s for s in open_stories.values() if s.out_of_reach(day)]:
                _close(story, open_stories, index)
                if undated_to_come:
                    shelf.put(story)
        report_terms = vector(n)
        anchors = [t for t in report_terms if weights.rare(t, ANCHOR_DF)]
        if day is None:
            for story in shelf.take(anchors, members):
                _open(story, open_stories, index)
        best, score = None, 0.0
        for story in _candidates(index, anchors, day, named):
            similarity = sum(v * story.centroid.get(t, 0.0) for t, v in report_terms.items()) / story.norm()
            if similarity >= story.needs(outlet) and similarity >= score:
                best, score = story, similarity
        if best is None:
            best = DraftStory(len(members))
            members.append(best.members)
            open_stories[best.number] = best
        best.members.append(n)
        best.centroid.update(report_terms)
        best.days.extend([day] if day else [])
        best.anchors.update(anchors)
        best.outlets.update([outlet] if outlet else [])
        best.named.update(named)
        for anchor in anchors:
            index[anchor][best.number] = best
        _merge_alike(best, _candidates(index, anchors, day, named), open_stories, index, rank)
    return [story for story in members if story]


def _merge_alike(story: DraftStory, near: list[DraftStory], open_stories: dict[int, DraftStory],
                 index: dict[str, dict[int, DraftStory]], rank: array[int]) -> None:
    """Merge `story`, which a report has just joined, with each story of `near` whose centroid is as alike as a
    report must be to join (by the same rule of outlets): the pass is greedy, so the first reports of one event may
    have started two stories (an arrest and the company's press conference that night) before later reports showed
    them to be one. The older story keeps its number; the merged one must fit in time as a report would."""
    for other in near:
        if other is story or other.number not in open_stories or not _fit_together(story, other):
            continue
        similarity = sum(v * other.centroid.get(t, 0.0) for t, v in story.centroid.items())
        apart = bool(story.outlets) and bool(other.outlets) and not story.outlets & other.outlets
        if similarity / (story.norm() * other.norm()) < (OTHER_OUTLET if apart else THRESHOLD):
            continue  # as a report: the lower bar only between known outlets that differ
        keep, gone = sorted((story, other), key=lambda s: s.number)
        _close(gone, open_stories, index)
        keep.members[:] = sorted([*keep.members, *gone.members], key=rank.__getitem__)
        gone.members.clear()
        keep.centroid.update(gone.centroid)
        keep.days.extend(gone.days)
        keep.anchors.update(gone.anchors)
        keep.outlets.update(gone.outlets)
        keep.named.update(gone.named)
        for anchor in keep.anchors:
            index[anchor][keep.number] = keep
        story = keep


def _fit_together(one: DraftStory, other: DraftStory) -> bool:
    """Whether two stories' reports fit one story in time: centres within WINDOW_DAYS, span within MAX_SPAN_DAYS,
    and the days undated members name near the other's days.
    For a dated report, both stories already fit its day; the bound acts when an undated one joins (it is compared
    without time bounds and may sit between two stories weeks apart)."""
    if not (one.may_name(frozenset(other.named)) and other.may_name(frozenset(one.named))):
        return False  # an undated look-alike's story, which names another day
    a, b = one.centre(), other.centre()
    if a is None or b is None:
        return True
    days = [*one.days, *other.days]
    return abs((a - b).days) <= WINDOW_DAYS and max(days) - min(days) <= timedelta(days=MAX_SPAN_DAYS)


def _candidates(index: dict[str, dict[int, DraftStory]], anchors: list[str], day: date | None,
                named: frozenset[int] = frozenset()) -> list[DraftStory]:
    """The open stories sharing an anchor that the report fits in time (an undated one: by the days it names), in
    order of their number."""
    found = {n: s for anchor in anchors for n, s in index.get(anchor, {}).items() if s.fits(day) and s.may_name(named)}
    return [found[n] for n in sorted(found)]


def _close(story: DraftStory, open_stories: dict[int, DraftStory], index: dict[str, dict[int, DraftStory]]) -> None:
    del open_stories[story.number]
    for anchor in story.anchors:
        del index[anchor][story.number]
        if not index[anchor]:
            del index[anchor]


def _open(story: DraftStory, open_stories: dict[int, DraftStory], index: dict[str, dict[int, DraftStory]]) -> None:
    open_stories[story.number] = story
    for anchor in story.anchors:
        index[anchor][story.number] = story
