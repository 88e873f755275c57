"""The abuse classifier: logistic regression over Sudachi words and word pairs, weights shipped in the package.

Features are words that carry meaning: the normalised forms of a comment's tokens and of each adjacent pair, with
punctuation, symbols and lone kana (さ, は, い) left out, so a classifier cannot fire on common kana as the
character n-gram model of the first round did. `scripts/train_abuse_model.py` trains it (scikit-learn) on the
labelled comments listed in the README and writes `data/abuse_model.json`; nothing is downloaded at run time, and
scoring needs only the JSON weights.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from dataclasses import dataclass
from importlib.resources import files

from matome.language.tokens import Token

LONE_KANA = re.compile(r"^[ぁ-ゖァ-ヺー]$")
SKIPPED_POS = frozenset({"補助記号", "空白", "記号"})
MIN_COUNT = 2  # a feature seen in fewer training comments is noise


def features(tokens: list[Token]) -> list[str]:
    """The comment's words (normalised) and adjacent word pairs, without punctuation or lone kana."""
    words = [t.normalized for t in tokens if t.pos[0] not in SKIPPED_POS and not LONE_KANA.match(t.surface)]
    return list(dict.fromkeys([*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]))


@dataclass(frozen=True, slots=True)
class AbuseModel:
    weights: dict[str, float]
    bias: float

    def score(self, tokens: list[Token]) -> tuple[float, tuple[str, ...]]:
        """The probability that the comment is abusive, and the words that pushed it up most."""
        contributions = {f: self.weights[f] for f in features(tokens) if f in self.weights}
        logit = self.bias + sum(contributions.values())
        evidence = tuple(f for f, v in sorted(contributions.items(), key=lambda kv: -kv[1])[:3] if v > 0)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit)))), evidence

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "weights": self.weights}, ensure_ascii=False, sort_keys=True)


def train(comments: list[list[Token]], labels: list[bool], c: float = 1.0) -> AbuseModel:
    """L2 logistic regression, classes balanced (abuse is rare), over features seen in MIN_COUNT comments."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=_identity, min_df=MIN_COUNT, binary=True)
    matrix = vectorizer.fit_transform([features(tokens) for tokens in comments])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(matrix, labels)
    weights = {str(f): round(float(w), 4) for f, w in zip(vectorizer.get_feature_names_out(), model.coef_[0],
                                                          strict=True) if abs(w) >= 1e-3}
    return AbuseModel(weights, round(float(model.intercept_[0]), 4))


def _identity(words: list[str]) -> list[str]:
    return words


@functools.cache
def load_model() -> AbuseModel:
    data = json.loads(files("matome.comments").joinpath("data", "abuse_model.json").read_text(encoding="utf-8"))
    return AbuseModel(data["weights"], data["bias"])
