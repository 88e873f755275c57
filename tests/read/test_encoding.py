import pytest

from matome.read.encoding import decode
from matome.read.page import read_page
from matome.records import Origin, Page

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
