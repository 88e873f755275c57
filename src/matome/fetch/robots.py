"""robots.txt as RFC 9309 reads it: the group naming matome (else `*`), the longest matching rule wins, `allow` on a
tie, `*` matches any run of characters and `$` the end of the path. (urllib.robotparser takes the first matching rule
and knows neither `*` nor `$`.)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PRODUCT = "matome"


@dataclass(frozen=True, slots=True)
class Rules:
    """The allow and disallow patterns that apply to matome on one host."""

    rules: tuple[tuple[bool, str], ...] = ()  # (allowed, pattern)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        best: tuple[int, bool] = (-1, True)
        for allowed, pattern in self.rules:
            if pattern and _matches(pattern, path) and (len(pattern), allowed) > best:
                best = (len(pattern), allowed)
        return best[1]


def parse(text: str) -> Rules:
    """The rules of the group for matome, else of the group for every agent, else none."""
    groups: list[tuple[set[str], list[tuple[bool, str]]]] = []
    agents: set[str] = set()
    rules: list[tuple[bool, str]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if rules:  # a user-agent line after rules starts a new group
                groups.append((agents, rules))
                agents, rules = set(), []
            agents.add(value.lower())
        elif key in ("allow", "disallow") and agents:
            rules.append((key == "allow", value))
    if agents:
        groups.append((agents, rules))
    for wanted in (PRODUCT, "*"):
        chosen = [r for names, found in groups if wanted in names for r in found]
        if any(wanted in names for names, _ in groups):
            return Rules(tuple(chosen))
    return Rules()


def _matches(pattern: str, path: str) -> bool:
    anchored = pattern.endswith("$")
    body = re.escape(pattern.rstrip("$")).replace(r"\*", ".*")
    return re.match(body + ("$" if anchored else ""), path) is not None


ALLOW_ALL = Rules()
DENY_ALL = Rules(((False, "/"),))
