"""Syndicated copies: the same report under several outlets, found by URL and by MinHash near-duplicate text.

Near-duplicate text is a copy only within COPY_WINDOW_DAYS: an outlet's templated articles (a software update for
one phone, then another months later) share most of their text and are not one report.

The pass is cut so that it never needs the reports' text together: each report's `CopyKey` (id, kind, URL, day) and
its MinHash signature with one key per LSH band are computed beside its record (`copy_signature`, `band_keys`);
candidate pairs are reports that share a band key (`candidate_pairs`, over keys only), checked against the two
signatures (`near_copy`); `join_copies` then unites reports by URL and by the checked pairs, each later report with
the earlier ones in order, and with the reports they quote whole sentences of (`excerpt_pairs`, over sentence hashes
only). `copy_groups` does the same over reports in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from matome.stories.reports import Report, url_key

if TYPE_CHECKING:
    from datasketch import MinHash
from matome.text.normalize import normalize

SHINGLE = 5
PERMUTATIONS = 128
THRESHOLD = 0.7
COPY_WINDOW_DAYS = 7
MIN_CHARS = 50  # shorter body text is not compared
LEAD_CHARS = 100  # reports of two outlets that open with the same this many characters are copies
NEIGHBOURS = 64  # in a larger LSH bucket, each report is a candidate with the 64 before it only
EXCERPT_CHARS = 25  # a sentence this long, word for word in another outlet's report, is quoted from it
EXCERPT_SHARED = 3  # an excerpt shares at least this many such sentences with the report it copies
EXCERPT_SHARE = 0.6  # and this share of its own (the header a reposting site adds, a sentence cut at its end)
BANDS, ROWS = 14, 9  # the LSH bands datasketch's MinHashLSH(THRESHOLD, PERMUTATIONS) chooses: 14 of 9 values

Signature = np.ndarray  # PERMUTATIONS uint64 values


@dataclass(frozen=True, slots=True)
class CopyKey:
    """What joining copies needs of a report besides its signature: small enough to hold for a whole corpus."""

    id: str
    kind: str
    url: str | None  # url_key of the report's URL
    day: date | None
    has_source_credit: bool
    outlet: str | None = None
    lead: str | None = None  # `lead_key` of the report's body
    length: int = 0  # characters of body text: of one day's copies, the fullest is the original


def copy_key(report: Report) -> CopyKey:
    return CopyKey(report.id, report.kind, url_key(report.url), report.day, report.has_source_credit, report.outlet,
                   lead_key(report), sum(len(s.text) for s in report.body_sentences))


def sentence_keys(report: Report) -> list[int]:
    """A 63-bit hash of each body sentence of at least EXCERPT_CHARS characters (as copies are compared); none for a
    source card."""
    if report.kind == "card":
        return []
    flat = (_flat(s.text) for s in report.body_sentences)
    return list(dict.fromkeys(int.from_bytes(hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest(), "big") >> 1
                              for f in flat if len(f) >= EXCERPT_CHARS))


def excerpt_pairs(keys: Sequence[CopyKey], counts: np.ndarray, hashes: np.ndarray) -> list[tuple[str, str]]:
    """Pairs (excerpt id, fuller report id): a report of one outlet whose long sentences are, EXCERPT_SHARE of them
    and at least EXCERPT_SHARED, word for word in another outlet's report with as many (a まとめ page or a bookmark
    page quoting an article, behind a header of its own). `counts` holds each report's number of sentence hashes
    (`sentence_keys`) and `hashes` all of them, report after report. A sentence in more than NEIGHBOURS reports (a
    footer, a stock phrase) ties none. Versions of one wire story that share a sentence or two stay apart."""
    owners = np.repeat(np.arange(len(counts)), counts)
    shared: dict[tuple[int, int], int] = {}
    for holders in (owners[bucket] for bucket in _buckets(hashes)):
        if 1 < len(holders) <= NEIGHBOURS:
            for a in holders:
                for b in holders:
                    if a != b:
                        shared[(int(a), int(b))] = shared.get((int(a), int(b)), 0) + 1
    return [(keys[a].id, keys[b].id) for (a, b), count in sorted(shared.items())
            if count >= max(EXCERPT_SHARED, EXCERPT_SHARE * counts[a]) and counts[b] >= counts[a]
            and keys[a].outlet is not None and keys[b].outlet not in (None, keys[a].outlet)]


def sentence_hashes(keyed: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """`excerpt_pairs`' counts and hashes from each report's `sentence_keys`."""
    counts = np.array([len(k) for k in keyed], dtype=np.int64)
    return counts, np.fromiter((h for k in keyed for h in k), dtype=np.int64, count=int(counts.sum()))


def lead_key(report: Report) -> str | None:
    """A hash of the first LEAD_CHARS characters of a report's body (spaces dropped); None for a source card or a
    shorter body. Two outlets' reports that open alike are copies even when one is only an excerpt (a wire story's
    first paragraph), which MinHash, comparing whole texts, does not find."""
    if report.kind == "card":
        return None
    body = "".join(s.text for s in report.body_sentences)
    flat = _flat(body[: 4 * LEAD_CHARS])  # the opening is enough, unless spaces took most of it
    if len(flat) <= LEAD_CHARS + 8 and len(body) > 4 * LEAD_CHARS:  # (+8: the cut may split what NFKC joins)
        flat = _flat(body)
    return hashlib.blake2b(flat[:LEAD_CHARS].encode("utf-8"), digest_size=8).hexdigest() \
        if len(flat) >= LEAD_CHARS else None


def _flat(text: str) -> str:
    """Text as copies are compared: normalised, without spaces and line breaks."""
    return "".join(normalize(text).split())


def shingles(text: str) -> set[bytes]:
    flat = _flat(text)
    return {flat[i: i + SHINGLE].encode("utf-8") for i in range(max(1, len(flat) - SHINGLE + 1))}


def signature(text: str) -> MinHash:
    from datasketch import MinHash  # imports scipy (about a second): only when copies are looked for

    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch(list(shingles(text)))
    return minhash


def copy_signature(report: Report) -> Signature | None:
    """The MinHash signature of a report's body text; None for a source card or text under MIN_CHARS."""
    if report.kind == "card":
        return None
    text = "\n".join(s.text for s in report.body_sentences)
    return signature(text).hashvalues if len(text) >= MIN_CHARS else None


def band_keys(hashvalues: Signature) -> list[int]:
    """One 63-bit key per LSH band: two signatures with an equal band have equal keys (equal keys are checked)."""
    return [int.from_bytes(hashlib.blake2b(_band(hashvalues, band), digest_size=8).digest(), "big") >> 1
            for band in range(BANDS)]


def _band(hashvalues: Signature, band: int) -> bytes:
    return bytes(np.ascontiguousarray(hashvalues[band * ROWS: (band + 1) * ROWS], dtype=np.uint64).data)


def candidate_pairs(keys: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (later, earlier) of rows of `keys` (one row of BANDS keys per signature) that share a band key, ordered
    by the later row, then the earlier.

    In a bucket of more than NEIGHBOURS rows (a crawl's thousands of identical error or consent pages), a row is paired
    with the NEIGHBOURS rows before it only, not with every one: the pairs stay linear in the rows, and since joined
    rows join their groups, a chain of copies still makes one group where the copy window allows.
    """
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1] if keys.size else 0):
        for bucket in _buckets(keys[:, band]):
            if len(bucket) > 1:
                rows = sorted(int(r) for r in bucket)
                pairs.update((later, earlier) for n, later in enumerate(rows)
                             for earlier in rows[max(0, n - NEIGHBOURS): n])
    return sorted(pairs)


def _buckets(values: np.ndarray) -> list[np.ndarray]:
    """The positions of `values` grouped by value, each group in ascending order (one sort, no dict of keys)."""
    order = np.argsort(values, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(values[order])) + 1)


def near_copy(a: Signature, b: Signature) -> bool:
    """Two signatures that share a band (as MinHashLSH finds them) and agree on THRESHOLD of their values."""
    shared = any(np.array_equal(a[band * ROWS: (band + 1) * ROWS], b[band * ROWS: (band + 1) * ROWS])
                 for band in range(BANDS))
    return shared and float(np.count_nonzero(a == b)) / float(len(a)) >= THRESHOLD


def copy_groups(reports: list[Report]) -> list[list[Report]]:
    """Groups of reports that are one report: the same URL, or body text that is a near-duplicate."""
    signatures: dict[str, Signature | None] = {}  # a report id seen twice: its first place, its last text
    for report in reports:
        if report.kind != "card":
            signatures[report.id] = copy_signature(report)
    compared = [(i, s) for i, s in signatures.items() if s is not None]
    keys = np.array([band_keys(s) for _, s in compared], dtype=np.int64).reshape(len(compared), BANDS)
    pairs = [(compared[a][0], compared[b][0]) for a, b in candidate_pairs(keys)
             if near_copy(compared[a][1], compared[b][1])]
    copy_keys = [copy_key(r) for r in reports]
    pairs += excerpt_pairs(copy_keys, *sentence_hashes([sentence_keys(r) for r in reports]))
    return [[reports[n] for n in group] for group in join_copies(copy_keys, pairs)]


def join_copies(keys: Sequence[CopyKey], pairs: Iterable[tuple[str, str]]) -> list[list[int]]:
    """Groups (as indices into `keys`, originals first) of reports with one URL, or joined by the same opening in
    two outlets or by a near-copy pair (later id, earlier id), whose group would stay within COPY_WINDOW_DAYS."""
    parent = {k.id: k.id for k in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    span = {k.id: (k.day, k.day) if k.day else None for k in keys}  # a group's first and last day, at its root

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_a] = root_b
            span[root_b] = _joined(span[root_a], span[root_b])

    def close(a: str, b: str) -> bool:
        root_a, root_b = find(a), find(b)
        joined = _joined(span[root_a], span[root_b])
        return root_a == root_b or joined is None or (joined[1] - joined[0]).days <= COPY_WINDOW_DAYS

    outlet_of = {k.id: k.outlet for k in keys if k.outlet is not None}
    by_url: dict[str, str] = {}
    for key in keys:
        if key.url is not None:
            if key.url in by_url:
                union(key.id, by_url[key.url])
            by_url.setdefault(key.url, key.id)
    openers: dict[str, set[str]] = {}  # root -> the outlets of its reports joined by their opening
    by_lead: dict[str, dict[str, str]] = {}  # opening -> outlet -> its last report that opens so
    for key in keys:  # an outlet's own series share their openings: only another outlet's report is its copy
        if key.lead is None or key.outlet is None:
            continue
        opened = by_lead.setdefault(key.lead, {})
        other = next((r for outlet, r in opened.items() if outlet != key.outlet and close(key.id, r)
                      and key.outlet not in openers.get(find(r), set())), None)  # not A1 = B1 = A2
        if other is not None:
            joined = openers.pop(find(other), set()) | openers.pop(find(key.id), set()) | {key.outlet, outlet_of[other]}
            union(key.id, other)
            openers[find(key.id)] = joined
        opened[key.outlet] = key.id
    for later, earlier in pairs:
        if close(later, earlier):
            union(later, earlier)
    groups: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        groups.setdefault(find(key.id), []).append(n)
    return [sorted(g, key=lambda n: _originality(keys[n])) for g in groups.values()]


def _joined(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _originality(report: CopyKey) -> tuple[int, int, str, int, str]:
    """The original first: a full article before a card quoting it, no source credit, earliest, fullest, then by
    id."""
    return (report.kind == "card", report.has_source_credit, report.day.isoformat() if report.day else "9999",
            -report.length, report.id)
