"""Edge cases a review found: code in deep HTML, headings among cut lines, empty comment items before the cap, the
time budget's clean-up, a timeout past what the timer takes, days at the ends of the calendar, odd ids in the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matome.config import ConfigError, ReadConfig
from matome.errors import RecordNotFound
from matome.read.html import read_html
from matome.read.page import read_page
from matome.records import Origin, Page
from matome.store.sqlite import Store
from matome.text.dates import find_date_mentions


def test_scripts_and_styles_in_html_too_deep_to_parse_are_not_prose() -> None:
    page = ("<html><body>" + "<div>" * 300 + "<script>var token='abc';if(a<b){}</script><style>.ad{color:red}</style>"
            "<p>本文の段落です。港の交渉は続いている。</p>" + "</div>" * 300 + "<p>後の段落も読まれる。</p></body></html>")
    reading = read_html(page)
    text = "\n".join(reading.lines)
    assert "token" not in text and ".ad" not in text
    assert "本文の段落です" in text and "後の段落も読まれる" in text


def test_headings_keep_their_place_when_long_lines_are_cut() -> None:
    long = "長い段落の文です。" * 40
    html = (f"<html><body><article><h2>最初の見出し</h2><p>{long}</p><h2>次の見出し</h2><p>短い段落です。</p>"
            "</article></body></html>")
    page = Page(Origin("html"), html.encode("utf-8"), "html")
    article = read_page(page, ReadConfig(max_line_chars=100))
    assert [s.heading for s in article.sections if s.heading] == ["最初の見出し", "次の見出し"]


def test_empty_comment_items_do_not_hide_that_the_thread_was_capped() -> None:
    items = "<li></li>" + "".join(f"<li><p>コメント{n}です</p></li>" for n in range(9))
    html = f"<html><body><article><p>本文です。</p></article><ol class='commentlist'>{items}</ol></body></html>"
    reading = read_html(html, max_comments=3)
    assert len(reading.comments) == 3 and "comments-capped" in {w.code for w in reading.warnings}


def test_a_timeout_longer_than_the_timer_takes_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="page_timeout"):
        ReadConfig(page_timeout=1e18)


def test_days_resolve_at_the_ends_of_the_calendar() -> None:
    assert [m.value for m in find_date_mentions("3日に発表した。", date(9999, 12, 1))] == ["9999-12-03"]
    assert [m.value for m in find_date_mentions("3日に発表した。", date(1, 1, 5))] == ["0001-01-03"]


def test_an_id_that_is_not_text_is_not_found_rather_than_a_crash(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises(RecordNotFound):
        store.get("abcd\udcff")
    assert store.listing(site="a\udcff") == []
