"""The demo digests in headless Chromium at desktop and phone widths: no overflow, citations resolve, no scripts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.mark.parametrize("width", [1280, 390])
def test_digest_layout(demo_out: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        for html in sorted(demo_out.glob("*.html")):
            page.goto(html.as_uri())
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{html.name} is {overflow}px wider than a {width}px screen"
            assert page.evaluate("document.scripts.length") == 0
            broken = page.evaluate("""[...document.querySelectorAll('a[href^="#"]')]
                .filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length""")
            assert broken == 0, html.name
            assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
            if not html.name.startswith("index"):
                headings = page.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")
                assert any("結論" in h for h in headings) and any("出典" in h for h in headings)
        browser.close()
