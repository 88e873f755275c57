"""The `abusive` flag on ../shared/eval/japanese-toxic-inspection, and its false alarms on ordinary news text.

1. Stratified 5-fold cross-validation over the 437 comments (gold: Toxic + Very Toxic votes outnumber Not Toxic):
   in each fold the classifier is trained on the other four folds; precision, recall, F1 and the confusion matrix of
   matome's `abusive` (lexicon and classifier) against the lexicon alone, same folds, same run.
2. False alarms: the share of sentences of 500 livedoor news articles that matome flags abusive.

    python benchmarks/comments.py
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOXIC = ROOT.parent / "shared" / "eval" / "japanese-toxic-inspection" / "subset.csv"
NEWS = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"
FOLDS = 5


def folds(labels: list[bool]) -> list[int]:
    """Stratified fold numbers: each class dealt round-robin after a seeded shuffle."""
    assignment = [0] * len(labels)
    for value in (True, False):
        indexes = [i for i, label in enumerate(labels) if label == value]
        random.Random(7).shuffle(indexes)
        for n, i in enumerate(indexes):
            assignment[i] = n % FOLDS
    return assignment


def report(name: str, gold: list[bool], found: list[bool]) -> None:
    tp = sum(g and f for g, f in zip(gold, found, strict=True))
    fp = sum(f and not g for g, f in zip(gold, found, strict=True))
    fn = sum(g and not f for g, f in zip(gold, found, strict=True))
    tn = len(gold) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:28} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   confusion [[TN {tn} FP {fp}] [FN {fn} TP {tp}]]")


def main() -> int:
    if not TOXIC.exists():
        print(f"skipped: {TOXIC} is absent")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from matome.comments.classifier import train
    from matome.comments.flags import THRESHOLD, _abusive, load_lexicon, matches
    from matome.language.tokens import Tokenizer

    with TOXIC.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    texts = [r["text"] for r in rows]
    gold = [int(r["Toxic"]) + int(r["Very Toxic"]) > int(r["Not Toxic"]) for r in rows]
    tokenize = Tokenizer()
    lexicon = load_lexicon(tokenize)
    terms = [matches(tokenize(t), lexicon) for t in texts]
    lexicon_only = [any(x.flag == "abusive" and x.weight >= THRESHOLD for x in found) for found in terms]
    matome = [False] * len(texts)
    fold_of = folds(gold)
    for fold in range(FOLDS):
        train_on = [i for i in range(len(texts)) if fold_of[i] != fold]
        model = train([texts[i] for i in train_on], [gold[i] for i in train_on])
        for i in (i for i in range(len(texts)) if fold_of[i] == fold):
            matome[i] = _abusive(texts[i], terms[i], model) is not None
    print(f"{len(texts)} comments, {sum(gold)} abusive by majority; stratified {FOLDS}-fold cross-validation\n")
    report("matome (lexicon + classifier)", gold, matome)
    report("lexicon only", gold, lexicon_only)

    if NEWS.exists():
        from matome.comments.classifier import load_model
        from matome.language.sentences import split_sentences

        model = load_model()
        with NEWS.open(encoding="utf-8") as lines:
            articles = [json.loads(line) for _, line in zip(range(500), lines, strict=False)]
        sentences = [s for a in articles for s in split_sentences(a["body"])]
        flagged = [s for s in sentences if _abusive(s, matches(tokenize(s), lexicon), model)]
        print(f"\nfalse alarms on news: {len(flagged)} of {len(sentences)} sentences of 500 livedoor articles "
              f"({100 * len(flagged) / len(sentences):.2f}%) flagged abusive")
        for sentence in flagged[:10]:
            print(f"  {sentence[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
