"""Decode page bytes: UTF-8, CP932/Shift_JIS, EUC-JP and ISO-2022-JP, with or without a declared charset."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

from matome.records import Notice

_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
            "ms932": "cp932", "euc-jp": "euc_jp", "x-euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    notices: tuple[Notice, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration), as a Python codec name."""
    match = _DECLARED.search(data[:4096])
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Strict decoding in order of evidence; undecodable bytes become U+FFFD with a warning, never mojibake.

    A declared charset is checked against the bytes: Shift_JIS or EUC-JP bytes declared as a Western charset
    (iso-8859-1, windows-1252) are read as Japanese, with a `charset-mismatch` warning.
    """
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, codec in boms:
        if data.startswith(bom):
            return _lenient(data, codec)
    if wide := utf16_without_bom(data):
        return _lenient(data, wide)
    if b"\x1b$B" in data or b"\x1b$@" in data:
        return _lenient(data, "iso2022_jp")
    named = _codec(declared) or declared_charset(data)
    for codec in _candidates(data, named):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec == "utf-8":
            return Decoded(text, "utf-8")
        if _PRIVATE.search(text):  # private-use code points betray a CP932 misreading
            continue
        if codec == named and codec not in JAPANESE and (japanese := _japanese_instead(data, text, codec)):
            return japanese
        if named and codec != named and codec in JAPANESE and named not in JAPANESE:
            return Decoded(text, codec, (_mismatch(named, codec),))
        return Decoded(text, codecs.lookup(codec).name)
    return _lenient(data, _guess(data))


def _mismatch(declared: str, codec: str) -> Notice:
    return Notice("charset-mismatch", f"the page declares {declared} but its bytes are Japanese ({codec}); "
                  f"read as {codec}")


JAPANESE = frozenset({"cp932", "shift_jis", "euc_jp", "iso2022_jp", "shift_jisx0213", "euc_jisx0213"})
_KANA = re.compile("[\u3040-\u30ff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _japanese_instead(data: bytes, declared_text: str, declared: str) -> Decoded | None:
    """Japanese bytes under a non-Japanese declaration: a Japanese codec that decodes them strictly into text with
    kana (a fifth of its non-ASCII characters or more) where the declared charset gives far fewer."""
    before = len(_KANA.findall(declared_text))
    for codec in _ranked_japanese(data):
        text = data.decode(codec)
        kana = len(_KANA.findall(text))
        if kana >= 4 and kana >= 0.2 * len(_NON_ASCII.findall(text)) and kana > 2 * before:
            return Decoded(text, codec, (_mismatch(declared, codec),))
    return None


_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2190-\u27bf\u3000-\u30ff"
                        "\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` for UTF-16 text without a byte-order mark, else None.

    ASCII characters (markup, digits, line ends) put their NUL byte on one side of each 2-byte unit: NULs mostly
    at odd offsets mean little-endian, at even offsets big-endian. The head must then decode into plausible text.
    """
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if even + odd < 2 or max(even, odd) < 0.8 * (even + odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(head, final=False)
    if not text or text.count("\ufffd") > 0.01 * len(text):
        return None
    plausible = len(_PLAUSIBLE.findall(text))
    return codec if plausible >= 0.95 * len(text) else None


def ascii_head(data: bytes, size: int = 2048) -> bytes:
    """The first `size` bytes as ASCII bytes, read through UTF-16 when the page is UTF-16 (for sniffing markup)."""
    wide = ("utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None) \
        or utf16_without_bom(data)
    if wide is None:
        return data[:size]
    head = data[: 2 * size]
    return head.decode(wide, errors="ignore").encode("ascii", errors="ignore")


def _candidates(data: bytes, declared: str | None) -> Iterator[str]:
    """UTF-8, then the declared charset, then the Japanese codecs ranked (decoded only when the first two fail)."""
    yield "utf-8"
    if declared and declared != "utf-8":
        yield declared
    yield from (codec for codec in _ranked_japanese(data) if codec != declared)


def _ranked_japanese(data: bytes) -> list[str]:
    """CP932 and EUC-JP both decode many byte strings; rank by how Japanese the result reads."""
    scored = []
    for codec in ("cp932", "euc_jp"):
        try:
            scored.append((_japanese_score(data.decode(codec)), codec))
        except UnicodeDecodeError:
            continue
    return [codec for _, codec in sorted(scored, reverse=True)]


def _japanese_score(text: str) -> float:
    common = sum(1 for c in text if "\u3040" <= c <= "\u30ff" or c in "、。「」・ー")
    return common / max(1, len(text))


def _guess(data: bytes) -> str:
    """For bytes no codec decodes cleanly: the Japanese codec with the fewest errors, else charset-normalizer's pick."""
    sample = data[:200_000]
    errors = {c: sample.decode(c, errors="replace").count("\ufffd") for c in ("utf-8", "cp932", "euc_jp")}
    codec, count = min(errors.items(), key=lambda item: item[1])
    if count <= 3:
        return codec
    best = from_bytes(sample).best()
    return _codec(best.encoding if best else None) or "utf-8"


def _lenient(data: bytes, codec: str) -> Decoded:
    genuine = data.decode(codec, errors="ignore").count("\ufffd")
    text = _PRIVATE.sub("\ufffd", data.decode(codec, errors="replace"))
    bad = text.count("\ufffd") - genuine
    if bad <= 0:
        return Decoded(text, codecs.lookup(codec).name)
    notice = Notice("undecodable-bytes", f"{bad} byte sequence(s) could not be decoded as {codec}; shown as U+FFFD")
    return Decoded(text, codecs.lookup(codec).name, (notice,))
