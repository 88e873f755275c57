"""Hostile input at scale: time and peak memory of `matome read` on each hostile input (one fresh process per input,
its own rusage from wait4), and how sentence splitting and thread grouping scale with their input.

    python benchmarks/hostile.py [--only NAME ...] [--timeout SECONDS] [--skip-scaling]

Every input is generated in a temporary directory; nothing is downloaded. Figures only: no assertion on time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

MATOME = Path(sys.executable).parent / "matome"
SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"
UNPUNCTUATED = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
MB = 1024 * 1024
TOPICS = ("市長", "港湾", "組合", "運賃", "市議会", "住民", "選挙", "予算")


def _grow(path: Path, head: str, line: Callable[[int], str], tail: str = "") -> Path:
    """A file of `head`, then numbered lines until it holds 19 MB, then `tail`."""
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        n = 0
        while out.tell() < 19 * MB:
            out.write(line(n))
            n += 1
        out.write(tail)
    return path


def _big_html(path: Path) -> Path:
    return _grow(path, "<html><head><title>巨大なページ</title></head><body><article><h1>巨大なページ</h1>",
                 lambda n: f"<p>{n}: {SENTENCE}</p>\n", "</article></body></html>")


def _big_text(path: Path) -> Path:
    return _grow(path, "見出し\n\n", lambda n: f"{n}行目の短い文\n")


def _one_liners(count: int) -> list[str]:
    return [f"{TOPICS[n % len(TOPICS)]}の件は{n}回目の説明でも納得できない" for n in range(count)]


def _deep_html(path: Path) -> Path:
    path.write_text(f"<html><body>{'<div>' * 5000}<p>{SENTENCE}</p>{'</div>' * 5000}</body></html>", "utf-8")
    return path


def _sparse_feed(path: Path) -> Path:
    with path.open("wb") as out:
        out.write(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>")
        out.truncate(200 * MB)
    return path


def _huge_json_line(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"title": "一", "body": SENTENCE}, ensure_ascii=False) + "\n")
        out.write('{"body": "')
        for _ in range(50):  # in pieces: this process stays small, and a child's peak RSS starts from its size
            out.write("x" * MB)
        out.write('"}\n')
        out.write(json.dumps({"title": "三", "body": SENTENCE}, ensure_ascii=False) + "\n")
    return path


def _deep_json(path: Path) -> Path:
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"body": SENTENCE}) + "\n", "utf-8")
    return path


def _sjis_as_latin1(directory: Path) -> Path:
    directory.mkdir()
    for n in range(50):
        page = (f'<html><head><meta charset="iso-8859-1"><title>記事{n}</title></head><body><article>'
                f"<p>{n}番目の記事。{SENTENCE}</p></article></body></html>")
        (directory / f"page-{n:02d}.html").write_bytes(page.encode("cp932"))
    return directory


def _utf16_without_bom(directory: Path) -> Path:
    directory.mkdir()
    for n in range(50):
        page = f"<html><head><title>記事{n}</title></head><body><article><p>{n}: {SENTENCE}</p></article></body></html>"
        (directory / f"page-{n:02d}.html").write_bytes(page.encode("utf-16-le" if n % 2 else "utf-16-be"))
    return directory


def _long_thread(path: Path) -> Path:
    comments = "\n".join(_one_liners(20_000))
    path.write_text(f"ブログの記事\n\n{SENTENCE}\n\nコメント\n{comments}\n", "utf-8")
    return path


def _unpunctuated(path: Path) -> Path:
    line = (UNPUNCTUATED * (100_000 // len(UNPUNCTUATED) + 1))[:100_000]
    path.write_text(f"見出し\n\n{line}\n", "utf-8")
    return path


def _warc_bomb(path: Path) -> Path:
    """One gzip member holding a WARC record that declares and inflates to 200 MB of zeros."""
    head = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.jp/bomb\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\nContent-Type: text/html\r\n"
            b"WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Length: " + str(200 * MB).encode() + b"\r\n\r\n")
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(head)
        zeros = bytes(MB)
        for _ in range(200):
            out.write(zeros)
        out.write(b"\r\n\r\n")
    return path


def _bad_names(directory: Path) -> Path:
    directory.mkdir()
    for name in (b"caf\xe9.html", b"\x93\xfa\x96\x7b.txt", b"bad\xff.html"):
        with open(os.fsencode(directory) + b"/" + name, "wb") as out:
            out.write(f"<html><body><article><p>{SENTENCE}</p></article></body></html>".encode())
    return directory


def _fifo_and_binary(directory: Path) -> Path:
    directory.mkdir()
    os.mkfifo(directory / "pipe.html")
    (directory / "random.html").write_bytes(random.Random(1).randbytes(MB))
    (directory / "good.html").write_text(f"<html><body><article><p>{SENTENCE}</p></article></body></html>", "utf-8")
    return directory


INPUTS: dict[str, Callable[[Path], Path]] = {
    "19 MB HTML page": lambda d: _big_html(d / "big.html"),
    "19 MB text page of short lines": lambda d: _big_text(d / "big.txt"),
    "HTML nested 5,000 deep": lambda d: _deep_html(d / "deep.html"),
    "200 MB RSS file (sparse)": lambda d: _sparse_feed(d / "big.rss"),
    "JSON Lines with a 50 MB line": lambda d: _huge_json_line(d / "huge.jsonl"),
    "JSON line nested 100,000 deep": lambda d: _deep_json(d / "deep.jsonl"),
    "50 Shift_JIS pages declared iso-8859-1": lambda d: _sjis_as_latin1(d / "sjis"),
    "50 UTF-16 pages without a BOM": lambda d: _utf16_without_bom(d / "utf16"),
    "text thread of 20,000 comments": lambda d: _long_thread(d / "thread.txt"),
    "100,000-character unpunctuated line": lambda d: _unpunctuated(d / "line.txt"),
    "WARC gzip bomb (200 MB inflated)": lambda d: _warc_bomb(d / "bomb.warc.gz"),
    "file names that are not UTF-8": lambda d: _bad_names(d / "names"),
    "a FIFO and 1 MB of random bytes": lambda d: _fifo_and_binary(d / "special"),
}


def measure(path: Path, timeout: float) -> tuple[float, float, int | str, str]:
    """Wall seconds, peak RSS (MB), exit status (or "killed") and the failure codes of `matome read PATH`."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([str(MATOME), "read", str(path)], stdout=subprocess.DEVNULL, stderr=errors,
                                   start_new_session=True)
        deadline = started + timeout
        status: int | str
        while True:
            pid, code, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(code)
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                _, _, usage = os.wait4(process.pid, 0)
                status = "killed"
                break
            time.sleep(0.05)
        process.returncode = 0  # reaped by wait4 above
        elapsed = time.perf_counter() - started
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    codes = Counter(line.rsplit("(", 1)[-1].rstrip(")") for line in text.splitlines() if line.startswith("warning:"))
    named = ", ".join(f"{code} {n}" for code, n in sorted(codes.items())) or "-"
    return elapsed, usage.ru_maxrss / 1024, status, named


def scaling() -> None:
    from matome.language.sentences import split_sentences
    from matome.read.threads import group_thread

    print("\nsentence splitting of unpunctuated text (split_sentences, one line)")
    for size in (10_000, 100_000, 1_000_000):
        text = (UNPUNCTUATED * (size // len(UNPUNCTUATED) + 1))[:size]
        started = time.perf_counter()
        split_sentences(text)
        elapsed = time.perf_counter() - started
        print(f"  {size:>9,} characters  {elapsed:8.3f} s  {elapsed / size * 1e6:7.3f} µs a character")
    print("\nthread grouping (group_thread over one-line comments)")
    for size in (1_000, 5_000, 20_000, 50_000):
        lines = _one_liners(size)
        started = time.perf_counter()
        comments = group_thread(lines)
        elapsed = time.perf_counter() - started
        print(f"  {size:>9,} lines       {elapsed:8.3f} s  {elapsed / size * 1e3:7.3f} ms a line  "
              f"({len(comments):,} comments)")
        if elapsed > 60:
            print("  (stopped: over a minute; larger sizes would take longer still)")
            break


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--only", nargs="*", help="names (or parts of names) of the inputs to run")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before an input is killed")
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args()
    chosen = {name: make for name, make in INPUTS.items()
              if not args.only or any(part.lower() in name.lower() for part in args.only)}
    print(f"{'input':<42} {'seconds':>8} {'peak MB':>8} {'exit':>6}  named failures")
    for name, make in chosen.items():
        with tempfile.TemporaryDirectory() as scratch:
            path = make(Path(scratch))
            elapsed, peak, status, named = measure(path, args.timeout)
        print(f"{name:<42} {elapsed:8.1f} {peak:8.0f} {status!s:>6}  {named}", flush=True)
    if not args.skip_scaling:
        scaling()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
