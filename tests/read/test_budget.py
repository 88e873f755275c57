"""The per-page time budget: a slow page becomes a named `timeout` failure and the batch goes on."""

from __future__ import annotations

import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import matome.read.page
from matome.config import ReadConfig
from matome.read import read_one, read_paths
from matome.read.budget import PageTimeout, check_time, page_budget
from matome.records import Article, Origin, Page, ReadFailure

SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"
HTML = "<html><head><title>記事</title></head><body><article><p>{}</p></article></body></html>"


def _stubborn_reader(*args: object, **kwargs: object) -> object:
    """A reader stuck in a loop that swallows every Exception, as some libraries do."""
    while True:
        try:
            time.sleep(0.01)
        except Exception:  # the point: a broad except must not stop the budget
            continue


def test_a_page_stuck_in_one_step_is_interrupted_and_named_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-stuck.html").write_text(HTML.format(SENTENCE), encoding="utf-8")
    (tmp_path / "b-plain.txt").write_text(f"見出し\n\n{SENTENCE}\n", encoding="utf-8")
    monkeypatch.setattr(matome.read.page, "read_html", _stubborn_reader)
    started = time.monotonic()
    stuck, plain = read_paths([tmp_path], ReadConfig(page_timeout=0.3))
    assert time.monotonic() - started < 10
    assert isinstance(stuck, ReadFailure) and stuck.code == "timeout"
    assert "longer than the 0.3 s budget" in stuck.message and "read.page_timeout" in stuck.message
    assert isinstance(plain, Article) and SENTENCE in plain.body


def test_the_budget_leaves_no_timer_or_handler_behind() -> None:
    before = signal.getsignal(signal.SIGALRM)
    page = Page(Origin("text", path="a.txt"), f"見出し\n\n{SENTENCE}\n".encode(), "text")
    assert isinstance(read_one(page, ReadConfig(page_timeout=5.0)), Article)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    check_time("after the page")  # no budget left behind: nothing to raise


def test_off_the_main_thread_the_clock_is_checked_between_steps() -> None:
    big = HTML.format("</p><p>".join(f"{n}: {SENTENCE}" for n in range(3000)))
    page = Page(Origin("html", path="big.html"), big.encode(), "html")

    def slow_step(seconds: float) -> None:
        with page_budget(seconds):
            time.sleep(0.05)
            check_time("a step")

    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(read_one, page, ReadConfig(page_timeout=1e-6)).result()
        assert isinstance(result, ReadFailure) and result.code == "timeout"
        assert "while" in result.message  # named by the step that found the budget spent
        with pytest.raises(PageTimeout):
            pool.submit(slow_step, 0.01).result()
        assert isinstance(pool.submit(read_one, page, ReadConfig()).result(), Article)


def test_a_huge_html_page_is_read_up_to_the_extraction_cap_with_a_warning(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{n}番: {SENTENCE}</p>\n" for n in range(20_000))  # about 1.2 million characters
    path = tmp_path / "huge.html"
    path.write_text(HTML.replace("<p>{}</p>", paragraphs), encoding="utf-8")
    (article,) = read_paths([path], ReadConfig(max_extract_chars=100_000))
    assert isinstance(article, Article)
    assert article.body.startswith("0番: ")
    assert "100番: " in article.body and "19999番: " not in article.body
    codes = {w.code for w in article.warnings}
    assert "page-cut" in codes and "truncated-html" not in codes
