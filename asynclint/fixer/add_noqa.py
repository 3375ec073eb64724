"""``--add-noqa``: cover every current finding with a ``# noqa: CODE`` directive.

This is how a suite adopts asynclint line by line instead of with a baseline file: the
directives sit next to the code they excuse, and ASL001 reports each one once its
finding is gone. A directive already listing codes on the line gets the new code; a
line that ends inside a multi-line string or with a backslash continuation cannot end
in a comment, so its findings are skipped and listed instead of breaking the file.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field

from asynclint.engine.discovery import SourceFile
from asynclint.engine.noqa import directives
from asynclint.fixer.source import ConcurrentModification, SourceText, atomic_write
from asynclint.model import Diagnostic


def _appendable_lines(text: str) -> set[int] | None:
    """Lines that end in code or a comment, where a comment may be appended.

    A line ending inside a multi-line string or with a backslash continuation has no
    NEWLINE/NL token of its own: a comment there would change the string or break the
    statement. None when the text cannot be tokenized.
    """
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    return {t.start[0] for t in tokens if t.type in (tokenize.NEWLINE, tokenize.NL)}


@dataclass
class AddedNoqa:
    text: str
    added: int = 0  # findings now covered by a directive
    skipped: list[int] = field(default_factory=list)  # lines where no comment can go


def add_noqa_to_text(text: str, diagnostics: list[Diagnostic]) -> AddedNoqa:
    """Cover each finding with ``# noqa: CODE`` on its first line, merging into a directive
    with codes already there; lines a comment cannot end are left alone and listed."""
    result = AddedNoqa(text)
    appendable = _appendable_lines(text)
    wanted: dict[int, list[str]] = {}
    for diagnostic in diagnostics:
        if appendable is None or diagnostic.line not in appendable:
            result.skipped.append(diagnostic.line)
            continue
        wanted.setdefault(diagnostic.line, []).append(diagnostic.code)
        result.added += 1
    if not wanted:
        return result
    existing = {d.line: d for d in directives(text) if not d.file_level and d.codes}
    lines = re.split(r"(\r\n?|\n)", text)  # even indexes: line text; odd: the break after it
    for line, codes in wanted.items():
        current = lines[2 * (line - 1)]
        directive = existing.get(line)
        if directive is not None:
            new = [c for c in dict.fromkeys(codes) if c not in directive.codes]
            merged = ", ".join((*directive.codes, *new))
            current = current[: directive.codes_start] + merged + current[directive.codes_end :]
        else:
            current = current.rstrip() + f"  # noqa: {', '.join(sorted(set(codes)))}"
        lines[2 * (line - 1)] = current
    result.text = "".join(lines)
    return result


@dataclass
class AddNoqaRun:
    added: int = 0
    files: int = 0  # files written
    skipped: list[str] = field(default_factory=list)  # "path:line" of findings left uncovered
    errors: list[str] = field(default_factory=list)  # files that could not be read or written


def add_noqa(files: list[SourceFile], diagnostics: list[Diagnostic]) -> AddNoqaRun:
    """``--add-noqa``: write the directives for ``diagnostics`` into their files, atomically."""
    run = AddNoqaRun()
    by_display = {f.display: f for f in files}
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(diagnostic.path, []).append(diagnostic)
    for display, found in sorted(grouped.items()):
        source_file = by_display.get(display)
        if source_file is None:
            continue
        try:
            data = source_file.path.read_bytes()
        except OSError as exc:
            run.errors.append(f"{display}: cannot read file: {exc.strerror}")
            continue
        source = SourceText.from_bytes(data)
        if source is None:
            run.errors.append(f"{display}: cannot decode the file losslessly; not changed")
            continue
        added = add_noqa_to_text(source.text, found)
        run.skipped.extend(f"{display}:{line}" for line in added.skipped)
        if not added.added:
            continue
        encoded = source.encode(added.text)
        if encoded is None:
            run.errors.append(f"{display}: the directives cannot be written in {source.encoding}")
            continue
        try:
            atomic_write(source_file.path, encoded, expected=data)
        except ConcurrentModification:
            run.errors.append(f"{display}: changed on disk meanwhile; not written")
            continue
        except OSError as exc:
            run.errors.append(f"{display}: cannot write file: {exc.strerror}")
            continue
        run.added += added.added
        run.files += 1
    return run
