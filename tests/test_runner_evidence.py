"""Who runs coroutine tests: declared dependencies, installed entry points, the suite's marks.

The runner-dependent rules (ASL101, ASL102, ASL109, the advice of ASL301/ASL401) speak only
when the evidence says nothing else runs unmarked coroutine tests; these tests pin each kind
of evidence, and that a change in another file's marks reaches the cached advice.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from asynclint.api import lint_paths
from asynclint.cli import main
from asynclint.config.dependencies import declared_dependencies
from asynclint.config.settings import Settings
from asynclint.semantics import coroutine_runners as runners
from asynclint.semantics import plugins

ASL101_ONLY = Settings(enabled=frozenset({"ASL101"}))


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


MARKED = """\
    import pytest


    @pytest.mark.asyncio
    async def test_marked():
        pass
    """
UNMARKED = """\
    async def test_unmarked():
        pass
    """


def codes(root: Path) -> list[tuple[str, int, str]]:
    run = lint_paths([str(root)], settings=ASL101_ONLY, use_cache=False)
    return [(Path(d.path).name, d.line, d.code) for d in run.diagnostics]


# --------------------------------------------------------------------------- dependencies
@pytest.mark.parametrize(
    ("files", "where"),
    [
        (
            {"pyproject.toml": '[project]\nname = "p"\n[project.optional-dependencies]\ntest = ["pytest-aio>=1"]\n'},
            "pyproject.toml [project.optional-dependencies] test",
        ),
        ({"pyproject.toml": '[dependency-groups]\ndev = ["pytest-aio"]\n'}, "pyproject.toml [dependency-groups] dev"),
        (
            {"pyproject.toml": '[tool.poetry.group.test.dependencies]\npytest-aio = "^1.5"\n'},
            "pyproject.toml [tool.poetry.group.test]",
        ),
        (
            {"requirements-dev.txt": "-r requirements/test.txt\n", "requirements/test.txt": "pytest-aio==1.9\n"},
            "requirements/test.txt",
        ),
        ({"tox.ini": "[testenv]\ndeps =\n    pytest\n    py311: pytest-aio\n"}, "tox.ini"),
        ({"setup.cfg": "[options.extras_require]\ntest =\n    pytest\n    pytest-aio\n"}, "setup.cfg"),
        (
            {"setup.py": "from setuptools import setup\nT = ['pytest-aio']\nsetup(name='p', tests_require=T)\n"},
            "setup.py",
        ),
        ({"Pipfile": '[dev-packages]\npytest-aio = "*"\n'}, "Pipfile"),
        ({"uv.lock": '[[package]]\nname = "pytest-aio"\nversion = "1.9.0"\n'}, "locked in uv.lock"),
    ],
    ids=[
        "extras",
        "dependency-groups",
        "poetry-group",
        "requirements-include",
        "tox",
        "setup.cfg",
        "setup.py",
        "Pipfile",
        "uv.lock",
    ],
)
def test_declared_dependencies_are_read_from_every_format(tmp_path: Path, files: dict[str, str], where: str) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / ".git").mkdir()  # the project boundary: nothing above is read
    declared = declared_dependencies(tmp_path)
    assert declared.packages.get("pytest-aio") == where


def test_setup_py_is_read_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "setup.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nfrom setuptools import setup\nsetup(tests_require=['pytest-aio'])\n"
    )
    assert declared_dependencies(tmp_path).declares("pytest-aio")
    assert not marker.exists()


# --------------------------------------------------------------------------- the plugin table
def test_plugin_roles() -> None:
    assert plugins.role_of_distribution("pytest-asyncio").behaviour == plugins.RUNS_MARKED
    assert plugins.role_of_distribution("pytest_aio").behaviour == plugins.RUNS_UNMARKED
    assert plugins.role_of_module("aiohttp.pytest_plugin").behaviour == plugins.RUNS_UNMARKED
    aiohttp_plugin = plugins.role_of_distribution("pytest-aiohttp")
    assert aiohttp_plugin.behaviour_at(None) == plugins.UNCERTAIN
    assert aiohttp_plugin.behaviour_at(plugins.Version("0.3.0")) == plugins.RUNS_UNMARKED
    assert aiohttp_plugin.behaviour_at(plugins.Version("1.1.0")) == plugins.RUNS_MARKED
    assert plugins.name_suggests_async("pytest-someframework-aio")
    assert not plugins.name_suggests_async("pytest-cov")


# --------------------------------------------------------------------------- project evidence
def test_unmarked_test_among_marked_ones_is_forgotten(tmp_path: Path) -> None:
    write(tmp_path, {"pytest.ini": "[pytest]\n", "test_a.py": MARKED, "test_b.py": UNMARKED})
    assert codes(tmp_path) == [("test_b.py", 1, "ASL101")]


def test_suite_without_any_async_mark_is_run_by_something_unseen(tmp_path: Path) -> None:
    write(tmp_path, {"pytest.ini": "[pytest]\n", "test_b.py": UNMARKED})
    assert codes(tmp_path) == []


def test_unittest_harness_tests_do_not_outvote_the_marked_ones(tmp_path: Path) -> None:
    """``IsolatedAsyncioTestCase`` runs its own coroutine methods: however many there are,
    they are no sign that a plugin runs unmarked coroutine tests."""
    harness = "import unittest\n\n\nclass T(unittest.IsolatedAsyncioTestCase):\n" + "".join(
        f"    async def test_{n}(self):\n        pass\n\n" for n in range(3)
    )
    write(tmp_path, {"pytest.ini": "[pytest]\n", "test_a.py": MARKED, "test_b.py": UNMARKED, "test_c.py": harness})
    assert codes(tmp_path) == [("test_b.py", 1, "ASL101")]


def test_explicit_strict_mode_is_evidence_of_pytest_asyncio(tmp_path: Path) -> None:
    write(tmp_path, {"pytest.ini": "[pytest]\nasyncio_mode = strict\n", "test_b.py": UNMARKED})
    assert codes(tmp_path) == [("test_b.py", 1, "ASL101")]


def test_declared_framework_plugin_runs_unmarked_tests(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pytest.ini": "[pytest]\n",
            "requirements-test.txt": "pytest-tornasync\n",
            "test_a.py": MARKED,
            "test_b.py": UNMARKED,
        },
    )
    assert codes(tmp_path) == []


def test_a_plugin_disabled_with_p_no_does_not_count(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pytest.ini": "[pytest]\naddopts = -p no:pytest_tornasync\n",
            "requirements-test.txt": "pytest-tornasync\n",
            "test_a.py": MARKED,
            "test_b.py": UNMARKED,
        },
    )
    assert codes(tmp_path) == [("test_b.py", 1, "ASL101")]


def test_installed_entry_point_of_the_projects_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown plugin installed in the project's environment whose source implements
    ``pytest_pyfunc_call`` may run coroutine tests; one that does not, does not."""
    site = tmp_path / "site"
    write(
        site,
        {
            "runs_them.py": "def pytest_pyfunc_call(pyfuncitem):\n    return None\n",
            "reports_only.py": "def pytest_terminal_summary(terminalreporter):\n    pass\n",
        },
    )
    project = write(tmp_path / "project", {"pytest.ini": "[pytest]\n", "test_a.py": MARKED, "test_b.py": UNMARKED})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(runners, "environment_is_projects", lambda root: True)
    monkeypatch.setattr(runners, "installed_entry_point_plugins", lambda: (("pytest-reports", "reports_only", "1.0"),))
    assert codes(project) == [("test_b.py", 1, "ASL101")]
    monkeypatch.setattr(
        runners,
        "installed_entry_point_plugins",
        lambda: (("pytest-reports", "reports_only", "1.0"), ("pytest-runs", "runs_them", "1.0")),
    )
    assert codes(project) == []


def test_config_prints_the_answer_and_its_evidence(tmp_path: Path) -> None:
    write(tmp_path, {"pytest.ini": "[pytest]\n", "requirements.txt": "pytest-sanic\n", "test_a.py": MARKED})
    result = CliRunner().invoke(main, ["config", str(tmp_path / "test_a.py")])
    assert result.exit_code == 0, result.output
    assert "may run: plugin pytest-sanic (declared in requirements.txt) runs coroutine tests" in result.output
    assert "async marks used by the suite: asyncio" in result.output


# --------------------------------------------------------------------------- the result cache
def test_cached_advice_follows_the_marks_of_other_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One file marked anyio, another unmarked: the advice is the anyio mark. Changing the first
    file to asyncio must change the cached advice of the second, without --no-cache."""
    anyio_marked = MARKED.replace("mark.asyncio", "mark.anyio")
    project = write(
        tmp_path / "project", {"pytest.ini": "[pytest]\n", "test_a.py": anyio_marked, "test_b.py": UNMARKED}
    )
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(project), "--select", "ASL101", "--output-format", "concise"])
    assert "add `@pytest.mark.anyio`" in first.output
    (project / "test_a.py").write_text(textwrap.dedent(MARKED))
    second = runner.invoke(main, ["check", str(project), "--select", "ASL101", "--output-format", "concise"])
    assert "add `@pytest.mark.asyncio`" in second.output, second.output
