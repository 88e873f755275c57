"""WARC archives record by record, resuming after a damaged record instead of losing the rest of the file.

A `.warc.gz` normally holds one gzip member per record. Members are inflated here one at a time, streaming: a member
that does not inflate is named with its offset and reading resumes at the next gzip member header; a member cut off
by the end of the file is named as truncated; a member that inflates past the page limit (a decompression bomb) is
skipped, its output discarded as it comes. Each inflated member is parsed by warcio. An uncompressed WARC is parsed
by warcio directly; after a record it cannot parse, reading resumes at the next `WARC/1.` line. A file gzipped as one
member (some tools write that) is read as one stream, and a damaged part ends it with a named failure.
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


def warc_pages(path: Path, config: ReadConfig) -> Iterator[Item]:
    """HTML and text responses of a WARC, and a named failure for every record that cannot be read."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    if gzipped and _record_gzipped(path):
        yield from _member_pages(path, config)
    elif gzipped:
        yield from _stream_pages(path, config, whole_file_gzip=True)
    else:
        yield from _stream_pages(path, config, whole_file_gzip=False)


def _member_pages(path: Path, config: ReadConfig) -> Iterator[Item]:
    limit = config.max_page_bytes + HEADER_ROOM
    with path.open("rb") as raw:
        for offset, data, problem in _members(raw, limit):
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


def _members(raw: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, tuple[str, str] | None]]:
    """(file offset, inflated bytes, problem) for each gzip member, resuming after a damaged one. Only one chunk of
    compressed bytes is held at a time, however large the member."""
    buffer, base = b"", 0  # base: the file offset of buffer[0]
    while True:
        while not buffer or buffer[0] == 0:  # zero padding after the last member (some writers add it)
            buffer = buffer.lstrip(b"\x00")
            base = raw.tell() - len(buffer)
            if not buffer:
                buffer = raw.read(CHUNK)
                if not buffer:
                    return
        start = base
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
                out = inflate.decompress(piece)
                size += len(out)
                if size <= limit:
                    parts.append(out)
                elif problem is None:
                    parts = []
                    problem = ("page-too-large", f"the record inflates past {limit:,} bytes; skipped")
        except zlib.error as error:
            yield start, b"", ("corrupt-warc-record", f"the record's gzip data is damaged ({error}); reading goes on "
                                                      "at the next record")
            raw.seek(start + 1)
            found = _skip_to(raw, raw.read(CHUNK), 0, GZIP_MEMBER)
            if found is None:
                return
            skipped, buffer = found
            base = start + 1 + skipped
            continue
        yield start, b"".join(parts), problem
        if not inflate.eof:
            return
        buffer = inflate.unused_data  # the next member's first bytes
        base -= len(buffer)


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


def _stream_pages(path: Path, config: ReadConfig, *, whole_file_gzip: bool) -> Iterator[Item]:
    with path.open("rb") as raw, (gzip.open(raw) if whole_file_gzip else contextlib.nullcontext(raw)) as stream:
        start: int | None = 0
        reported: set[int] = set()  # a damaged record is retried once from its start: named once
        while start is not None:
            stream.seek(start)
            records = ArchiveIterator(stream, arc2warc=True)  # its offsets are positions in the file
            last = start
            start = None
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    break
                except Exception as error:  # warcio raises many types on corrupt framing
                    start = None if whole_file_gzip else _next_record(raw, last)
                    rest = "reading goes on at the next record" if start else "the rest of the file is skipped"
                    if records.offset not in reported:
                        reported.add(records.offset)
                        yield ReadFailure(Origin("warc", path=str(path), offset=records.offset),
                                          "corrupt-warc-record", f"cannot parse the WARC record: {error}; {rest}")
                    break
                last = records.offset
                yield from _record_pages(path, record, last, config)


def _next_record(raw: IO[bytes], offset: int) -> int | None:
    """The next record header after the one at `offset` (the last that parsed): the damaged one first, then past it."""
    raw.seek(offset + 1)
    found = _skip_to(raw, raw.read(CHUNK), 0, RECORD_START)
    return None if found is None else offset + 1 + found[0]


def _record_gzipped(path: Path) -> bool:
    """WARC.gz files normally gzip each record; some tools gzip the whole file as one member instead.

    The first gzip member of a record-gzipped file holds one record header; a whole-file member holds several.
    """
    inflate = zlib.decompressobj(wbits=31)
    headers = 0
    with path.open("rb") as raw:
        while not inflate.eof and (chunk := raw.read(CHUNK)):
            try:
                text = inflate.decompress(chunk)
            except zlib.error:
                return True
            headers += text.count(RECORD_START)
            if headers > 1:
                return False
    return True


def _record_pages(path: Path, record: Any, offset: int, config: ReadConfig) -> Iterator[Item]:
    if record.rec_type not in ("response", "resource"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = Origin("warc", path=str(path), url=url, offset=offset)
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
             record.rec_headers.get_header("Content-Type")) or ""
    if not ctype.startswith(("text/html", "application/xhtml", "text/plain")):
        return
    try:
        declared = int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        yield ReadFailure(origin, "corrupt-warc-record", "the record's Content-Length is not a number")
        return
    if reason := config.too_large(declared):
        yield ReadFailure(origin, "page-too-large", reason)
        return
    try:
        data = record.content_stream().read()
    except Exception as error:  # decompression or chunking errors inside one record
        yield ReadFailure(origin, "corrupt-warc-record", f"cannot read the record's content: {error}")
        return
    charset = ctype.partition("charset=")[2].strip(" ;\"'") or None
    media = "text" if ctype.startswith("text/plain") else "html"
    yield Page(origin, data, media, PageHints(url=url), charset)
