"""Reader comments on real text: the `abusive` flag by cross-validation, false alarms, and one line one comment.

1. `abusive` by grouped 5-fold cross-validation over the labelled comments (benchmarks/abuse_data.py: 437 from
   japanese-toxic-inspection and the readers' posts quoted in livedoor, labelled by the team). In each fold the
   classifier is trained on the other four; the same folds score, in the same run:
   - baseline: every lexicon entry wherever it occurs (the first round's rule, without part-of-speech context);
   - lexicon: the entries aimed at someone (not in a name, not describing a thing, not at oneself);
   - classifier alone, at p ≥ 0.5 and at p ≥ 0.9;
   - lexicon or a sure classifier (p ≥ 0.9): the classifier adding flags;
   - matome: the lexicon's matches the classifier does not veto (p ≥ CLASSIFIER_VETO; flags.abusive_flag).
   F1 is also given per part: inspection, livedoor, and livedoor's held-out third of articles (`livedoor.held_out`),
   whose errors nobody read while the lexicon and the rules were written.
2. False alarms: the share of sentences of 500 livedoor articles flagged abusive.
3. A 700-line thread of real one-line sentences (livedoor sentences from articles outside the labels, shuffled,
   one per line), and the cost of the whole comments stage on such threads of 1,000 / 3,000 / 10,000 comments:
   how many comments come out, and how many are flagged abusive.
4. `--agreement`: the second annotator's blind labels against the gold on the same posts (Cohen's kappa).
5. `--external DIR...`: the shipped lexicon and classifier, trained on none of it, on labelled comments kept outside
   the repository (their text is not ours to ship): `DIR/comments.jsonl`, one {"text", "abusive", "comment"} per line.

    python benchmarks/comments.py [--agreement | --external DIR...]
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import abuse_data  # noqa: E402
from livedoor import held_out, load_corpus  # noqa: E402

if TYPE_CHECKING:
    from matome.comments.flags import Span, Term

THREAD_LINES = 700
STAGE_SIZES = (1_000, 3_000, 10_000)
SENTENCE_END = ("。", "！", "？", "!", "?")
LIST_MARKS = ("・", "■", "【")  # related-article lists, not sentences
MATOME = "matome: lexicon, classifier veto"
FLOORS = {"precision": 0.812, "f1": 0.508}  # measured 2026-11-25; tests/test_quality_gate.py holds them
EPSILON = 0.01


def scores(gold: Sequence[bool], found: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(g and f for g, f in zip(gold, found, strict=True))
    p = tp / max(1, sum(found))
    r = tp / max(1, sum(gold))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def report(name: str, gold: Sequence[bool], found: Sequence[bool], parts: dict[str, list[int]]) -> None:
    p, r, f1 = scores(gold, found)
    each = "  ".join(f"{part} F1 {scores([gold[i] for i in idx], [found[i] for i in idx])[2]:.3f}"
                     for part, idx in parts.items())
    print(f"{name:34} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   ({each})")


def lexicon_rows(found: list[list[Span]], aimed: list[list[Term]]) -> dict[str, list[bool]]:
    """The rows that need no classifier: every abusive lexicon entry (the baseline), and the terms aimed at someone."""
    from matome.comments.flags import THRESHOLD

    return {"baseline: lexicon, no context": [any(x.flag == "abusive" and x.weight >= THRESHOLD for x, _ in f)
                                              for f in found],
            "lexicon (aimed terms)": [any(x.weight >= THRESHOLD for x in terms) for terms in aimed]}


def cross_validate(show: bool = True) -> dict[str, tuple[float, float, float]]:
    from matome.comments.classifier import train
    from matome.comments.flags import abusive_flag, abusive_terms, load_lexicon, spans
    from matome.language.tokens import Tokenizer

    items = abuse_data.load()
    tokenize = Tokenizer()
    lexicon = load_lexicon(tokenize)
    tokens = [tokenize(item.text) for item in items]
    gold = [item.abusive for item in items]
    found = [spans(t, lexicon) for t in tokens]
    aimed = [abusive_terms(t, f) for t, f in zip(tokens, found, strict=True)]
    rows: dict[str, list[bool]] = {
        **lexicon_rows(found, aimed),
        "classifier alone, p >= 0.5": [False] * len(items),
        "classifier alone, p >= 0.9": [False] * len(items),
        "lexicon or classifier p >= 0.9": [False] * len(items),
        MATOME: [False] * len(items),
    }
    fold_of = abuse_data.folds(items)
    for fold in range(max(fold_of) + 1):
        train_on = [i for i in range(len(items)) if fold_of[i] != fold]
        model = train([tokens[i] for i in train_on], [gold[i] for i in train_on])
        for i in (i for i in range(len(items)) if fold_of[i] == fold):
            probability, _ = model.score(tokens[i])
            rows["classifier alone, p >= 0.5"][i] = probability >= 0.5
            rows["classifier alone, p >= 0.9"][i] = probability >= 0.9
            rows["lexicon or classifier p >= 0.9"][i] = rows["lexicon (aimed terms)"][i] or probability >= 0.9
            rows[MATOME][i] = abusive_flag(tokens[i], found[i], model) is not None
    parts = {source: [i for i, item in enumerate(items) if item.source == source]
             for source in ("inspection", "livedoor")}
    parts["livedoor test"] = [i for i in parts["livedoor"] if held_out(items[i].group.split(":", 1)[1])]
    if show:
        print(f"{len(items)} labelled comments ({sum(gold)} abusive): "
              + ", ".join(f"{s} {len(idx)} ({sum(gold[i] for i in idx)} abusive)" for s, idx in parts.items())
              + f"; grouped {max(fold_of) + 1}-fold cross-validation\n")
        for name, found in rows.items():
            report(name, gold, found, parts)
    return {name: scores(gold, found) for name, found in rows.items()}


def gate() -> list[str]:
    """The floors this benchmark pins for matome's `abusive` flag; an empty list when all hold."""
    precision, _, f1 = cross_validate(show=False)[MATOME]
    return [f"abusive {name} {value:.3f} < floor {floor:.3f}" for name, value, floor in
            (("precision", precision, FLOORS["precision"]), ("F1", f1, FLOORS["f1"])) if value < floor - EPSILON]


def false_alarms(flagged: Callable[[str], bool]) -> None:
    from matome.language.sentences import split_sentences

    articles = list(load_corpus().values())[:500]
    sentences = [s for a in articles for s in split_sentences(a["body"])]
    hits = [s for s in sentences if flagged(s)]
    print(f"\nfalse alarms on news: {len(hits)} of {len(sentences)} sentences of 500 livedoor articles "
          f"({100 * len(hits) / len(sentences):.2f}%) flagged abusive")


def shuffled_sentences(count: int, seed: int = 6) -> list[str]:
    """`count` livedoor sentences from articles outside the labels, one per line, shuffled: one-line comments by
    different readers, not an article's run of sentences."""
    from matome.language.sentences import split_sentences

    labelled = {json.loads(line)["id"] for line in abuse_data.GOLD.open(encoding="utf-8")}
    bodies = [row["body"] for key, row in load_corpus().items() if key not in labelled]
    random.Random(5).shuffle(bodies)
    sentences: list[str] = []
    for body in bodies:
        if len(sentences) >= 3 * count:
            break
        found = (s.strip() for line in body.split("\n") for s in split_sentences(line))
        sentences.extend(s for s in found if s.endswith(SENTENCE_END) and not s.startswith(LIST_MARKS))
    random.Random(seed).shuffle(sentences)
    return sentences[:count]


def flagger() -> Callable[[str], bool]:
    """matome's `abusive` flag on one text, with the shipped lexicon and classifier."""
    from matome.comments.classifier import load_model
    from matome.comments.flags import abusive_flag, load_lexicon, spans
    from matome.language.tokens import Tokenizer

    tokenize, model = Tokenizer(), load_model()
    lexicon = load_lexicon(tokenize)

    def flagged(text: str) -> bool:
        tokens = tokenize(text)
        return abusive_flag(tokens, spans(tokens, lexicon), model) is not None

    return flagged


def one_line_thread(flagged: Callable[[str], bool]) -> tuple[int, int, list[str]]:
    """A thread of THREAD_LINES one-line comments: its lines, the comments it comes out as, the texts flagged."""
    from matome.read.threads import group_thread

    thread = shuffled_sentences(THREAD_LINES)
    comments = group_thread(thread)
    return len(thread), len(comments), [c.text for c in comments if flagged(c.text)]


def stage_cost() -> None:
    """Seconds of the whole comments stage (flags, viewpoints, stance; tokenising included) by thread size."""
    from matome.comments.digest import read_comments
    from matome.language.tokens import Tokenizer
    from matome.records import Article, Comment, Origin

    tokenize = Tokenizer()
    lines = shuffled_sentences(max(STAGE_SIZES))
    print("\ncomments stage on threads of shuffled livedoor sentences")
    for size in STAGE_SIZES:
        article = Article(id="a", origin=Origin("text"), kind="blog", title="スレッド", body="本文。",
                          comments=tuple(Comment(f"c{n}", text) for n, text in enumerate(lines[:size], 1)))
        start = time.perf_counter()
        digest = read_comments(article, tokenize).comment_digest
        seconds = time.perf_counter() - start
        largest = max((v.count for v in digest.viewpoints), default=0) if digest else 0
        print(f"  {size:>6,} comments  {seconds:6.1f} s  {len(digest.viewpoints) if digest else 0} viewpoints, "
              f"the largest {largest}")


def agreement() -> None:
    first = {(item.group, item.text): item for item in abuse_data.livedoor()}
    second = [item for item in abuse_data.livedoor(abuse_data.SECOND) if (item.group, item.text) in first]
    pairs = [(first[(item.group, item.text)].abusive, item.abusive) for item in second]
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    posts = sum(first[(i.group, i.text)].post == i.post for i in second) / n
    print(f"{n} posts labelled twice: abusive {sum(a for a, _ in pairs)} and {sum(b for _, b in pairs)}, in both "
          f"{sum(a and b for a, b in pairs)}; agreement {observed:.3f}, Cohen's kappa "
          f"{(observed - expected) / (1 - expected):.3f}; reader post or not agrees on {posts:.3f}")


def external(folders: list[Path]) -> None:
    """The baseline, the lexicon, the shipped classifier and matome's flag on each folder's labelled comments."""
    from matome.comments.classifier import load_model
    from matome.comments.flags import abusive_flag, abusive_terms, load_lexicon, spans
    from matome.language.tokens import Tokenizer

    tokenize, model = Tokenizer(), load_model()
    lexicon = load_lexicon(tokenize)
    for folder in folders:
        rows = [json.loads(line) for line in (folder / "comments.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        tokens = [tokenize(row["text"]) for row in rows]
        found = [spans(t, lexicon) for t in tokens]
        gold = [bool(row["abusive"]) for row in rows]
        runs = {
            **lexicon_rows(found, [abusive_terms(t, f) for t, f in zip(tokens, found, strict=True)]),
            "classifier alone, p >= 0.5": [model.score(t)[0] >= 0.5 for t in tokens],
            MATOME: [abusive_flag(t, f, model) is not None for t, f in zip(tokens, found, strict=True)],
        }
        print(f"{folder}: {len(rows)} comments, {sum(gold)} abusive")
        for name, flagged in runs.items():
            precision, recall, f1 = scores(gold, flagged)
            print(f"  {name:<34} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({sum(flagged)} flagged)")


def main(argv: list[str]) -> int:
    if not abuse_data.available():
        print("skipped: ../shared/eval (japanese-toxic-inspection, livedoor) or the comment gold is absent")
        return 0
    if "--agreement" in argv:
        agreement()
        return 0
    if "--external" in argv:
        external([Path(a) for a in argv[argv.index("--external") + 1:]])
        return 0
    cross_validate()
    flagged = flagger()
    false_alarms(flagged)
    lines, comments, hits = one_line_thread(flagged)
    print(f"\none-line thread of {lines} livedoor sentences: {comments} comments, {len(hits)} flagged abusive "
          f"({100 * len(hits) / max(1, comments):.2f}%)")
    for text in hits[:5]:
        print(f"  flagged: {text[:60]}")
    stage_cost()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
