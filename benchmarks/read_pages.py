"""Main-text extraction on ../shared/eval/trafilatura-eval: matome against plain trafilatura, in the same run.

Figures per extractor: share of must-include snippets found in the main text (for matome: the record's own-text
fields, i.e. headings, body, embedded posts and notes), share of must-exclude snippets wrongly
kept, title and date accuracy (exact match on pages with gold), author accuracy (every gold name
found in the author field), comment separation (share of gold comment snippets
found inside the main text: lower is better) and pages per second. Speed is also given as a ratio: matome's time per
page over `trafilatura.bare_extraction`'s on the same pages in the same run (issue 10 asks for at most 1.0; matome's
read includes decoding, page anatomy, comment detection and its own bare_extraction call). Every page is read once by
matome and by bare_extraction before the timed pass, so one-time costs (dateparser builds its tables per language, on
the first page in that language) fall on neither. `--profile` prints where matome's read time goes, by function;
`--variants` adds bare_extraction with options the read path could choose (no fallback extractors, quick dates), with
their accuracy, so a change of options is decided on measured figures.

    python benchmarks/read_pages.py [--limit N] [--check] [--profile] [--variants]

`--check` scores matome alone on the first GATE_PAGES pages and exits non-zero when a figure is worse than its
pinned floor in FLOORS (tests/test_quality_gate.py runs the same check). Floors are never lowered silently: a change
that lowers one says so in its commit.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import sys
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from matome.read.page import read_page
from matome.records import Origin, Page

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "trafilatura-eval"
CACHE = ROOT / "benchmarks" / ".cache" / "trafilatura-eval"
# Measured on the first GATE_PAGES pages (2026-11-23): include 0.960, exclude_kept 0.062, title 0.624, date 0.917,
# comment_leak 0.044. A floor is the measured figure less EPSILON; `max` figures must stay below theirs. Lowered
# 2026-11-24: include 0.960 -> 0.957, when trafilatura's second opinion became one asked only for short main texts
# (read/html.py SECOND_OPINION_CHARS; the other 690 pages: unchanged).
GATE_PAGES = 300
EPSILON = 0.01
FLOORS = {"include": ("min", 0.957), "exclude_kept": ("max", 0.062), "title": ("min", 0.624),
          "date": ("min", 0.917), "comment_leak": ("max", 0.044)}


@dataclass
class Extraction:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None


@dataclass
class Score:
    name: str
    included: int = 0
    include_total: int = 0
    kept: int = 0
    exclude_total: int = 0
    titles: int = 0
    title_total: int = 0
    dates: int = 0
    date_total: int = 0
    authors: int = 0
    author_total: int = 0
    leaked: int = 0
    comment_total: int = 0
    seconds: float = 0.0
    pages: int = 0
    failed: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        share = lambda a, b: a / b if b else 0.0  # noqa: E731
        return {
            "include": share(self.included, self.include_total),
            "exclude_kept": share(self.kept, self.exclude_total),
            "title": share(self.titles, self.title_total),
            "date": share(self.dates, self.date_total),
            "author": share(self.authors, self.author_total),
            "comment_leak": share(self.leaked, self.comment_total),
            "pages_per_s": share(self.pages, self.seconds),
        }


def unpack() -> Path:
    if not (CACHE / "tests").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tarfile.open(EVAL / "trafilatura-eval-html.tgz") as archive:
            archive.extractall(CACHE, filter="data")
    return CACHE / "tests"


def by_matome(html: bytes, url: str) -> Extraction:
    article = read_page(Page(Origin("html", url=url), html, "html"))
    headings = [s.heading for s in article.sections if s.heading]
    posts = [p.text for p in article.embedded_posts]
    return Extraction("\n".join([*headings, article.body, *posts, *article.notes]), article.title, article.published,
                      article.author)


def by_trafilatura(include_comments: bool) -> Callable[[bytes, str], Extraction]:
    def extract(html: bytes, url: str) -> Extraction:
        found = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                                    include_comments=include_comments)
        data = json.loads(found) if found else {}
        text = "\n".join(filter(None, [data.get("text") or "", data.get("comments") or ""]))
        return Extraction(text, data.get("title"), data.get("date"), data.get("author"))

    return extract


def by_bare_extraction(**options: object) -> Callable[[bytes, str], Extraction]:
    """trafilatura.bare_extraction on the raw page, as a caller with no page model of its own would call it."""
    def extract(html: bytes, url: str) -> Extraction:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
        if doc is None:
            return Extraction("")
        return Extraction("\n".join(filter(None, [doc.text or "", doc.comments or ""])), doc.title, doc.date,
                          doc.author)

    return extract


BARE = "trafilatura.bare_extraction (defaults)"
BARE_AS_MATOME = "trafilatura.bare_extraction (matome's options)"


def score(extractors: dict[str, Callable[[bytes, str], Extraction]], pages: list[tuple[str, dict, bytes]]
          ) -> list[Score]:
    """Every extractor on every page, in an order that rotates per page so that warm caches favour none of them."""
    scores = {name: Score(name) for name in extractors}
    names = list(extractors)
    for n, (url, gold, html) in enumerate(pages):
        for name in names[n % len(names):] + names[: n % len(names)]:
            start = time.perf_counter()
            try:
                found = extractors[name](html, url)
            except Exception as error:  # a benchmark counts failures, it does not stop
                scores[name].failed.append(f"{gold['file']}: {error}")
                found = Extraction("")
            scores[name].seconds += time.perf_counter() - start
            scores[name].pages += 1
            _count(scores[name], gold, found)
    return list(scores.values())


def _count(result: Score, gold: dict, found: Extraction) -> None:
    text = " ".join(found.text.split())
    norm = lambda s: " ".join(s.split())  # noqa: E731
    result.include_total += len(gold["with"])
    result.included += sum(norm(s) in text for s in gold["with"])
    result.exclude_total += len(gold["without"])
    result.kept += sum(norm(s) in text for s in gold["without"])
    comments = gold.get("comments") or []
    result.comment_total += len(comments)
    result.leaked += sum(norm(s) in text for s in comments)
    if gold.get("title"):
        result.title_total += 1
        result.titles += norm(found.title or "") == norm(gold["title"])
    if gold.get("date"):
        result.date_total += 1
        result.dates += (found.date or "")[:10] == gold["date"][:10]
    if gold.get("author"):
        result.author_total += 1
        names = gold["author"] if isinstance(gold["author"], list) else [gold["author"]]
        result.authors += all(norm(name).lower() in norm(found.author or "").lower() for name in names)


def load(limit: int | None) -> list[tuple[str, dict, bytes]]:
    tests = unpack()
    gold = json.loads((EVAL / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in list(gold.items())[:limit]:
        path = next((p for p in (tests / "eval" / item["file"], tests / "cache" / item["file"]) if p.exists()), None)
        if path:
            pages.append((url, item, path.read_bytes()))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--check", action="store_true", help="fail when matome is below its pinned floors")
    parser.add_argument("--profile", action="store_true", help="where matome's read time goes, by function")
    parser.add_argument("--variants", action="store_true", help="bare_extraction with other options too")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} is absent")
        return 0
    if args.check:
        problems = gate()
        print("\n".join(problems) or f"matome meets every floor on the first {GATE_PAGES} pages")
        return 1 if problems else 0
    pages = load(args.limit)
    if args.profile:
        print(profile(pages))
        return 0
    warm_up(pages)
    extractors = {"matome": by_matome, BARE: by_bare_extraction(),
                  BARE_AS_MATOME: by_bare_extraction(include_comments=False, include_tables=True),
                  "trafilatura.extract (default, comments included)": by_trafilatura(True),
                  "trafilatura.extract (include_comments=False)": by_trafilatura(False)}
    if args.variants:
        extractors |= {
            "  matome's options, fast=True (no fallback)": by_bare_extraction(
                include_comments=False, include_tables=True, fast=True),
            "  matome's options, quick dates always": by_bare_extraction(
                include_comments=False, include_tables=True, date_extraction_params=QUICK_DATE),
            "  matome's options, both": by_bare_extraction(
                include_comments=False, include_tables=True, fast=True, date_extraction_params=QUICK_DATE)}
    rows = score(extractors, pages)
    print(f"{len(pages)} pages of trafilatura-eval\n")
    print(f"{'extractor':50} {'include':>8} {'excl.kept':>9} {'title':>6} {'date':>6} {'author':>6} {'cmt.leak':>8} "
          f"{'pages/s':>8}")
    for row in rows:
        f = row.figures()
        print(f"{row.name:50} {f['include']:8.3f} {f['exclude_kept']:9.3f} {f['title']:6.3f} {f['date']:6.3f} "
              f"{f['author']:6.3f} {f['comment_leak']:8.3f} {f['pages_per_s']:8.1f}")
    seconds = {row.name: row.seconds / max(row.pages, 1) for row in rows}
    print(f"\nmatome {1000 * seconds['matome']:.1f} ms a page; bare_extraction {1000 * seconds[BARE]:.1f} ms "
          f"(defaults), {1000 * seconds[BARE_AS_MATOME]:.1f} ms (matome's options); ratio "
          f"{seconds['matome'] / seconds[BARE]:.2f} and {seconds['matome'] / seconds[BARE_AS_MATOME]:.2f} (target "
          "<= 1.0)")
    for row in rows:
        for failure in row.failed[:5]:
            print(f"  {row.name} failed on {failure}")
    return 0


QUICK_DATE = {"extensive_search": False, "original_date": True}  # htmldate without its search of the page's text


def warm_up(pages: list[tuple[str, dict, bytes]]) -> None:
    """Every page through matome and bare_extraction once, untimed: caches built on first use are then built."""
    for url, _, html in pages:
        for extract in (by_matome, by_bare_extraction()):
            with contextlib.suppress(Exception):
                extract(html, url)


def profile(pages: list[tuple[str, dict, bytes]], top: int = 30) -> str:
    """matome's read over the pages under cProfile: the functions with the most cumulative and own time."""
    warm_up(pages)
    profiler = cProfile.Profile()
    profiler.enable()
    for url, _, html in pages:
        with contextlib.suppress(Exception):
            by_matome(html, url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"matome|trafilatura|lxml|htmldate|courlan|justext", top)
    stats.sort_stats("cumulative").print_stats(r"src/matome/", top)  # matome's own functions
    stats.sort_stats("tottime").print_stats(top)
    stats.print_callers(r"document_fromstring|fromstring")  # how often each page is parsed, and by whom
    return out.getvalue()


def gate() -> list[str]:
    """matome alone on the gate pages: one line per figure worse than its pinned floor."""
    (row,) = score({"matome": by_matome}, load(GATE_PAGES))
    figures = row.figures()
    problems = []
    for name, (kind, floor) in FLOORS.items():
        worse = figures[name] < floor - EPSILON if kind == "min" else figures[name] > floor + EPSILON
        if worse:
            problems.append(f"{name} {figures[name]:.3f} is worse than its floor {floor:.3f} ({kind})")
    return problems


if __name__ == "__main__":
    sys.exit(main())
