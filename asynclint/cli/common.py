"""What the commands share: exit codes, the error and warning lines, the console, options.

Kept free of heavy imports (no libcst, no engine, no rules): every command module imports
it, and ``asynclint --version`` imports none of them.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from rich.console import Console

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 2  # a file could not be linted: never confused with findings or a clean run


def console(err: bool = False, color: str = "auto", file: TextIO | None = None) -> Console:
    """A console that honours ``--color``, then ``NO_COLOR``, then ``FORCE_COLOR``/a terminal.

    ``NO_COLOR`` (and ``--color never``) means no escape sequence at all: rich's own
    ``no_color`` drops colours but keeps bold and dim, which the convention forbids.
    An explicit ``--color always`` beats ``NO_COLOR``, as the convention allows.
    A report written to a file is never coloured unless ``--color always`` asks.
    rich is imported here, not at the top: a run that prints no rich output never pays for it.
    """
    from rich.console import Console

    stream = file if file is not None else sys.stderr if err else sys.stdout
    if color == "never" or (color == "auto" and (os.environ.get("NO_COLOR") or file is not None)):
        return Console(file=stream, color_system=None, highlight=False, soft_wrap=True)
    if color == "always":
        return Console(file=stream, force_terminal=True, no_color=False, highlight=False, soft_wrap=True)
    return Console(file=stream, highlight=False, soft_wrap=True)


def fail(message: str) -> click.exceptions.Exit:
    click.echo(f"asynclint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


def warn(message: str) -> None:
    click.echo(f"asynclint: warning: {message}", err=True)


def _version_override(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Validated at parse time so a typo is a usage error, not a silently ignored option."""
    from asynclint.config.versions import parse_version

    if value is not None and parse_version(value) is None:
        raise fail(f"--pytest-asyncio-version: not a version: {value!r} (expected e.g. 0.23.8)")
    ctx.meta[_VERSION_OPTION] = value  # read into the Settings, which carry it to the workers
    return value


_VERSION_OPTION = "asynclint.pytest_asyncio_version"


def cli_version() -> str | None:
    """This invocation's ``--pytest-asyncio-version`` (None when not given)."""
    value = click.get_current_context().meta.get(_VERSION_OPTION)
    return value if isinstance(value, str) else None


pytest_asyncio_version = click.option(
    "--pytest-asyncio-version",
    metavar="VERSION",
    callback=_version_override,
    expose_value=False,
    help="The pytest-asyncio version the project runs (default: lock files, requirements, environment).",
)
