"""A small abuse classifier: logistic regression over character 1–3-grams, weights shipped in the package.

`scripts/train_abuse_model.py` trains it on ../shared/eval/japanese-toxic-inspection (Apache-2.0) and writes
`data/abuse_model.json`; nothing is downloaded at run time. Training is plain NumPy gradient descent.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files

import numpy as np

from matome.text.normalize import normalize

NGRAMS = (1, 2, 3)
MIN_COUNT = 2


def ngrams(text: str) -> Counter[str]:
    flat = "".join(normalize(text).split())
    return Counter(flat[i: i + n] for n in NGRAMS for i in range(len(flat) - n + 1))


@dataclass(frozen=True, slots=True)
class AbuseModel:
    weights: dict[str, float]
    bias: float

    def score(self, text: str) -> tuple[float, tuple[str, ...]]:
        """The probability that `text` is abusive, and the n-grams that pushed it up most."""
        contributions = {g: self.weights[g] for g in ngrams(text) if g in self.weights}
        logit = self.bias + sum(contributions.values())
        evidence = tuple(g for g, v in sorted(contributions.items(), key=lambda kv: -kv[1])[:3] if v > 0)
        return 1 / (1 + math.exp(-logit)), evidence

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "weights": self.weights}, ensure_ascii=False, sort_keys=True)


def train(texts: list[str], labels: list[bool], epochs: int = 300, rate: float = 0.5, l2: float = 1e-2) -> AbuseModel:
    """Logistic regression with class weights (abuse is rare) over n-gram presence."""
    vocabulary = [g for g, n in sum((ngrams(t) for t in texts), Counter()).items() if n >= MIN_COUNT]
    index = {g: i for i, g in enumerate(vocabulary)}
    x = np.zeros((len(texts), len(vocabulary)))
    for row, text in enumerate(texts):
        for gram in ngrams(text):
            if gram in index:
                x[row, index[gram]] = 1.0
    y = np.array(labels, dtype=float)
    positive = max(y.mean(), 1e-6)
    sample = np.where(y == 1, math.sqrt((1 - positive) / positive), 1.0)  # rare abuse counts more, not as much
    w, b = np.zeros(len(vocabulary)), 0.0
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        error = (p - y) * sample
        w -= rate * (x.T @ error / len(y) + l2 * w)
        b -= rate * error.mean()
    kept = {g: round(float(w[i]), 4) for g, i in index.items() if abs(w[i]) >= 1e-3}
    return AbuseModel(kept, round(float(b), 4))


@functools.cache
def load_model() -> AbuseModel:
    data = json.loads(files("matome.comments").joinpath("data", "abuse_model.json").read_text(encoding="utf-8"))
    return AbuseModel(data["weights"], data["bias"])
