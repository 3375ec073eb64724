"""The command line: ``asynclint [check] PATHS``, ``rule``, ``rules``, ``config``, ``server``.

Exit codes: 0 clean, 1 findings remain, 2 bad input (one line on stderr, no traceback) or a
file that could not be linted (one line per file on stderr; every other file is reported).

Each command lives in its own module, imported only when that command runs: a pre-commit
hook or an editor starts asynclint many times a day, and ``--version``, ``--help`` or
``rules`` must not pay for libcst, the engine and every rule (click's "lazy group" pattern).
``--help`` lists the commands from ``COMMANDS`` without importing them; a test checks that
this table says what each command's own docstring says.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

import click

from asynclint import __version__
from asynclint.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE

__all__ = ["COMMANDS", "EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_USAGE", "main"]


class LazyCommand(NamedTuple):
    """Where a command is defined, and its help for the group's command list."""

    module: str
    attribute: str
    help: str


COMMANDS: dict[str, LazyCommand] = {
    "check": LazyCommand(
        "asynclint.cli.check",
        "check",
        "Lint test files and conftest.py files under PATHS (default: the current folder).",
    ),
    "config": LazyCommand(
        "asynclint.cli.config",
        "show_config",
        "Print the profile asynclint uses for PATH: pytest config, mode, plugins, versions.",
    ),
    "rule": LazyCommand("asynclint.cli.rules", "rule", "Print a rule's documentation (by code, e.g. ASL201, or name)."),
    "rules": LazyCommand("asynclint.cli.rules", "list_rules", "List every rule."),
    "server": LazyCommand(
        "asynclint.cli.server",
        "server",
        "Run the language server for editors (LSP over stdin/stdout; needs asynclint[server]).",
    ),
}


class _LazyGroup(click.Group):
    """Commands imported by name when run; ``asynclint PATH`` means ``asynclint check PATH``
    (like ``ruff`` users expect)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        lazy = COMMANDS.get(cmd_name)
        if lazy is None:
            return None
        command = getattr(importlib.import_module(lazy.module), lazy.attribute)
        if not isinstance(command, click.Command):  # pragma: no cover -- a wrong table entry
            raise TypeError(f"{lazy.module}.{lazy.attribute} is not a click command")
        self.commands[cmd_name] = command
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.list_commands(ctx) and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from ``COMMANDS``: listing them must not import them. A stand-in
        with the same help text gives the same (width-dependent) short help as the command."""
        rows = [(name, click.Command(name, help=lazy.help)) for name, lazy in sorted(COMMANDS.items())]
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        with formatter.section("Commands"):
            formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="asynclint")
def main() -> None:
    """Find the pitfalls that make async pytest suites lie."""
