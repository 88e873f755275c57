"""WARC archives record by record, resuming after a damaged record instead of losing the rest of the file.

A `.warc.gz` normally holds one gzip member per record. Members are inflated here one at a time, streaming: a member
that does not inflate is named with its offset and reading resumes at the next gzip member header; a member cut off
by the end of the file is named as truncated; a member that inflates past the page limit (a decompression bomb) is
skipped, its output discarded as it comes. Each inflated member is parsed by warcio. An uncompressed WARC is parsed
by warcio directly; after a record it cannot parse, reading resumes at the next `WARC/1.` line. A file gzipped as one
member (some tools write that) is read as one stream, never further than a record's declared length allows: a
damaged part or a decompression bomb ends it with a named failure, and memory stays bounded either way.

A large file is read in pieces (`warc_ranges`): byte ranges that begin at a record (or gzip member) the whole-file
reading would begin at, found by the same reader, so the pieces together yield exactly what the whole file yields.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from matome.config import ReadConfig
from matome.records import Origin, Page, PageHints, ReadFailure

Item = Page | ReadFailure

CHUNK = 1 << 16
GZIP_MEMBER = b"\x1f\x8b\x08"
RECORD_START = b"WARC/1."
HEADER_ROOM = 1 << 20  # a record's WARC and HTTP headers on top of its page
OUT_CHUNK = 1 << 20  # the most one inflate call returns (64 KiB of zeros would otherwise inflate to 64 MiB at once)


def warc_pages(path: Path, config: ReadConfig, start: int = 0, end: int | None = None) -> Iterator[Item]:
    """HTML and text responses of a WARC, and a named failure for every record that cannot be read. With `start` and
    `end` (a range from `warc_ranges`), only the records the whole-file reading begins in [start, end)."""
    kind = _kind(path, config)
    if kind == "members":
        yield from _member_pages(path, config, start, end)
    elif kind == "stream":
        yield from _stream_pages(path, config, whole_file_gzip=False, start=start, end=end)
    elif start == 0:  # one gzip member: never split (a seek inside it would inflate everything before)
        yield from _stream_pages(path, config, whole_file_gzip=True)


def warc_ranges(path: Path, config: ReadConfig, size: int) -> list[tuple[int, int | None]]:
    """The file in byte ranges of about `size` bytes, each beginning at a gzip member (record-gzipped files) or a
    record (plain WARC) that reading the whole file begins at: `warc_pages` over the ranges yields what it yields over
    the whole file. One range for a file no larger than `size` or gzipped as a single member."""
    if path.stat().st_size <= size or (kind := _kind(path, config)) == "whole":
        return [(0, None)]
    with path.open("rb") as raw:
        offsets = (at for at, _, _ in _members(raw, 0, keep=False)) if kind == "members" else \
            (item[0] for item in _stream_records(path, whole_file_gzip=False)
             if not isinstance(item, ReadFailure))
        cuts = [0]
        for at in offsets:
            if at >= cuts[-1] + size:
                cuts.append(at)
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], None], strict=True)]


def _kind(path: Path, config: ReadConfig) -> str:
    """members (a gzip member per record), whole (the file gzipped as one member) or stream (not gzipped)."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    if not gzipped:
        return "stream"
    return "members" if _record_gzipped(path, config.max_page_bytes + HEADER_ROOM) else "whole"


def _member_pages(path: Path, config: ReadConfig, start: int = 0, end: int | None = None) -> Iterator[Item]:
    limit = config.max_page_bytes + HEADER_ROOM
    with path.open("rb") as raw:
        for offset, data, problem in _members(raw, limit, start=start, end=end):
            if problem is not None:
                yield ReadFailure(Origin("warc", path=str(path), offset=offset), *problem)
                continue
            records = ArchiveIterator(io.BytesIO(data), arc2warc=True)
            while True:  # a member normally holds one record; some tools put several in one
                try:
                    record = next(records)
                except StopIteration:
                    break
                except Exception as error:  # warcio raises many types on corrupt framing
                    yield ReadFailure(Origin("warc", path=str(path), offset=offset), "corrupt-warc-record",
                                      f"cannot parse the WARC record: {error}; reading goes on at the next record")
                    break
                yield from _record_pages(path, record, offset, config)


def _members(raw: IO[bytes], limit: int, *, start: int = 0, end: int | None = None,
             keep: bool = True) -> Iterator[tuple[int, bytes, tuple[str, str] | None]]:
    """(file offset, inflated bytes, problem) for each gzip member from `start` on (one at a member's first byte),
    resuming after a damaged one, until a member begins at or after `end`. Only one chunk of compressed bytes and one
    of inflated output are held at a time, however large the member; with keep=False no output is kept at all."""
    raw.seek(start)
    buffer, base = b"", start  # base: the file offset of buffer[0]
    while True:
        while not buffer or buffer[0] == 0:  # zero padding after the last member (some writers add it)
            buffer = buffer.lstrip(b"\x00")
            base = raw.tell() - len(buffer)
            if not buffer:
                buffer = raw.read(CHUNK)
                if not buffer:
                    return
        if end is not None and base >= end:
            return
        at = base
        inflate = zlib.decompressobj(wbits=31)
        parts: list[bytes] = []
        size = 0
        problem: tuple[str, str] | None = None
        try:
            while not inflate.eof:
                if not buffer:
                    buffer = raw.read(CHUNK)
                    if not buffer:
                        problem = ("corrupt-warc-record", "the file ends inside this record: it was cut short")
                        break
                piece, buffer = buffer, b""
                base += len(piece)
                for out in _inflated(inflate, piece):
                    size += len(out)
                    if size <= limit:
                        if keep:
                            parts.append(out)
                    elif problem is None:
                        parts = []
                        problem = ("page-too-large", f"the record inflates past {limit:,} bytes; skipped")
        except zlib.error as error:
            yield at, b"", ("corrupt-warc-record", f"the record's gzip data is damaged ({error}); reading goes on "
                                                   "at the next record")
            raw.seek(at + 1)
            found = _skip_to(raw, raw.read(CHUNK), 0, GZIP_MEMBER)
            if found is None:
                return
            skipped, buffer = found
            base = at + 1 + skipped
            continue
        yield at, b"".join(parts), problem
        if not inflate.eof:
            return
        buffer = inflate.unused_data  # the next member's first bytes
        base -= len(buffer)


def _inflated(inflate: Any, data: bytes) -> Iterator[bytes]:
    """`data` through `inflate`, at most OUT_CHUNK bytes of output at a time; what follows the member's end is left
    in inflate.unused_data."""
    while data and not inflate.eof:
        yield inflate.decompress(data, OUT_CHUNK)
        data = inflate.unconsumed_tail


def _skip_to(raw: IO[bytes], buffer: bytes, start: int, needle: bytes) -> tuple[int, bytes] | None:
    """Skip to the next `needle` at or after buffer[start], reading on in the file: (bytes skipped from buffer[0],
    the buffer from the needle on); None when it does not occur again. Memory stays one chunk."""
    skipped = 0
    while (found := buffer.find(needle, start)) < 0:
        keep = min(len(needle) - 1, len(buffer))
        skipped += len(buffer) - keep
        buffer, start = buffer[len(buffer) - keep:], 0
        more = raw.read(CHUNK)
        if not more:
            return None
        buffer += more
    return skipped + found, buffer[found:]


def _stream_pages(path: Path, config: ReadConfig, *, whole_file_gzip: bool, start: int = 0,
                  end: int | None = None) -> Iterator[Item]:
    for item in _stream_records(path, whole_file_gzip=whole_file_gzip, start=start, end=end):
        if isinstance(item, ReadFailure):
            yield item
        else:
            offset, record = item
            yield from _record_pages(path, record, offset, config)


def _stream_records(path: Path, *, whole_file_gzip: bool, start: int = 0,
                    end: int | None = None) -> Iterator[tuple[int, Any] | ReadFailure]:
    """(offset, warcio record) for each record from `start` on, and a failure for each that cannot be parsed, until a
    record parses at or after `end` (only a parsed record ends a piece: a damaged one is named by the piece whose
    last record came before it, as reading the whole file names it). A record must be read before the next is asked
    for."""
    with path.open("rb") as raw, (gzip.open(raw) if whole_file_gzip else contextlib.nullcontext(raw)) as inner:
        stream = _Capped(inner) if whole_file_gzip else inner
        begin: int | None = start
        reported: set[int] = set()  # a damaged record is retried once from its start: named once
        while begin is not None:
            stream.seek(begin)
            records = ArchiveIterator(stream, arc2warc=True)  # its offsets are positions in the file
            last = begin
            begin = None
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    break
                except Exception as error:  # warcio raises many types on corrupt framing
                    origin = Origin("warc", path=str(path), offset=records.offset)
                    if isinstance(stream, _Capped) and stream.past:
                        yield ReadFailure(origin, "page-too-large", f"the record inflates past {stream.until:,} "
                                          "bytes, more than its declared length and headers (a decompression bomb "
                                          "or a damaged file); the rest of the file is skipped")
                        return
                    begin = None if whole_file_gzip else _next_record(raw, last)
                    rest = "reading goes on at the next record" if begin else "the rest of the file is skipped"
                    if records.offset not in reported:
                        reported.add(records.offset)
                        yield ReadFailure(origin, "corrupt-warc-record", f"cannot parse the WARC record: {error}; "
                                                                         f"{rest}")
                    break
                last = records.offset
                if end is not None and last >= end:
                    return
                if isinstance(stream, _Capped):
                    stream.allow(last, _declared(record) or 0)
                yield last, record


class _Capped:
    """The inflated stream of a file gzipped as one member, read no further than the current record's declared
    length and room for headers allow: past that it reads nothing more, and `past` says why."""

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self.stream = stream
        self.until = HEADER_ROOM  # the first record's headers
        self.past = False

    def allow(self, offset: int, declared: int) -> None:
        """The record at `offset` declares `declared` bytes: it and the next record's headers may be read."""
        self.until = offset + declared + 2 * HEADER_ROOM

    def read(self, size: int = -1) -> bytes:
        room = self.until - self.stream.tell()
        if room <= 0:
            self.past = True
            raise OSError(f"the stream runs past {self.until:,} bytes")
        return self.stream.read(room if size < 0 else min(size, room))

    def tell(self) -> int:
        return self.stream.tell()

    def seek(self, offset: int) -> int:
        return self.stream.seek(offset)


def _next_record(raw: IO[bytes], offset: int) -> int | None:
    """The next record header after the one at `offset` (the last that parsed): the damaged one first, then past it."""
    raw.seek(offset + 1)
    found = _skip_to(raw, raw.read(CHUNK), 0, RECORD_START)
    return None if found is None else offset + 1 + found[0]


def _record_gzipped(path: Path, limit: int) -> bool:
    """WARC.gz files normally gzip each record; some tools gzip the whole file as one member instead.

    The first gzip member of a record-gzipped file holds one record header; a whole-file member holds several. At
    most `limit` bytes are inflated to tell: a first member that does not end by then is read as a stream too (which
    stops at the first record that runs past its declared length), never held whole.
    """
    inflate = zlib.decompressobj(wbits=31)
    headers = size = 0
    tail = b""  # a header split between two outputs is still counted
    with path.open("rb") as raw:
        while not inflate.eof and size < limit and (chunk := raw.read(CHUNK)):
            try:
                for text in _inflated(inflate, chunk):
                    headers += (tail + text).count(RECORD_START)
                    tail = text[-(len(RECORD_START) - 1):]
                    size += len(text)
                    if headers > 1:
                        return False
            except zlib.error:
                return True  # the member reader names the damage and goes on
    return inflate.eof or size < limit  # a member that ends, or a file cut short inside its first member


def _declared(record: Any) -> int | None:
    try:
        return int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return None


def _record_pages(path: Path, record: Any, offset: int, config: ReadConfig) -> Iterator[Item]:
    if record.rec_type not in ("response", "resource"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = Origin("warc", path=str(path), url=url, offset=offset)
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
             record.rec_headers.get_header("Content-Type")) or ""
    if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
        return
    declared = _declared(record)
    if declared is None:
        yield ReadFailure(origin, "corrupt-warc-record", "the record's Content-Length is not a number")
        return
    if reason := config.too_large(declared):
        yield ReadFailure(origin, "page-too-large", reason)
        return
    try:
        data = record.content_stream().read(config.max_page_bytes + 1)  # a gzip Content-Encoding may inflate
    except Exception as error:  # decompression or chunking errors inside one record
        yield ReadFailure(origin, "corrupt-warc-record", f"cannot read the record's content: {error}")
        return
    if len(data) > config.max_page_bytes:
        yield ReadFailure(origin, "page-too-large", f"its content inflates past the {config.max_page_bytes:,}-byte "
                                                    "page limit (set read.max_page_bytes to raise it)")
        return
    charset = ctype.partition("charset=")[2].strip(" ;\"'") or None
    media = "text" if ctype.startswith("text/plain") else "html"
    yield Page(origin, data, media, PageHints(url=url), charset)
