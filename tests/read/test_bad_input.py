"""Bad input: each gives a named failure or warning, the batch goes on, and nothing stored earlier is lost."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from matome.read import read_paths
from matome.records import Article, ReadFailure
from matome.run.local import ingest
from matome.store import Store

GOOD = "<html><head><title>良い記事</title></head><body><article><p>{}</p></article></body></html>"
SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"


def _good(directory: Path, name: str = "good.html", text: str = SENTENCE) -> Path:
    path = directory / name
    path.write_text(GOOD.format(text), encoding="utf-8")
    return path


def _codes(items: list[Article | ReadFailure]) -> dict[str, str]:
    return {Path(i.origin.path or "").name: i.code for i in items if isinstance(i, ReadFailure)}


def _articles(items: list[Article | ReadFailure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_binary_empty_and_whitespace_files_are_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a-image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-blank.txt").write_bytes(b"  \n\n \n")
    (tmp_path / "d-nul.txt").write_bytes(b"abc\x00\x00\x01\x02" * 100)
    _good(tmp_path, "e-good.html")
    items = list(read_paths([tmp_path]))
    assert _codes(items) == {"a-image.html": "binary-file", "b-empty.txt": "empty-file", "c-blank.txt": "empty-page",
                             "d-nul.txt": "binary-file"}
    assert len(_articles(items)) == 1


def test_truncated_html_is_read_with_a_warning(tmp_path: Path) -> None:
    whole = GOOD.format(SENTENCE + SENTENCE)
    path = tmp_path / "cut.html"
    path.write_text(whole[: whole.index("</p>") - 5], encoding="utf-8")
    (article,) = read_paths([path])
    assert isinstance(article, Article)
    assert "truncated-html" in {w.code for w in article.warnings}
    assert "防災計画を発表し" in article.body


def test_shift_jis_file_without_charset(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes(f"見出しの行\n{SENTENCE}\n".encode("cp932"))
    (article,) = read_paths([path])
    assert isinstance(article, Article)
    assert article.encoding == "cp932"
    assert SENTENCE in article.body


def test_a_50_mb_page_is_skipped_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as out:
        out.write(b"<html><body>")
        out.write(b"<p>" + "あ".encode() * 1000 + b"</p>\n" * 1 * 16_700)
        out.truncate(50 * 1024 * 1024)
    _good(tmp_path)
    items = list(read_paths([tmp_path]))
    assert _codes(items) == {"huge.html": "page-too-large"}
    assert len(_articles(items)) == 1


def _warc(records: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, html in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buffer.getvalue()


def test_warc_records_are_read_and_a_corrupt_record_is_reported(tmp_path: Path) -> None:
    first = GOOD.format(SENTENCE)
    second = GOOD.format("港で大規模なストライキが始まり、コンテナの搬出入が止まった。組合は賃上げを求めている。")
    data = _warc([("https://a.example/1", first), ("https://a.example/2", second)])
    split = data.index(b"WARC/1.0", 10)
    corrupt = data[:split] + b"WARC/1.0\r\nContent-Length: not-a-number\r\n\r\ngarbage" + data[split:]
    path = tmp_path / "crawl.warc"
    path.write_bytes(corrupt)
    gz = tmp_path / "crawl2.warc.gz"
    gz.write_bytes(gzip.compress(data))
    items = list(read_paths([path, gz]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [f.code for f in failures] == ["corrupt-warc-record"]
    urls = [a.url for a in _articles(items)]
    assert urls == ["https://a.example/1", "https://a.example/2"] * 2  # reading resumes after the corrupt record
    assert all(a.origin.format == "warc" for a in _articles(items))


def _gzipped_warc(count: int) -> tuple[bytes, list[int]]:
    """A record-gzipped WARC of `count` pages, and the offset of each record's gzip member."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    starts = []
    for n in range(count):
        starts.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        page = GOOD.format(f"第{n}報。" + SENTENCE).encode()
        writer.write_record(writer.create_warc_record(f"https://a.example/{n}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    return buffer.getvalue(), starts


def test_a_corrupt_gzip_member_is_named_and_every_other_record_is_read(tmp_path: Path) -> None:
    data, starts = _gzipped_warc(5)
    middle = (starts[2] + starts[3]) // 2
    damaged = data[:middle] + bytes(b ^ 0xFF for b in data[middle: middle + 40]) + data[middle + 40:]
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(damaged)
    items = list(read_paths([path]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [(f.code, f.origin.offset) for f in failures] == [("corrupt-warc-record", starts[2])]
    assert [a.url for a in _articles(items)] == [f"https://a.example/{n}" for n in (0, 1, 3, 4)]


def test_a_warc_cut_short_mid_record_keeps_every_whole_record(tmp_path: Path) -> None:
    data, starts = _gzipped_warc(4)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (starts[3] + len(data)) // 2])
    items = list(read_paths([path]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [(f.code, f.origin.offset) for f in failures] == [("corrupt-warc-record", starts[3])]
    assert "cut short" in failures[0].message
    assert [a.url for a in _articles(items)] == [f"https://a.example/{n}" for n in range(3)]


def test_directory_with_an_unreadable_file(tmp_path: Path) -> None:
    _good(tmp_path, "a.html")
    (tmp_path / "b-dangling.html").symlink_to(tmp_path / "does-not-exist.html")
    locked = _good(tmp_path, "c-locked.html", "別の記事。" + SENTENCE)
    locked.chmod(0)
    _good(tmp_path, "d.html", "三つ目の記事。" + SENTENCE)
    items = list(read_paths([tmp_path]))
    codes = _codes(items)
    assert codes["b-dangling.html"] == "unreadable-file"
    if os.geteuid() != 0:  # root reads a mode-000 file anyway
        assert codes["c-locked.html"] == "unreadable-file"
    assert len(_articles(items)) >= 2


def test_a_bad_batch_keeps_what_was_stored_before(tmp_path: Path) -> None:
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    good_dir.mkdir()
    bad_dir.mkdir()
    _good(good_dir, "one.html")
    _good(good_dir, "two.html", "二本目の記事。" + SENTENCE)
    (bad_dir / "x.html").write_bytes(b"\x00\x01\x02" * 50)
    (bad_dir / "y.txt").write_bytes(b"")
    _good(bad_dir, "three.html", "三本目の記事。" + SENTENCE)
    with Store(tmp_path / "m.db") as store:
        first = ingest([good_dir], store)
        second = ingest([bad_dir, good_dir], store)
        assert first.outcomes["stored"] == 2
        assert second.outcomes == {"stored": 1, "unchanged": 2}
        assert sorted(f.code for f in second.failures) == ["binary-file", "empty-file"]
        assert store.count() == 3


@pytest.mark.parametrize("name", ["weird.bin", "notes.docx"])
def test_unknown_types_in_a_directory_are_reported(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"data")
    (failure,) = read_paths([tmp_path])
    assert isinstance(failure, ReadFailure)
    assert failure.code == "unsupported-type"


def test_hostile_files_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a-fifo.html")  # would block a read forever
    (tmp_path / "b-zero.html").symlink_to("/dev/zero")  # would never end
    (tmp_path / "c-deep.jsonl").write_text('{"body": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    (tmp_path / "d-surrogate.jsonl").write_text('{"title": "\\ud800題", "body": "本文です。\\udfff続き。"}\n',
                                                encoding="utf-8")
    _good(tmp_path, "e-good.html")
    items = list(read_paths([tmp_path]))
    codes = _codes(items)
    assert codes["a-fifo.html"] == codes["b-zero.html"] == "not-a-regular-file"
    assert codes["c-deep.jsonl"] == "bad-json-line"
    articles = _articles(items)
    assert len(articles) == 2
    assert all("\ud800" not in (a.title or "") and "\udfff" not in a.body for a in articles)
    for article in articles:
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # no half characters left to break an encoder


def test_markup_and_escape_sequences_in_names_and_titles_are_printed_not_obeyed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from matome.cli import app

    (tmp_path / "x[").mkdir()
    page = tmp_path / "x[" / "bold].html"
    page.write_text("<html><head><title>題\x1b[31m赤\x1b[0m</title></head><body></body></html>", encoding="utf-8")
    _good(tmp_path, "good.html")
    result = CliRunner().invoke(app, ["read", "--format", "text", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "x[/bold].html" in result.stderr + result.stdout


def test_a_damaged_plain_record_is_named_once_at_its_offset_and_the_next_is_read(tmp_path: Path) -> None:
    data = _warc([("https://a.example/1", GOOD.format(SENTENCE)), ("https://a.example/2", GOOD.format("二。" + SENTENCE)),
                  ("https://a.example/3", GOOD.format("三。" + SENTENCE))])
    second = data.index(b"WARC/1.", 10)
    damaged = data[:second] + b"WARC/1.7" + data[second + len(b"WARC/1.0"):]  # an unknown version: unparseable
    path = tmp_path / "plain.warc"
    path.write_bytes(damaged)
    items = list(read_paths([path]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [(f.code, f.origin.offset) for f in failures] == [("corrupt-warc-record", second)]
    assert [a.url for a in _articles(items)] == ["https://a.example/1", "https://a.example/3"]
    assert all((a.origin.offset or 0) < len(damaged) for a in _articles(items))


def test_a_member_with_two_records_zero_padding_and_a_bad_length_are_handled(tmp_path: Path) -> None:
    data, _ = _gzipped_warc(1)
    pair = gzip.compress(_warc([("https://a.example/p", GOOD.format("対の一。" + SENTENCE)),
                                ("https://a.example/q", GOOD.format("対の二。" + SENTENCE))]))
    bad = _warc([("https://a.example/bad", GOOD.format(SENTENCE))]).replace(b"Content-Length: ", b"Content-Length: 1x", 1)
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(data + pair + gzip.compress(bad) + b"\x00" * 512)
    items = list(read_paths([path]))
    assert [a.url for a in _articles(items)] == ["https://a.example/0", "https://a.example/p", "https://a.example/q"]
    assert [f.code for f in items if isinstance(f, ReadFailure)] == ["corrupt-warc-record"]
