"""The code follows the pipeline: fetch → read → language → comments / stories → render / store, with run and the CLI
beside; no stage imports a later one, and every module imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
BASE = {"records", "config", "errors", "files", "text"}
LEVEL = {"fetch": 1, "read": 2, "language": 3, "comments": 4, "stories": 4, "render": 5, "store": 5, "run": 6, "serve": 6,
         "cli": 7}
MODULES = sorted(p for p in (SRC / "matome").rglob("*.py"))


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    found |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return {m for m in found if m.startswith("matome.")}


def _name(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")


@pytest.mark.parametrize("path", [p for p in MODULES if _stage(_name(p)) in LEVEL], ids=_name)
def test_no_stage_imports_a_later_or_sibling_stage(path: Path) -> None:
    own = _stage(_name(path))
    for module in _imports(path):
        stage = _stage(module)
        assert stage in BASE or stage == own or LEVEL[stage] < LEVEL[own], f"{_name(path)} imports {module}"


def test_every_module_imports_on_its_own() -> None:
    names = [_name(p) for p in MODULES if p.name != "__main__.py"]
    script = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    for name in names:
        result = subprocess.run([sys.executable, "-c", script, name], capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"import {name}: {result.stderr.strip().splitlines()[-1:]}"
