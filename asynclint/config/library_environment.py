"""Which environment's libraries a project is linted against.

Library knowledge comes from source (:mod:`asynclint.index.libraries`); this decides whose
source. The interpreter asynclint runs in, when it is the project's own environment
(:func:`asynclint.config.versions.environment_is_projects`); else a virtual environment in
the project folder (``.venv``, ``venv``, ``env``); else, for want of better, the running
interpreter, and ``asynclint config`` says so.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

from asynclint.config.versions import environment_is_projects
from asynclint.index.libraries import LibraryEnvironment, project_venv, running_site_dirs


def environment_for(root: Path) -> LibraryEnvironment:
    """The environment whose libraries the project at ``root`` is linted against."""
    stdlib_path = sysconfig.get_paths().get("stdlib")
    stdlib = Path(stdlib_path) if stdlib_path and Path(stdlib_path).is_dir() else None
    if environment_is_projects(root):
        return LibraryEnvironment(stdlib, running_site_dirs(), f"the project's environment ({sys.prefix})")
    own = project_venv(root)
    if own is not None:
        venv, site = own
        return LibraryEnvironment(stdlib, (site,), f"the project's virtual environment {venv}")
    return LibraryEnvironment(
        stdlib,
        running_site_dirs(),
        f"the interpreter asynclint runs in ({sys.prefix}; not the project's own environment)",
    )
