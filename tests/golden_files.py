"""Golden files: the expected records of every demo page. Regenerate with `python tests/golden_files.py`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matome.read import read_paths  # noqa: E402
from matome.records import Article  # noqa: E402

EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"


def golden_path(page: Path) -> Path:
    return GOLDEN / (page.relative_to(EXAMPLES).as_posix().replace("/", "__") + ".json")


def records_of(page: Path) -> list[dict[str, Any]]:
    """The records of one demo file, with paths relative to the repository so the files do not depend on it."""
    records = []
    for item in read_paths([page]):
        data = item.to_dict()
        data["origin"]["path"] = Path(data["origin"]["path"]).resolve().relative_to(ROOT).as_posix()
        data["type"] = "article" if isinstance(item, Article) else "failure"
        records.append(data)
    return records


def demo_pages() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and not p.name.startswith("."))


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for page in demo_pages():
        text = json.dumps(records_of(page), ensure_ascii=False, indent=1) + "\n"
        golden_path(page).write_text(text, encoding="utf-8")
        print(golden_path(page).relative_to(ROOT))


if __name__ == "__main__":
    main()
