"""Copies found from band keys and signatures alone are the pairs datasketch's MinHashLSH finds and confirms."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
from datasketch import MinHashLSH

from matome.stories.duplicates import (
    BANDS,
    NEIGHBOURS,
    PERMUTATIONS,
    ROWS,
    THRESHOLD,
    CopyKey,
    band_keys,
    candidate_pairs,
    join_copies,
    near_copy,
    signature,
)

BASE = "湊川港の港湾労働組合がストライキを続け、コンテナ搬出が止まっている。組合は夜間作業手当の増額を求める。" * 3


def _variants(count: int) -> list[str]:
    """The base text with more and more characters changed: near copies, borderline ones and different texts."""
    rng = random.Random(7)
    texts = []
    for n in range(count):
        chars = list(BASE)
        for _ in range(n * 2):
            chars[rng.randrange(len(chars))] = rng.choice("あいうえおかきくけこ")
        texts.append("".join(chars))
    return texts


def test_the_bands_are_those_minhashlsh_chooses() -> None:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_band_keys_and_signatures_find_the_pairs_minhashlsh_finds() -> None:
    hashes = [signature(text) for text in _variants(30)]
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    expected = set()
    for n, minhash in enumerate(hashes):
        expected.update((n, int(other)) for other in lsh.query(minhash)
                        if minhash.jaccard(hashes[int(other)]) >= THRESHOLD)
        lsh.insert(str(n), minhash)
    keys = np.array([band_keys(h.hashvalues) for h in hashes], dtype=np.int64)
    found = [(a, b) for a, b in candidate_pairs(keys) if near_copy(hashes[a].hashvalues, hashes[b].hashvalues)]
    assert found == sorted(expected)
    assert 0 < len(found) < len(hashes) * (len(hashes) - 1) // 2  # some pairs are copies, not all


def test_a_bucket_of_thousands_of_identical_pages_gives_linear_pairs_and_one_group() -> None:
    keys = np.tile(np.arange(BANDS, dtype=np.int64), (3_000, 1))
    pairs = candidate_pairs(keys)
    assert len(pairs) == sum(min(n, NEIGHBOURS) for n in range(3_000))
    ids = [CopyKey(f"r{n}", "article", None, date(2026, 3, 2), False) for n in range(3_000)]
    (group,) = join_copies(ids, [(f"r{a}", f"r{b}") for a, b in pairs])
    assert len(group) == 3_000


def test_an_excerpt_of_another_outlets_report_is_its_copy_but_an_outlets_series_is_not() -> None:
    day = date(2026, 3, 2)

    def key(name: str, outlet: str, lead: str, days: int = 0) -> CopyKey:
        return CopyKey(name, "article", None, day + timedelta(days=days), False, outlet, lead)

    keys = [key("wire", "kyodo.example", "a"), key("excerpt", "blog.example", "a"),
            key("column-1", "tech.example", "b"), key("column-2", "tech.example", "b", 6),
            key("late", "other.example", "a", 30)]
    assert sorted(sorted(keys[n].id for n in group) for group in join_copies(keys, [])) == [
        ["column-1"], ["column-2"], ["excerpt", "wire"], ["late"]]
    series = [key("first", "tech.example", "c"), key("reprint", "blog.example", "c"), key("second", "tech.example", "c")]
    assert len(join_copies(series, [])) == 2  # another outlet's reprint of one column does not join the series
