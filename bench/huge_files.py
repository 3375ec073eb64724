"""Time and peak memory of asynclint on one huge or deep file per case.

    python bench/huge_files.py [--full]

Each case is a generated project linted by a fresh ``python -m asynclint``
process (no cache); its wall time and peak RSS come from ``wait4``. The cases
are the ones the reliability issues measured: 800 findings in one file, a
0.25 MB file with 2,924 async tests, a 10 MB test file (skipped above the
default ``max-file-size`` with a warning), and deep but valid expressions.
``--full`` also lints the 10 MB file with the size limit lifted and a 1 MB
file (minutes, and gigabytes: it shows why the limit exists). The figures are
for reading; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEST = "async def test_{i}():\n    x = {i}\n    await asyncio.sleep(0)\n    assert x == {i}\n\n\n"
HEADER = "import asyncio\nimport pytest\n\n\n"
DEEP = "import asyncio\n\n\nasync def test_a():\n    x = {expr}\n    asyncio.sleep(x)\n"


def tests_file(count: int) -> str:
    return HEADER + "".join(TEST.format(i=i) for i in range(count))


def sized_file(size: int) -> str:
    count = size // len(TEST.format(i=10_000)) + 1
    return tests_file(count)


# Strict mode, stated: an unmarked async test is then ASL101. Without a config saying so, a
# file whose every coroutine test is unmarked reads as a suite run by an unseen runner, and
# the "800 findings" case would find nothing.
STRICT = '[tool.pytest.ini_options]\nasyncio_mode = "strict"\n'


def run_case(name: str, source: str, config: str = "") -> None:
    with tempfile.TemporaryDirectory(prefix="asynclint-bench-") as scratch:
        project = Path(scratch)
        (project / "pyproject.toml").write_text(f'[project]\nname = "bench"\nversion = "1"\n{config}')
        (project / "test_case.py").write_text(source)
        out, err = project / "stdout.txt", project / "stderr.txt"
        with out.open("wb") as stdout_file, err.open("wb") as stderr_file:
            start = time.perf_counter()
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "asynclint",
                    "--no-cache",
                    "--exit-zero",
                    "--output-format",
                    "concise",
                    "test_case.py",
                ],
                cwd=project,
                stdout=stdout_file,
                stderr=stderr_file,
            )
            _, _, usage = os.wait4(process.pid, 0)  # this child's own peak RSS
            elapsed = time.perf_counter() - start
        stdout, stderr = out.read_bytes(), err.read_bytes()
    findings = len(stdout.splitlines())
    peak = f"{usage.ru_maxrss / 1024:8.0f} MB"
    note = stderr.decode(errors="replace").strip().splitlines()
    print(
        f"{name:<34} {len(source) / 1024:9.0f} KB {elapsed:8.2f} s {peak} {findings:7d} findings"
        + (f"  [{note[-1][:90]}]" if note else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="also the 1 MB file and 10 MB without the size limit")
    full = parser.parse_args().full
    print(f"{'case':<34} {'size':>12} {'time':>10} {'peak RSS':>11}")
    run_case("800 findings in one file", tests_file(800), STRICT)
    run_case("2,924 async tests (0.25 MB)", tests_file(2924), STRICT)
    run_case("10 MB test file (default limit)", sized_file(10 * 1024 * 1024))
    run_case("400-term + chain", DEEP.format(expr=" + ".join(["a"] * 400)))
    run_case("2,000-term + chain", DEEP.format(expr=" + ".join(["a"] * 2000)))
    run_case("1,000-call chain f()()()...", DEEP.format(expr="f" + "()" * 1000))
    run_case("5,000-term + chain (CPython rejects)", DEEP.format(expr=" + ".join(["a"] * 5000)))
    run_case("20,000-term or chain", DEEP.format(expr=" or ".join(["a"] * 20000)))
    if full:
        run_case("1 MB test file", sized_file(1024 * 1024))
        run_case("10 MB test file (no limit)", sized_file(10 * 1024 * 1024), "[tool.asynclint]\nmax-file-size = 0\n")


if __name__ == "__main__":
    main()
