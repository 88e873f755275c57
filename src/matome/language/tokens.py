"""Japanese tokens from SudachiPy (mode C, long units): surface, part of speech, normalised form, offsets."""

from __future__ import annotations

from dataclasses import dataclass

from sudachipy import dictionary, tokenizer

MAX_CHUNK = 4000  # SudachiPy refuses inputs near 49 KB; sentences are far shorter, paragraphs may not be


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    pos: tuple[str, ...]
    normalized: str
    start: int
    end: int
    oov: bool = False

    @property
    def is_noun(self) -> bool:
        return self.pos[0] in ("名詞", "接尾辞") or self.pos[:2] == ("接頭辞", "*")

    def proper(self, kind: str | None = None) -> bool:
        """A proper noun (固有名詞), optionally of one kind: 人名, 地名 or 一般."""
        return self.pos[1] == "固有名詞" and (kind is None or self.pos[2] == kind)


def content_nouns(tokens: list[Token]) -> list[str]:
    """Normalised forms of the content nouns, in order: no numerals, no auxiliary stems, two characters or more."""
    return [t.normalized for t in tokens
            if t.pos[0] == "名詞" and t.pos[1] not in ("数詞", "助動詞語幹") and len(t.surface) >= 2]


class Tokenizer:
    """Callable: text -> tokens. Holds the loaded Sudachi dictionary."""

    def __init__(self) -> None:
        self._sudachi = dictionary.Dictionary(dict="core").create(tokenizer.Tokenizer.SplitMode.C)

    def __call__(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        for offset in range(0, len(text), MAX_CHUNK):
            chunk = text[offset: offset + MAX_CHUNK]
            tokens.extend(Token(m.surface(), tuple(m.part_of_speech()), m.normalized_form(),
                                offset + m.begin(), offset + m.end(), m.is_oov())
                          for m in self._sudachi.tokenize(chunk) if m.end() > m.begin())  # … yields empty tokens
        return tokens
