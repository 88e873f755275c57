"""Sentence splitting that keeps 「…」 quotes and (…) asides whole and treats every line as a boundary."""

from __future__ import annotations

from matome.text.captions import is_caption, is_photo_credit

OPEN = "「『（(【〈《"
CLOSE = "」』）)】〉》"
ENDS = "。！？!?"
CREDIT_CHARS = 60  # a photo credit in brackets is no longer
POSTPOSITIONS = "上内中側外前後間"  # 地図(同院提供)上で: the bracket is inside the sentence


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: after 。！？ outside brackets, at every line break (headings, bullets), and after a
    photo credit that closes a caption (in brackets, or `=…撮影` and a space) when a sentence follows it on the same
    line."""
    sentences: list[str] = []
    for line in text.split("\n"):
        sentences.extend(_split_line(line))
    return [s for s in sentences if s]


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    opened = -1  # where the outermost open bracket is, while one is
    for i, char in enumerate(line):
        if char in OPEN:
            opened = i if depth == 0 else opened
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
            if depth == 0 and opened >= 0 and char in ")）" and i - opened <= CREDIT_CHARS and _starts_sentence(
                    line, i + 1) and is_photo_credit(line[opened + 1: i]):
                parts.append(line[start: i + 1].strip())
                start = i + 1
            opened = -1 if depth == 0 else opened
        elif char in ENDS and depth == 0 and not _continues(line, i):
            parts.append(line[start: i + 1].strip())
            start = i + 1
        elif char in " \u3000" and depth == 0 and line.endswith("撮影", start, i) and _starts_sentence(line, i) and (
                is_caption(line[start:i])):  # …=A市で2日午前、山田撮影 市は2日、…: a caption's credit ends it
            parts.append(line[start:i].strip())
            start = i
    parts.append(line[start:].strip())
    return [p for p in parts if p]


def _continues(line: str, i: int) -> bool:
    """`!?`, `。」` and a closing `。` before a bracket belong to the sentence that is still going."""
    following = line[i + 1: i + 2]
    return following in ENDS or following in CLOSE


def _starts_sentence(line: str, i: int) -> bool:
    """After a photo credit, a new sentence: a word (not a particle: `映像(B市提供)では` goes on) or a quote."""
    rest = line[i:].lstrip(" \u3000")
    return bool(rest) and (rest[0] == "「" or rest[0].isalnum()) and not "ぁ" <= rest[0] <= "ゟ" and (
        rest[0] not in POSTPOSITIONS)
