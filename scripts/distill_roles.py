"""Role nouns distilled from GiNZA: the words for a job or a position (教諭, 候補, 監督) that name someone who speaks.

ja_ginza's entity recogniser (Extended Named Entity labels; matome's parser loads the model without it, for speed) is
run over the livedoor sentences that carry a speech cue, in articles outside the held-out third and outside the
statement gold. The last word of every `Position_Vocation` entity is counted by article; a common noun of two
characters or more is kept when it ends such an entity in MIN_ARTICLES articles or more and in at least MIN_SHARE of
its uses (監督 and 教諭 do; 野球 of 野球解説者, which the recogniser cuts short now and then, does not). The words are
written, most frequent first, to `src/matome/language/data/roles.txt`, which `language/attribution.py` reads as
endings of a speaker's name. Nothing is downloaded: ja_ginza ships on PyPI.

    python scripts/distill_roles.py [--articles N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from livedoor import CORPUS, held_out, load_corpus, load_gold  # noqa: E402
from matome.language.attribution import carries_speech  # noqa: E402
from matome.language.sentences import split_sentences  # noqa: E402

OUT = ROOT / "src" / "matome" / "language" / "data" / "roles.txt"
LABEL = "Position_Vocation"
COMMON = "名詞-普通名詞"  # Sudachi's tag of a common noun (not a name: 魔裟斗)
MIN_ARTICLES = 3
MIN_SHARE = 0.5
HEADER = ("# Role nouns (a job or a position) that end a speaker's name: the last word of ja_ginza's\n"
          "# Position_Vocation entities in livedoor sentences with a speech cue, in {n}+ articles and half\n"
          "# its uses. Written by scripts/distill_roles.py ({articles} articles, {sentences} sentences);\n"
          "# change it by re-running the script.\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=0, help="at most this many articles (0: all)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    import spacy

    nlp = spacy.load("ja_ginza", exclude=["parser", "morphologizer", "compound_splitter", "bunsetu_recognizer"])
    labelled = {row["article"] for row in load_gold("statements.jsonl")}
    articles = [(key, row["body"]) for key, row in sorted(load_corpus().items())
                if not held_out(key) and key not in labelled]
    if args.articles:
        articles = articles[: args.articles]
    seen: Counter[str] = Counter()  # articles in which the word ends a Position_Vocation entity
    ending: Counter[str] = Counter()  # how often it ends one
    used: Counter[str] = Counter()  # how often it is written at all
    sentences, start = 0, time.perf_counter()
    for n, (_, body) in enumerate(articles, 1):
        spoken = [s for line in body.split("\n") for s in split_sentences(line) if carries_speech(s)]
        sentences += len(spoken)
        roles = []
        for doc in nlp.pipe(spoken):
            used.update(t.text for t in doc if t.tag_.startswith(COMMON) and "副詞可能" not in t.tag_)
            roles += [e[-1].text for e in doc.ents if e.label_ == LABEL and e[-1].tag_.startswith(COMMON)]
        ending.update(roles)
        seen.update(role for role in set(roles) if len(role) >= 2)
        if n % 500 == 0:
            print(f"{n}/{len(articles)} articles, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    kept = [role for role, count in seen.most_common()
            if count >= MIN_ARTICLES and ending[role] >= MIN_SHARE * used[role]]
    OUT.write_text(HEADER.format(n=MIN_ARTICLES, articles=len(articles), sentences=sentences)
                   + "".join(f"{role}\n" for role in kept), encoding="utf-8")
    print(f"{len(kept)} role nouns from {len(articles)} articles ({sentences} sentences) -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
