"""The ``# asynclint: ignore-file`` pragma (``# noqa`` directives: :mod:`asynclint.engine.noqa`)."""

from __future__ import annotations

import re

_IGNORE_FILE = re.compile(r"#\s*asynclint:\s*ignore-file\b")
IGNORE_FILE_WINDOW = 20


def ignores_file(lines: list[str]) -> bool:
    return any(_IGNORE_FILE.search(line) for line in lines[:IGNORE_FILE_WINDOW])
