"""JSON output at text speed: times ``asynclint`` with ``--output-format text`` and ``json``.

Generates N small test files (default 10,000) whose findings carry fixes that need an
import (``import pytest``, ``import asyncio``, ``AsyncMock``) — the case that once made JSON
14x slower than text, because every fix's import edits were computed again in the main
process. Prints both wall times and their ratio (the target is at most 1.5x). Prints
figures; asserts nothing. Usage:

    python bench/json_speed.py [--files N] [--jobs N] [--keep DIR]
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

TARGET_RATIO = 1.5

# Small, realistic shapes; each one has fixable findings, most of them needing an import.
TEMPLATES = (
    # ASL101: unmarked coroutine test -> @pytest.mark.asyncio + import pytest
    "import asyncio\n\n\nasync def test_sleep_{n}():\n    await asyncio.sleep(0)\n    assert {n} >= 0\n",
    # ASL301: blocking sleep -> await asyncio.sleep + import asyncio
    "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_wait_{n}():\n"
    "    time.sleep(0.01)\n    assert {n} >= 0\n",
    # ASL501: sync Mock for an async method -> AsyncMock (from unittest.mock import AsyncMock)
    "from unittest.mock import Mock, patch\n\nimport pytest\n\n\n@pytest.mark.asyncio\n"
    'async def test_mock_{n}():\n    with patch("app.service.fetch", new=Mock()):\n        assert {n} >= 0\n',
    # a clean file
    "def test_plain_{n}():\n    assert {n} + 1 > {n}\n",
)


def generate(folder: Path, count: int) -> None:
    """``count`` test files in subfolders of 500 (like a large real suite)."""
    (folder / "pytest.ini").write_text("[pytest]\npythonpath = .\nasyncio_mode = strict\n")
    (folder / "app").mkdir(exist_ok=True)
    (folder / "app" / "__init__.py").write_text("")
    (folder / "app" / "service.py").write_text("async def fetch():\n    return 1\n")
    for n in range(count):
        sub = folder / "tests" / f"group_{n // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"test_file_{n:05d}.py").write_text(TEMPLATES[n % len(TEMPLATES)].format(n=n))


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, workers included) of one run.

    CPU time is the fairer figure on a machine shared with other work, where the wall
    time of two identical runs can differ by half.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"asynclint failed with exit code {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000, help="how many files to generate (default 10,000)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="asynclint-json-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        generate(folder, args.files)
        base = [sys.executable, "-m", "asynclint", "check", "--no-cache", "tests"]
        if args.jobs:
            base += ["--jobs", str(args.jobs)]
        print(f"corpus: {args.files} generated files, {os.cpu_count()} cores")
        text, text_cpu = timed([*base, "--output-format", "text"], folder)
        print(f"text : {text:8.2f} s wall {text_cpu:8.2f} s CPU")
        json, json_cpu = timed([*base, "--output-format", "json"], folder)
        print(f"json : {json:8.2f} s wall {json_cpu:8.2f} s CPU")
        for label, ratio in (("wall", json / text), ("CPU", json_cpu / text_cpu)):
            verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
            print(f"ratio: {ratio:8.2f}x {label:4}  ({verdict} the {TARGET_RATIO}x target)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
