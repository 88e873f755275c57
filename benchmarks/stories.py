"""Stories on ../shared/eval/livedoor-news-corpus: clustering throughput and a summary-quality proxy.

1. Throughput: the 7,367 articles (already analysed, as `matome digest` has them) grouped into stories: copies found
   and events clustered; articles per second and peak memory.
2. Summary proxy: character-level ROUGE-1 and ROUGE-L (precision, recall, F1) of each article's ✅ three-line summary
   against its real headline, for matome's extractive summary and for the first three sentences (lead-3), same run.

    python benchmarks/stories.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from matome.language.analyze import Analyzer
    from matome.records import Article, Origin
    from matome.stories.cluster import cluster
    from matome.stories.duplicates import copy_groups
    from matome.stories.reports import reports_of
    from matome.stories.summary import summarize

    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][: args.articles]
    analyzer = Analyzer()
    start = time.perf_counter()
    articles = [analyzer.analyze(Article(id=r["id"], origin=Origin("jsonl", url=r["url"]), kind="article",
                                         title=r["title"], body=r["body"].strip(), published=r["date"][:10]))
                for r in rows]
    analysed = time.perf_counter() - start
    start = time.perf_counter()
    reports = [report for article in articles for report in reports_of(article)]
    groups = copy_groups(reports)
    stories = cluster([g[0] for g in groups], analyzer.tokenize)
    grouped = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    copies = sum(len(g) - 1 for g in groups)
    print(f"{len(rows)} livedoor articles: analysed in {analysed:.1f} s ({len(rows) / analysed:.0f} articles/s); "
          f"copies found and stories clustered in {grouped:.1f} s ({len(rows) / grouped:.0f} articles/s); "
          f"{copies} syndicated copies, {len(stories)} stories; peak memory {peak:.0f} MiB\n")

    ours, lead = [], []
    by_id = {r.id: r for r in reports}
    for row in rows:
        report = by_id[row["id"]]
        body = [s.text for s in report.body_sentences]
        summary = "".join(line.text for line in summarize(report))
        baseline = "".join(body[:3])
        ours.append((rouge_1(summary, row["title"]), rouge_l(summary, row["title"])))
        lead.append((rouge_1(baseline, row["title"]), rouge_l(baseline, row["title"])))
    print(f"{'summary vs headline':22} {'ROUGE-1 P / R / F1':>24} {'ROUGE-L P / R / F1':>24}")
    for name, scores in (("matome (3 lines)", ours), ("lead-3", lead)):
        r1 = _mean([s[0] for s in scores])
        rl = _mean([s[1] for s in scores])
        print(f"{name:22} {r1[0]:.3f} / {r1[1]:.3f} / {r1[2]:.3f}     {rl[0]:.3f} / {rl[1]:.3f} / {rl[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
