"""The default, human report: grouped by file, each finding with its source line marked."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from asynclint.model import Applicability, Diagnostic


def _applies(d: Diagnostic, unsafe_fixes: bool) -> bool:
    """Whether ``--fix`` (with the current ``--unsafe-fixes``) would fix this finding."""
    return d.fix is not None and (d.fix.applicability is Applicability.SAFE or unsafe_fixes)


def _snippet(d: Diagnostic) -> Text:
    line = d.source_line.expandtabs(4) if "\t" not in d.source_line else d.source_line
    gutter = f"{d.line:>5} | "
    text = Text(gutter, style="dim")
    text.append(line)
    start = max(d.column - 1, 0)
    end = d.span.end.column - 1 if d.span.end.line == d.line else len(line)
    end = max(end, start + 1)
    marker = Text(" " * (len(gutter) - 2) + "| ", style="dim")
    marker.append(" " * start + "^" * (min(end, max(len(line), start + 1)) - start), style="bold red")
    return Text("\n").join([text, marker])


def render(
    diagnostics: list[Diagnostic],
    console: Console,
    files_checked: int,
    quiet: bool,
    unsafe_fixes: bool = False,
    fixed: int | None = None,
) -> None:
    """Findings grouped by file, then a summary line.

    ``[*]`` marks what ``--fix`` would fix with the current options; an unsafe
    fix without ``--unsafe-fixes`` is not marked, the summary counts it apart.
    ``fixed`` (after ``--fix``) is how many findings were fixed.
    """
    if not quiet:
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            console.print(Text(path, style="bold underline"))
            for d in group:
                header = Text(f"  {d.line}:{d.column} ", style="cyan")
                header.append(d.code, style="bold red")
                if _applies(d, unsafe_fixes):
                    header.append(" [*]", style="green")
                header.append(f" {d.message}")
                console.print(header)
                if d.source_line:
                    console.print(_snippet(d))
            console.print()
    files = len({d.path for d in diagnostics})
    fixable = sum(1 for d in diagnostics if _applies(d, unsafe_fixes))
    hidden = sum(1 for d in diagnostics if d.fix is not None and not _applies(d, unsafe_fixes))
    noun = "finding" if len(diagnostics) == 1 else "findings"
    checked = f"{files_checked} file{'s' if files_checked != 1 else ''} checked"
    if fixed is not None:
        fixed_noun = "finding" if fixed == 1 else "findings"
        summary = f"Fixed {fixed} {fixed_noun}; {len(diagnostics)} remaining"
        if diagnostics:
            summary += f" in {files} file{'s' if files != 1 else ''}"
        summary += f"; {checked}"
    else:
        summary = f"{len(diagnostics)} {noun} in {files} file{'s' if files != 1 else ''}; {checked}"
    if fixable and fixed is not None:
        summary += f"; {fixable} fix{'es' if fixable != 1 else ''} could not be applied ([*])"
    elif fixable:
        summary += f"; {fixable} fixable with --fix ([*])"
    if hidden:
        summary += f"; {hidden} more with --fix --unsafe-fixes"
    console.print(Text(summary, style="bold" if diagnostics else "green"))
