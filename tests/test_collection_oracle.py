"""Ground truth for "What is linted": real ``pytest --collect-only`` on the collection projects.

Each ``fixtures_corpus/projects/collect_*`` project is copied into ``tmp_path`` and
collected by the installed pytest; the test files it collects must be exactly the test
files asynclint lints there. The one intended difference is listed in ``ONLY_PYTEST``:
asynclint skips a file a conftest ignores on *some* supported Python (3.9 here), while
pytest, running on one interpreter, collects it there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asynclint.engine.discovery import discover

pytestmark = pytest.mark.oracle

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures_corpus" / "projects"
COLLECTION_PROJECTS = sorted(p.name for p in PROJECTS.glob("collect_*") if p.is_dir())
NODE = re.compile(r"^(?P<file>[^\s:]+\.py)::")
# Ignored by the conftest only when sys.version_info < (3, 10); requires-python >= 3.9.
ONLY_PYTEST = {"collect_conftest_ignore": {"tests/test_needs_310.py"}} if sys.version_info >= (3, 10) else {}


def pytest_collected(project: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {m.group("file") for line in proc.stdout.splitlines() if (m := NODE.match(line))}


@pytest.mark.parametrize("name", COLLECTION_PROJECTS)
def test_asynclint_lints_what_pytest_collects(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project, ignore=shutil.ignore_patterns("__pycache__"))
    collected = pytest_collected(project)
    monkeypatch.chdir(project)
    linted = {f.display for f in discover(["."]) if Path(f.display).name != "conftest.py"}
    assert collected, "pytest collected nothing: the project no longer tests anything"
    assert linted == collected - ONLY_PYTEST.get(name, set())
