"""Stories on ../shared/eval/livedoor-news-corpus: same-event clustering against a gold, corpus-scale shape and cost.

1. Same event (benchmarks/gold/events.jsonl, docs/annotation.md): B-cubed precision, recall and F1 over the gold
   articles, for matome's clustering and for a plain baseline in the same run: TF-IDF cosine with document frequencies
   of the input, and a report joins the story of its most similar earlier report within a fixed 7-day window. Scored
   with every livedoor article as input (the gold articles among 7,367 distractors) and with the gold articles alone
   (what the quality gate runs); per part: dev (the events the parameters were chosen on) and test (a third by event
   id, `livedoor.held_out`).
2. Corpus shape: the number of stories, their sizes, the largest, the longest span in days, for matome and baseline.
3. Cost: seconds of clustering (copies and events) and of the whole digest stage (`build_digests`), and peak memory,
   at 1k/2k/4k/all articles (analysis without the parser, which clustering does not use, is not counted).
4. Summary proxy: character-level ROUGE-1 and ROUGE-L of each article's ✅ three-line summary against its headline,
   for matome's extractive summary and for lead-3.

    python benchmarks/stories.py [--articles N] [--no-curve]
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from livedoor import CORPUS, as_article, held_out, load_corpus, load_gold
from matome.language.tokens import Token
from matome.stories.background import terms
from matome.stories.reports import Report

BASELINE_WINDOW_DAYS = 7
BASELINE_THRESHOLD = 0.5  # the best of 0.2, 0.3, 0.4, 0.5 on the dev events
# matome's B-cubed F1 on the gold articles alone (the quality gate)
FLOORS = {"gold-only all": 0.92, "gold-only shared": 0.82}  # round 7: 0.927 and 0.831
EPSILON = 0.01
SIZES = ((1, 1), (2, 4), (5, 9), (10, 49), (50, 10**9))

Clusters = list[list[Report]]


def baseline(reports: list[Report], tokenize: Callable[[str], list[Token]]) -> Clusters:
    """TF-IDF cosine (document frequencies of the input) and single link to a report of the last 7 days."""
    counts = {r.id: terms(f"{r.title or ''}\n{r.title or ''}\n{r.text}", tokenize) for r in reports}
    df = Counter(word for c in counts.values() for word in c)
    vectors = {}
    for report_id, words in counts.items():
        raw = {w: (1 + math.log(n)) * math.log(len(counts) / df[w]) for w, n in words.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        vectors[report_id] = {w: v / norm for w, v in raw.items()}
    story_of: dict[str, int] = {}
    stories: Clusters = []
    index: dict[str, list[Report]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.day or date.max, r.id)):
        scores: Counter[str] = Counter()
        for word, weight in vectors[report.id].items():
            for other in index[word]:
                if report.day is None or other.day is None or (report.day - other.day).days <= BASELINE_WINDOW_DAYS:
                    scores[other.id] += weight * vectors[other.id][word]
        best, score = max(scores.items(), key=lambda item: item[1], default=("", 0.0))
        if score >= BASELINE_THRESHOLD:
            story_of[report.id] = story_of[best]
            stories[story_of[best]].append(report)
        else:
            story_of[report.id] = len(stories)
            stories.append([report])
        for word in vectors[report.id]:
            index[word].append(report)
    return stories


def bcubed(stories: Iterable[list[Report]], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the gold articles (a report's article is its gold item)."""
    predicted = {r.article: n for n, story in enumerate(stories) for r in story if r.article in gold}
    by_story: dict[int, set[str]] = defaultdict(set)
    by_event: dict[str, set[str]] = defaultdict(set)
    for article, event in gold.items():
        by_story[predicted[article]].add(article)
        by_event[event].add(article)
    shared = {a: len(by_story[predicted[a]] & by_event[gold[a]]) for a in gold}
    p = sum(shared[a] / len(by_story[predicted[a]]) for a in gold) / len(gold)
    r = sum(shared[a] / len(by_event[gold[a]]) for a in gold) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_events() -> dict[str, str]:
    return {row["article"]: row["event"] for row in load_gold("events.jsonl")}


def parts(gold: dict[str, str]) -> dict[str, dict[str, str]]:
    """dev, test, all, and `shared`: the articles of events with 2+ articles (singletons make B-cubed easy)."""
    sizes = Counter(gold.values())
    return {"dev": {a: e for a, e in gold.items() if not held_out(e)},
            "test": {a: e for a, e in gold.items() if held_out(e)}, "all": gold,
            "shared": {a: e for a, e in gold.items() if sizes[e] > 1}}


def shape(stories: Clusters) -> str:
    sizes = Counter(len(s) for s in stories)
    bins = "  ".join(f"{lo}{'+' if hi > 10**8 else ('' if lo == hi else f'–{hi}')}: "
                     f"{sum(n for size, n in sizes.items() if lo <= size <= hi)}" for lo, hi in SIZES)
    spans = [(max(r.day for r in s if r.day) - min(r.day for r in s if r.day)).days
             for s in stories if any(r.day for r in s)]
    total = sum(len(s) for s in stories)
    in_big = sum(len(s) for s in stories if len(s) >= 50)
    return (f"{len(stories)} stories ({bins}); largest {max(map(len, stories))}, longest span {max(spans)} days, "
            f"{in_big / total:.1%} of reports in stories of 50+")


def analysed(rows: list[dict[str, str]]) -> list[Any]:
    """The articles analysed without the parser, each with its publisher (a livedoor category) as its outlet."""
    from matome.language.analyze import Analyzer

    analyzer = Analyzer(syntax=False)
    return [analyzer.analyze(replace(as_article(row), site=row["category"])) for row in rows]


def copy_groups_of(articles: list[Any]) -> list[list[Report]]:
    """Reports grouped with their syndicated copies, the original first."""
    from matome.stories.duplicates import copy_groups
    from matome.stories.reports import reports_of

    return copy_groups([r for a in articles for r in reports_of(a)])


def with_copies(stories: Clusters, groups: list[list[Report]]) -> Clusters:
    """Stories of originals, each copy put in its original's story."""
    copies = {g[0].id: g for g in groups}
    return [[r for original in story for r in copies[original.id]] for story in stories]


def gold_only_scores() -> dict[str, tuple[float, float, float]]:
    """matome's B-cubed on the gold articles alone, per part (what the quality gate checks)."""
    from matome.language.tokens import Tokenizer
    from matome.stories.cluster import cluster

    gold = gold_events()
    groups = copy_groups_of(analysed(list(load_corpus(gold).values())))
    stories = with_copies(cluster([g[0] for g in groups], Tokenizer()), groups)
    return {name: bcubed(stories, part) for name, part in parts(gold).items()}


def gate() -> list[str]:
    """The floors this benchmark pins; an empty list when all hold."""
    scores = gold_only_scores()
    return [f"{name}: B-cubed F1 {scores[name.split()[1]][2]:.3f} < floor {floor:.3f}"
            for name, floor in FLOORS.items() if scores[name.split()[1]][2] < floor - EPSILON]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles (no gold scores)")
    parser.add_argument("--no-curve", action="store_true", help="skip the cost curve at 1k/2k/4k")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    from matome.stories.cluster import cluster
    from matome.stories.digest import build_digests

    rows = list(load_corpus().values())[: args.articles]
    start = time.perf_counter()
    articles = analysed(rows)
    print(f"{len(rows)} livedoor articles analysed (parser off) in {time.perf_counter() - start:.0f} s\n")
    from matome.language.tokens import Tokenizer

    tokenize = Tokenizer()
    groups = copy_groups_of(articles)
    ours = with_copies(cluster([g[0] for g in groups], tokenize), groups)
    theirs = with_copies(baseline([g[0] for g in groups], tokenize), groups)
    if args.articles is None:
        print("same event (B-cubed P / R / F1)      dev                    test                   all"
              "                    events of 2+")
        gold = gold_events()
        for name, stories in (("matome, corpus as input", ours), ("baseline, corpus as input", theirs)):
            print(f"{name:34}" + "".join(f"{p:.3f} / {r:.3f} / {f:.3f}    " for p, r, f in
                                         (bcubed(stories, part) for part in parts(gold).values())))
        alone = gold_only_scores()
        print(f"{'matome, gold articles alone':34}" + "".join(f"{p:.3f} / {r:.3f} / {f:.3f}    "
                                                             for p, r, f in alone.values()))
        events = Counter(gold.values())
        print(f"gold: {len(gold)} articles, {sum(1 for n in events.values() if n > 1)} events of 2+ articles, "
              f"{sum(1 for n in events.values() if n == 1)} singletons\n")
    print(f"matome:   {shape(ours)}\nbaseline: {shape(theirs)}\n")
    sizes = [n for n in (1000, 2000, 4000) if n < len(articles) and not args.no_curve] + [len(articles)]
    print(f"{'articles':>8} {'clustering s':>13} {'digest stage s':>15} {'peak RSS MiB':>13}")
    for n in sizes:
        start = time.perf_counter()
        cluster([g[0] for g in copy_groups_of(articles[:n])], tokenize)
        clustering = time.perf_counter() - start
        start = time.perf_counter()
        build_digests(articles[:n], tokenize)
        digesting = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:8} {clustering:13.1f} {digesting:15.1f} {peak:13.0f}")
    summary_proxy(rows, articles)
    return 0


def summary_proxy(rows: list[dict[str, str]], articles: list[Any]) -> None:
    from matome.stories.reports import reports_of
    from matome.stories.summary import summarize

    ours, lead = [], []
    by_id = {r.id: r for a in articles for r in reports_of(a)}
    for row in rows:
        report = by_id[row["id"]]
        body = [s.text for s in report.body_sentences]
        summary = "".join(line.text for line in summarize(report))
        baseline_summary = "".join(body[:3])
        ours.append((rouge_1(summary, row["title"]), rouge_l(summary, row["title"])))
        lead.append((rouge_1(baseline_summary, row["title"]), rouge_l(baseline_summary, row["title"])))
    print(f"\n{'summary vs headline':22} {'ROUGE-1 P / R / F1':>24} {'ROUGE-L P / R / F1':>24}")
    for name, scores in (("matome (3 lines)", ours), ("lead-3", lead)):
        r1 = _mean([s[0] for s in scores])
        rl = _mean([s[1] for s in scores])
        print(f"{name:22} {r1[0]:.3f} / {r1[1]:.3f} / {r1[2]:.3f}     {rl[0]:.3f} / {rl[1]:.3f} / {rl[2]:.3f}")


def rouge_1(candidate: str, reference: str) -> tuple[float, float, float]:
    overlap = sum((Counter(candidate) & Counter(reference)).values())
    return _prf(overlap, len(candidate), len(reference))


def rouge_l(candidate: str, reference: str) -> tuple[float, float, float]:
    previous = [0] * (len(reference) + 1)
    for char in candidate:
        current = [0]
        for j, ref in enumerate(reference):
            current.append(previous[j] + 1 if char == ref else max(previous[j + 1], current[j]))
        previous = current
    return _prf(previous[-1], len(candidate), len(reference))


def _prf(hits: int, found: int, wanted: int) -> tuple[float, float, float]:
    p = hits / found if found else 0.0
    r = hits / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _mean(rows: list[tuple[float, float, float]]) -> tuple[float, ...]:
    return tuple(sum(r[i] for r in rows) / len(rows) for i in range(3))


if __name__ == "__main__":
    sys.exit(main())
