"""Event clustering: reports of one happening join one story, bounded in time and joined only by a specific anchor.

A corpus pass over reports in date order. Each report is a TF-IDF vector over its terms (content nouns and number
expressions, the title's three times) weighted by a background corpus shipped with matome, not by the input. A report is
compared only with the stories that share one of its anchors (a term at most ANCHOR_DF background articles carry),
whose centre in time is within WINDOW_DAYS and whose span would stay within MAX_SPAN_DAYS; of the stories it may
join, it joins the one whose centroid it is most like. It may join at a cosine of THRESHOLD, or of OTHER_OUTLET when
the report's outlet is not yet in the story (two outlets that write alike about one day's happening report one event;
one outlet's articles of a day that read alike are often a series: one per phone model, one per match); otherwise it
starts a story. Undated reports come
last and are compared without the time bounds. The cost grows with the number of stories sharing an anchor, which the
time bound keeps small: about linear in the input.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from matome.language.tokens import Token
from matome.stories.background import Background, background, sentence_terms, terms
from matome.stories.reports import Report

WINDOW_DAYS = 4  # from the story's centre in time
MAX_SPAN_DAYS = 14
THRESHOLD = 0.4
OTHER_OUTLET = 0.25  # chosen on livedoor's dev events and two sets of real multi-outlet news (README, "Stories")
ANCHOR_DF = 30  # of the 7,367 background articles
TERMS_PER_REPORT = 60  # the heaviest terms of a report make its vector

Vector = dict[str, float]


@dataclass
class _Story:
    number: int
    members: list[int] = field(default_factory=list)  # indices of its reports
    centroid: Counter[str] = field(default_factory=Counter)
    days: list[date] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)

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
    stories = cluster_vectors([(r.day, r.id, r.outlet) for r in reports],
                              lambda n: report_vector(reports[n], tokenize, weights), weights)
    return [[reports[n] for n in story] for story in stories]


def cluster_vectors(reports: list[tuple[date | None, str, str | None]], vector: Callable[[int], Vector],
                    weights: Background | None = None) -> list[list[int]]:
    """Stories as lists of indices into `reports` (each a day, an id and an outlet), in order of their first report;
    `vector(n)` is report n's vector (`report_vector`), asked for once, in date order, so it may be read from disk
    then."""
    weights = weights or background()
    stories: list[_Story] = []
    open_stories: dict[str, list[_Story]] = defaultdict(list)  # by anchor: stories that dated reports may still join
    undated = False
    for n in sorted(range(len(reports)), key=lambda n: (reports[n][0] is None, reports[n][0] or date.max,
                                                         reports[n][1])):
        day, _, outlet = reports[n]
        report_terms = vector(n)
        anchors = [t for t in report_terms if weights.rare(t, ANCHOR_DF)]
        if day is None and not undated:  # the undated reports come last and may join any story
            open_stories, undated = _index(stories), True
        best, score = None, 0.0
        for story in _candidates(open_stories, anchors, day):
            similarity = sum(v * story.centroid.get(t, 0.0) for t, v in report_terms.items()) / story.norm()
            if similarity >= story.needs(outlet) and similarity >= score:
                best, score = story, similarity
        if best is None:
            best = _Story(len(stories))
            stories.append(best)
        best.members.append(n)
        best.centroid.update(report_terms)
        best.days.extend([day] if day else [])
        best.anchors.update(anchors)
        best.outlets.update([outlet] if outlet else [])
        for anchor in anchors:
            if best not in open_stories[anchor]:
                open_stories[anchor].append(best)
    return [s.members for s in stories]


def _candidates(index: dict[str, list[_Story]], anchors: list[str], day: date | None) -> list[_Story]:
    """The stories sharing an anchor that the report fits in time; stories it can no longer reach leave the index."""
    found: dict[int, _Story] = {}
    for anchor in anchors:
        if day is not None:
            index[anchor] = [s for s in index[anchor] if not s.days or (day - max(s.days)).days <= MAX_SPAN_DAYS]
        found.update((s.number, s) for s in index[anchor] if s.fits(day))
    return [found[n] for n in sorted(found)]


def _index(stories: list[_Story]) -> dict[str, list[_Story]]:
    index: dict[str, list[_Story]] = defaultdict(list)
    for story in stories:
        for anchor in story.anchors:
            index[anchor].append(story)
    return index
