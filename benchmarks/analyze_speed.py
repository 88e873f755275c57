"""Speed of `analyze` against GiNZA's full pipeline on the same text, each in its own process, with peak memory.

Text: the bodies of the first N articles of ../shared/eval/livedoor-news-corpus (real Japanese news). Figures:
characters per second on one core, and the peak resident memory of the process that ran it.

    python benchmarks/analyze_speed.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"


def load(n: int) -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as lines:
        return [json.loads(line) for _, line in zip(range(n), lines, strict=False)]


def run_matome(rows: list[dict[str, str]]) -> tuple[int, float, int]:
    sys.path.insert(0, str(ROOT / "src"))
    from matome.language.analyze import Analyzer
    from matome.records import Article, Origin

    analyzer = Analyzer()
    articles = [Article(id=r["id"], origin=Origin("jsonl"), kind="article", title=r["title"], body=r["body"],
                        published=r["date"][:10]) for r in rows]
    analyzer.analyze(articles[0])  # load everything before the clock starts
    start = time.perf_counter()
    for article in articles:
        analyzer.analyze(article)
    seconds = time.perf_counter() - start
    return sum(len(r["title"]) + len(r["body"]) for r in rows), seconds, _peak_kib()


def run_ginza(rows: list[dict[str, str]]) -> tuple[int, float, int]:
    import spacy

    nlp = spacy.load("ja_ginza")
    texts = [f"{r['title']}\n{r['body']}" for r in rows]
    nlp(texts[0])
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=8):
        _ = doc.ents
    seconds = time.perf_counter() - start
    return sum(len(r["title"]) + len(r["body"]) for r in rows), seconds, _peak_kib()


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def isolated(function: object, rows: list[dict[str, str]]) -> tuple[int, float, int]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, (rows,))  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    rows = load(args.articles)
    print(f"{len(rows)} livedoor articles, {sum(len(r['body']) for r in rows):,} characters of body\n")
    results = {"matome analyze": isolated(run_matome, rows), "GiNZA full pipeline": isolated(run_ginza, rows)}
    for name, (chars, seconds, peak) in results.items():
        print(f"{name:22} {chars / seconds:10,.0f} chars/s on one core   peak memory {peak / 1024:7.0f} MiB")
    ratio = (results["matome analyze"][0] / results["matome analyze"][1]) / (
        results["GiNZA full pipeline"][0] / results["GiNZA full pipeline"][1])
    print(f"\nmatome analyze is {ratio:.1f}x GiNZA's full pipeline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
