"""Page anatomy over lines of text: title, lead, headings, source cards, conclusion, references, posts, chrome.

The same rules read a page saved as plain text and the main text trafilatura extracts from HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from matome.read import rules
from matome.records import EmbeddedPost, Notice, Reference, Section, SourceCard
from matome.text.captions import is_caption
from matome.text.dates import find_date
from matome.text.normalize import normalize, squeeze

GENERIC_OUTLETS = frozenset({"", "ニュースサイト", "サイト", "ニュース", "出典", "記事"})
HEADING_MAX = 40
BREADCRUMB = re.compile(r"^(?:TOP|Top|トップ|ホーム|HOME|Home)\s*[>＞›»]\s*\S")  # TOP > ニュース > …: navigation
WRAP_WIDTH = 20  # a page that wraps its lines wraps them at least this wide
LEFT_OPEN = re.compile(r"(?:[、，]|[^ぁ-ゖ][とがをには]|[^ぁ-ゖ]では)$")  # a line that cannot end a sentence
GOES_ON = re.compile(r"^(?:などと|との|と(?:話|語|述|言|明か|強調|説明|指摘|訴|答)|という|って)")  # after a quote
BULLETS = ("・", "■", "□", "●", "○", "◆", "◇", "▽", "▼", "*", "※", "-", ">")
NOT_A_TITLE = re.compile(r"^\s*[(（][^()（）]*[)）]\s*$|@[A-Za-z0-9_]{2,}\s*$")
SENTENCE_END = ("。", "」", "、", ".", "』", ")", "）")
MIN_BULLETS = 2  # ✅ lines that make a card of themselves, without a day, an outlet or a link


@dataclass
class Anatomy:
    """What the line rules found on one page; `read.page` turns it into an Article."""

    title: str | None = None
    lead: str | None = None
    sections: list[Section] = field(default_factory=list)
    cards: list[SourceCard] = field(default_factory=list)
    conclusion: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    posts: list[EmbeddedPost] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    thread: list[str] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    published: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]


def read_lines(lines: list[str], *, find_title: bool = True, split_thread: bool = True,
               headings: frozenset[int] = frozenset(), unwrap: bool = True) -> Anatomy:
    """Apply every line rule in turn; each marks the lines it used so that the rest are the page's own prose.
    `unwrap` joins lines broken inside a sentence (plain text; an HTML page's paragraphs are its own)."""
    page = Anatomy()
    kept, kept_headings, origins = _drop_chrome_and_repeats(lines, headings, page)
    if split_thread and (split := _split_thread(kept, page)):
        end, start = split
        # the thread keeps its raw lines, blank ones and repeats included: they tell where comments begin
        page.thread = [squeeze(line) for line in lines[origins[start]:]] if start < len(kept) else []
        kept = kept[:end]
    used: dict[int, str] = {}
    _take_cards(kept, used, page)
    _take_conclusion(kept, used, page)
    _take_posts(kept, used, page)
    _take_references(kept, used, page)
    _take_page_date(kept, used, page)
    rest = [(i, line) for i, line in enumerate(kept) if i not in used]
    _take_prose(_unwrapped(rest, kept_headings) if unwrap else rest, kept_headings, find_title, page)
    return page


def _is_chrome(line: str) -> bool:
    flat = normalize(line).strip()
    if flat in rules.CHROME_LINES or BREADCRUMB.match(flat):
        return True
    words = flat.lower().split()
    return bool(words) and all(w in rules.CHROME_WORDS for w in words)


def _drop_chrome_and_repeats(lines: list[str], headings: frozenset[int],
                             page: Anatomy) -> tuple[list[str], frozenset[int], list[int]]:
    """The lines kept, the kept lines that are headings, and the index in `lines` of each kept line."""
    kept: list[str] = []
    kept_headings: set[int] = set()
    origins: list[int] = []
    for index, raw in enumerate(lines):
        line = squeeze(raw)
        if not line:
            continue
        if _is_chrome(line):
            page.boilerplate.append(line)
        elif kept and line == kept[-1]:
            page.warnings.append(Notice("repeated-line", f"line printed twice in a row, kept once: {line[:60]}"))
        else:
            if index in headings:
                kept_headings.add(len(kept))
            kept.append(line)
            origins.append(index)
    return kept, frozenset(kept_headings), origins


def _split_thread(lines: list[str], page: Anatomy) -> tuple[int, int] | None:
    """Where the article ends and the reader thread starts: after the footer lines (関連記事:, アイキャッチ画像の出典:)
    or a コメント heading; None when the page has no thread."""
    for i, line in enumerate(lines):
        flat = normalize(line)
        if i > 0 and rules.THREAD_START.match(flat):
            page.boilerplate.append(line)
            return i, i + 1
        if i > 0 and any(p.match(flat) for p in rules.ARTICLE_END):
            end = i
            while end < len(lines) and _is_footer(lines[end]):
                end += 1
            return end, end
    return None


def _is_footer(line: str) -> bool:
    flat = normalize(line)
    return any(p.match(flat) for p in rules.ARTICLE_END) or any(p.match(flat) for _, p in rules.REFERENCE_LINES)


def _take_cards(lines: list[str], used: dict[int, str], page: Anatomy) -> None:
    i = 0
    while i < len(lines):
        if rules.CARD_BULLET.match(normalize(lines[i])) and i not in used:
            i = _take_card(lines, i, used, page)
        else:
            i += 1


def _take_card(lines: list[str], start: int, used: dict[int, str], page: Anatomy) -> int:
    """A source card: its ✅ lines, with the title, day and outlet around them. A lone ✅ line that names no day, outlet
    or link (a blog's `✅ 穂保エリアのようすはこちらから` under its own heading) cites no report: it stays prose."""
    end = start
    while end < len(lines) and rules.CARD_BULLET.match(normalize(lines[end])):
        end += 1
    more = rules.CARD_MORE.match(normalize(lines[end])) if end < len(lines) else None
    head = [k for k in (start - 1, start - 2) if k >= 0 and k not in used]
    dated = any(rules.CARD_DATE.match(normalize(lines[k])) for k in head)
    if end - start < MIN_BULLETS and more is None and not dated:
        return end
    bullets = [lines[k].lstrip("✅ ").strip() for k in range(start, end)]
    used.update((k, "card") for k in range(start, end))
    title, published = _card_head(lines, start, used)
    outlet = url = None
    if more is not None:
        used[end] = "card"
        url = more.group("url") or _first_url(lines[end])
        outlet = _outlet(more.group("outlet"), url)
        end += 1
    remark = lines[end] if end < len(lines) and _is_prose(lines[end]) else None
    page.cards.append(SourceCard(title, published, tuple(bullets), outlet, url, remark))
    return end


def _card_head(lines: list[str], start: int, used: dict[int, str]) -> tuple[str | None, str | None]:
    """Walk back from the first ✅: [title] [公開日:…] title. Returns the title and the card date."""
    k = start - 1
    published = None
    if k >= 0 and (m := rules.CARD_DATE.match(normalize(lines[k]))):
        published, used[k] = find_date(m.group("date")), "card"
        k -= 1
    if k < 0 or k in used or not _is_prose(lines[k]):
        return None, published
    title = lines[k]
    used[k] = "card"
    if published is None and k >= 1 and (m := rules.CARD_DATE.match(normalize(lines[k - 1]))):
        published, used[k - 1] = find_date(m.group("date")), "card"
        if k >= 2 and lines[k - 2] == title:
            used[k - 2] = "card"
    return title, published


def _outlet(printed: str | None, url: str | None) -> str | None:
    name = (printed or "").split(" ")[0].strip()
    if name in GENERIC_OUTLETS:
        return urlparse(url).hostname if url else None
    return name


def _first_url(text: str) -> str | None:
    match = rules.URL.search(text)
    return match.group(0) if match else None


def _is_prose(line: str) -> bool:
    flat = normalize(line)
    markers = (rules.CARD_BULLET, rules.CARD_DATE, rules.CARD_MORE, rules.CONCLUSION_HEAD, rules.CONCLUSION_BULLET)
    return not any(p.match(flat) for p in markers)


def _take_conclusion(lines: list[str], used: dict[int, str], page: Anatomy) -> None:
    for i, line in enumerate(lines):
        flat = normalize(line)
        if i in used:
            continue
        opens_block = i + 1 < len(lines) and rules.CONCLUSION_BULLET.match(normalize(lines[i + 1]))
        if rules.CONCLUSION_HEAD.match(flat) and opens_block:
            used[i] = "conclusion"
        elif rules.CONCLUSION_BULLET.match(flat):
            used[i] = "conclusion"
            page.conclusion.append(line.lstrip("💡 ").strip())


def _take_posts(lines: list[str], used: dict[int, str], page: Anatomy) -> None:
    for i, line in enumerate(lines):
        sig = rules.POST_SIGNATURE.match(normalize(line))
        if not sig or i in used:
            continue
        used[i] = "post"
        body: list[str] = []
        k = i - 1
        while k >= 0 and k not in used and len(body) < rules.POST_MAX_LINES and _post_line(lines[k]):
            body.insert(0, lines[k])
            used[k] = "post"
            k -= 1
        text = "\n".join(body)
        page.posts.append(EmbeddedPost("twitter", sig.group("author") or None, sig.group("handle"),
                                       find_date(sig.group("date")), text, _first_url(text)))


def _post_line(line: str) -> bool:
    """A line of a quoted post, not of the article above it: short, and not a closed Japanese sentence."""
    return len(line) <= rules.POST_MAX_CHARS and not line.endswith("。")


def _take_references(lines: list[str], used: dict[int, str], page: Anatomy) -> None:
    for i, line in enumerate(lines):
        if i in used:
            continue
        flat = normalize(line)
        for kind, pattern in rules.REFERENCE_LINES:
            if m := pattern.match(flat):
                used[i] = "reference"
                page.references.append(Reference(kind, _original_tail(line, m.group("text")), _first_url(line)))
                break
        else:
            if note := rules.NOTE.match(flat):
                text = _original_tail(line, note.group("text"))
                end = rules.NOTE_END.search(text)
                if end is not None and len(text) - end.end() >= rules.NOTE_RUNS_ON:
                    lines[i] = text[end.end():]  # the note runs into the article on one line: the article stays
                    text = text[: end.end()].strip()
                else:
                    used[i] = "note"
                page.notes.append(text)


def _original_tail(line: str, normalised_tail: str) -> str:
    """The original characters of the line's tail (NFKC can change widths, so cut by length from the end)."""
    return line[len(line) - len(normalised_tail):].strip() if len(normalised_tail) <= len(line) else normalised_tail


_PAGE_DATE = re.compile(r"^(?:公開日|投稿日|更新日|配信日|掲載日|作成日)\s*[:]?\s*(?P<date>.{6,40})$")


def _take_page_date(lines: list[str], used: dict[int, str], page: Anatomy) -> None:
    """A `投稿日:` line outside the cards dates the page itself."""
    for i, line in enumerate(lines[:8]):
        if i in used:
            continue
        flat = normalize(line)
        labelled = _PAGE_DATE.match(flat)
        iso = find_date(labelled.group("date")) if labelled else _date_line(flat)
        if iso:
            used[i] = "date"
            page.published = page.published or iso


def _date_line(flat: str) -> str | None:
    """A line that is nothing but a date (`2026年10月16日 11:05`) dates the page; it is not a paragraph."""
    iso = find_date(flat)
    rest = re.sub(r"[\d年月日時分:/.\-\s()（）月火水木金土]", "", flat)
    return iso if iso and len(flat) <= 30 and not rest else None


def _take_prose(rest: list[tuple[int, str]], headings: frozenset[int], find_title: bool, page: Anatomy) -> None:
    if find_title and rest and _looks_like_title(rest[0][1]):
        page.title = rest[0][1]
        rest = rest[1:]
    heading: str | None = None
    paragraphs: list[str] = []
    sections: list[Section] = []
    for n, (i, line) in enumerate(rest):
        is_last = n == len(rest) - 1
        if i in headings or (not headings and not is_last and _looks_like_heading(line)):
            if heading is not None or paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = line, []
        else:
            paragraphs.append(line)
    if heading is not None or paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    page.sections = sections
    first = next((p for p in page.paragraphs if not is_caption(p)), None)  # a photo's caption may come first
    page.lead = first if first is not None and len(first) >= 20 else None


def _unwrapped(rest: list[tuple[int, str]], headings: frozenset[int]) -> list[tuple[int, str]]:
    """Lines a page broke inside a sentence (5ch and blogs wrap at a width) joined back: a line left open on a comma or
    a particle (…と / 競技人生に…), or one that opens on what can only go on a sentence (「…」 / などと怒鳴りつけ).
    Bullets and headings stay lines of their own."""
    joined: list[tuple[int, str]] = []
    last = -2  # the index of the last line joined: only lines next to each other on the page are one sentence
    for i, line in rest:
        if joined and i == last + 1 and i not in headings and joined[-1][0] not in headings and _wrapped(
                joined[-1][1], line):
            joined[-1] = (joined[-1][0], joined[-1][1] + line)
        else:
            joined.append((i, line))
        last = i
    return joined


def _wrapped(before: str, line: str) -> bool:
    """A short line left open on a particle is more often a heading over a figure (揺れの範囲と被害が出た都市は). A
    line that opens a block (・, ■, 【関連】) is never the rest of the one before; a dateline (【ワシントン共同】…)
    may go on."""
    if before.startswith(BULLETS) or line.startswith((*BULLETS, "【")):
        return False
    open_end = LEFT_OPEN.search(before)
    return (open_end is not None and (before.endswith(("、", "，")) or len(before) >= WRAP_WIDTH)) or (
        GOES_ON.match(line) is not None and before.endswith(("」", "』")))


def _looks_like_title(line: str) -> bool:
    """A short line left open; not a photo's caption (倒れた街灯=15日午前、A市), which may come before the text, nor a
    sentence cut at a comma, a credit in brackets (（聯合ニュース 2022/10/30）) or an embedded post's handle."""
    return (len(line) <= 100 and not line.endswith(("。", "、")) and not NOT_A_TITLE.search(line)
            and not is_caption(line))


def _looks_like_heading(line: str) -> bool:
    if len(line) > HEADING_MAX or line.endswith(SENTENCE_END) or rules.URL.search(line) or is_caption(line):
        return False
    return "「" not in line or len(line) <= 30
