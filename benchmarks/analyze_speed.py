"""Speed of `analyze` (with and without its parser) against GiNZA's full pipeline on the same text, each in its own
process, with peak memory.

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


def run_matome(rows: list[dict[str, str]], syntax: bool = True) -> tuple[int, float, int]:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]
    from livedoor import as_article
    from matome.language.analyze import Analyzer

    analyzer = Analyzer(syntax=syntax)
    articles = [as_article(r) for r in rows]
    analyzer.analyze(articles[0])  # load everything before the clock starts
    start = time.perf_counter()
    for article in articles:
        analyzer.analyze(article)
    seconds = time.perf_counter() - start
    return sum(len(r["title"]) + len(r["body"]) for r in rows), seconds, _peak_kib()


def run_matome_without_parser(rows: list[dict[str, str]]) -> tuple[int, float, int]:
    return run_matome(rows, syntax=False)


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
    results = {"matome analyze": isolated(run_matome, rows),
               "matome without parser": isolated(run_matome_without_parser, rows),
               "GiNZA full pipeline": isolated(run_ginza, rows)}
    rates = {name: chars / seconds for name, (chars, seconds, _) in results.items()}
    for name, (_, _, peak) in results.items():
        print(f"{name:22} {rates[name]:10,.0f} chars/s on one core   peak memory {peak / 1024:7.0f} MiB")
    ginza = rates["GiNZA full pipeline"]
    print(f"\nmatome analyze is {rates['matome analyze'] / ginza:.1f}x GiNZA's full pipeline; without the parser "
          f"{rates['matome without parser'] / ginza:.1f}x (the parser takes "
          f"{1 - rates['matome analyze'] / rates['matome without parser']:.0%} of analysis)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
