"""Which files are linted: collection like pytest, --force-exclude, odd file system entries."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from asynclint.api import lint_paths
from asynclint.config.conftest_ignores import read_lists, supported_pythons
from asynclint.config.pytest_config import load_profile
from asynclint.config.settings import Settings, load_settings
from asynclint.engine import discovery
from asynclint.engine.discovery import discover
from asynclint.rules import ALL_RULES

PROJECTS = Path(__file__).resolve().parent.parent / "fixtures_corpus" / "projects"
COLLECTION_PROJECTS = sorted(p for p in PROJECTS.glob("collect_*") if p.is_dir())
UNMARKED = "import asyncio\n\n\nasync def test_a():\n    await asyncio.sleep(0)\n"
ALL = Settings(enabled=frozenset(rule.code for rule in ALL_RULES))


def _versions(*minors: int) -> tuple[tuple[int, int, int, str, int], ...]:
    return tuple((3, minor, micro, "final", 0) for minor in minors for micro in (0, 99))


# ---------------------------------------------------------------------------
# conftest collect_ignore / collect_ignore_glob, read statically
# ---------------------------------------------------------------------------

SUPPORTED_39_UP = _versions(*range(9, 16))


@pytest.mark.parametrize(
    ("source", "paths", "globs"),
    [
        ('collect_ignore = ["a.py", "b"]', ("a.py", "b"), ()),
        ('collect_ignore = ("a.py",)\ncollect_ignore_glob = ["*_x.py"]', ("a.py",), ("*_x.py",)),
        ('collect_ignore = []\ncollect_ignore.append("a.py")\ncollect_ignore.extend(["b.py"])', ("a.py", "b.py"), ()),
        ('collect_ignore = ["a.py"]\ncollect_ignore += ["b.py"]', ("a.py", "b.py"), ()),
        ('collect_ignore = []\ncollect_ignore.insert(0, "a.py")', ("a.py",), ()),
        ('_old = ["a.py"]\ncollect_ignore = _old + ["b.py"]', ("a.py", "b.py"), ()),
        ('collect_ignore = list(["a.py"])', ("a.py",), ()),
        # a version condition true for a supported Python (3.9) counts ...
        (
            'import sys\ncollect_ignore = []\nif sys.version_info < (3, 10):\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        (
            'import sys\ncollect_ignore = []\nif sys.version_info[:2] < (3, 10):\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        (
            'import sys\ncollect_ignore = []\nif sys.version_info.minor < 10:\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        (
            "from sys import version_info as v\ncollect_ignore = []\n"
            'if v >= (3, 12):\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        # ... one true for none is dropped, and then its else branch is certain
        ('import sys\ncollect_ignore = []\nif sys.version_info < (3, 8):\n    collect_ignore.append("a.py")', (), ()),
        (
            'import sys\nif sys.version_info < (3,):\n    collect_ignore = ["a.py"]\n'
            'else:\n    collect_ignore = ["b.py"]',
            ("b.py",),
            (),
        ),
        ('import sys\ncollect_ignore_glob = ["*_py2*.py"] if sys.version_info[0] < 3 else []', (), ()),
        ('import sys\ncollect_ignore_glob = ["*_py3*.py"] if sys.version_info >= (3,) else []', (), ("*_py3*.py",)),
        (
            "import sys\n"
            'collect_ignore_glob = ["a*"] if sys.version_info < (3, 10) and sys.platform == "win32" else []',
            (),
            ("a*",),
        ),
        (
            'import sys\ncollect_ignore = []\nif not sys.version_info >= (3, 10):\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        (
            'import sys\ncollect_ignore = []\nif sys.version_info < (3, 9, 5):\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        # conditions asynclint cannot decide may go either way
        (
            'import sys\ncollect_ignore = []\nif sys.platform == "win32":\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        (
            'collect_ignore = []\ntry:\n    import trio\nexcept ImportError:\n    collect_ignore.append("a.py")',
            ("a.py",),
            (),
        ),
        # what cannot be read is not invented
        ("collect_ignore = [str(p) for p in x]", (), ()),
        ("def pytest_ignore_collect(collection_path):\n    collect_ignore = ['a.py']", (), ()),
        ("collect_ignore = [", (), ()),  # pytest cannot import it: the conftest is linted (ASL000)
    ],
)
def test_conftest_lists_are_read_statically(source: str, paths: tuple[str, ...], globs: tuple[str, ...]) -> None:
    lists = read_lists(source, SUPPORTED_39_UP)
    assert (lists.paths, lists.globs) == (paths, globs)


def test_conditional_definition_is_maybe() -> None:
    """Defined only on some runs: the next conftest up still decides the others."""
    lists = read_lists('import sys\nif sys.version_info < (3, 10):\n    collect_ignore = ["a.py"]', SUPPORTED_39_UP)
    assert (lists.paths_defined, lists.globs_defined) == ("maybe", "no")
    assert read_lists('collect_ignore = ["a.py"]', SUPPORTED_39_UP).paths_defined == "yes"


def test_the_conftest_is_never_imported(tmp_path: Path) -> None:
    marker = tmp_path / "imported"
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (tmp_path / "conftest.py").write_text(
        f"open({str(marker)!r}, 'w').close()\ncollect_ignore = ['test_b.py']\n", encoding="utf-8"
    )
    (tmp_path / "test_a.py").write_text(UNMARKED)
    (tmp_path / "test_b.py").write_text(UNMARKED)
    assert [f.path.name for f in discover([str(tmp_path)])] == ["conftest.py", "test_a.py"]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("requires", "minors"),
    [(">=3.9", range(9, 16)), (">=3.8,<3.11", range(8, 11)), ("~=3.10", range(10, 16)), (None, range(9, 16))],
)
def test_supported_pythons_follow_requires_python(tmp_path: Path, requires: str | None, minors: range) -> None:
    project = f'[project]\nname = "x"\nrequires-python = "{requires}"\n' if requires else '[project]\nname = "x"\n'
    (tmp_path / "pyproject.toml").write_text(project, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    assert sorted({v[1] for v in supported_pythons(tmp_path / "tests")}) == list(minors)


def test_version_condition_is_judged_by_requires_python(tmp_path: Path) -> None:
    conftest = (
        'import sys\ncollect_ignore = []\nif sys.version_info < (3, 10):\n    collect_ignore.append("test_b.py")\n'
    )
    for requires, linted in ((">=3.9", ["test_a.py"]), (">=3.10", ["test_a.py", "test_b.py"])):
        (tmp_path / "pyproject.toml").write_text(
            f'[project]\nname = "x"\nrequires-python = "{requires}"\n[tool.pytest.ini_options]\n', encoding="utf-8"
        )
        (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
        (tmp_path / "test_a.py").write_text(UNMARKED)
        (tmp_path / "test_b.py").write_text(UNMARKED)
        found = [f.path.name for f in discover([str(tmp_path)]) if f.path.name != "conftest.py"]
        assert found == linted, requires


# ---------------------------------------------------------------------------
# pytest configuration: norecursedirs, --ignore, --ignore-glob, --collect-in-virtualenv
# ---------------------------------------------------------------------------


def test_norecursedirs_default_is_pytests(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    profile = load_profile(tmp_path)
    assert profile.norecursedirs == ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
    assert profile.is_norecursedir(tmp_path / "x.egg") and not profile.is_norecursedir(tmp_path / "builder")


def test_configured_norecursedirs_replaces_the_default(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nnorecursedirs = legacy\n")
    profile = load_profile(tmp_path)
    assert profile.norecursedirs == ("legacy",)
    assert not profile.is_norecursedir(tmp_path / "build")


@pytest.mark.parametrize(
    "addopts",
    ["--ignore=a.py --ignore b --ignore-glob=*_x.py --ignore-glob *_y.py --collect-in-virtualenv"],
)
def test_addopts_collection_options(tmp_path: Path, addopts: str) -> None:
    (tmp_path / "pytest.ini").write_text(f"[pytest]\naddopts = {addopts}\n")
    profile = load_profile(tmp_path)
    assert (profile.ignore, profile.ignore_glob, profile.collect_in_virtualenv) == (
        ("a.py", "b"),
        ("*_x.py", "*_y.py"),
        True,
    )
    assert profile.is_ignored(tmp_path / "a.py") and profile.is_ignored(tmp_path / "b")
    assert profile.is_ignored(tmp_path / "deep" / "t_x.py") and not profile.is_ignored(tmp_path / "c.py")


def test_collect_in_virtualenv_lints_the_environment(tmp_path: Path) -> None:
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "env" / "test_e.py").write_text(UNMARKED)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    assert discover([str(tmp_path)]) == []
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = --collect-in-virtualenv\n")
    assert [f.path.name for f in discover([str(tmp_path)])] == ["test_e.py"]


# ---------------------------------------------------------------------------
# The collection corpus projects: skipped files would be findings; --force-exclude
# ---------------------------------------------------------------------------


def skipped_files() -> list[Path]:
    return sorted(
        p
        for project in COLLECTION_PROJECTS
        for p in project.rglob("test_*.py")
        if p.read_text(encoding="utf-8").startswith("# Not collected")
    )


def _id(path: Path) -> str:
    return str(path.relative_to(PROJECTS))


def test_every_collection_project_skips_something() -> None:
    assert {p.relative_to(PROJECTS).parts[0] for p in skipped_files()} == {p.name for p in COLLECTION_PROJECTS}


@pytest.mark.parametrize("path", skipped_files(), ids=_id)
def test_a_skipped_file_would_be_a_finding(path: Path) -> None:
    """Named explicitly, a file is always linted: the corpus's skipped files really carry
    a finding, so the corpus test (which expects none) proves they are skipped."""
    codes = [d.code for d in lint_paths([str(path)], settings=ALL).diagnostics]
    assert codes == ["ASL101"]


@pytest.mark.parametrize("path", skipped_files(), ids=_id)
def test_force_exclude_skips_named_files(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = PROJECTS / path.relative_to(PROJECTS).parts[0]
    monkeypatch.chdir(project)
    relative = str(path.relative_to(project))
    assert [f.path for f in discover([relative])] == [path]
    assert discover([relative], force_exclude=True) == []


def test_force_exclude_applies_the_exclude_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.asynclint]\nexclude = ["legacy/"]\n[tool.pytest.ini_options]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "test_old.py").write_text(UNMARKED)
    (tmp_path / "test_new.py").write_text(UNMARKED)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(tmp_path)
    assert [f.display for f in discover(["."], settings)] == ["test_new.py"]
    assert [f.display for f in discover(["legacy/test_old.py"], settings)] == ["legacy/test_old.py"]
    assert discover(["legacy/test_old.py", "test_new.py"], settings, force_exclude=True)[0].display == "test_new.py"
    assert len(discover(["legacy/test_old.py", "test_new.py"], settings, force_exclude=True)) == 1


def test_force_exclude_keeps_files_pytest_collects(monkeypatch: pytest.MonkeyPatch) -> None:
    project = PROJECTS / "collect_norecursedirs_configured"
    monkeypatch.chdir(project)
    named = ["tests/build/test_in_build.py", "tests/other/generated/test_nested_generated.py"]
    assert [f.display for f in discover(named, force_exclude=True)] == named


# ---------------------------------------------------------------------------
# File system: links, FIFOs, unreadable folders
# ---------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    """A project with one finding; odd entries added by the test are removed afterwards."""
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_good.py").write_text(UNMARKED)
    yield tmp_path
    for path in sorted(tmp_path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_symlink() or path.is_fifo():
            path.unlink()
        elif path.is_dir():
            path.chmod(0o755)
    assert not [p for p in tmp_path.rglob("*") if p.is_symlink() or p.is_fifo()]


def run_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """In a subprocess with a timeout: a FIFO that gets opened would block forever."""
    return subprocess.run(
        [sys.executable, "-m", "asynclint", "check", "--no-cache", "--output-format", "concise", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_warned_and_linted(result: subprocess.CompletedProcess[str], path: str, reason: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert warnings == [f"asynclint: warning: {path}: {reason}, skipped"], result.stderr
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["tests/test_good.py"]


def test_symlink_loop(tree: Path) -> None:
    (tree / "tests" / "helper.py").symlink_to("helper.py")  # ln -s helper.py tests/helper.py
    assert_warned_and_linted(run_cli(tree, "."), "tests/helper.py", "symlink loop")


def test_dangling_test_symlink(tree: Path) -> None:
    (tree / "tests" / "test_gone.py").symlink_to("test_removed.py")
    assert_warned_and_linted(run_cli(tree, "."), "tests/test_gone.py", "dangling symlink")


def test_fifo_is_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "tests" / "test_pipe.py")
    assert_warned_and_linted(run_cli(tree, "."), "tests/test_pipe.py", "not a regular file")


def test_named_fifo_is_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "tests" / "test_pipe.py")
    result = run_cli(tree, "tests/test_pipe.py", "tests/test_good.py")
    assert_warned_and_linted(result, "tests/test_pipe.py", "not a regular file")


def test_folder_link_back_up_the_tree(tree: Path) -> None:
    (tree / "tests" / "up").symlink_to("..", target_is_directory=True)
    result = run_cli(tree, ".")
    assert result.stderr == "asynclint: warning: tests/up: folder already walked through another link, skipped\n"
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["tests/test_good.py"]


def test_unreadable_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, so it also runs as root (who can read any folder)."""
    locked = tree / "tests" / "locked"
    locked.mkdir()
    (locked / "test_hidden.py").write_text(UNMARKED)
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    monkeypatch.chdir(tree)
    warnings: list[str] = []
    found = discover(["."], warn=warnings.append)
    assert warnings == ["tests/locked: cannot read folder (Permission denied), skipped"]
    assert [f.display for f in found] == ["tests/test_good.py"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_end_to_end(tree: Path) -> None:
    locked = tree / "tests" / "locked"
    locked.mkdir()
    (locked / "test_hidden.py").write_text(UNMARKED)
    locked.chmod(0)
    result = run_cli(tree, ".")
    assert_warned_and_linted(result, "tests/locked", "cannot read folder (Permission denied)")


def test_the_pre_commit_hook_applies_the_skips(tmp_path: Path) -> None:
    """pre-commit names changed files: the hook's entry must carry --force-exclude (in
    ``entry``, so a user's ``args:`` cannot drop it)."""
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(line.split(":", 1)[1].split() for line in hooks.splitlines() if line.strip().startswith("entry:"))
    assert entry[0] == "asynclint"
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "test_copy.py").write_text(UNMARKED)
    (tmp_path / "test_a.py").write_text(UNMARKED)
    result = subprocess.run(
        [sys.executable, "-m", *entry, "--output-format", "concise", "--no-cache", "build/test_copy.py", "test_a.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["test_a.py"], result.stderr


@pytest.mark.parametrize(
    "marker",
    ["pyvenv.cfg", "conda-meta/history", "bin/activate", "Scripts/Activate.ps1"],
)
def test_virtualenv_markers(tmp_path: Path, marker: str) -> None:
    """pyvenv.cfg and conda-meta/history (pytest >= 8.1) or activate scripts (older pytest)."""
    (tmp_path / "env" / marker).parent.mkdir(parents=True, exist_ok=True)
    assert not discovery.is_virtualenv(tmp_path / "env")
    (tmp_path / "env" / marker).write_text("")
    assert discovery.is_virtualenv(tmp_path / "env")


def test_python_requires_of_setup_py_is_read_and_old_guards_do_not_skip(tmp_path: Path) -> None:
    """setup.py's python_requires (read as text) bounds the Pythons; with no range at all, a
    guard for interpreters current pytest no longer runs on (``< (3, 8)``) skips nothing."""
    (tmp_path / "setup.py").write_text('from setuptools import setup\nsetup(python_requires=">=3.11")\n')
    (tmp_path / "tests").mkdir()
    assert sorted({v[1] for v in supported_pythons(tmp_path / "tests")}) == list(range(11, 16))
    bare = tmp_path / "bare"
    (bare / ".git").mkdir(parents=True)
    (bare / "conftest.py").write_text('import sys\nif sys.version_info < (3, 8):\n    collect_ignore_glob = ["*"]\n')
    (bare / "test_a.py").write_text(UNMARKED)
    assert [f.path.name for f in discover([str(bare)])] == ["conftest.py", "test_a.py"]
