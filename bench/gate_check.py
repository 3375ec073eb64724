"""Does the engine's pre-parse gate change any finding? Prints; asserts nothing.

Usage:

    python bench/gate_check.py PATH [PATH ...] [--select CODES]

Each PATH is linted twice in this process, as ``asynclint check PATH`` would (JSON
report, no result cache): with the gate (rules declare the words or the cheap summary
predicate a file needs before libcst parses it) and without it (``ASYNCLINT_NO_GATE=1``).
For each PATH it prints whether the two JSON reports are identical, and how many files
libcst parsed each way (the gate's saving).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import libcst as cst

from asynclint.api import lint_paths
from asynclint.config.settings import Settings, load_settings
from asynclint.engine import linter
from asynclint.report.json_report import render

_parses = 0


def _counting(parse: Callable[[str], cst.Module]) -> Callable[[str], cst.Module]:
    def counted(source: str) -> cst.Module:
        global _parses
        _parses += 1
        return parse(source)

    return counted


def _run(path: str, settings: Settings | None, gate: bool) -> tuple[str, int, float]:
    """(JSON report, files libcst parsed, seconds) of one in-process run."""
    global _parses
    _parses = 0
    if gate:
        os.environ.pop(linter.NO_GATE_VARIABLE, None)
    else:
        os.environ[linter.NO_GATE_VARIABLE] = "1"
    started = time.perf_counter()
    result = lint_paths([path], settings, jobs=1)
    seconds = time.perf_counter() - started
    os.environ.pop(linter.NO_GATE_VARIABLE, None)
    out = io.StringIO()
    render(result.diagnostics, out, result.errors)
    return out.getvalue(), _parses, seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--select", help="rule codes, prefixes or names (default: the configured rules)")
    args = parser.parse_args(argv)
    linter.parse_module = _counting(linter.parse_module)  # type: ignore[assignment]
    for path in args.paths:
        settings = load_settings(Path(path), select=args.select.split(",")) if args.select else None
        on, parsed_on, seconds_on = _run(path, settings, gate=True)
        off, parsed_off, seconds_off = _run(path, settings, gate=False)
        same = json.loads(on) == json.loads(off)
        print(
            f"{path}: JSON {'identical' if same else 'DIFFERENT'}; libcst parsed {parsed_on} files with the gate, "
            f"{parsed_off} without ({seconds_on:.1f}s vs {seconds_off:.1f}s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
