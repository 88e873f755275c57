"""Reader threads from plain text: which lines make one comment, and which comment answers which.

One line is one comment unless the thread shows otherwise: numbered post headers (`12: 名無しさん …`) start each
comment, blank lines separate multi-line comments, and within a thread of lines a line joins the one above only on
evidence (a bullet, `↓` and corrections, a quote block, a clause left open, a dialogue, or a chain of sentences that
refer to each other as one essay does). Every step looks only at neighbouring lines: the work is linear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from matome.read import rules
from matome.records import Comment, Notice
from matome.text.dates import find_date
from matome.text.normalize import normalize

LINES_PER_COMMENT = 20  # thread lines read per comment kept: bounds the grouping work before it starts
RECENT = 200  # a quote, correction or echo answers one of this many comments before it: linking stays linear
KANJI_RUN = re.compile(r"[一-龥々]{2,}")
WORD = re.compile(r"[ァ-ヴー]{3,}|[A-Za-z]{3,}")


@dataclass(frozen=True, slots=True)
class _Post:
    lines: list[str]
    number: int | None = None
    author: str | None = None
    posted: str | None = None


def group_thread(lines: list[str]) -> list[Comment]:
    """Group the lines of a thread without markup into comments and link evident replies."""
    kept = [line.strip() for line in lines]
    kept = [line for line in kept if normalize(line) not in rules.CHROME_LINES]
    posts = _by_headers(kept) or _by_blank_lines(kept) or _by_evidence([line for line in kept if line])
    posts = [p for p in posts if p.lines]
    comments = [Comment(id=f"c{n}", text="\n".join(p.lines), author=p.author, posted=p.posted)
                for n, p in enumerate(posts, 1)]
    numbers = {p.number: c.id for p, c in zip(posts, comments, strict=True) if p.number is not None}
    return link_replies(comments, numbers or None)


def capped_thread(lines: list[str], limit: int) -> tuple[list[Comment], list[Notice]]:
    """`group_thread` over no more lines than `limit` comments can use, keeping at most `limit` comments."""
    comments = group_thread(lines[: limit * LINES_PER_COMMENT])
    return cap_comments(comments, limit, more=len(lines) > limit * LINES_PER_COMMENT)


def cap_comments(comments: list[Comment], limit: int, more: bool = False) -> tuple[list[Comment], list[Notice]]:
    """At most `limit` comments (replies point back, so the first keep their links), with a notice when any thread
    was left unread (`more`: lines or items beyond what was grouped)."""
    if len(comments) <= limit and not more:
        return comments, []
    notice = Notice("comments-capped", f"the thread is longer than the {limit:,} comments read (read.max_comments); "
                                       "the rest were dropped")
    return comments[:limit], [notice]


def _by_headers(lines: list[str]) -> list[_Post] | None:
    """Numbered post headers (`1: 名無しさん 2021/08/20(金) 12:00 ID:abc`): each opens a comment, its body follows.

    Only when the thread opens with a header: headers quoted among ordinary lines are not this thread's structure.
    """
    text = [line for line in lines if line]
    if not text or not rules.POST_HEADER.match(normalize(text[0])):
        return None
    posts: list[_Post] = []
    for line in text:
        if header := rules.POST_HEADER.match(normalize(line)):
            posts.append(_Post([], int(header.group("n")), header.group("name"), find_date(header.group("rest"))))
        else:
            posts[-1].lines.append(line)
    return posts if len(posts) >= 2 else None


def _by_blank_lines(lines: list[str]) -> list[_Post] | None:
    """Blank lines separate comments when the thread uses them so: several blocks, some of more than one line."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) < 3 or all(len(b) == 1 for b in blocks):
        return None
    return [_Post(block) for block in blocks]


def _by_evidence(lines: list[str]) -> list[_Post]:
    groups: list[list[str]] = []
    quotes = False  # every line of the last group is a quote (`>…`): the line after a quote block answers it
    previous = ""  # the last group's last line, normalised
    for line in lines:
        flat = normalize(line)
        if groups and _joins(previous, flat, len(groups[-1]), quotes):
            groups[-1].append(line)
            quotes = quotes and bool(rules.QUOTE_LINE.match(flat))
        else:
            groups.append([line])
            quotes = bool(rules.QUOTE_LINE.match(flat))
        previous = flat
    return [_Post(group) for group in _join_essays(groups)]


def _joins(last: str, flat: str, size: int, quotes: bool) -> bool:
    """Does the line `flat` continue a comment of `size` lines that ends with `last` (both normalised)?"""
    if rules.REPLY_OPENERS.match(flat) and not last.endswith(("、", ",")):
        return False
    return (
        bool(rules.CONTINUES_NEXT.search(last))
        or bool(rules.CONTINUES_PREVIOUS.match(flat))
        or (bool(rules.BULLET.match(flat)) and _introduces_list(last))
        or last == rules.ARROW
        or (size == 1 and bool(rules.CORRECTION.match(last)))
        or quotes
        or (_is_dialogue(last) and _is_dialogue(flat))
    )


def _introduces_list(line: str) -> bool:
    """A bullet belongs to the line above when that line is a bullet too or an open introduction (`理由は三つ:`)."""
    return bool(rules.BULLET.match(line)) or not rules.CLOSED.search(line)


def _is_dialogue(line: str) -> bool:
    return line.startswith("「") and line.endswith("」")


def _join_essays(groups: list[list[str]]) -> list[list[str]]:
    """Chains of sentences, each tied to the one or two before it, make one essay when they run long enough.

    A line is tied when it does not stand alone: it opens by referring back (`それを`, `彼らは`, `一方`), or it shares
    a word with a sentence just above that the rest of the thread seldom uses; a short line between tied lines rides
    along. A chain of ESSAY_CHAIN lines or more, with the chains right after it, is one essay once ESSAY_MIN_LINES
    long with ESSAY_WORD_TIES ties by shared words. A thread of one-line comments, however alike in topic, seldom
    holds such ties line after line.
    """
    terms = [_terms(group) for group in groups]
    common = _common_terms(terms)
    sentence = [_is_essay_line(group) for group in groups]
    ties = [_tie(groups, terms, common, i) if i > 0 and sentence[i] and sentence[i - 1] else None
            for i in range(len(groups))]
    tied = [tie is not None for tie in ties]
    for i in range(1, len(groups) - 1):  # a short line between tied neighbours rides along
        if (sentence[i] and sentence[i - 1] and not tied[i] and tied[i + 1]
                and len(groups[i][-1]) <= rules.ESSAY_SHORT_LINE):
            tied[i], ties[i] = True, "short"
    chains: list[list[int]] = []
    for i, joined in enumerate(tied):
        if joined:
            chains[-1].append(i)
        else:
            chains.append([i])
    merged: list[list[str]] = []
    essay: list[int] = []  # consecutive chains of ESSAY_CHAIN lines or more: one writer going on
    for chain in [*chains, []]:
        if len(chain) >= rules.ESSAY_CHAIN:
            essay.extend(chain)
            continue
        word_ties = sum(ties[i] == "word" for i in essay)
        if len(essay) >= rules.ESSAY_MIN_LINES and word_ties >= rules.ESSAY_WORD_TIES:
            merged.append([line for i in essay for line in groups[i]])
        else:
            merged.extend(groups[i] for i in essay)
        merged.extend(groups[i] for i in chain)
        essay = []
    return merged


def _tie(groups: list[list[str]], terms: list[set[str]], common: set[str], i: int) -> str | None:
    """How line i is tied to the one or two above: "word" (a shared rare word), "opener" (it refers back), or None."""
    own = terms[i] - common
    if any(own & terms[j] for j in range(max(0, i - 2), i)):
        return "word"
    return "opener" if rules.REFERS_BACK.match(normalize(groups[i][0])) else None


def _terms(group: list[str]) -> set[str]:
    """Kanji bigrams, katakana and Latin words: content words found without a tokenizer (reading precedes language).

    Bigrams, because a run of kanji is often several words (`又利権`, `軍事力利用`).
    """
    flat = normalize(" ".join(group))
    bigrams = {run[i: i + 2] for run in KANJI_RUN.findall(flat) for i in range(len(run) - 1)}
    return bigrams | set(WORD.findall(flat))


def _common_terms(terms: list[set[str]]) -> set[str]:
    """Words in more than a tenth of the thread's comments are its topic, and tie nothing."""
    counts = Counter(term for found in terms for term in found)
    limit = max(2, len(terms) // 10)
    return {term for term, n in counts.items() if n > limit}


def _is_essay_line(group: list[str]) -> bool:
    first, last = normalize(group[0]), normalize(group[-1])
    return (bool(rules.ESSAY_LINE_END.search(last)) and not rules.REPLY_OPENERS.match(first)
            and not rules.QUOTE_LINE.match(first) and not rules.ANCHOR.match(first))


def link_replies(comments: list[Comment], numbers: dict[int, str] | None = None) -> list[Comment]:
    """Set reply_to where the reply is evident: >>N anchors, quotes, corrections, reply openers, echoes.

    `numbers` maps post numbers to comment ids where the thread numbers its posts; otherwise >>N is the N-th comment.
    """
    position = {c.id: n for n, c in enumerate(comments)}
    read = [(c, normalize(c.text)) for c in comments]  # each comment normalised once
    linked: list[Comment] = []
    for n, (comment, flat) in enumerate(read):
        target = (comment.reply_to or _anchored(flat, n, comments, position, numbers)
                  or _reply_target(flat, read[max(0, n - RECENT): n]))
        linked.append(Comment(comment.id, comment.text, comment.author, comment.posted, target))
    return linked


Read = tuple[Comment, str]  # a comment and its normalised text


def _anchored(flat: str, n: int, comments: list[Comment], position: dict[str, int],
              numbers: dict[int, str] | None) -> str | None:
    """`>>12`: post number 12 where posts are numbered, else the 12th comment; only a comment before this one."""
    if not (anchor := rules.ANCHOR.match(flat)):
        return None
    number = int(anchor.group("n"))
    if numbers is not None:
        target = numbers.get(number)
    else:
        target = comments[number - 1].id if 0 < number <= len(comments) else None
    return target if target is not None and position[target] < n else None


def _reply_target(flat: str, earlier: list[Read]) -> str | None:
    """The comment answered, among the RECENT ones before it (`>>N` anchors are resolved by the caller)."""
    if not earlier:
        return None
    if rules.QUOTE_LINE.match(flat):
        return _quoted(flat, earlier)
    previous = earlier[-1][0]
    first_line = flat.split("\n", 1)[0]
    if rules.CORRECTION.match(first_line):
        return _corrected(flat, earlier) or previous.id
    if rules.LENGTH_COMPLAINT.match(first_line):  # `長い。3行で` answers the long comment just above
        return max(reversed(earlier[-3:]), key=lambda r: len(r[0].text))[0].id
    if rules.REPLY_OPENERS.match(first_line):
        return previous.id
    return next((c.id for c, text in reversed(earlier[-3:]) if _echoes(first_line, text)), None)


def _corrected(flat: str, earlier: list[Read]) -> str | None:
    """`訂正 / old / ↓ / new` corrects the latest comment that holds `old`."""
    lines = flat.split("\n")
    old = lines[lines.index(rules.ARROW) - 1] if rules.ARROW in lines[2:] else (lines[1] if len(lines) > 1 else "")
    return next((c.id for c, text in reversed(earlier) if old and old in text), None)


def _quoted(flat: str, earlier: list[Read]) -> str | None:
    quote = flat.split("\n", 1)[0].lstrip(">＞ ").strip()
    return next((c.id for c, text in reversed(earlier) if quote and quote[:30] in text), None)


def _echoes(line: str, previous: str) -> bool:
    """A short question that repeats words of the comment above (`ベトナム以来?`)."""
    core = line.rstrip("?？!！…・ ")
    return len(line) <= 15 and len(core) >= 3 and line != core and core in previous
