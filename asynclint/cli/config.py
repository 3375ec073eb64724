"""``asynclint config [PATH]``: the profile asynclint uses for a project."""

from __future__ import annotations

import os
from pathlib import Path

import click

from asynclint.cli.common import cli_version, console, fail, pytest_asyncio_version
from asynclint.config.pytest_config import PytestConfigError
from asynclint.config.settings import SettingsError, load_settings
from asynclint.report.profile_report import describe_profile


@click.command(name="config")
@click.argument("path", required=False, default=".", type=click.Path())
@pytest_asyncio_version
def show_config(path: str) -> None:
    """Print the profile asynclint uses for PATH: pytest config, mode, plugins, versions."""
    if not os.path.exists(path):
        raise fail(f"path does not exist: {path}")
    try:
        settings = load_settings(Path(path), pytest_asyncio_version=cli_version())
        rows = describe_profile(Path(path), settings)
    except (SettingsError, PytestConfigError) as exc:
        raise fail(str(exc)) from None
    out = console()
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        out.print(f"{label + ':':<{width}}{value}", markup=False)
