"""Screenshots of a rendered digest in headless Chromium (Debian's chromium) at desktop and phone widths.

    python docs/screenshots.py demo-output/digests      (make screenshots)
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
SIZES = {"desktop": (1280, 1500), "phone": (390, 1500)}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main(digests: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian's chromium is not installed: run `make browser` first")
    records = [json.loads(p.read_text(encoding="utf-8")) for p in digests.glob("s-*.json")]
    story = max(records, key=lambda r: (len(r["disagreements"]), len(r["cards"])))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto((digests / f"{story['id']}.html").resolve().as_uri())
            page.screenshot(path=str(DOCS / f"digest-{name}.png"))
            print(DOCS / f"digest-{name}.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "demo-output/digests"))
