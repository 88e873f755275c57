"""Who said what on real news: matome's statements against the livedoor statement gold (docs/annotation.md).

The gold's articles fall in two parts: development (whose errors were read while the layer was built) and test (the
held-out third of livedoor.held_out, never read); figures are given for each, for all, and for "fresh": the
articles of the second labelling round, labelled after the layer was finished (dev and test alike, never read).
For every annotated sentence, the statements matome finds are matched to the gold ones by the position of their cue.
Figures, for the syntax layer and for the rules alone (the baseline) in the same run:
- statements: precision and recall of the statements themselves (a gold `none` sentence has none);
- speaker precision: of the statements matome gives a speaker, how many have the right one (a statement that is not in
  the gold counts as a wrong speaker); speaker recall: of the gold statements with a speaker, how many are found
  with it;
- null speakers: of the gold statements with no speaker, how many matome leaves without one;
- content exact match: of the matched statements with content, how many have exactly the gold span.
A speaker is right when its written form equals the gold one, with or without the title or honorific after the name,
or when one is a family name the other completes with a given name (森末氏, 森末慎二), or one adds the body the
other belongs to (閣僚, ジョンソン政権の閣僚).

    python benchmarks/statements.py [--agreement] [--show-errors N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from livedoor import CORPUS, as_article, body_sentences, held_out, load_corpus, load_gold
from matome.language.gazetteer import PERSON_SUFFIXES
from matome.records import AnalyzedArticle, Article, Statement

GOLD = "statements.jsonl"
SECOND_ROUND = ("statements-5", "statements-6")  # labelled after the layer was built: none of it was ever read
GIVEN_NAME = re.compile(r"[一-龥々ぁ-ゖァ-ヺー・]{1,4}")  # what may follow a family name (not 務長官, not 協会)
NOT_GIVEN = re.compile(r"[国都道府県市区町村省庁党会社団局部務長官]")
MORE_TITLES = ("市議", "幹事長", "ちゃん", "くん", "君", "様", "総理")  # the gold's, beyond the gazetteer's
# titles after a name, each perhaps with 元 or 前 before it (鳩山元首相); a name ending in 元 stays whole (四元, 秋元)
_TITLES = "|".join(sorted({*PERSON_SUFFIXES, *MORE_TITLES}, key=len, reverse=True))
TRAILING_TITLE = re.compile(f"(?:(?:元|前)?(?:{_TITLES}))+$")
# The quality gate (tests/test_quality_gate.py) pins these with EPSILON; measured on the whole gold (issue 8, round 10).
EPSILON = 0.02
FLOORS = {"speaker precision": 0.785, "speaker recall": 0.550, "statements R": 0.751}


@dataclass(frozen=True, slots=True)
class Found:
    """A statement of matome's placed in the body: its sentence span and its cue span."""

    sentence: tuple[int, int]
    cue: tuple[int, int]
    statement: Statement


def bare(speaker: str | None) -> str | None:
    if not speaker:
        return None
    name = re.sub(r"\s+", "", speaker)
    return TRAILING_TITLE.sub("", name) or name


def same_speaker(found: Statement, gold: dict) -> bool:
    if not found.speaker or not gold["speaker"]:
        return not found.speaker and not gold["speaker"]
    mine, theirs = bare(found.speaker) or "", bare(gold["speaker"]) or ""
    shorter, longer = sorted((mine, theirs), key=len)
    given_name = longer[len(shorter):]
    if mine == theirs or (len(shorter) >= 2 and longer.startswith(shorter) and GIVEN_NAME.fullmatch(given_name)
                           and not NOT_GIVEN.search(given_name)):
        return True  # 森末 and 森末慎二: one person
    return longer.endswith("の" + shorter)  # 閣僚 and ジョンソン政権の閣僚: one referent, with or without its body


def place(article: AnalyzedArticle, body: str) -> list[Found]:
    """matome's body statements with their sentence and cue spans in the body."""
    spans = dict(zip([s.id for s in article.sentences if s.part == "body"], body_sentences(body), strict=True))
    placed = []
    for statement in article.statements:
        if statement.sentence not in spans or statement.cue_start is None:
            continue
        start, end = spans[statement.sentence]
        placed.append(Found((start, end), (start + statement.cue_start, start + (statement.cue_end or 0)),
                            statement))
    return placed


def score(gold: list[dict], found: dict[str, list[Found]], bodies: dict[str, str],
          errors: list[str] | None = None) -> dict[str, float]:
    counts: Counter[str] = Counter()
    by_sentence: dict[tuple[str, tuple[int, int]], list[dict]] = defaultdict(list)
    for row in gold:
        by_sentence[row["article"], tuple(row["sentence"])].append(row)
    for (article, sentence), rows in by_sentence.items():
        statements = [r for r in rows if r.get("statement", True) is not None and "cue" in r]
        mine = [f for f in found.get(article, []) if f.sentence == sentence]
        used: set[int] = set()
        for g in statements:
            counts["gold"] += 1
            counts["gold named" if g["speaker"] else "gold null"] += 1
            match = next((n for n, f in enumerate(mine) if n not in used and _overlap(f.cue, g["cue"])), None)
            if match is None:
                _note(errors, bodies[article], sentence, "missed", g, None)
                if errors is not None:
                    errors[-1] += "\n    matome here: " + "; ".join(f"{f.statement.cue}@{f.cue[0] - sentence[0]}"
                                                                     for f in mine)
                    errors[-1] += f" gold cue @{g['cue'][0] - sentence[0]}"
                continue
            used.add(match)
            f = mine[match].statement
            counts["matched"] += 1
            right = same_speaker(f, g)
            if f.speaker:
                counts["speaker given"] += 1
                counts["speaker right"] += right
            if g["speaker"]:
                counts["named found"] += right
            else:
                counts["null kept"] += right
            if not right:
                _note(errors, bodies[article], sentence, "speaker", g, f)
            if g["content"]:
                counts["content gold"] += 1
                content = bodies[article][g["content"][0]: g["content"][1]]
                counts["content exact"] += f.content == content
        for n, f in enumerate(mine):
            if n not in used:
                counts["spurious"] += 1
                counts["speaker given"] += bool(f.statement.speaker)
                _note(errors, bodies[article], sentence, "spurious", None, f.statement)
    found_total = counts["matched"] + counts["spurious"]
    return {"statements P": _ratio(counts["matched"], found_total), "statements R": _ratio(counts["matched"],
                                                                                          counts["gold"]),
            "speaker precision": _ratio(counts["speaker right"], counts["speaker given"]),
            "speaker recall": _ratio(counts["named found"], counts["gold named"]),
            "null kept": _ratio(counts["null kept"], counts["gold null"]),
            "content exact": _ratio(counts["content exact"], counts["content gold"]),
            "gold statements": counts["gold"], "found": found_total}


def _overlap(a: Iterable[int], b: Iterable[int]) -> bool:
    (s1, e1), (s2, e2) = a, b
    return s1 < e2 and s2 < e1


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _note(errors: list[str] | None, body: str, sentence: tuple[int, int], kind: str, gold: dict | None,
          found: Statement | None) -> None:
    if errors is None:
        return
    text = body[sentence[0]: sentence[1]]
    before = body[max(0, sentence[0] - 160): sentence[0]].replace("\n", " ")
    want = f"gold speaker={gold['speaker']!r} cue={body[gold['cue'][0]:gold['cue'][1]]!r}" if gold else ""
    got = f"matome speaker={found.speaker!r} cue={found.cue!r}" if found else ""
    errors.append(f"[{kind}] {want} {got}\n    {text[:160]}\n    before: …{before}")


def run(analyze: Callable[[Article], AnalyzedArticle],
        articles: dict[str, dict[str, str]]) -> tuple[dict[str, list[Found]], float]:
    start = time.perf_counter()
    found = {}
    for article_id, row in articles.items():
        analyzed = analyze(as_article(row))
        found[article_id] = place(analyzed, row["body"])
    return found, time.perf_counter() - start


def agreement(gold_rows: list[dict]) -> None:
    """Statements of the sentences labelled by two annotators, one annotator's labels scored against the other's."""
    annotators = defaultdict(set)
    for row in gold_rows:
        annotators[row["article"], tuple(row["sentence"])].add(row["annotator"])
    double = {k for k, v in annotators.items() if len(v) == 2}
    counts: Counter[str] = Counter()
    for key in double:
        first, second = sorted(annotators[key])
        a = [r for r in gold_rows if (r["article"], tuple(r["sentence"])) == key and r["annotator"] == first
             and r.get("statement", True) is not None and "cue" in r]
        b = [r for r in gold_rows if (r["article"], tuple(r["sentence"])) == key and r["annotator"] == second
             and r.get("statement", True) is not None and "cue" in r]
        counts["a"] += len(a)
        counts["b"] += len(b)
        for x in a:
            y = next((y for y in b if _overlap(x["cue"], y["cue"])), None)
            if y is not None:
                counts["both"] += 1
                counts["speaker agree"] += bare(x["speaker"]) == bare(y["speaker"])
                counts["content agree"] += x["content"] == y["content"]
    print(f"{len(double)} sentences labelled twice: {counts['a']} and {counts['b']} statements, {counts['both']} in "
          f"both (F1 {2 * counts['both'] / max(1, counts['a'] + counts['b']):.3f}); speaker agrees on "
          f"{counts['speaker agree']}/{counts['both']}, content span on {counts['content agree']}/{counts['both']}")


def gold_rows() -> list[dict]:
    """The gold, one annotator per sentence (the first, for the sentences labelled twice)."""
    rows = load_gold(GOLD)
    first: dict[tuple[str, tuple[int, int]], str] = {}
    for row in rows:
        first.setdefault((row["article"], tuple(row["sentence"])), row["annotator"])
    return [r for r in rows if first[r["article"], tuple(r["sentence"])] == r["annotator"]]


def measure(syntax: bool, errors: list[str] | None = None, learned: bool = False) -> dict[str, dict[str, float]]:
    """Scores on the development articles (whose errors were read while building the layer), on the held-out test
    articles (never read), on the fresh ones, and on all; with the errors of the first round's development articles
    appended to `errors`."""
    from matome.language.analyze import Analyzer
    from matome.language.ranker import shipped_ranker

    gold = gold_rows()
    articles = load_corpus({r["article"] for r in gold})
    analyzer = Analyzer(syntax=syntax, ranker=shipped_ranker() if learned else None)
    found, seconds = run(analyzer.analyze, articles)
    bodies = {k: v["body"] for k, v in articles.items()}
    chars = sum(len(v["body"]) + len(v["title"]) for v in articles.values())
    test = [r for r in gold if held_out(r["article"])]
    fresh = [r for r in gold if r["annotator"] in SECOND_ROUND]
    parts = {"dev": [r for r in gold if not held_out(r["article"])], "test": test, "fresh": fresh, "all": gold}
    scores = {name: score(rows, found, bodies) for name, rows in parts.items()}
    if errors is not None:  # only the development articles of the first round: the fresh ones stay unread
        score([r for r in parts["dev"] if r["annotator"] not in SECOND_ROUND], found, bodies, errors)
    scores["all"]["chars/s"] = chars / seconds
    return scores


def gate() -> list[str]:
    scores = measure(syntax=True)["all"]
    return [f"{name} {scores[name]:.3f} is below its floor {floor:.3f}" for name, floor in FLOORS.items()
            if scores[name] < floor - EPSILON]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agreement", action="store_true", help="inter-annotator agreement only")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N errors of the syntax layer")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    if args.agreement:
        agreement(load_gold(GOLD))
        return 0
    errors: list[str] = []
    configurations = (("matome (syntax rules)", True, False), ("learned ranker", True, True),
                      ("rules alone (baseline)", False, False))
    for name, syntax, learned in configurations[: 1 if args.show_errors else 3]:
        for part, scores in measure(syntax, errors if syntax and not learned else None, learned).items():
            cells = "  ".join(f"{k} {v:.3f}" if isinstance(v, float) and k != "chars/s" else f"{k} {v:,.0f}"
                              for k, v in scores.items())
            print(f"{name:24} {part:5} {cells}")
    for line in errors[: args.show_errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
