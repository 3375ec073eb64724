"""The command line: ``asynclint [check] PATHS``, ``rule``, ``rules``, ``config``.

Exit codes: 0 clean, 1 findings remain, 2 bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from asynclint import __version__
from asynclint.config.pytest_config import PytestConfigError
from asynclint.config.settings import SettingsError, load_settings
from asynclint.config.versions import parse_version, set_cli_override
from asynclint.engine.discovery import discover
from asynclint.engine.runner import run
from asynclint.fixer import FixRun, fix_files
from asynclint.fixer.imports import complete_fixes
from asynclint.report import concise, json_report, text
from asynclint.rules import ALL_RULES, find_rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _DefaultToCheck(click.Group):
    """``asynclint PATH`` means ``asynclint check PATH`` (like ``ruff`` users expect)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _console(err: bool = False) -> Console:
    stream = sys.stderr if err else sys.stdout
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(file=stream, no_color=no_color, highlight=False, soft_wrap=True)


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"asynclint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _version_override(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Validated at parse time so a typo is a usage error, not a silently ignored option."""
    if value is not None and parse_version(value) is None:
        raise _fail(f"--pytest-asyncio-version: not a version: {value!r} (expected e.g. 0.23.8)")
    set_cli_override(value)
    return value


_pytest_asyncio_version = click.option(
    "--pytest-asyncio-version",
    metavar="VERSION",
    callback=_version_override,
    expose_value=False,
    help="The pytest-asyncio version the project runs (default: lock files, requirements, environment).",
)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="asynclint")
def main() -> None:
    """Find the pitfalls that make async pytest suites lie."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Rule codes, prefixes (ASL2) or names to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to disable (comma-separated).")
@click.option(
    "--output-format",
    type=click.Choice(["text", "concise", "json"]),
    default="text",
    show_default=True,
)
@click.option("--asyncio-mode", type=click.Choice(["strict", "auto"]), help="Override pytest-asyncio's mode.")
@_pytest_asyncio_version
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary (text) or nothing when clean.")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write the result cache.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files; report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (with --fix/--diff) and mark unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if any).")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    asyncio_mode: str | None,
    exit_zero: bool,
    quiet: bool,
    no_cache: bool,
    jobs: int | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Lint test files and conftest.py files under PATHS (default: the current folder).

    With --fix, fixable findings are fixed in place (safe fixes only unless
    --unsafe-fixes) and the findings that remain are reported. With --diff,
    nothing is written: the changes --fix would make are printed as a diff.
    """
    targets = list(paths) or ["."]
    missing = [p for p in targets if not os.path.exists(p)]
    if missing:
        raise _fail(f"path does not exist: {missing[0]}")
    fix_run = None
    try:
        settings = load_settings(Path(targets[0]), _split(select), _split(ignore), asyncio_mode)
        files = discover(targets)
        if fix or diff:
            fix_run = fix_files(
                files, settings, unsafe=unsafe_fixes, write=not diff, use_cache=not no_cache, jobs=jobs
            )
            diagnostics, files_checked = fix_run.diagnostics, fix_run.files_checked
        else:
            result = run(files, settings, use_cache=not no_cache, jobs=jobs)
            diagnostics, files_checked = result.diagnostics, result.files_checked
    except (SettingsError, PytestConfigError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    for warning in fix_run.warnings if fix_run is not None else result.warnings:
        click.echo(f"asynclint: warning: {warning}", err=True)
    if fix_run is not None:
        for error in dict.fromkeys(fix_run.errors):  # a file retried in a later pass fails once
            click.echo(f"asynclint: warning: {error}", err=True)
    if diff:
        assert fix_run is not None
        raise click.exceptions.Exit(_report_diff(fix_run, quiet, exit_zero))
    if output_format == "json":
        json_report.render(complete_fixes(diagnostics, files), sys.stdout)
    elif output_format == "concise":
        concise.render(diagnostics, sys.stdout, unsafe_fixes=unsafe_fixes)
    elif not (quiet and not diagnostics and fix_run is None):
        fixed = fix_run.fixed if fix_run is not None else None
        text.render(diagnostics, _console(), files_checked, quiet, unsafe_fixes=unsafe_fixes, fixed=fixed)
    if fix_run is not None and output_format != "text" and not quiet:
        click.echo(_fix_summary(fix_run, diagnostics), err=True)
    raise click.exceptions.Exit(EXIT_FINDINGS if diagnostics and not exit_zero else EXIT_CLEAN)


def _fix_summary(fix_run: FixRun, remaining: list) -> str:
    noun = "finding" if fix_run.fixed == 1 else "findings"
    files = len([f for f in fix_run.files if f.written])
    return f"Fixed {fix_run.fixed} {noun} in {files} file{'s' if files != 1 else ''}; {len(remaining)} remaining."


def _report_diff(fix_run: FixRun, quiet: bool, exit_zero: bool) -> int:
    """``--diff``: the diff on stdout, a one-line summary on stderr; exit 1 when it is not empty."""
    out = sys.stdout
    changed = fix_run.changed
    for record in changed:
        out.write(record.diff())
    out.flush()
    if not quiet:
        count = sum(sum(f.applied.values()) for f in changed)
        noun = "finding" if count == 1 else "findings"
        files = len(changed)
        click.echo(
            f"Would fix {count} {noun} in {files} file{'s' if files != 1 else ''}; "
            f"{len(fix_run.diagnostics)} would remain.",
            err=True,
        )
    return EXIT_FINDINGS if changed and not exit_zero else EXIT_CLEAN


@main.command()
@click.argument("code_or_name")
def rule(code_or_name: str) -> None:
    """Print a rule's documentation (by code, e.g. ASL201, or name)."""
    found = find_rule(code_or_name)
    if found is None:
        raise _fail(f"unknown rule code or name: {code_or_name!r} (see `asynclint rules`)")
    console = _console()
    console.print(f"[bold]{found.code}[/bold] {found.name} ({found.family}; fix: {found.fix_availability})")
    console.print(Markdown(found.documentation()))


@main.command(name="rules")
def list_rules() -> None:
    """List every rule."""
    console = _console()
    if not console.is_terminal:  # piped: one plain line per rule, never truncated
        for r in ALL_RULES:
            click.echo(f"{r.code}  {r.name:<32} {r.family:<11} {r.fix_availability:<7} {r.summary}")
        return
    table = Table("code", "name", "family", "fix", "what it flags", box=None)
    for r in ALL_RULES:
        table.add_row(r.code, r.name, r.family, r.fix_availability, r.summary)
    console.print(table)


@main.command(name="config")
@click.argument("path", required=False, default=".", type=click.Path())
@_pytest_asyncio_version
def show_config(path: str) -> None:
    """Print the profile asynclint uses for PATH: pytest config, mode, plugins, versions."""
    from asynclint.config.profile_report import describe_profile

    if not os.path.exists(path):
        raise _fail(f"path does not exist: {path}")
    try:
        settings = load_settings(Path(path))
        rows = describe_profile(Path(path), settings)
    except (SettingsError, PytestConfigError) as exc:
        raise _fail(str(exc)) from None
    console = _console()
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        console.print(f"{label + ':':<{width}}{value}", markup=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
