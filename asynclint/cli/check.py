"""``asynclint check PATHS`` (also ``asynclint PATHS``): lint, report, fix.

Imports what every check needs at the top; what only some options need (a report format,
the fixer, baselines, ``--add-noqa``, standard input) is imported where that option is
handled, so a plain pre-commit run does not pay for the rest.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from asynclint.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, cli_version, pytest_asyncio_version
from asynclint.cli.common import console as _console
from asynclint.cli.common import fail as _fail
from asynclint.cli.common import warn as _warn
from asynclint.config.pytest_config import PytestConfigError
from asynclint.config.settings import Settings, SettingsError, load_settings
from asynclint.engine.cache import CACHE_DIR_NAME, ENV_CACHE_DIR
from asynclint.engine.dependents import with_dependents
from asynclint.engine.discovery import SourceFile, discover
from asynclint.engine.plan import Plan, Progress, RunResult, plan
from asynclint.engine.projects import group_by_config, merge_runs, without_excluded
from asynclint.model import Diagnostic, FileError
from asynclint.report.progress import wanted as progress_wanted

if TYPE_CHECKING:
    from asynclint.fixer.fixer import FixRun


def _split(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


Renderer = Callable[[list[Diagnostic], TextIO], None]
# Formats that print findings as data, each ``render(diagnostics, out)`` named as (module in
# asynclint.report, function) and imported only when chosen; ``text`` (rich, with a summary)
# and ``concise`` (marks what --fix would fix) are rendered apart.
DATA_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("json_report", "render"),
    "json-lines": ("json_report", "render_lines"),
    "github": ("github", "render"),
    "sarif": ("sarif", "render"),
    "junit": ("junit", "render"),
    "gitlab": ("gitlab", "render"),
}
# The JSON formats also carry the files that could not be linted, as ``ASL-INTERNAL`` items.
ERROR_ITEM_FORMATS = frozenset({"json", "json-lines"})
# Formats whose fixes a consumer applies: they carry the fix's imports as edits too.
COMPLETE_FIX_FORMATS = frozenset({"json", "json-lines", "sarif"})
OUTPUT_FORMATS = ("text", "concise", *DATA_FORMATS)
STATISTICS_FORMATS = ("text", "concise", "json")


def _renderer(output_format: str) -> Callable[..., None]:
    """The ``render`` function of a data format (error-item formats take the file errors too)."""
    module, function = DATA_FORMATS[output_format]
    render: Callable[..., None] = getattr(importlib.import_module(f"asynclint.report.{module}"), function)
    return render


def _per_file_ignores(values: tuple[str, ...]) -> list[tuple[str, list[str]]] | None:
    """``--per-file-ignores PATTERN:CODES`` (repeatable; codes comma-separated). None: not given."""
    if not values:
        return None
    parsed = []
    for value in values:
        pattern, sep, codes = value.rpartition(":")
        if not sep or not pattern or not codes.strip():
            raise _fail(f"--per-file-ignores: expected PATTERN:CODES, got {value!r}")
        parsed.append((pattern, _split((codes,))))
    return parsed


def _lint(planned: Plan, jobs: int | None, progress: Progress | None) -> RunResult:
    """A plan's result. The linter (libcst and every rule) is imported only when the cache
    left files to lint: a warm run of an unchanged suite never loads it."""
    if not planned.pending:
        return planned.finish()
    from asynclint.engine.runner import complete

    return complete(planned, jobs, progress)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Where the report goes: ``--output-file`` (folders created) or standard output."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = target.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _fail(f"--output-file: cannot write {path}: {exc.strerror}") from None
    with handle:
        yield handle


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Rule codes, prefixes (ASL2) or names to enable (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to disable (comma-separated).")
@click.option(
    "--per-file-ignores",
    multiple=True,
    metavar="PATTERN:CODES",
    help="Disable rules for files matching a gitignore-style pattern (repeatable); replaces the configuration's table.",
)
@click.option("--config", "config_file", type=click.Path(), help="Read settings from this TOML file.")
@click.option("--isolated", is_flag=True, help="Read no [tool.asynclint] configuration.")
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="Report format (under GitHub Actions, text also adds annotations).",
)
@click.option("--output-file", "-o", metavar="PATH", help="Write the report to PATH instead of standard output.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option(
    "--statistics",
    "show_statistics",
    is_flag=True,
    help="Print how many findings each rule has instead of the findings.",
)
@click.option("--show-fixes", is_flag=True, help="Show each finding's fix; with --fix, list what was fixed.")
@click.option("--show-files", is_flag=True, help="List the files that would be linted, and exit.")
@click.option("--show-settings", is_flag=True, help="Print the settings the run would use, and exit.")
@click.option("--asyncio-mode", type=click.Choice(["strict", "auto"]), help="Override pytest-asyncio's mode.")
@pytest_asyncio_version
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary (text) or nothing when clean.")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=ENV_CACHE_DIR,
    help=f"The result cache folder (default: ${ENV_CACHE_DIR}, else {CACHE_DIR_NAME} in the current folder).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files; report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (with --fix/--diff) and mark unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if any).")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply pytest's collection skips and `exclude` to paths named on the command line too (for pre-commit).",
)
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
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    per_file_ignores: tuple[str, ...],
    config_file: str | None,
    isolated: bool,
    output_format: str,
    output_file: str | None,
    color: str,
    show_statistics: bool,
    show_fixes: bool,
    show_files: bool,
    show_settings: bool,
    asyncio_mode: str | None,
    exit_zero: bool,
    quiet: bool,
    no_cache: bool,
    cache_dir: Path | None,
    jobs: int | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    force_exclude: bool,
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
    if isolated and config_file:
        raise _fail("--config and --isolated exclude each other")
    if show_statistics and output_format not in STATISTICS_FORMATS:
        raise _fail(f"--statistics prints text, concise or json, not {output_format}")

    def settings_for(start: Path) -> Settings:
        """The settings governing ``start``: its own ``[tool.asynclint]`` plus the command line."""
        return load_settings(
            start,
            _split(select),
            _split(ignore),
            asyncio_mode,
            extend_select=_split(extend_select),
            per_file_ignores=_per_file_ignores(per_file_ignores),
            config_file=Path(config_file) if config_file else None,
            isolated=isolated,
            pytest_asyncio_version=cli_version(),
        )

    if stdin_filename is not None or "-" in paths:
        if paths not in ((), ("-",)):
            raise _fail("standard input (-) is linted alone: name no other path")
        if diff or add_noqa or write_baseline or dependents:
            raise _fail("--diff, --add-noqa, --write-baseline and --dependents do not apply to standard input")
        raise click.exceptions.Exit(
            _check_stdin(
                stdin_filename or "-", settings_for, fix, unsafe_fixes, exit_zero, baseline_file, output_format, quiet
            )
        )
    if diff and (add_noqa or write_baseline):
        raise _fail("--diff writes nothing: it does not combine with --add-noqa or --write-baseline")
    targets = list(paths) or ["."]
    missing = [p for p in targets if not os.path.exists(p)]
    if missing:
        raise _fail(f"path does not exist: {missing[0]}")
    fix_run = None
    progress = None
    if progress_wanted(sys.stderr, quiet):
        from asynclint.report.progress import RunProgress

        progress = RunProgress(_console(err=True))
    try:
        files = discover(targets, None, force_exclude, warn=_warn)  # each group applies its own `exclude`
        if dependents:
            files = with_dependents(files)
        groups = [
            (settings, without_excluded(group, settings, set(targets), force_exclude))
            for settings, group in group_by_config(files, settings_for, Path(targets[0]))
        ]
        if show_settings or show_files:
            with _output(output_file) as out:
                if show_settings:
                    _print_settings(groups[0][0], targets, isolated, out)
                if show_files:
                    out.writelines(f"{f.display}\n" for _, group in groups for f in group)
            raise click.exceptions.Exit(EXIT_CLEAN)
        if fix or diff:
            from asynclint.fixer.fixer import fix_files, merge_fix_runs

            fix_run = merge_fix_runs(
                [
                    fix_files(
                        group,
                        settings,
                        targets,
                        unsafe=unsafe_fixes,
                        write=not diff,
                        use_cache=not no_cache,
                        cache_dir=cache_dir,
                        jobs=jobs,
                        progress=progress,
                    )
                    for settings, group in groups
                ]
            )
            diagnostics, files_checked = fix_run.diagnostics, fix_run.files_checked
            file_errors, warnings = fix_run.file_errors, fix_run.warnings
        else:
            result = merge_runs(
                [
                    _lint(plan(group, settings, use_cache=not no_cache, cache_dir=cache_dir), jobs, progress)
                    for settings, group in groups
                ]
            )
            diagnostics, files_checked = result.diagnostics, result.files_checked
            file_errors, warnings = result.errors, result.warnings
        if write_baseline is not None or baseline_file is not None:
            from asynclint.engine import baseline
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
    for warning in warnings:
        click.echo(f"asynclint: warning: {warning}", err=True)
    if files_checked == 0 and not file_errors:
        # Silence here looks like success; say why nothing was linted (still exit 0).
        where = ", ".join(targets)
        if files:
            click.echo(f"asynclint: every test file in {where} is excluded by the configuration's `exclude`", err=True)
        else:
            click.echo(
                f"asynclint: no test files found in {where}, or every one is excluded "
                "(`asynclint config` shows what counts)",
                err=True,
            )
    if applied is not None:
        diagnostics = applied.new
    if add_noqa:
        raise click.exceptions.Exit(_add_noqa(files, diagnostics))
    if fix_run is not None:
        for error in dict.fromkeys(fix_run.errors):  # a file retried in a later pass fails once
            click.echo(f"asynclint: warning: {error}", err=True)
    for file_error in file_errors:
        click.echo(f"asynclint: error: {file_error.path}: {file_error.message}", err=True)
    if diff:
        assert fix_run is not None
        code = _report_diff(fix_run, quiet, exit_zero)
        raise click.exceptions.Exit(EXIT_INTERNAL if file_errors else code)
    options = ReportOptions(output_format, output_file, color, show_statistics, show_fixes, quiet, unsafe_fixes)
    _write_report(options, diagnostics, files, files_checked, fix_run, file_errors)
    if _annotate_for_github(ctx, output_format):
        _renderer("github")(diagnostics, sys.stdout)
    if applied is not None and not (quiet and not diagnostics):
        click.echo(applied.summary(), err=output_format != "text")
    if file_errors:  # after everything else is printed; --exit-zero never hides them
        raise click.exceptions.Exit(EXIT_INTERNAL)
    raise click.exceptions.Exit(EXIT_FINDINGS if diagnostics and not exit_zero else EXIT_CLEAN)


@dataclass(frozen=True)
class ReportOptions:
    """The options that shape the report, apart from what was linted."""

    output_format: str
    output_file: str | None
    color: str
    statistics: bool
    show_fixes: bool
    quiet: bool
    unsafe_fixes: bool


def _write_report(
    options: ReportOptions,
    diagnostics: list[Diagnostic],
    files: list[SourceFile],
    files_checked: int,
    fix_run: FixRun | None,
    file_errors: list[FileError],
) -> None:
    """The report in the chosen format; after ``--fix``, data formats get the summary on stderr.
    Files that could not be linted are items of the JSON formats too (``ASL-INTERNAL``)."""
    fixed_by_file = {f.display: f.applied for f in fix_run.files if f.applied} if fix_run is not None else {}
    with _output(options.output_file) as out:
        if options.statistics:
            from asynclint.report import statistics

            rows = statistics.count(diagnostics, options.unsafe_fixes)
            (statistics.render_json if options.output_format == "json" else statistics.render_text)(rows, out)
        elif options.output_format == "text":
            from asynclint.report import text

            if not (options.quiet and not diagnostics and fix_run is None):
                console = _console(color=options.color, file=out if options.output_file else None)
                if options.show_fixes:
                    text.render_fixed(fixed_by_file, console)
                text.render(
                    diagnostics,
                    console,
                    files_checked,
                    options.quiet,
                    unsafe_fixes=options.unsafe_fixes,
                    fixed=fix_run.fixed if fix_run is not None else None,
                    show_fixes=options.show_fixes,
                )
        elif options.output_format == "concise":
            from asynclint.report import concise

            concise.render(diagnostics, out, unsafe_fixes=options.unsafe_fixes)
        else:
            render = _renderer(options.output_format)
            found = diagnostics
            if options.output_format in COMPLETE_FIX_FORMATS:
                from asynclint.fixer.imports import complete_fixes

                found = complete_fixes(diagnostics)
            if options.output_format in ERROR_ITEM_FORMATS:
                render(found, out, file_errors)
            else:
                render(found, out)
    if fix_run is not None and options.output_format != "text" and not options.quiet:
        if options.show_fixes:
            from asynclint.report import text

            text.render_fixed(fixed_by_file, _console(err=True, color=options.color))
        click.echo(_fix_summary(fix_run, diagnostics), err=True)


def _annotate_for_github(ctx: click.Context, output_format: str) -> bool:
    """Under GitHub Actions a run without an explicit format keeps the text report for the
    log and adds annotations, so findings also show on the pull request's diff."""
    explicit = ctx.get_parameter_source("output_format") is not click.core.ParameterSource.DEFAULT
    return os.environ.get("GITHUB_ACTIONS") == "true" and not explicit and output_format == "text"


def _print_settings(settings: Settings, targets: list[str], isolated: bool, out: TextIO) -> None:
    """``--show-settings``: what the run would use, one ``key: value`` line each."""
    if settings.config_path is not None:
        source = str(settings.config_path)
    else:
        source = "(none: --isolated)" if isolated else "(none: defaults)"
    rows = [
        ("paths", " ".join(targets)),
        ("configuration", source),
        ("enabled rules", ", ".join(sorted(settings.enabled)) or "(none)"),
        ("exclude", ", ".join(settings.exclude) or "-"),
        (
            "per-file-ignores",
            "; ".join(f"{pattern}: {', '.join(codes)}" for pattern, codes in settings.per_file_ignores) or "-",
        ),
        (
            "asyncio mode",
            f"{settings.asyncio_mode} ({settings.asyncio_mode_source})"
            if settings.asyncio_mode
            else "(from each file's pytest config)",
        ),
    ]
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        out.write(f"{label + ':':<{width}}{value}\n")


def _add_noqa(files: list[SourceFile], diagnostics: list[Diagnostic]) -> int:
    """``--add-noqa``: a count on stderr, each skipped finding named; exit 1 if any is left."""
    from asynclint.fixer.add_noqa import add_noqa

    outcome = add_noqa(files, diagnostics)
    noun = "finding" if outcome.added == 1 else "findings"
    click.echo(
        f"Added noqa for {outcome.added} {noun} in {outcome.files} file{'s' if outcome.files != 1 else ''}.", err=True
    )
    for where in outcome.skipped:
        click.echo(
            f"asynclint: warning: {where}: line ends inside a multi-line string or a continuation; no noqa added",
            err=True,
        )
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
    from asynclint.engine import baseline
    from asynclint.fixer.imports import complete_fixes
    from asynclint.fixer.stdin import lint_stdin
    from asynclint.report import concise, json_report, text

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
        json_report.render(complete_fixes(diagnostics), sys.stdout)
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
    changed = fix_run.changed
    sys.stdout.flush()
    out = sys.stdout.buffer  # bytes: the diff is in each file's own encoding
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
