from pathlib import Path

import pytest

from matome.read import read_paths
from matome.read.encoding import decode, utf16_without_bom
from matome.read.page import read_page
from matome.records import Article, Origin, Page

TEXT = "東京都で記者会見が開かれ、知事は「防災計画を見直す」と述べた。ｶﾀｶﾅも全角カタカナも混ざる。"


@pytest.mark.parametrize("codec", ["utf-8", "cp932", "euc_jp", "iso2022_jp_ext"])
def test_japanese_encodings_are_detected_without_a_declaration(codec: str) -> None:
    text = TEXT if codec != "iso2022_jp_ext" else TEXT.replace("ｶﾀｶﾅ", "カタカナ")
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.notices == ()


def test_declared_charset_is_used() -> None:
    html = f'<html><head><meta charset="Shift_JIS"></head><body><p>{TEXT}</p></body></html>'
    decoded = decode(html.encode("cp932"))
    assert decoded.encoding == "cp932"
    assert TEXT in decoded.text


def test_undecodable_bytes_give_a_warning_not_mojibake() -> None:
    data = TEXT.encode("utf-8")
    broken = data[:30] + b"\xff\xfe" + data[30:]
    decoded = decode(broken)
    assert [n.code for n in decoded.notices] == ["undecodable-bytes"]
    assert decoded.text.replace("\ufffd", "") == TEXT


def test_shift_jis_page_without_charset_reads_cleanly() -> None:
    html = f"<html><head><title>防災計画</title></head><body><article><p>{TEXT}</p><p>計画は来年度から始まる。</p></article></body></html>"
    article = read_page(Page(Origin("html", path="sjis.html"), html.encode("cp932"), "html"))
    assert article.encoding == "cp932"
    assert TEXT in article.body
    assert not article.warnings


WESTERN = ["iso-8859-1", "latin-1", "windows-1252"]


@pytest.mark.parametrize("codec", ["cp932", "euc_jp"])
@pytest.mark.parametrize("declared", WESTERN)
def test_japanese_bytes_declared_western_in_the_page_are_read_as_japanese(codec: str, declared: str) -> None:
    html = f'<html><head><meta charset="{declared}"><title>防災</title></head><body><p>{TEXT}</p></body></html>'
    decoded = decode(html.encode(codec))
    assert TEXT in decoded.text
    assert decoded.encoding == codec
    assert [n.code for n in decoded.notices] == ["charset-mismatch"]
    assert codec in decoded.notices[0].message


@pytest.mark.parametrize("declared", WESTERN)
def test_japanese_bytes_declared_western_by_the_server_are_read_as_japanese(declared: str) -> None:
    page = Page(Origin("html", path="crawl.warc", url="https://example.jp/a"),
                f"<html><body><article><p>{TEXT}</p></article></body></html>".encode("cp932"), "html",
                declared_encoding=declared)
    article = read_page(page)
    assert TEXT in article.body
    assert article.encoding == "cp932"
    assert "charset-mismatch" in {w.code for w in article.warnings}


@pytest.mark.parametrize("text", ["Café crème, déjà vu: naïve façade à Genève.", "Grüße aus Köln, schöne Straße."])
def test_western_text_declared_western_stays_western(text: str) -> None:
    html = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'
    decoded = decode(html.encode("latin-1"))
    assert text in decoded.text
    assert decoded.encoding == "iso8859-1"
    assert decoded.notices == ()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_utf16_without_a_bom_is_decoded_not_rejected_as_binary(codec: str, kind: str) -> None:
    source = (f"<html><head><title>防災</title></head><body><article><p>{TEXT}</p></article></body></html>"
              if kind == "html" else f"防災計画の見直し\n\n{TEXT}\n計画は来年度から始まる。\n")
    article = read_page(Page(Origin(kind, path=f"wide.{kind}"), source.encode(codec), kind))
    assert article.encoding == codec
    assert TEXT in article.body


def test_utf16_file_without_a_bom_is_read_from_a_directory(tmp_path: Path) -> None:
    html = f"<html><body><article><p>{TEXT}</p></article></body></html>"
    (tmp_path / "wide.txt").write_bytes(html.encode("utf-16-le"))  # markup found in a .txt through UTF-16
    (article,) = read_paths([tmp_path])
    assert isinstance(article, Article)
    assert article.origin.format == "html"
    assert TEXT in article.body


@pytest.mark.parametrize("data", [b"abc\x00\x00\x01\x02" * 100, bytes(range(256)) * 8,
                                  b"\x01\x00\x02\x00\x03\x00\x04\x00" * 200])
def test_binary_with_nul_bytes_is_not_taken_for_utf16(data: bytes) -> None:
    assert utf16_without_bom(data) is None
