"""The default, human report: grouped by file, each finding with its source line marked."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from rich.console import Console
from rich.text import Text

from asynclint.catalogue import by_code
from asynclint.model import Applicability, Diagnostic
from asynclint.report.visible import caret_line, display_cells, visible


def _applies(d: Diagnostic, unsafe_fixes: bool) -> bool:
    """Whether ``--fix`` (with the current ``--unsafe-fixes``) would fix this finding."""
    return d.fix is not None and (d.fix.applicability is Applicability.SAFE or unsafe_fixes)


def _snippet(d: Diagnostic) -> Text:
    """The source line (control characters drawn, tabs expanded) and carets under the span."""
    cells = display_cells(d.source_line)
    gutter = f"{d.line:>5} | "
    text = Text(gutter, style="dim")
    text.append("".join(shown for shown, _ in cells))
    start = max(d.column - 1, 0)
    end = d.span.end.column - 1 if d.span.end.line == d.line else len(d.source_line)
    before, width = caret_line(d.source_line, start, max(end, start + 1))
    marker = Text(" " * (len(gutter) - 2) + "| ", style="dim")
    marker.append(" " * before + "^" * width, style="bold red")
    return Text("\n").join([text, marker])


def _fix_help(d: Diagnostic, unsafe_fixes: bool) -> Text:
    """``help: <fix title>``, saying when the fix is unsafe and so not applied by plain ``--fix``."""
    assert d.fix is not None
    line = Text("      help: ", style="cyan")
    line.append(visible(d.fix.title))
    if d.fix.applicability is Applicability.UNSAFE:
        line.append(" (unsafe fix" + ("" if unsafe_fixes else ": needs --unsafe-fixes") + ")", style="dim")
    return line


def render_fixed(applied: dict[str, Counter], console: Console) -> None:
    """``--fix --show-fixes``: what was fixed, per file and rule, before the remaining findings."""
    if not applied:
        return
    total = sum(sum(counts.values()) for counts in applied.values())
    console.print(Text(f"Fixed {total} finding{'s' if total != 1 else ''}:", style="bold"))
    for path, counts in applied.items():
        console.print(Text(f"- {visible(path)}:"))
        for code in sorted(counts):
            console.print(Text(f"    {counts[code]} × {code} ({by_code()[code].name})"))
    console.print()


def render(
    diagnostics: list[Diagnostic],
    console: Console,
    files_checked: int,
    quiet: bool,
    unsafe_fixes: bool = False,
    fixed: int | None = None,
    show_fixes: bool = False,
) -> None:
    """Findings grouped by file, then a summary line.

    ``[*]`` marks what ``--fix`` would fix with the current options; an unsafe
    fix without ``--unsafe-fixes`` is not marked, the summary counts it apart.
    ``fixed`` (after ``--fix``) is how many findings were fixed. ``show_fixes``
    adds each fix's title under its finding (``--show-fixes``).
    """
    if not quiet:
        for path, group in groupby(diagnostics, key=lambda d: d.path):
            console.print(Text(visible(path), style="bold underline"))
            for d in group:
                header = Text(f"  {d.line}:{d.column} ", style="cyan")
                header.append(d.code, style="bold red")
                if _applies(d, unsafe_fixes):
                    header.append(" [*]", style="green")
                header.append(f" {visible(d.message)}")
                console.print(header)
                if d.source_line:
                    console.print(_snippet(d))
                if show_fixes and d.fix is not None:
                    console.print(_fix_help(d, unsafe_fixes))
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
