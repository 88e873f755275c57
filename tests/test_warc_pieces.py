"""Large inputs in pieces, and decompression bombs: the pieces of a JSON Lines or WARC file yield exactly what the
whole file yields, damaged records included; a gzip member or a whole-file gzip that inflates hugely ends in a named
failure at the cap, with bounded memory."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from tests.conftest import peak_memory
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from matome.config import ReadConfig
from matome.read import iter_pages
from matome.read.warc import HEADER_ROOM, warc_pages
from matome.records import Page, ReadFailure
from matome.run.pieces import Piece, piece_pages, split

CONFIG = ReadConfig()
SIZES = [1, 700, 1500, 4000, 10_000]  # bytes a piece: every record alone, a few together, one piece


def _page(n: int) -> bytes:
    return f"<html><body><h1>第{n}報</h1><p>{'港の労働組合は賃上げを求めてストライキを続けた。' * (n % 5 + 1)}</p></body></html>".encode()


def _record(writer: WARCWriter, n: int) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response", payload=io.BytesIO(_page(n)),
                                                  http_headers=headers))


def _members(count: int) -> list[bytes]:
    """One gzip member per record."""
    members = []
    for n in range(count):
        buffer = io.BytesIO()
        _record(WARCWriter(buffer, gzip=True), n)
        members.append(buffer.getvalue())
    return members


def _plain(count: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n in range(count):
        _record(writer, n)
    return buffer.getvalue()


def _whole(path: Path) -> list[Page | ReadFailure]:
    return list(iter_pages([path], CONFIG))


def _in_pieces(path: Path, size: int, records: int = 1000) -> tuple[list[Piece], list[Page | ReadFailure]]:
    pieces = split(path, True, CONFIG, records, size)
    return pieces, [item for piece in pieces for item in piece_pages(piece, CONFIG)]


def _damaged(member: bytes) -> bytes:
    return member[:30] + bytes(b ^ 0xFF for b in member[30:60]) + member[60:]


def _files(directory: Path) -> Iterator[Path]:
    """A record-gzipped WARC with a damaged member, zero padding and a truncated last member; a plain WARC with a
    damaged record; a JSON Lines file with a bad and a blank line and no final newline."""
    members = _members(12)
    members[4] = _damaged(members[4])
    gz = directory / "crawl.warc.gz"
    gz.write_bytes(b"".join(members[:7]) + b"\x00" * 16 + b"".join(members[7:11]) + members[11][:-20])
    yield gz
    plain = _plain(10)
    cut = plain.index(b"WARC/1.0", plain.index(b"https://a.example/5"))
    warc = directory / "crawl.warc"
    warc.write_bytes(plain[:cut] + b"WARC/1.0\r\nContent-Length: not-a-number\r\n\r\ngarbage" + plain[cut:])
    yield warc
    lines = [f'{{"url": "https://j.example/{n}", "body": "{_page(n).decode()}"}}' for n in range(9)]
    lines[3:3] = ["{not json", ""]
    jsonl = directory / "lines.jsonl"
    jsonl.write_text("\n".join(lines), encoding="utf-8")
    yield jsonl


@pytest.mark.parametrize("size", SIZES)
def test_pieces_yield_what_the_whole_file_yields(tmp_path: Path, size: int) -> None:
    for path in _files(tmp_path):
        whole = _whole(path)
        assert sum(isinstance(i, Page) for i in whole) >= 8 and any(isinstance(i, ReadFailure) for i in whole)
        pieces, items = _in_pieces(path, size, records=2 if size < 10_000 else 1000)
        assert items == whole, (path.name, size, pieces)
        assert len(pieces) >= (3 if size <= 1500 else 2 if size < 10_000 else 1), (path.name, size)
        assert [p.start for p in pieces] == sorted({p.start for p in pieces})
        assert all(p.end == q.start for p, q in pairwise(pieces)) and pieces[-1].end is None


def test_record_gzipped_pieces_begin_at_members(tmp_path: Path) -> None:
    members = _members(6)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members))
    starts = [sum(map(len, members[:n])) for n in range(6)]
    pieces, _ = _in_pieces(path, 1)
    assert [p.start for p in pieces] == starts and pieces[-1].end is None


def test_jsonl_pieces_know_their_first_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text("".join(f'{{"url": "https://j.example/{n}", "text": "第{n}報。"}}\n' for n in range(7)),
                    encoding="utf-8")
    pieces, items = _in_pieces(path, 1 << 20, records=3)
    assert [(p.line, p.start > 0) for p in pieces] == [(1, False), (4, True), (7, True)]
    assert [i.origin.line for i in items] == list(range(1, 8))


def test_a_whole_file_gzip_small_files_and_other_types_stay_whole(tmp_path: Path) -> None:
    whole_gz = tmp_path / "one-member.warc.gz"
    whole_gz.write_bytes(gzip.compress(_plain(8)))
    small = tmp_path / "small.warc.gz"
    small.write_bytes(b"".join(_members(2)))
    page = tmp_path / "page.html"
    page.write_bytes(_page(1) * 100)
    for path in (whole_gz, small, page):
        assert split(path, True, CONFIG, 1, 1 if path != small else 1 << 20) == [Piece(str(path), True)]
    assert len(list(warc_pages(whole_gz, CONFIG, start=100))) == 0  # a later piece of one member: nothing


ZEROS = 200 << 20  # what the bombs inflate to


def _gzip_stream(parts: Iterator[bytes]) -> bytes:
    """One gzip member of everything `parts` gives, compressed as it comes (200 MB of zeros in a few hundred kB)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(deflate.compress(part) for part in parts) + deflate.flush()


def _zeros(total: int) -> Iterator[bytes]:
    block = bytes(1 << 20)
    for _ in range(total // len(block)):
        yield block


def _response(url: str, body: bytes, declared: int | None = None) -> bytes:
    """A plain WARC response record; `declared` overrides its Content-Length (the body is then a lie)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    length = len(http) if declared is None else declared
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{url[-1]}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode() \
        + http + b"\r\n\r\n"


def test_a_whole_file_gzip_bomb_stops_at_the_cap_with_bounded_memory(tmp_path: Path) -> None:
    """One member: a real record, then 200 MB of zeros where the next record's header should be."""
    path = tmp_path / "bomb.warc.gz"
    first = _response("https://a.example/1", _page(1))
    path.write_bytes(_gzip_stream(iter([first, *_zeros(ZEROS)])))
    assert path.stat().st_size < 1 << 20
    items, peak = peak_memory(lambda: list(warc_pages(path, CONFIG)))
    assert [type(i).__name__ for i in items] == ["Page", "ReadFailure"]
    failure = items[1]
    assert isinstance(failure, ReadFailure) and failure.code == "page-too-large"
    assert "decompression bomb" in failure.message and failure.origin.path == str(path)
    assert peak < 4 * HEADER_ROOM + (8 << 20)  # a few buffers, never the 200 MB


def test_a_record_declaring_200_mb_inside_a_whole_file_gzip_is_named_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "declared.warc.gz"
    http_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    big = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/2\r\nWARC-Record-ID: <urn:uuid:2>\r\n"
           f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http_head) + ZEROS}\r\n\r\n"
           ).encode() + http_head
    parts = [_response("https://a.example/1", _page(1)), big, *_zeros(ZEROS), b"\r\n\r\n",
             _response("https://a.example/3", _page(3))]
    path.write_bytes(_gzip_stream(iter(parts)))
    items, peak = peak_memory(lambda: list(warc_pages(path, CONFIG)))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == \
        [("Page", None), ("ReadFailure", "page-too-large"), ("Page", None)]
    assert [i.origin.url for i in items] == [f"https://a.example/{n}" for n in (1, 2, 3)]
    assert peak < 4 * HEADER_ROOM + (8 << 20)


def test_a_bomb_member_in_a_record_gzipped_file_is_named_and_the_rest_read(tmp_path: Path) -> None:
    members = _members(3)
    bomb = _gzip_stream(iter([_response("https://a.example/b", b"", declared=ZEROS)[:-4], *_zeros(ZEROS)]))
    path = tmp_path / "members.warc.gz"
    path.write_bytes(members[0] + bomb + members[1] + members[2])
    config = ReadConfig(max_page_bytes=1 << 20)
    items, peak = peak_memory(lambda: list(warc_pages(path, config)))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == \
        [("Page", None), ("ReadFailure", "page-too-large"), ("Page", None), ("Page", None)]
    assert items[1].origin.offset == len(members[0])
    assert peak < 4 * HEADER_ROOM + (8 << 20)


def test_a_gzip_content_encoding_that_inflates_past_the_limit_is_named(tmp_path: Path) -> None:
    body = gzip.compress(bytes(4 << 20))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + body
    record = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/z\r\nWARC-Record-ID: <urn:uuid:z>"
              f"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    path = tmp_path / "encoded.warc"
    path.write_bytes(record + http + b"\r\n\r\n" + _plain(1))
    items = list(warc_pages(path, ReadConfig(max_page_bytes=1 << 20)))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == \
        [("ReadFailure", "page-too-large"), ("Page", None)]
    assert "inflates past" in items[0].message if isinstance(items[0], ReadFailure) else False
