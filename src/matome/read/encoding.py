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
    """Strict decoding in order of evidence; undecodable bytes become U+FFFD with a warning, never mojibake."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, codec in boms:
        if data.startswith(bom):
            return _lenient(data, codec)
    if b"\x1b$B" in data or b"\x1b$@" in data:
        return _lenient(data, "iso2022_jp")
    for codec in _candidates(data, _codec(declared) or declared_charset(data)):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec == "utf-8" or not _PRIVATE.search(text):  # private-use code points betray a CP932 misreading
            return Decoded(text, codecs.lookup(codec).name)
    return _lenient(data, _guess(data))


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
