"""Train the learned speaker ranker (src/matome/language/ranker.py) on the development part of the statement gold.

Only the first-round labels of the development articles are used: never the test third (`livedoor.held_out`) and
never the second round's sentences ("fresh", benchmarks/statements.py). matome analyzes each article, every statement
it finds in a gold sentence gets its candidates, and a candidate is right when it names the gold speaker (a
statement that is not in the gold, or whose gold speaker is null, has no right one). A logistic regression scores
candidates; the best one speaks if it scores above a threshold, else nobody. The regularisation and the threshold
are chosen by cross-validation over articles: the highest speaker recall (as the benchmark counts it) whose speaker
precision is at least the rules' on the same statements. (Chosen for the best F1 instead, the ranker traded 0.10 of
held-out precision for 0.025 of recall.)

    python scripts/train_speaker_ranker.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from livedoor import as_article, held_out, load_corpus  # noqa: E402
from matome.language.analyze import Analyzer  # noqa: E402
from matome.language.ranker import WEIGHTS, Candidate  # noqa: E402
from matome.records import Statement  # noqa: E402
from statements import SECOND_ROUND, Found, _overlap, gold_rows, place, same_speaker  # noqa: E402

OUT = ROOT / "src" / "matome" / "language" / "data" / WEIGHTS
C_VALUES = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(t / 100 for t in range(5, 100, 5))
FOLDS = 5
Pick = tuple[int, float, int | None, float]  # best candidate and its score, the rules' candidate and its score


def decide(pick: Pick, fill: float, drop: float) -> int | None:
    """As SpeakerRanker decides: the rules' speaker stays unless it scores below `drop`; without one (or after
    dropping it) the best candidate speaks if it scores at least `fill`."""
    best, score, rule, rule_score = pick
    if rule is not None and rule_score >= drop:
        return rule
    return best if best >= 0 and score >= fill and best != rule else None


class Recorder:
    """A ranker that keeps the rules' speaker and records every statement's candidates."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, int | None], list[Candidate]] = {}

    def __call__(self, statement: Statement, found: list[Candidate]) -> Statement:
        self.seen[statement.sentence, statement.cue_start] = found
        return statement


def examples() -> list[dict]:
    """One example per statement matome finds in a first-round development sentence: its candidates with labels,
    its gold statement (None when it is not in the gold), and its article."""
    gold = [r for r in gold_rows() if not held_out(r["article"]) and r["annotator"] not in SECOND_ROUND]
    articles = load_corpus({r["article"] for r in gold})
    recorder = Recorder()
    analyzer = Analyzer(syntax=True, ranker=recorder)
    by_sentence: dict[tuple[str, tuple[int, int]], list[dict]] = defaultdict(list)
    for row in gold:
        by_sentence[row["article"], tuple(row["sentence"])].append(row)
    rows = []
    for article_id, article in articles.items():
        found = place(analyzer.analyze(as_article(article)), article["body"])
        for (gold_article, sentence), labels in by_sentence.items():
            if gold_article == article_id:
                rows.extend(_matched(article_id, sentence, labels, found, recorder))
    return rows


def _matched(article: str, sentence: tuple[int, int], labels: list[dict], found: list[Found],
             recorder: Recorder) -> list[dict]:
    statements = [r for r in labels if r.get("statement", True) is not None and "cue" in r]
    mine = [f for f in found if f.sentence == sentence]
    used: set[int] = set()
    pairs: dict[int, dict | None] = {}
    for g in statements:
        match = next((n for n, f in enumerate(mine) if n not in used and _overlap(f.cue, g["cue"])), None)
        if match is not None:
            used.add(match)
            pairs[match] = g
    rows = []
    for n, f in enumerate(mine):
        candidates = recorder.seen.get((f.statement.sentence, f.statement.cue_start), [])
        g = pairs.get(n)
        labels_ = [bool(g and g["speaker"] and same_speaker(replace(f.statement, speaker=c.name), g))
                   for c in candidates]
        rows.append({"article": article, "gold": g, "statement": f.statement, "candidates": candidates,
                     "labels": labels_})
    rows.append({"article": article, "missed": sum(1 for g in statements if g["speaker"]) - sum(
        1 for g in pairs.values() if g and g["speaker"])})
    return rows


def speaker_scores(rows: list[dict], chosen: list[int | None]) -> dict[str, float]:
    """Speaker precision and recall as benchmarks/statements.py counts them, for a choice per statement (an index
    into its candidates, or None)."""
    given = right = 0
    for row, pick in zip(rows, chosen, strict=True):
        if pick is not None:
            given += 1
            right += row["labels"][pick]
    return {"precision": right / given if given else 0.0, "found": right}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    everything = examples()
    missed = sum(r["missed"] for r in everything if "missed" in r)
    rows = [r for r in everything if "statement" in r]
    named = sum(1 for r in rows if r["gold"] is not None and r["gold"]["speaker"]) + missed
    covered = sum(1 for r in rows if any(r["labels"]))
    print(f"{len(rows)} statements, {sum(len(r['candidates']) for r in rows)} candidates; the gold speaker is among "
          f"the candidates of {covered} of {sum(1 for r in rows if r['gold'] and r['gold']['speaker'])} named")
    articles = sorted({r["article"] for r in rows})
    fold = {a: n % FOLDS for n, a in enumerate(articles)}

    def fit(train: list[dict], c: float) -> tuple[DictVectorizer, LogisticRegression]:
        vectorizer = DictVectorizer()
        x = vectorizer.fit_transform([cand.features for r in train for cand in r["candidates"]])
        y = [label for r in train for label in r["labels"]]
        return vectorizer, LogisticRegression(C=c, max_iter=2000).fit(x, y)

    def best_scores(model: tuple[DictVectorizer, LogisticRegression], test: list[dict]) -> list[Pick]:
        vectorizer, lr = model
        out = []
        for r in test:
            if not r["candidates"]:
                out.append((-1, 0.0, None, 0.0))
                continue
            p = lr.predict_proba(vectorizer.transform([c.features for c in r["candidates"]]))[:, 1]
            best = int(p.argmax())
            rule = next((n for n, c in enumerate(r["candidates"]) if c.features.get("rules")), None)
            out.append((best, float(p[best]), rule, float(p[rule]) if rule is not None else 0.0))
        return out

    def figures(picks: list[Pick], fill: float, drop: float) -> tuple[float, float, float]:
        chosen = [decide(pick, fill, drop) for pick in picks]
        s = speaker_scores(rows, chosen)
        recall = s["found"] / named
        f1 = 2 * s["precision"] * recall / (s["precision"] + recall) if s["precision"] + recall else 0.0
        return s["precision"], recall, f1

    rules = [next((n for n, c in enumerate(r["candidates"]) if c.features.get("rules")), None) for r in rows]
    s = speaker_scores(rows, rules)
    rules_precision = s["precision"]
    print(f"rules on these statements: speaker precision {s['precision']:.3f} recall {s['found'] / named:.3f}")
    results = []
    for c in C_VALUES:
        picks: list[Pick] = [(-1, 0.0, None, 0.0)] * len(rows)
        for k in range(FOLDS):
            model = fit([r for r in rows if fold[r["article"]] != k], c)
            held = [n for n, r in enumerate(rows) if fold[r["article"]] == k]
            for n, pick in zip(held, best_scores(model, [rows[n] for n in held]), strict=True):
                picks[n] = pick
        for fill in THRESHOLDS:
            for drop in (0.0, *THRESHOLDS):
                p, r, f1 = figures(picks, fill, drop)
                results.append((round(f1, 4), c, fill, drop, p, r))
        for f1, c, fill, drop, p, r in sorted(r for r in results if r[1] == c)[-3:]:
            print(f"C {c:<4} fill {fill:.2f} drop {drop:.2f}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    safe = [x for x in results if x[4] >= rules_precision]  # precision protected: never below the rules'
    f1, c, fill, drop, p, r = max(safe, key=lambda x: (x[5], x[0])) if safe else max(results)
    print(f"chosen by cross-validation: C {c}, fill {fill:.2f}, drop {drop:.2f} (precision {p:.3f}, recall {r:.3f}, "
          f"F1 {f1:.3f})")
    vectorizer, lr = fit(rows, c)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), lr.coef_[0],
                                                            strict=True) if abs(w) > 1e-6}
    args.out.write_text(json.dumps({"bias": round(float(lr.intercept_[0]), 5), "fill": fill, "drop": drop, "C": c,
                                    "cross-validated": {"precision": round(p, 3), "recall": round(r, 3)},
                                    "trained on": f"{len(rows)} statements of {len(articles)} development articles",
                                    "weights": dict(sorted(weights.items()))}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
