"""The command line: ``asynclint [check] PATHS``, ``rule``, ``rules``, ``config``.

Exit codes: 0 clean, 1 findings remain, 2 bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from asynclint import __version__
from asynclint.config.pytest_config import PytestConfigError
from asynclint.config.settings import Settings, SettingsError, load_settings
from asynclint.config.versions import parse_version, set_cli_override
from asynclint.engine import baseline
from asynclint.engine.add_noqa import add_noqa
from asynclint.engine.dependents import with_dependents
from asynclint.engine.discovery import SourceFile, discover
from asynclint.engine.projects import group_by_config, merge_fix_runs, merge_runs
from asynclint.engine.runner import run
from asynclint.engine.stdin import lint_stdin
from asynclint.fixer import FixRun, fix_files
from asynclint.fixer.imports import complete_fixes
from asynclint.model import Diagnostic
from asynclint.report import concise, json_report, text
from asynclint.report.progress import RunProgress
from asynclint.report.progress import wanted as progress_wanted
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
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in this baseline file (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this file (JSON) and exit 0.",
)
@click.option("--add-noqa", is_flag=True, help="Add a `# noqa: CODE` comment for every current finding.")
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Lint standard input (PATHS: -) as if it were PATH; with --fix, print the fixed text.",
)
@click.option(
    "--dependents",
    is_flag=True,
    help="PATHS are changed files (pre-commit): lint the test files among them and the test files "
    "that import them or sit under a changed conftest.py.",
)
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
    baseline_file: str | None,
    write_baseline: str | None,
    add_noqa: bool,
    stdin_filename: str | None,
    dependents: bool,
) -> None:
    """Lint test files and conftest.py files under PATHS (default: the current folder).

    With --fix, fixable findings are fixed in place (safe fixes only unless
    --unsafe-fixes) and the findings that remain are reported. With --diff,
    nothing is written: the changes --fix would make are printed as a diff.
    --baseline, --write-baseline and --add-noqa help a suite adopt asynclint;
    PATHS `-` (or --stdin-filename) lints standard input; --dependents reads
    PATHS as changed files and lints the test files they affect (pre-commit).
    """

    def settings_for(start: Path) -> Settings:
        return load_settings(start, _split(select), _split(ignore), asyncio_mode)

    if stdin_filename is not None or "-" in paths:
        if paths not in ((), ("-",)):
            raise _fail("standard input (-) is linted alone: name no other path")
        if diff or add_noqa or write_baseline or dependents:
            raise _fail("--diff, --add-noqa, --write-baseline and --dependents do not apply to standard input")
        raise click.exceptions.Exit(
            _check_stdin(stdin_filename or "-", settings_for, fix, unsafe_fixes, exit_zero, baseline_file, output_format, quiet)
        )
    if diff and (add_noqa or write_baseline):
        raise _fail("--diff writes nothing: it does not combine with --add-noqa or --write-baseline")
    targets = list(paths) or ["."]
    missing = [p for p in targets if not os.path.exists(p)]
    if missing:
        raise _fail(f"path does not exist: {missing[0]}")
    fix_run = None
    progress = RunProgress(_console(err=True)) if progress_wanted(sys.stderr, quiet) else None
    try:
        files = discover(targets)
        if dependents:
            files = with_dependents(files)
        groups = group_by_config(files, settings_for, Path(targets[0]))
        if fix or diff:
            fix_run = merge_fix_runs([
                fix_files(group, settings, unsafe=unsafe_fixes, write=not diff, use_cache=not no_cache, jobs=jobs,
                          progress=progress)
                for settings, group in groups
            ])
            diagnostics, files_checked = fix_run.diagnostics, fix_run.files_checked
        else:
            result = merge_runs([
                run(group, settings, use_cache=not no_cache, jobs=jobs, progress=progress)
                for settings, group in groups
            ])
            diagnostics, files_checked = result.diagnostics, result.files_checked
        if write_baseline is not None:
            entries = baseline.write(Path(write_baseline), diagnostics)
            noun = "finding" if len(diagnostics) == 1 else "findings"
            click.echo(f"Wrote {len(diagnostics)} {noun} ({entries} entries) to {write_baseline}.", err=True)
            raise click.exceptions.Exit(EXIT_CLEAN)
        applied = baseline.apply(Path(baseline_file), diagnostics) if baseline_file is not None else None
    except (SettingsError, PytestConfigError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    finally:
        if progress is not None:
            progress.close()
    if applied is not None:
        diagnostics = applied.new
    if add_noqa:
        raise click.exceptions.Exit(_add_noqa(files, diagnostics))
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
    if applied is not None and not (quiet and not diagnostics):
        click.echo(applied.summary(), err=output_format != "text")
    raise click.exceptions.Exit(EXIT_FINDINGS if diagnostics and not exit_zero else EXIT_CLEAN)


def _add_noqa(files: list[SourceFile], diagnostics: list[Diagnostic]) -> int:
    """``--add-noqa``: a count on stderr, each skipped finding named; exit 1 if any is left."""
    outcome = add_noqa(files, diagnostics)
    noun = "finding" if outcome.added == 1 else "findings"
    click.echo(f"Added noqa for {outcome.added} {noun} in {outcome.files} file{'s' if outcome.files != 1 else ''}.", err=True)
    for where in outcome.skipped:
        click.echo(f"asynclint: warning: {where}: line ends inside a multi-line string or a continuation; no noqa added", err=True)
    for error in outcome.errors:
        click.echo(f"asynclint: warning: {error}", err=True)
    return EXIT_FINDINGS if outcome.skipped or outcome.errors else EXIT_CLEAN


def _check_stdin(
    filename: str,
    settings_for: Callable[[Path], Settings],
    fix: bool,
    unsafe_fixes: bool,
    exit_zero: bool,
    baseline_file: str | None,
    output_format: str,
    quiet: bool,
) -> int:
    """Lint standard input as ``filename`` (``--stdin-filename``, default ``-``) of its project.

    With ``--fix`` standard output carries the fixed text and nothing else (editors
    replace the buffer with it); the findings that remain go to stderr.
    """
    try:
        outcome = lint_stdin(sys.stdin.read(), filename, settings_for(Path(filename)), fix=fix, unsafe=unsafe_fixes)
        diagnostics = outcome.diagnostics
        if baseline_file is not None:
            stdin_path = Path(os.path.abspath(filename))

            def read(path: Path) -> str:  # the baseline keys the text given, not the file on disk
                return outcome.text if path == stdin_path else baseline.read_text(path)

            applied = baseline.apply(Path(baseline_file), diagnostics, read)
            diagnostics = applied.new
            click.echo(applied.summary(), err=True)
    except (SettingsError, PytestConfigError) as exc:
        raise _fail(str(exc)) from None
    if fix:
        sys.stdout.write(outcome.text)
        sys.stdout.flush()
        concise.render(diagnostics, sys.stderr, unsafe_fixes=unsafe_fixes)
    elif output_format == "json":
        json_report.render(complete_fixes(diagnostics, []), sys.stdout)
    elif output_format == "concise":
        concise.render(diagnostics, sys.stdout, unsafe_fixes=unsafe_fixes)
    elif not (quiet and not diagnostics):
        text.render(diagnostics, _console(), 1, quiet, unsafe_fixes=unsafe_fixes)
    return EXIT_FINDINGS if diagnostics and not exit_zero else EXIT_CLEAN


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
