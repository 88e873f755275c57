"""Worksheets for annotating livedoor statements and entities, and compiling annotators' labels into gold files.

The gold files in benchmarks/gold/ hold article ids, character offsets into the article body and labels, never the
article text; docs/annotation.md is the guideline. Worksheets and raw labels (which quote the text) stay outside the
repository.

    python scripts/annotation.py worksheets OUT_DIR
    python scripts/annotation.py more-entity-worksheets OUT_DIR FIRST_NUMBER [SEED]
    python scripts/annotation.py more-statement-worksheets OUT_DIR FIRST_NUMBER
    python scripts/annotation.py compile-statements RAW.jsonl... > benchmarks/gold/statements.jsonl
    python scripts/annotation.py compile-entities RAW.jsonl... > benchmarks/gold/entities.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT / "benchmarks"))

from livedoor import body_sentences  # noqa: E402

LIVEDOOR = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"
GOLD = ROOT / "benchmarks" / "gold"
# A deliberately broad net: every sentence that may hold reported speech, negatives included (説明会, 話題, と思う).
SPEECH_NET = re.compile(
    r"によると|によれば|とのこと|という。|」と|」って|」などと|と(?:、)?(?:述べ|語|話|明か|説明|強調|指摘|主張|発表|コメント"
    r"|報じ|伝え|明言|言及|批判|反論|否定|訴え|証言|告白|激白|漏ら|吐露|綴|答え|回答|発言|言|振り返|表明|嘆|ぼや|つぶや"
    r"|投稿|記し|ツイート|宣言|断言|豪語|絶賛|謝罪|釈明|分析|明かし|して|の(?:見方|考え|認識|意向|方針|見解))")
STATEMENT_CATEGORIES = {"topic-news": 0.45, "sports-watch": 0.25, "movie-enter": 0.1, "it-life-hack": 0.05,
                        "kaden-channel": 0.05, "dokujo-tsushin": 0.05, "livedoor-homme": 0.05}
ENTITY_CATEGORIES = {"topic-news": 0.4, "sports-watch": 0.2, "movie-enter": 0.1, "it-life-hack": 0.1,
                     "kaden-channel": 0.05, "smax": 0.05, "dokujo-tsushin": 0.05, "peachy": 0.05}


def load_articles() -> dict[str, dict[str, str]]:
    with LIVEDOOR.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def _sample(articles: dict[str, dict[str, str]], shares: dict[str, float], seed: int) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    pools = {c: [a for a in articles.values() if a["category"] == c] for c in shares}
    for pool in pools.values():
        rng.shuffle(pool)
    while any(pools.values()):
        category = rng.choices(list(shares), weights=list(shares.values()))[0]
        if pools[category]:
            yield pools[category].pop()


def write_worksheets(out: Path, statement_sheets: int = 4, per_sheet: int = 140, overlap: int = 25,
                     entity_sheets: int = 2, entity_per_sheet: int = 170) -> None:
    articles = load_articles()
    out.mkdir(parents=True, exist_ok=True)
    sheets = _statement_sheets(articles, set(), statement_sheets, per_sheet, seed=8)
    for n, sheet in enumerate(sheets):  # the first articles of the next sheet are annotated twice, blind
        extra, taken = [], 0
        for article, targets in sheets[(n + 1) % statement_sheets]:
            if taken >= overlap:
                break
            extra.append((article, targets))
            taken += len(targets)
        _write_sheet(out / f"statements-{n + 1}", [*sheet, *extra])
    used = {a["id"] for sheet in sheets for a, _ in sheet}
    chosen = _entity_sentences(articles, used, entity_sheets * entity_per_sheet, articles_seed=10, sentences_seed=9)
    for n in range(entity_sheets):
        part = chosen[n * entity_per_sheet: (n + 1) * entity_per_sheet]
        following = ((n + 1) % entity_sheets) * entity_per_sheet
        _write_entity_sheet(out / f"entities-{n + 1}", [*part, *chosen[following: following + overlap]])


def write_more_statement_sheets(out: Path, first: int, sheets: int = 2, per_sheet: int = 140, seed: int = 13) -> None:
    """More statement worksheets (statements-FIRST…), from articles that no gold file uses yet, without overlap."""
    articles = load_articles()
    used = _used_articles()
    for n, sheet in enumerate(_statement_sheets(articles, used, sheets, per_sheet, seed)):
        _write_sheet(out / f"statements-{first + n}", sheet)


def _used_articles() -> set[str]:
    return {json.loads(line)["article"] for name in ("entities.jsonl", "statements.jsonl")
            for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line}


def _statement_sheets(articles: dict[str, dict[str, str]], used: set[str], sheets: int, per_sheet: int,
                      seed: int) -> list[list[tuple[dict[str, str], list[int]]]]:
    """Articles with target sentences (caught by SPEECH_NET, at most 8 each), dealt to the emptiest sheet."""
    dealt: list[list[tuple[dict[str, str], list[int]]]] = [[] for _ in range(sheets)]
    counts = [0] * sheets
    for article in _sample(articles, STATEMENT_CATEGORIES, seed=seed):
        if min(counts) >= per_sheet:
            break
        spans = body_sentences(article["body"])
        targets = [i for i, (s, e) in enumerate(spans) if SPEECH_NET.search(article["body"][s:e])][:8]
        if not targets or article["id"] in used:
            continue
        n = counts.index(min(counts))
        dealt[n].append((article, targets))
        counts[n] += len(targets)
    return dealt


def write_more_entity_sheets(out: Path, first: int, sheets: int = 2, per_sheet: int = 200, seed: int = 11) -> None:
    """More entity worksheets (entities-FIRST…), from articles that no gold file uses yet."""
    articles = load_articles()
    chosen = _entity_sentences(articles, _used_articles(), sheets * per_sheet, articles_seed=seed,
                               sentences_seed=seed)
    for n in range(sheets):
        _write_entity_sheet(out / f"entities-{first + n}", chosen[n * per_sheet: (n + 1) * per_sheet])


def _entity_sentences(articles: dict[str, dict[str, str]], used: set[str], count: int, articles_seed: int,
                      sentences_seed: int) -> list[tuple[dict[str, str], int]]:
    """Up to two sentences of 15–160 characters from each sampled article that no other sheet uses."""
    rng = random.Random(sentences_seed)
    chosen: list[tuple[dict[str, str], int]] = []
    for article in _sample(articles, ENTITY_CATEGORIES, seed=articles_seed):
        if len(chosen) >= count:
            break
        if article["id"] in used:
            continue
        spans = [i for i, (s, e) in enumerate(body_sentences(article["body"])) if 15 <= e - s <= 160]
        chosen.extend((article, i) for i in rng.sample(spans, min(2, len(spans))))
    return chosen


def _write_sheet(path: Path, sheet: list[tuple[dict[str, str], list[int]]]) -> None:
    lines = []
    for article, targets in sheet:
        body = article["body"]
        lines.append(f"## {article['id']}   {article['date'][:10]}   {article['title']}")
        for i, (s, e) in enumerate(body_sentences(body)):
            if i > max(targets):
                break
            mark = "*" if i in targets else " "
            lines.append(f"{mark} [{article['id']}:{i}] {body[s:e]}")
        lines.append("")
    path.with_suffix(".txt").write_text("\n".join(lines), encoding="utf-8")
    keys = [f"{a['id']}:{i}" for a, targets in sheet for i in targets]
    path.with_suffix(".keys").write_text("\n".join(keys) + "\n", encoding="utf-8")


def _write_entity_sheet(path: Path, part: list[tuple[dict[str, str], int]]) -> None:
    lines = []
    for article, i in part:
        s, e = body_sentences(article["body"])[i]
        lines.append(f"[{article['id']}:{i}] {article['body'][s:e]}")
    path.with_suffix(".txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.with_suffix(".keys").write_text("\n".join(f"{a['id']}:{i}" for a, i in part) + "\n", encoding="utf-8")


def sentence_of(articles: dict[str, dict[str, str]], key: str) -> tuple[str, int, int, str]:
    article_id, index = key.rsplit(":", 1)
    body = articles[article_id]["body"]
    start, end = body_sentences(body)[int(index)]
    return article_id, start, end, body[start:end]


def _find(text: str, needle: str, what: str, key: str) -> int:
    where = text.find(needle)
    if not needle or where < 0:
        raise ValueError(f"{key}: {what} {needle!r} is not in the sentence")
    return where


def _labels(raw_files: list[Path]) -> Iterator[tuple[str, dict]]:
    """(where, label) for every raw label line, `where` naming its file and line for error messages."""
    for raw in raw_files:
        for number, line in enumerate(raw.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield f"{raw}:{number}", json.loads(line) | {"annotator": raw.stem}


def compile_statements(raw_files: list[Path]) -> Iterator[dict[str, object]]:
    articles = load_articles()
    for where, label in _labels(raw_files):
        key = label["key"]
        article_id, start, end, text = sentence_of(articles, key)
        row: dict[str, object] = {"article": article_id, "url": articles[article_id]["url"],
                                  "sentence": [start, end], "annotator": label["annotator"]}
        if label.get("none"):
            yield row | {"statement": None}
            continue
        try:
            row |= _statement_label(articles, label, key, text, start)
        except ValueError as error:
            print(f"{where}: {error}", file=sys.stderr)
            continue
        yield row


def _statement_label(articles: dict[str, dict[str, str]], label: dict[str, object], key: str, text: str,
                     start: int) -> dict[str, object]:
    cue_at = _find(text, str(label["cue"]), "cue", key)
    content = str(label.get("content") or "")
    content_at = _find(text, content, "content", key) if content else -1
    speaker = label.get("speaker")
    speaker_span = None
    if speaker:
        where_key = str(label.get("speaker_key") or key)
        _, s_start, _, s_text = sentence_of(articles, where_key)
        at = _find(s_text, str(speaker), "speaker", where_key)
        speaker_span = [s_start + at, s_start + at + len(str(speaker))]
    return {"speaker": speaker, "speaker_span": speaker_span, "speaker_canonical": label.get("canonical"),
            "cue": [start + cue_at, start + cue_at + len(str(label["cue"]))],
            "content": [start + content_at, start + content_at + len(content)] if content else None,
            "direct": bool(label.get("direct")), "reported_by": label.get("reported_by"),
            "quoted_speaker": label.get("quoted_speaker")}


def _place(text: str, name: str, placed: list[list[object]], offset: int, key: str) -> int:
    """Where the next entity is: entities come in order, and none lies inside one already placed."""
    at = int(placed[-1][0]) - offset if placed else 0  # type: ignore[call-overload]
    taken = [(int(s) - offset, int(e) - offset) for s, e, *_ in placed]  # type: ignore[call-overload]
    while (at := text.find(name, at)) >= 0:
        if not any(s < at + len(name) and at < e for s, e in taken):
            return at
        at += 1
    raise ValueError(f"{key}: entity {name!r} is not in the sentence (or only inside another one)")


def compile_entities(raw_files: list[Path]) -> Iterator[dict[str, object]]:
    articles = load_articles()
    for where, label in _labels(raw_files):
        article_id, start, end, text = sentence_of(articles, label["key"])
        spans: list[list[object]] = []
        try:
            for entity in label["entities"]:
                at = _place(text, entity["text"], spans, start, label["key"])
                spans.append([start + at, start + at + len(entity["text"]), entity["type"], entity["text"],
                              entity.get("title")])
        except ValueError as error:
            print(f"{where}: {error}", file=sys.stderr)
            continue
        yield {"article": article_id, "url": articles[article_id]["url"], "sentence": [start, end],
               "entities": spans, "annotator": label["annotator"]}


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "worksheets":
        write_worksheets(Path(rest[0]))
        return 0
    if command == "more-statement-worksheets":  # OUT FIRST: the second round used 5
        write_more_statement_sheets(Path(rest[0]), first=int(rest[1]))
        return 0
    if command == "more-entity-worksheets":  # OUT FIRST [SEED]: the second round used 3 11, the third 5 12
        write_more_entity_sheets(Path(rest[0]), first=int(rest[1]), seed=int(rest[2]) if rest[2:] else 11)
        return 0
    compile_rows = {"compile-statements": compile_statements, "compile-entities": compile_entities}[command]
    for row in compile_rows([Path(p) for p in rest]):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
