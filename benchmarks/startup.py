"""Start-up time of the CLI: `matome --help`, `matome --version` and `matome show` (an id not stored) against
`python -c "import typer"` (the floor any Typer CLI pays), each run in a fresh process, alternating, same run.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        store = Path(scratch) / "empty.db"
        subprocess.run([str(BIN / "matome"), "ingest", str(Path(__file__).parents[1] / "examples" / "aoba-bus"),
                        "--db", str(store), "--no-analyze"], check=True, capture_output=True)
        commands = {
            'python -c "import typer"': [sys.executable, "-c", "import typer"],
            "matome --help": [str(BIN / "matome"), "--help"],
            "matome --version": [str(BIN / "matome"), "--version"],
            "matome show (not stored)": [str(BIN / "matome"), "show", "0000000000000000", "--db", str(store)],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, capture_output=True, check=False)
                times[name].append(time.perf_counter() - start)
    floor = statistics.median(times['python -c "import typer"'])
    print(f"{'command':28} {'min s':>7} {'median s':>9} {'max s':>7} {'median − typer':>15}")
    for name, values in times.items():
        print(f"{name:28} {min(values):7.3f} {statistics.median(values):9.3f} {max(values):7.3f} "
              f"{statistics.median(values) - floor:+15.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
