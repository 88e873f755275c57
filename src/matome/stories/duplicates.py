"""Syndicated copies: the same report under several outlets, found by URL and by MinHash near-duplicate text."""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from matome.language.normalize import normalize
from matome.stories.reports import Report, url_key

SHINGLE = 5
PERMUTATIONS = 128
THRESHOLD = 0.7


def shingles(text: str) -> set[bytes]:
    flat = "".join(normalize(text).split())
    return {flat[i: i + SHINGLE].encode("utf-8") for i in range(max(1, len(flat) - SHINGLE + 1))}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch(list(shingles(text)))
    return minhash


def copy_groups(reports: list[Report]) -> list[list[Report]]:
    """Groups of reports that are one report: the same URL, or body text that is a near-duplicate."""
    parent = {r.id: r.id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_url: dict[str, str] = {}
    for report in reports:
        if (key := url_key(report.url)) is not None:
            if key in by_url:
                union(report.id, by_url[key])
            by_url.setdefault(key, report.id)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    texts = {r.id: "\n".join(s.text for s in r.body_sentences) for r in reports if r.kind != "card"}
    hashes = {i: signature(t) for i, t in texts.items() if len(t) >= 50}
    for report_id, minhash in hashes.items():
        for other in lsh.query(minhash):
            if minhash.jaccard(hashes[other]) >= THRESHOLD:
                union(report_id, other)
        lsh.insert(report_id, minhash)
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(find(report.id), []).append(report)
    return [sorted(g, key=_originality) for g in groups.values()]


def _originality(report: Report) -> tuple[int, int, str, str]:
    """The original first: a full article before a card quoting it, no source credit, earliest, then by id."""
    return (report.kind == "card", report.has_source_credit, report.day.isoformat() if report.day else "9999",
            report.id)
