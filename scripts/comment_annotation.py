"""Worksheets for labelling real reader comments as abusive or not, and compiling the labels.

livedoor's topic-news (and some other categories) quote readers' posts from message boards and social media in
runs: a paragraph that names the board (`ネット掲示板では`, `ユーザーからは`) followed by several 「…」.
Those quotes are real web comments nobody on the team wrote. The worksheets list them with their article id and
character offsets; the gold file holds ids, offsets and labels, never the text (docs/annotation.md, "Abusive
comments").

    python scripts/comment_annotation.py worksheets OUT_DIR [--parts 3]
    python scripts/comment_annotation.py compile OUT_DIR RAW.jsonl... > benchmarks/gold/comments-abuse.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from livedoor import load_corpus  # noqa: E402

QUOTE = re.compile(r"「([^「」\n]{3,160})」")
READERS = re.compile(r"ネット|掲示板|ちゃんねる|ユーザー|書き込|コメント|つぶやき|ツイート|Twitter|ツイッター"
                     r"|読者|視聴者|声")
MIN_QUOTES = 2  # a lone quote next to a board name is as often a headline as a post


def candidates(rows: Iterable[dict[str, str]]) -> Iterator[dict[str, object]]:
    """Each quoted post: the article id, the offsets of its text in the body, and the paragraph's lead-in."""
    for row in rows:
        body, offset = row["body"], 0
        for paragraph in body.split("\n"):
            quotes = list(QUOTE.finditer(paragraph))
            if len(quotes) >= MIN_QUOTES and READERS.search(paragraph[: quotes[0].start()] or paragraph):
                for quote in quotes:
                    yield {"id": row["id"], "category": row["category"], "start": offset + quote.start(1),
                           "end": offset + quote.end(1)}
            offset += len(paragraph) + 1


def text_of(articles: dict[str, str], item: dict[str, object]) -> str:
    return articles[str(item["id"])][int(str(item["start"])): int(str(item["end"]))]


def worksheets(out: Path, parts: int) -> None:
    rows = load_corpus()
    bodies = {key: row["body"] for key, row in rows.items()}
    items = list(candidates(rows.values()))
    seen: set[str] = set()
    unique = []
    for item in items:
        text = text_of(bodies, item)
        if text not in seen:
            seen.add(text)
            unique.append({**item, "n": len(unique), "text": text})
    out.mkdir(parents=True, exist_ok=True)
    for part in range(parts):
        with (out / f"part{part}.jsonl").open("w", encoding="utf-8") as sheet:
            for item in unique[part::parts]:
                sheet.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} quoted posts, {len(unique)} distinct, in {parts} worksheets under {out}")


def compile_labels(out: Path, raws: list[Path]) -> None:
    """Join raw labels ({n, abusive, target, comment}) to the worksheets' ids and offsets; the text is dropped."""
    items = {item["n"]: item for sheet in sorted(out.glob("part*.jsonl"))
             for item in map(json.loads, sheet.open(encoding="utf-8"))}
    labels = {}
    for raw in raws:
        for label in map(json.loads, raw.open(encoding="utf-8")):
            labels[label["n"]] = label
    for n in sorted(labels):
        item, label = items[n], labels[n]
        print(json.dumps({"id": item["id"], "category": item["category"], "start": item["start"], "end": item["end"],
                          "abusive": bool(label["abusive"]), "target": label.get("target"),
                          "comment": bool(label.get("comment", 1))}, ensure_ascii=False))


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("worksheets", "compile"):
        print(__doc__)
        return 2
    if argv[0] == "worksheets":
        parts = int(argv[argv.index("--parts") + 1]) if "--parts" in argv else 3
        worksheets(Path(argv[1]), parts)
    else:
        compile_labels(Path(argv[1]), [Path(p) for p in argv[2:]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
