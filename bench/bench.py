"""Benchmarks: cold, warm and one-file-changed runs, against flake8-async when installed.

Prints figures; asserts nothing. Usage:

    python bench/bench.py PATH [PATH ...] [--jobs N] [--peer]

Each PATH is linted as a user would (`asynclint PATH`). Runs use a private cache
folder so the "cold" run really is cold. `--peer` also times
`flake8 --select ASYNC` (pip install flake8-async) on the same paths.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def count_lines(paths: list[str]) -> tuple[int, int]:
    files = lines = 0
    for root in paths:
        for path in Path(root).rglob("*.py"):
            files += 1
            with open(path, "rb") as handle:
                lines += sum(1 for _ in handle)
    return files, lines


def timed(command: list[str], cwd: Path) -> tuple[float, int, float]:
    """Wall seconds, exit code and peak RSS (MiB) of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, proc.returncode, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--peer", action="store_true", help="also time flake8 --select ASYNC")
    args = parser.parse_args()
    paths = [str(Path(p).resolve()) for p in args.paths]
    files, lines = count_lines(paths)
    print(f"corpus: {files} .py files, {lines} lines, {os.cpu_count()} cores")
    workdir = Path(tempfile.mkdtemp(prefix="asynclint-bench-"))
    base = [sys.executable, "-m", "asynclint", "check", "--quiet", "--exit-zero"]
    if args.jobs:
        base += ["--jobs", str(args.jobs)]
    try:
        cold, _, rss = timed([*base, *paths], workdir)
        print(f"asynclint cold : {cold:7.2f} s  {lines / cold:9.0f} lines/s  peak RSS {rss:6.0f} MiB")
        warm, _, _ = timed([*base, *paths], workdir)
        print(f"asynclint warm : {warm:7.2f} s  (nothing changed)")
        touched = next((p for root in paths for p in Path(root).rglob("test_*.py")), None)
        if touched is not None:
            original = touched.read_bytes()
            try:
                touched.write_bytes(original + b"\n# bench\n")
                one, _, _ = timed([*base, *paths], workdir)
            finally:
                touched.write_bytes(original)
            print(f"asynclint 1 chg: {one:7.2f} s  (one test file edited)")
        if args.peer:
            if shutil.which("flake8") is None:
                print("flake8 not installed: pip install flake8-async to compare")
            else:
                peer, _, peer_rss = timed(["flake8", "--select", "ASYNC", *paths], workdir)
                print(f"flake8-async   : {peer:7.2f} s  {lines / peer:9.0f} lines/s  peak RSS {peer_rss:6.0f} MiB")
                print(f"speed-up cold  : {peer / cold:7.1f}x")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
