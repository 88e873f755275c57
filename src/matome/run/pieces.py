"""Pieces of input files: a large JSON Lines or WARC file cut into byte ranges that shards read apart, the pieces
together yielding exactly what the whole file yields (the same records, origins and failures, in the same order).

A JSON Lines file is cut after every `records` lines (or `size` bytes, whichever comes first), each piece knowing the
number of its first line; a WARC file is cut at gzip members or records that reading the whole file begins at
(`warc_ranges`). A small file, any other kind of file and a WARC gzipped as one member stay whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from matome.config import ReadConfig
from matome.read.containers import container_of, iter_listed, jsonl_pages
from matome.read.warc import warc_pages, warc_ranges
from matome.records import Origin, Page, ReadFailure

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole input file, or the bytes [start, end) of one (end None: to the end of the file)."""

    path: str
    explicit: bool  # named by the user (a named file of unknown type is read as a page)
    start: int = 0
    end: int | None = None
    line: int = 1  # JSON Lines: the number of the line at `start`

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end is None


def split(path: Path, explicit: bool, config: ReadConfig, records: int, size: int) -> list[Piece]:
    """`path` as one piece, or in pieces when it is a JSON Lines file of more than `records` lines (or `size`
    bytes) or a WARC file of more than `size` bytes."""
    kind = container_of(path)
    try:
        if not path.is_file() or path.stat().st_size <= (size if kind == "warc" else 0):
            return [Piece(str(path), explicit)]
        if kind == "jsonl":
            return _jsonl_pieces(path, explicit, records, size)
        if kind == "warc":
            return [Piece(str(path), explicit, start, end) for start, end in warc_ranges(path, config, size)]
    except OSError:
        pass  # reading the file names the problem
    return [Piece(str(path), explicit)]


def _jsonl_pieces(path: Path, explicit: bool, records: int, size: int) -> list[Piece]:
    cuts = [(0, 1)]  # (byte offset, line number) where each piece begins
    offset, line = 0, 1
    with path.open("rb") as raw:
        while chunk := raw.read(CHUNK):
            at = chunk.find(b"\n")
            while at >= 0:
                line += 1
                start, first = cuts[-1]
                if line - first >= records or offset + at + 1 - start >= size:
                    cuts.append((offset + at + 1, line))
                at = chunk.find(b"\n", at + 1)
            offset += len(chunk)
    if len(cuts) > 1 and cuts[-1][0] >= offset:  # the last line ended the file: nothing after it
        cuts.pop()
    if len(cuts) == 1:
        return [Piece(str(path), explicit)]
    ends = [start for start, _ in cuts[1:]] + [None]
    return [Piece(str(path), explicit, start, end, first) for (start, first), end in zip(cuts, ends, strict=True)]


def piece_pages(piece: Piece, config: ReadConfig) -> Iterator[Page | ReadFailure]:
    """The pages of one piece, and a named failure for each record (or the file) that cannot be read."""
    path = Path(piece.path)
    if piece.whole:
        yield from iter_listed([(path, piece.explicit)], config)
    elif container_of(path) == "warc":
        try:
            yield from warc_pages(path, config, piece.start, piece.end)
        except OSError as error:
            yield _unreadable(path, error)
    else:
        try:
            yield from jsonl_pages(path, config, piece.start, piece.end, piece.line)
        except OSError as error:
            yield _unreadable(path, error)


def _unreadable(path: Path, error: OSError) -> ReadFailure:
    return ReadFailure(Origin("text", path=str(path)), "unreadable-file",
                       f"cannot read the file: {error.strerror or error}")
