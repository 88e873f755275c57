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
DIFFERENCES = {"number": "数値", "date": "日付", "place": "場所", "attribution": "発言者", "polarity": "肯定と否定",
               "claim": "主張"}
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
            "disputed": {s for c in digest.checks for s in c.sentences}
            | {side.sentence for d in digest.disagreements for side in d.sides},
            "base": base, "index": base or "index.html"}


def render_story_page(digest: Digest, sentences: dict[str, str], base: str = "/") -> str:
    """A story's HTML page (the web app renders the same template as the static files)."""
    return environment().get_template("story.html.j2").render(notes=Notes(sentences), **story_context(digest, base))


@dataclass(frozen=True, slots=True)
class Written:
    index: Path
    rewritten: tuple[str, ...]  # the stories whose files changed (new, or with new content)


def write_digests(digests: list[Digest], sentences: dict[str, str], out: Path, article_count: int) -> Written:
    """Write every digest whose content changed, and the index."""
    out.mkdir(parents=True, exist_ok=True)
    env = environment()
    rewritten = []
    for digest in digests:
        html_notes, md_notes = Notes(sentences), Notes(sentences)
        context = story_context(digest)
        html = env.get_template("story.html.j2").render(notes=html_notes, **context)
        markdown = env.get_template("story.md.j2").render(notes=md_notes, **context)
        record = json.dumps(digest.to_dict() | {"sources": dict(html_notes.items())}, ensure_ascii=False,
                            indent=1) + "\n"
        pages = {f"{digest.id}.html": html, f"{digest.id}.md": markdown, f"{digest.id}.json": record}
        if any(not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text
               for name, text in pages.items()):
            rewritten.append(digest.id)
            for name, text in pages.items():
                (out / name).write_text(text, encoding="utf-8")
    current = {d.id for d in digests}
    for stale in out.glob("s-*.*"):  # a story that no longer exists (its reports joined another)
        if stale.suffix in (".html", ".md", ".json") and stale.stem not in current:
            stale.unlink()
    css = files("matome.render").joinpath("templates", "style.css").read_text(encoding="utf-8")
    (out / "style.css").write_text(css, encoding="utf-8")
    for stale in out.glob("index-*.html"):
        stale.unlink()
    months = _by_month(digests)
    listing = [(month, "index.html" if n == 0 else f"index-{month}.html", len(listed))
               for n, (month, listed) in enumerate(months)]
    for (month, name, _), (_, listed) in zip(listing, months, strict=True):
        (out / name).write_text(env.get_template("index.html.j2").render(
            digests=listed, month=month, months=listing, total=len(digests), article_count=article_count),
            encoding="utf-8")
    if not months:
        (out / "index.html").write_text(env.get_template("index.html.j2").render(
            digests=[], month="", months=[], total=0, article_count=article_count), encoding="utf-8")
    # stories.json last: `matome update` takes it as the mark that every digest and index page was written
    stories = [{"id": d.id, "title": d.title, "articles": list(d.articles)} for d in digests]
    write_text_atomic(out / "stories.json", json.dumps(stories, ensure_ascii=False, indent=1) + "\n")
    return Written(out / "index.html", tuple(rewritten))


def _by_month(digests: list[Digest]) -> list[tuple[str, list[Digest]]]:
    """Stories by the month they are listed under, newest month first and newest story first; undated last."""
    months: dict[str, list[Digest]] = {}
    for digest in digests:
        months.setdefault((story_day(digest) or "")[:7] or "undated", []).append(digest)
    order = sorted((m for m in months if m != "undated"), reverse=True) + [m for m in months if m == "undated"]
    return [(m, sorted(months[m], key=lambda d: (story_day(d) or "", d.id), reverse=True)) for m in order]


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
