"""The pre-commit hook, run by real pre-commit against this checkout (slow: it builds the
hook's environment with pip).

The scenario of the hook's reason to exist: a commit that changes only application code,
``def compute`` -> ``async def compute``, must fail because a test still calls
``compute()`` without ``await`` -- and the run prints one summary (``require_serial``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"^\d+ findings? in \d+ files?; \d+ files? checked", re.M)


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, timeout=60)


@pytest.mark.slow
def test_hook_catches_a_test_broken_by_an_app_only_change(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
    )
    repo = tmp_path / "repo"
    files = {
        "pytest.ini": "[pytest]\n",
        "app/__init__.py": "",
        "app/calc.py": "def compute():\n    return 1\n",
        "tests/test_calc.py": "from app.calc import compute\n\n\ndef test_compute():\n    compute()\n",
        "tests/test_other.py": "def test_other():\n    pass\n",
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", "-A", env=env)
    _git(repo, "commit", "-q", "-m", "init", env=env)
    (repo / "app/calc.py").write_text("async def compute():\n    return 1\n")
    _git(repo, "add", "app/calc.py", env=env)

    # try-repo clones the checkout (uncommitted changes included) and installs it as the hook
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(CHECKOUT), "asynclint", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"^asynclint\.+Failed$", output, re.M), output
    assert "tests/test_calc.py\n  5:5 ASL201" in output, output
    assert "test_other.py" not in output  # not a dependent of app/calc.py
    assert len(SUMMARY.findall(output)) == 1, output
    assert "1 finding in 1 file; 1 file checked" in output, output
    report = output[output.index("tests/test_calc.py") : output.index("1 file checked") + len("1 file checked")]
    assert report in (CHECKOUT / "README.md").read_text(encoding="utf-8"), "the README shows this report"
