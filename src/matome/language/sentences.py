"""Sentence splitting that keeps 「…」 quotes and (…) asides whole and treats every line as a boundary."""

from __future__ import annotations

OPEN = "「『（(【〈《"
CLOSE = "」』）)】〉》"
ENDS = "。！？!?"


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: after 。！？ outside brackets, and at every line break (headings, bullets)."""
    sentences: list[str] = []
    for line in text.split("\n"):
        sentences.extend(_split_line(line))
    return [s for s in sentences if s]


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(line):
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif char in ENDS and depth == 0 and not _continues(line, i):
            parts.append(line[start: i + 1].strip())
            start = i + 1
    parts.append(line[start:].strip())
    return [p for p in parts if p]


def _continues(line: str, i: int) -> bool:
    """`!?`, `。」` and a closing `。` before a bracket belong to the sentence that is still going."""
    following = line[i + 1: i + 2]
    return following in ENDS or following in CLOSE
