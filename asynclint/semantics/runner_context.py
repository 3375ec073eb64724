"""Who besides pytest-asyncio runs a file's coroutine tests: the answer rules read.

A plain dataclass apart from the file context (which needs libcst), so that the runner
evidence, a project fact a warm run re-checks, is importable without the parser.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunnerContext:
    """Who besides pytest-asyncio may run coroutine tests of this file."""

    other_runner: str | None  # why unmarked coroutine tests may run (a plugin, a hook, the suite)
    anyio_backend_autouse: bool = False
    # Loop libraries the project runs coroutine tests with, preferred first ("asyncio",
    # "anyio", "trio"); empty when nothing says (a framework's own runner, say).
    libraries: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    # The reason is the suite's own shape (its unmarked tests), not a plugin or hook asynclint
    # can name: nothing is known to provide fixtures such as ``event_loop``.
    unseen_runner: bool = False
