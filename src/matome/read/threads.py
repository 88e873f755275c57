"""Reader threads from plain text: which lines make one comment, and which comment answers which."""

from __future__ import annotations

from matome.read import rules
from matome.records import Comment
from matome.text.normalize import normalize


def group_thread(lines: list[str]) -> list[Comment]:
    """Group the lines of a thread without markup into comments and link evident replies."""
    groups: list[list[str]] = []
    for line in (squeezed for raw in lines if (squeezed := raw.strip())):
        if normalize(line) in rules.CHROME_LINES:
            continue
        if groups and _joins(groups[-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    groups = _merge_essays(groups)
    comments = [Comment(id=f"c{n}", text="\n".join(group)) for n, group in enumerate(groups, 1)]
    return link_replies(comments)


def _joins(group: list[str], line: str) -> bool:
    """Does `line` continue the comment in `group`?"""
    last, flat = group[-1], normalize(line)
    if rules.REPLY_OPENERS.match(flat) and not normalize(last).endswith(("、", ",")):
        return False
    return (
        bool(rules.CONTINUES_NEXT.search(normalize(last)))
        or bool(rules.CONTINUES_PREVIOUS.match(flat))
        or last == rules.ARROW
        or (len(group) == 1 and bool(rules.CORRECTION.match(normalize(last))))
        or all(rules.QUOTE_LINE.match(normalize(g)) for g in group)
        or (_is_dialogue(last) and _is_dialogue(line))
    )


def _is_dialogue(line: str) -> bool:
    return line.startswith("「") and line.endswith("」")


def _merge_essays(groups: list[list[str]]) -> list[list[str]]:
    """A run of ESSAY_MIN_LINES or more one-sentence lines, each closed by 。, is one long comment, not many."""
    merged: list[list[str]] = []
    run: list[list[str]] = []
    for group in [*groups, []]:
        if group and _is_essay_line(group):
            run.append(group)
            continue
        if len(run) >= rules.ESSAY_MIN_LINES:
            merged.append([line for g in run for line in g])
        else:
            merged.extend(run)
        run = []
        if group:
            merged.append(group)
    return merged


def _is_essay_line(group: list[str]) -> bool:
    first, last = normalize(group[0]), normalize(group[-1])
    return (bool(rules.ESSAY_LINE_END.search(last)) and not rules.REPLY_OPENERS.match(first)
            and not rules.QUOTE_LINE.match(first))


def link_replies(comments: list[Comment]) -> list[Comment]:
    """Set reply_to where the reply is evident: >>N anchors, quotes, corrections, reply openers, echoes."""
    linked: list[Comment] = []
    for n, comment in enumerate(comments):
        target = comment.reply_to or _reply_target(comment, comments[:n])
        linked.append(Comment(comment.id, comment.text, comment.author, comment.posted, target))
    return linked


def _reply_target(comment: Comment, earlier: list[Comment]) -> str | None:
    if not earlier:
        return None
    flat = normalize(comment.text)
    if anchor := rules.ANCHOR.match(flat):
        index = int(anchor.group("n")) - 1
        return earlier[index].id if 0 <= index < len(earlier) else None
    if rules.QUOTE_LINE.match(flat):
        return _quoted(flat, earlier)
    previous = earlier[-1]
    first_line = flat.split("\n", 1)[0]
    if rules.CORRECTION.match(first_line):
        return _corrected(flat, earlier) or previous.id
    if rules.REPLY_OPENERS.match(first_line):
        return previous.id
    return next((c.id for c in reversed(earlier[-3:]) if _echoes(first_line, c)), None)


def _corrected(flat: str, earlier: list[Comment]) -> str | None:
    """`訂正 / old / ↓ / new` corrects the latest comment that holds `old`."""
    lines = flat.split("\n")
    old = lines[lines.index(rules.ARROW) - 1] if rules.ARROW in lines[2:] else (lines[1] if len(lines) > 1 else "")
    return next((c.id for c in reversed(earlier) if old and old in normalize(c.text)), None)


def _quoted(flat: str, earlier: list[Comment]) -> str | None:
    quote = flat.split("\n", 1)[0].lstrip(">＞ ").strip()
    for candidate in reversed(earlier):
        if quote and quote[:30] in normalize(candidate.text):
            return candidate.id
    return None


def _echoes(line: str, previous: Comment) -> bool:
    """A short question that repeats words of the comment above (`ベトナム以来?`)."""
    core = line.rstrip("?？!！…・ ")
    return len(line) <= 15 and len(core) >= 3 and line != core and core in normalize(previous.text)
