"""Japanese text normalisation in one place: NFKC, wave dashes, whitespace."""

from __future__ import annotations

import functools
import re
import unicodedata

_WAVES = str.maketrans({"〜": "~", "～": "~", "〰": "~"})
_HAS_WAVE = re.compile("[〜～〰]")
_SPACES = re.compile(r"[ \t\u00a0]+")
SURROGATE = re.compile("[\ud800-\udfff]")  # half a character: undecodable bytes of a file name, or JSON's \ud800
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to half width, half-width kana to full width) and one wave dash."""
    flat = unicodedata.normalize("NFKC", text)
    return flat.translate(_WAVES) if _HAS_WAVE.search(flat) else flat  # translate walks every character: skip it


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def narrow(text: str) -> str:
    """Full-width ASCII (２０２５, ＡＢＣ, ：) to half width, one character for one, so offsets stay valid."""
    return text.translate(_HALF_WIDTH)


def squeeze(text: str) -> str:
    """Drop soft hyphens and zero-width characters, collapse runs of ASCII spaces and tabs, strip the ends.

    The ideographic space stays inside a line: it separates the parts of Japanese headlines.
    """
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip(" \t\u3000\u00a0")



def replace_surrogates(text: str) -> str:
    """Text that can be written as UTF-8: each lone surrogate becomes U+FFFD."""
    return SURROGATE.sub("\ufffd", text)
