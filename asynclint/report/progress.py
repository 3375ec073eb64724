"""A progress bar on stderr for long runs on a terminal, and never anywhere else.

A run over a large suite can take a while; a person at a terminal should see that it
moves. A pipe, a file or a CI log must not receive bar frames (they become noise in logs
and in what another program parses), so the bar needs stderr to be a terminal, no ``CI``
variable and no ``--quiet``. It appears only once a run has taken ``DELAY`` seconds, so
quick runs never flash it, and it erases itself before the report is printed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:  # rich.progress is imported once a bar is drawn: most runs never draw one
    from rich.console import Console
    from rich.progress import Progress, TaskID

DELAY = 1.0  # seconds before the bar appears


def wanted(stream: IO[str], quiet: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a run may draw a bar on ``stream``."""
    if quiet or environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class RunProgress:
    """The ``progress`` callback of a run: files done and findings so far."""

    def __init__(self, console: Console, delay: float = DELAY) -> None:
        self._console = console
        self._delay = delay
        self._started = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, done: int, total: int, findings: int) -> None:
        if self._bar is None:
            if time.monotonic() - self._started < self._delay:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("asynclint"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[findings]} findings"),
                TimeElapsedColumn(),
                console=self._console,
                transient=True,
            )
            self._task = self._bar.add_task("lint", total=total, completed=done, findings=findings)
            self._bar.start()
            return
        assert self._task is not None
        self._bar.update(self._task, completed=done, total=total, findings=findings)

    def close(self) -> None:
        """Erase the bar (if it ever appeared) so the report starts on a clean line."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
