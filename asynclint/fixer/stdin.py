"""Standard input linted as if it were a file of a project (editors and formatters pipe text).

``--stdin-filename PATH`` says where the text belongs: the asynclint settings, the pytest
configuration and the project index are all found from PATH, exactly as for the file on
disk, so the findings are the ones a run over the saved file would report. PATH need
not exist.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.config.settings import Settings
from asynclint.engine.linter import lint_source
from asynclint.engine.run_state import RunState
from asynclint.fixer.fixer import fix_text
from asynclint.fixer.source import NEWLINE, SourceText
from asynclint.model import Diagnostic


@dataclass
class StdinResult:
    text: str  # the fixed text (the input when nothing was fixed)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what remains
    fixed: int = 0


def lint_stdin(text: str, filename: str, settings: Settings, fix: bool = False, unsafe: bool = False) -> StdinResult:
    """Lint (and with ``fix``, fix) ``text`` as the file ``filename``."""
    state = RunState()
    path = Path(os.path.abspath(filename))
    if settings.is_excluded(path):
        return StdinResult(text)
    profile, index = state.index_of_file(path, settings, path.parent)
    enabled = settings.enabled - settings.ignored_for(path)

    def lint(current: str) -> list[Diagnostic]:
        index.begin_file()
        return lint_source(current, path, filename, profile, index, enabled).diagnostics

    if not fix:
        return StdinResult(text, lint(text))
    match = NEWLINE.search(text)
    source = SourceText(text, "utf-8", False, match.group(0) if match else "\n")
    fixed = fix_text(source, lint, unsafe, str(path))
    return StdinResult(fixed.text, fixed.diagnostics, fixed.fixed)
