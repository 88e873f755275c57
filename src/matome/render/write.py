"""Write digests: DIR/<story>.md, .html, .json, DIR/index.html, DIR/stories.json and DIR/style.css."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from matome.files import write_text_atomic
from matome.language.statements import by_speaker
from matome.records import Digest

KINDS = {"article": "記事", "blog": "ブログ", "card": "まとめ掲載", "page": "まとめページ"}
DIFFERENCES = {"number": "数値", "time": "時刻", "date": "日付", "place": "場所", "attribution": "発言者",
               "polarity": "肯定と否定", "claim": "主張"}
POINTS_SHOWN = 10


class Notes:
    """Footnotes in order of first citation: each cited sentence id gets a number and its text."""

    def __init__(self, sentences: dict[str, str]) -> None:
        self._sentences = sentences
        self._order: dict[str, int] = {}

    def number(self, sentence_id: str) -> int:
        return self._order.setdefault(sentence_id, len(self._order) + 1)

    def text(self, sentence_id: str) -> str:
        return self._sentences.get(sentence_id, "(sentence not found)")

    def items(self) -> Iterator[tuple[str, str]]:
        return ((i, self.text(i)) for i in self._order)


def _markdown_text(value: str) -> str:
    """Page text in Markdown stays text: no raw HTML, no link or emphasis syntax."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


@functools.cache
def environment() -> Environment:
    """The templates' environment, built once (the app renders a story page per request)."""
    env = Environment(loader=PackageLoader("matome.render", "templates"), undefined=StrictUndefined,
                      autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
                      trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["md"] = _markdown_text
    env.filters["cell"] = lambda text: text.replace("\n", " ")
    env.filters["story_day"] = story_day
    env.filters["web_url"] = web_url
    env.filters["ja_date"] = japanese_date
    return env


def web_url(url: str | None) -> str | None:
    """An http(s) URL safe to link (characters that could close a tag or an autolink percent-encoded); else None:
    `javascript:`, `data:` and the like never become links."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")


def story_day(digest: Digest) -> str | None:
    """The day a story is listed under: its earliest dated report, else its first dated event (a sentence's date
    may be background from years before)."""
    published = sorted(c.published[:10] for c in digest.cards if c.published)
    if published:
        return published[0]
    return digest.timeline[0].date if digest.timeline else None


def story_context(digest: Digest, base: str = "") -> dict[str, Any]:
    """What the story templates need besides the footnotes; `base` prefixes links to the index and the stylesheet
    ("" for static files side by side, "/" for the web app)."""
    return {"d": digest, "speakers": by_speaker(digest.statements), "kinds": KINDS, "differences": DIFFERENCES,
            "points_shown": POINTS_SHOWN, "outlets": {c.article: c.outlet or KINDS[c.kind] for c in digest.cards},
            "differing": {side.sentence for d in digest.disagreements for side in d.sides},
            "checked": {s for c in digest.checks for s in c.sentences},
            "base": base, "index": base or "index.html"}


def render_story_page(digest: Digest, sentences: dict[str, str], base: str = "/") -> str:
    """A story's HTML page (the web app renders the same template as the static files)."""
    return environment().get_template("story.html.j2").render(notes=Notes(sentences), **story_context(digest, base))


@dataclass(frozen=True, slots=True)
class Written:
    index: Path
    rewritten: tuple[str, ...]  # the stories whose files changed (new, or with new content)


@dataclass(frozen=True, slots=True)
class Listed:
    """What the index and stories.json show of a digest once its pages are written."""

    id: str
    title: str
    day: str | None
    report_count: int
    disagrees: bool
    check_count: int
    lead: str
    articles: tuple[str, ...]


class DigestWriter:
    """Writes each digest's pages as it comes (only what the index lists of it is kept), then the index."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.env = environment()
        self.listed: list[Listed] = []
        self.rewritten: list[str] = []

    def add(self, digest: Digest, sentences: dict[str, str]) -> None:
        """Write the digest's pages if their content changed; `sentences`: the text of every sentence it cites."""
        html_notes, md_notes = Notes(sentences), Notes(sentences)
        context = story_context(digest)
        html = self.env.get_template("story.html.j2").render(notes=html_notes, **context)
        markdown = self.env.get_template("story.md.j2").render(notes=md_notes, **context)
        record = json.dumps(digest.to_dict() | {"sources": dict(html_notes.items())}, ensure_ascii=False,
                            indent=1) + "\n"
        pages = {f"{digest.id}.html": html, f"{digest.id}.md": markdown, f"{digest.id}.json": record}
        if any(not (self.out / name).exists() or (self.out / name).read_text(encoding="utf-8") != text
               for name, text in pages.items()):
            self.rewritten.append(digest.id)
            for name, text in pages.items():
                (self.out / name).write_text(text, encoding="utf-8")
        self.listed.append(Listed(digest.id, digest.title, story_day(digest), len(digest.cards),
                                  bool(digest.disagreements), len(digest.checks), digest.lead.text, digest.articles))

    def finish(self, article_count: int) -> Written:
        """Remove the pages of stories that are gone, write the index by month and, last, stories.json."""
        current = {d.id for d in self.listed}
        for stale in self.out.glob("s-*.*"):  # a story that no longer exists (its reports joined another)
            if stale.suffix in (".html", ".md", ".json") and stale.stem not in current:
                stale.unlink()
        css = files("matome.render").joinpath("templates", "style.css").read_text(encoding="utf-8")
        (self.out / "style.css").write_text(css, encoding="utf-8")
        for stale in self.out.glob("index-*.html"):
            stale.unlink()
        months = _by_month(self.listed)
        listing = [(month, "index.html" if n == 0 else f"index-{month}.html", len(listed))
                   for n, (month, listed) in enumerate(months)]
        index = self.env.get_template("index.html.j2")
        for (month, name, _), (_, listed) in zip(listing, months, strict=True):
            (self.out / name).write_text(index.render(digests=listed, month=month, months=listing,
                                                      total=len(self.listed), article_count=article_count),
                                         encoding="utf-8")
        if not months:
            (self.out / "index.html").write_text(index.render(digests=[], month="", months=[], total=0,
                                                              article_count=article_count), encoding="utf-8")
        # stories.json last: `matome update` takes it as the mark that every digest and index page was written
        stories = [{"id": d.id, "title": d.title, "articles": list(d.articles)} for d in self.listed]
        write_text_atomic(self.out / "stories.json", json.dumps(stories, ensure_ascii=False, indent=1) + "\n")
        return Written(self.out / "index.html", tuple(self.rewritten))


def write_digests(digests: list[Digest], sentences: dict[str, str], out: Path, article_count: int) -> Written:
    """Write every digest whose content changed, and the index."""
    writer = DigestWriter(out)
    for digest in digests:
        writer.add(digest, sentences)
    return writer.finish(article_count)


def _by_month(listed: list[Listed]) -> list[tuple[str, list[Listed]]]:
    """Stories by the month they are listed under, newest month first and newest story first; undated last."""
    months: dict[str, list[Listed]] = {}
    for story in listed:
        months.setdefault((story.day or "")[:7] or "undated", []).append(story)
    order = sorted((m for m in months if m != "undated"), reverse=True) + [m for m in months if m == "undated"]
    return [(m, sorted(months[m], key=lambda d: (d.day or "", d.id), reverse=True)) for m in order]


def japanese_date(value: str | None) -> str:
    """2025-05-19 → 2025年5月19日, 2025-05-19T19:40 → 2025年5月19日 19:40, 2025-05 → 2025年5月."""
    if not value:
        return "日付不明"
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?", value)
    if not match:
        return "日付不明" if value == "undated" else value
    year, month, day, time = match.groups()
    text = f"{int(year)}年{int(month)}月" + (f"{int(day)}日" if day else "")
    return f"{text} {time}" if time else text
