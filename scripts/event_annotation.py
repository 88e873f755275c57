"""Worksheets for labelling which livedoor articles report the same real-world event, and compiling the labels.

livedoor's nine categories are nine publishers. Candidates are found independently of matome: a plain TF-IDF over
Sudachi nouns of the title and lead (document frequencies of the whole corpus), cross-publisher pairs within 10 days.
Annotators see candidate groups (connected cross-publisher pairs, plus same-publisher neighbours) and partition each
into events; weaker pairs are judged one by one; a random sample of other articles is added as singletons. The gold
file holds article ids, URLs and event ids, never text (docs/annotation.md, "Same event").

    python scripts/event_annotation.py worksheets OUT_DIR
    python scripts/event_annotation.py compile OUT_DIR RAW.jsonl... > benchmarks/gold/events.jsonl
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matome.language.tokens import Tokenizer  # noqa: E402

LIVEDOOR = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"
WINDOW_DAYS = 10
GROUP_PAIR = 0.2  # cross-publisher pairs at least this similar form candidate groups
WEAK_PAIR = 0.14  # weaker cross-publisher pairs are judged one by one
NEIGHBOUR = 0.3  # same-publisher articles this similar to a group member join its group
MAX_GROUP = 14
SINGLETONS = 300
LEAD_CHARS = 260

Vector = dict[str, float]


def load_articles() -> dict[str, dict[str, str]]:
    with LIVEDOOR.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def vectors(articles: dict[str, dict[str, str]]) -> dict[str, Vector]:
    tokenize = Tokenizer()
    counts = {}
    for key, row in articles.items():
        text = f"{row['title']}\n{row['title']}\n{row['body'][:1500]}"
        counts[key] = Counter(t.normalized for t in tokenize(text)
                              if t.pos[0] == "名詞" and t.pos[1] != "数詞" and len(t.surface) >= 2)
    df = Counter(word for c in counts.values() for word in c)
    result = {}
    for key, words in counts.items():
        raw = {w: (1 + math.log(n)) * math.log(len(counts) / df[w]) for w, n in words.items() if df[w] <= 300}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        result[key] = {w: v / norm for w, v in raw.items()}
    return result


def similar_pairs(articles: dict[str, dict[str, str]], vecs: dict[str, Vector],
                  floor: float) -> dict[tuple[str, str], float]:
    day = {k: date.fromisoformat(r["date"][:10]) for k, r in articles.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for key, vec in vecs.items():
        for word in vec:
            index[word].append(key)
    pairs = {}
    for key, vec in vecs.items():
        scores: Counter[str] = Counter()
        for word, weight in vec.items():
            for other in index[word]:
                if other > key:
                    scores[other] += weight * vecs[other][word]
        for other, score in scores.items():
            if score >= floor and abs((day[key] - day[other]).days) <= WINDOW_DAYS:
                pairs[(key, other)] = score
    return pairs


def candidate_groups(articles: dict[str, dict[str, str]],
                     pairs: dict[tuple[str, str], float]) -> list[list[str]]:
    cross = {p: s for p, s in pairs.items() if articles[p[0]]["category"] != articles[p[1]]["category"]}
    groups = _components([p for p, s in cross.items() if s >= GROUP_PAIR])
    result = []
    for group in groups:
        members = set(group)
        for (a, b), score in pairs.items():
            if score >= NEIGHBOUR and (a in group or b in group):
                members |= {a, b}
        threshold = GROUP_PAIR
        while len(members) > MAX_GROUP:  # a chain: keep only its strongest links
            threshold += 0.05
            strong = _components([p for p, s in pairs.items() if s >= threshold and set(p) <= members])
            members = set(max(strong, key=len)) if strong else set()
        if len(members) >= 2:
            result.append(sorted(members, key=lambda k: (articles[k]["date"], k)))
    return result


def _components(edges: list[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return list(groups.values())


def _entry(articles: dict[str, dict[str, str]], key: str) -> str:
    row = articles[key]
    lead = " ".join(row["body"].split())[:LEAD_CHARS]
    return f"[{key}] {row['category']} {row['date'][:16]}\n  題: {row['title']}\n  冒頭: {lead}\n"


def write_worksheets(out: Path, sheets: int = 4, seed: int = 21) -> None:
    out.mkdir(parents=True, exist_ok=True)
    articles = load_articles()
    pairs = similar_pairs(articles, vectors(articles), WEAK_PAIR)
    groups = candidate_groups(articles, pairs)
    grouped = {k for g in groups for k in g}
    weak = sorted((p for p, s in pairs.items() if s < GROUP_PAIR + 0.05 and not set(p) <= grouped
                   and articles[p[0]]["category"] != articles[p[1]]["category"]), key=lambda p: -pairs[p])
    rng = random.Random(seed)
    rng.shuffle(groups)
    rng.shuffle(weak)
    others = sorted(set(articles) - grouped - {k for p in weak for k in p})
    singletons = rng.sample(others, SINGLETONS)
    (out / "singletons.json").write_text(json.dumps(singletons))
    for n in range(sheets):
        with (out / f"events-{n + 1}.txt").open("w", encoding="utf-8") as sheet:
            for g, group in enumerate(groups[n::sheets]):
                name = f"g{n + 1}-{g + 1}"
                sheet.write(f"=== GROUP {name} ===\n" + "".join(_entry(articles, k) for k in group) + "\n")
            for p, (a, b) in enumerate(weak[n::sheets]):
                sheet.write(f"=== PAIR p{n + 1}-{p + 1} ===\n{_entry(articles, a)}{_entry(articles, b)}\n")
    print(f"{len(groups)} groups ({len(grouped)} articles), {len(weak)} pairs, {len(singletons)} singletons")


def compile_events(out: Path, raw_files: list[Path]) -> list[dict[str, str]]:
    """Gold rows {article, url, event}: groups as partitioned, 'same' pairs joined, the singletons alone."""
    articles = load_articles()
    event_of: dict[str, str] = {}
    same: list[tuple[str, str]] = []
    for path in raw_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            if "events" in label:
                for n, event in enumerate(label["events"]):
                    for key in event:
                        event_of[key] = f"{label['group']}.{n + 1}"
                    same.extend((event[0], k) for k in event[1:])
            elif label.get("same"):
                same.append((label["a"], label["b"]))
            else:
                for key in (label["a"], label["b"]):
                    event_of.setdefault(key, key)
    for key in json.loads((out / "singletons.json").read_text()):
        event_of.setdefault(key, key)
    for component in _components(same):  # an article judged in two places: one event
        name = min(event_of.get(k, k) for k in component)
        for key in component:
            event_of[key] = name
    return [{"article": k, "url": articles[k]["url"], "event": e} for k, e in sorted(event_of.items())]


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "worksheets":
        write_worksheets(Path(rest[0]))
        return 0
    for row in compile_events(Path(rest[0]), [Path(p) for p in rest[1:]]):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
