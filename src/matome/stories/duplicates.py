"""Syndicated copies: the same report under several outlets, found by URL and by MinHash near-duplicate text.

Near-duplicate text is a copy only within COPY_WINDOW_DAYS: an outlet's templated articles (a software update for
one phone, then another months later) share most of their text and are not one report.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from matome.stories.reports import Report, url_key

if TYPE_CHECKING:
    from datasketch import MinHash
from matome.text.normalize import normalize

SHINGLE = 5
PERMUTATIONS = 128
THRESHOLD = 0.7
COPY_WINDOW_DAYS = 7


def shingles(text: str) -> set[bytes]:
    flat = "".join(normalize(text).split())
    return {flat[i: i + SHINGLE].encode("utf-8") for i in range(max(1, len(flat) - SHINGLE + 1))}


def signature(text: str) -> MinHash:
    from datasketch import MinHash  # imports scipy (about a second): only when copies are looked for

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

    span = {r.id: (r.day, r.day) if r.day else None for r in reports}  # a group's first and last day, at its root

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_a] = root_b
            span[root_b] = _joined(span[root_a], span[root_b])

    def close(a: str, b: str) -> bool:
        root_a, root_b = find(a), find(b)
        joined = _joined(span[root_a], span[root_b])
        return root_a == root_b or joined is None or (joined[1] - joined[0]).days <= COPY_WINDOW_DAYS

    by_url: dict[str, str] = {}
    for report in reports:
        if (key := url_key(report.url)) is not None:
            if key in by_url:
                union(report.id, by_url[key])
            by_url.setdefault(key, report.id)
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    texts = {r.id: "\n".join(s.text for s in r.body_sentences) for r in reports if r.kind != "card"}
    hashes = {i: signature(t) for i, t in texts.items() if len(t) >= 50}
    for report_id, minhash in hashes.items():
        for other in lsh.query(minhash):
            if minhash.jaccard(hashes[other]) >= THRESHOLD and close(report_id, other):
                union(report_id, other)
        lsh.insert(report_id, minhash)
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(find(report.id), []).append(report)
    return [sorted(g, key=_originality) for g in groups.values()]


def _joined(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _originality(report: Report) -> tuple[int, int, str, str]:
    """The original first: a full article before a card quoting it, no source credit, earliest, then by id."""
    return (report.kind == "card", report.has_source_credit, report.day.isoformat() if report.day else "9999",
            report.id)
