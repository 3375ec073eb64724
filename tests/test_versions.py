"""Version awareness: where pytest-asyncio/pytest versions come from and what rules say about them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from asynclint.api import lint_paths
from asynclint.cli import main
from asynclint.config import versions
from asynclint.config.pytest_config import DEFAULT_PROFILE, clear_cache, load_profile
from asynclint.config.settings import Settings, load_settings
from asynclint.config.versions import (
    parse_requirement,
    parse_version,
    pinned,
    project_versions,
    satisfying,
    warning_action,
)
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import summarize
from asynclint.rules import ALL_RULES
from asynclint.semantics.fixtures import needs_fixture_rules

ALL_CODES = frozenset(rule.code for rule in ALL_RULES)


@pytest.fixture(autouse=True)
def fresh_caches():
    clear_cache()
    yield
    clear_cache()


def write_tree(root: Path, files: dict[str, str]) -> Path:
    (root / ".git").mkdir(parents=True, exist_ok=True)  # a project boundary: search stops here
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


# --------------------------------------------------------------------------- parsing
@pytest.mark.parametrize(
    ("text", "release", "final"),
    [
        ("1.5.0", (1, 5, 0), True),
        ("0.23", (0, 23), True),
        ("1.0.0a1", (1, 0, 0), False),
        ("0.21.1.post1", (0, 21, 1), True),
        ("v2", (2,), True),
    ],
)
def test_parse_version(text, release, final) -> None:
    version = parse_version(text)
    assert version is not None and version.release == release and version.is_prerelease is not final
    assert parse_version("latest") is None


def test_at_least_pads_and_counts_prereleases_as_their_release() -> None:
    assert versions.at_least(parse_version("0.23"), 0, 23, 0)
    assert versions.at_least(parse_version("1.0.0a1"), 1, 0)
    assert not versions.at_least(parse_version("0.22.9"), 0, 23)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (">=0.23", "1.5.0"),
        ("<0.24", "0.23.8"),
        ("^0.21", "0.21.2"),
        ("~=0.23.0", "0.23.8"),
        ("==0.21.*", "0.21.2"),
        (">=0.21,<1", "0.26.0"),
        ("~0.23", "0.23.8"),
        ("0.23.5", "0.23.5"),
        ("", "1.5.0"),
        ("*", "1.5.0"),
        ("!=1.5.0", "1.4.1"),
        ("^1.2", "1.5.0"),
        ("==0.23.8", "0.23.8"),
    ],
)
def test_specifiers_resolve_to_the_newest_allowed_release(spec, expected) -> None:
    assert str(satisfying("pytest-asyncio", spec)) == expected


def test_requirements_and_pins() -> None:
    assert parse_requirement("pytest_asyncio[testing] >= 0.23 ; python_version > '3.8'") == (
        "pytest-asyncio",
        ">=0.23",
    )
    assert parse_requirement("pytest-asyncio @ git+https://example.org/x") is None
    assert str(pinned("==0.23.8")) == "0.23.8"
    assert pinned(">=0.23") is None and pinned("==0.23.*") is None


# --------------------------------------------------------------------------- sources
def test_a_loose_specifier_means_the_installed_release_when_it_fits(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "_installed", lambda package: parse_version("0.23.5"))
    spec = '[project]\nname="x"\nversion="0"\ndependencies=["pytest-asyncio>=0.23"]\n'
    found = project_versions(write_tree(tmp_path / "fits", {"pyproject.toml": spec}))
    assert str(found.pytest_asyncio.version) == "0.23.5" and found.pytest_asyncio.source.endswith("installed")
    spec = spec.replace(">=0.23", ">=1.0")
    found = project_versions(write_tree(tmp_path / "outside", {"pyproject.toml": spec}))
    assert found.pytest_asyncio.version == versions.newest_known("pytest-asyncio")


def test_priority_of_sources(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "_installed", lambda package: None)
    root = write_tree(
        tmp_path / "p",
        {
            "pyproject.toml": '[project]\nname="x"\nversion="0"\ndependencies=["pytest-asyncio>=0.21,<0.22"]\n',
        },
    )
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.21.2"
    assert "pyproject.toml [project] dependencies" in found.pytest_asyncio.source
    assert found.pytest.version == versions.newest_known("pytest") and "newest" in found.pytest.source

    (root / "requirements-dev.txt").write_text("pytest-asyncio==0.23.5  # pinned\npytest==8.3.2\n")
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.23.5"
    assert found.pytest_asyncio.source == "pinned in requirements-dev.txt"
    assert str(found.pytest.version) == "8.3.2"

    (root / "uv.lock").write_text('version = 1\n\n[[package]]\nname = "pytest-asyncio"\nversion = "0.24.0"\n')
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.24.0" and found.pytest_asyncio.source == "locked in uv.lock"

    (root / "pyproject.toml").write_text(
        '[project]\nname="x"\nversion="0"\n\n[tool.asynclint]\npytest-asyncio-version = "0.25.1"\n'
    )
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.25.1"
    assert found.pytest_asyncio.source.startswith("[tool.asynclint]")
    # The key is a known asynclint setting.
    load_settings(root)

    found = project_versions(root, "1.2.0")  # --pytest-asyncio-version, as the run's index passes it
    assert str(found.pytest_asyncio.version) == "1.2.0"
    assert found.pytest_asyncio.source == "--pytest-asyncio-version"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("poetry.lock", '[[package]]\nname = "pytest-asyncio"\nversion = "0.20.3"\n'),
        ("pdm.lock", '[metadata]\ngroups = ["default"]\n\n[[package]]\nname = "pytest-asyncio"\nversion = "0.20.3"\n'),
        ("Pipfile.lock", '{"default": {}, "develop": {"pytest-asyncio": {"version": "==0.20.3"}}}'),
    ],
)
def test_lock_files(tmp_path: Path, name: str, text: str) -> None:
    root = write_tree(tmp_path / "p", {name: text})
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.20.3" and name in found.pytest_asyncio.source


@pytest.mark.parametrize(
    "pyproject",
    [
        '[project]\nname="x"\nversion="0"\n[project.optional-dependencies]\ntest=["pytest-asyncio<0.22"]\n',
        '[dependency-groups]\ndev=["pytest-asyncio<0.22"]\n',
        '[tool.poetry.group.test.dependencies]\npytest-asyncio = "^0.21.0"\n',
        '[tool.poetry.dev-dependencies]\npytest-asyncio = {version = "~0.21"}\n',
        '[tool.hatch.envs.test]\ndependencies = ["pytest-asyncio<0.22"]\n',
        '[tool.pdm.dev-dependencies]\ntest = ["pytest-asyncio<0.22"]\n',
    ],
)
def test_pyproject_dependency_tables(tmp_path: Path, pyproject: str) -> None:
    root = write_tree(tmp_path / "p", {"pyproject.toml": pyproject})
    assert str(project_versions(root).pytest_asyncio.version) == "0.21.2"


def test_search_stops_at_the_project_boundary(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "_installed", lambda package: None)
    write_tree(tmp_path, {"requirements.txt": "pytest-asyncio==0.21.0\n"})
    inner = write_tree(tmp_path / "inner", {"pytest.ini": "[pytest]\n"})
    found = project_versions(inner)
    assert "newest" in found.pytest_asyncio.source  # the outer requirements are another project


def test_running_environment_before_the_default(tmp_path: Path, monkeypatch) -> None:
    """The installed release counts only when the environment is the project's own."""
    monkeypatch.setattr(versions, "_installed", lambda package: parse_version("0.26.0"))
    root = write_tree(tmp_path / "p", {"pytest.ini": "[pytest]\n"})
    monkeypatch.setattr(versions, "environment_is_projects", lambda root: False)
    assert project_versions(root).pytest_asyncio.source == "newest release asynclint knows"
    monkeypatch.setattr(versions, "environment_is_projects", lambda root: True)
    found = project_versions(root)
    assert str(found.pytest_asyncio.version) == "0.26.0"
    assert found.pytest_asyncio.source == "installed in the project's environment"


# --------------------------------------------------------------------------- warnings
@pytest.mark.parametrize(
    ("filters", "addopts", "category", "expected"),
    [
        ((), "", "PytestDeprecationWarning", "always"),
        ((), "", "PytestRemovedIn9Warning", "error"),
        (("error",), "", "PytestWarning", "error"),
        (("error", "ignore::DeprecationWarning"), "", "PytestDeprecationWarning", "ignore"),
        (("error", "ignore::DeprecationWarning"), "", "PytestWarning", "error"),
        (("ignore:some message:DeprecationWarning",), "", "PytestRemovedIn9Warning", "error"),
        (("error::pytest.PytestDeprecationWarning",), "", "DeprecationWarning", "always"),
        ((), "-W error", "PytestDeprecationWarning", "error"),
        (("error",), "-Wdefault", "PytestDeprecationWarning", "default"),
    ],
)
def test_warning_actions(filters, addopts, category, expected) -> None:
    profile = DEFAULT_PROFILE.with_overrides(filterwarnings=filters, raw={"addopts": addopts})
    assert warning_action(profile, category) == expected


def test_pytest_8_does_not_escalate_removed_in_9(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "p", {"requirements.txt": "pytest==8.3.5\n"})
    assert warning_action(DEFAULT_PROFILE, "PytestRemovedIn9Warning", project_versions(root)) == "always"


# --------------------------------------------------------------------------- rules by version
EVENT_LOOP_FILE = """\
import asyncio

import pytest


@pytest.fixture
def event_loop():
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def event_loop_policy():
    return asyncio.DefaultEventLoopPolicy()


@pytest.mark.asyncio(scope="module")
async def test_scope(event_loop):
    await asyncio.sleep(0)
"""


def lint_project(root: Path) -> list:
    return lint_paths([str(root)], settings=Settings(enabled=ALL_CODES)).diagnostics


@pytest.mark.parametrize(
    ("pin", "codes", "fragment"),
    [
        ("0.21.1", set(), None),
        ("0.23.8", {"ASL403"}, "deprecated since pytest-asyncio 0.22"),
        ("0.24.0", {"ASL403", "ASL107"}, "deprecated since pytest-asyncio 0.22"),
        ("1.3.0", {"ASL403", "ASL107"}, "removed in 1.0"),
        ("1.5.0", {"ASL403", "ASL107", "ASL405"}, "removed in 1.0"),
    ],
)
def test_rules_follow_the_version(tmp_path: Path, pin: str, codes: set[str], fragment: str | None) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "requirements.txt": f"pytest-asyncio=={pin}\n",
            "test_loop.py": EVENT_LOOP_FILE,
        },
    )
    found = lint_project(root)
    assert {d.code for d in found} == codes, [d.message for d in found]
    if fragment:
        assert all(fragment in d.message for d in found if d.code == "ASL403")


def test_cli_version_option_beats_the_pin_and_keys_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "requirements.txt": "pytest-asyncio==0.21.1\n",
            "test_loop.py": EVENT_LOOP_FILE,
        },
    )
    monkeypatch.chdir(root)

    def codes(*extra: str) -> set[str]:
        result = CliRunner().invoke(main, ["check", "--output-format", "json", *extra, "."])
        assert result.exit_code in (0, 1), result.output
        return {d["code"] for d in json.loads(result.output)}

    assert codes() == set()  # 0.21 had neither the deprecation nor loop_scope
    # Same files, same cache directory: the option must not be answered from the cache.
    assert codes("--pytest-asyncio-version", "1.5.0") == {"ASL403", "ASL107", "ASL405"}
    assert codes() == set()
    assert codes("--pytest-asyncio-version", "1.5.0") == {"ASL403", "ASL107", "ASL405"}
    assert not any("PYTEST_ASYNCIO" in name for name in os.environ)  # data, not the environment


def test_cli_version_option_rejects_a_non_version(tmp_path: Path) -> None:
    write_tree(tmp_path, {"test_a.py": "def test_a():\n    pass\n"})
    result = CliRunner().invoke(main, ["check", "--pytest-asyncio-version", "latest", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a version: 'latest'" in result.output and "Traceback" not in result.output


def test_filterwarnings_error_is_named_in_messages(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\nfilterwarnings =\n    error\n",
            "requirements.txt": "pytest-asyncio==1.5.0\n",
            "test_loop.py": EVENT_LOOP_FILE,
        },
    )
    messages = {d.code: d.message for d in lint_project(root)}
    assert "`filterwarnings = error` in pytest.ini" in messages["ASL107"]
    assert "`filterwarnings = error` in pytest.ini" in messages["ASL405"]
    root = write_tree(
        tmp_path / "q",
        {
            "pytest.ini": "[pytest]\n",
            "requirements.txt": "pytest-asyncio==1.5.0\n",
            "test_loop.py": EVENT_LOOP_FILE,
        },
    )
    assert not any("filterwarnings" in d.message for d in lint_project(root))


def test_pytest_version_changes_what_asl108_says(tmp_path: Path) -> None:
    source = "import pytest\n\n\n@pytest.mark.asyncio\n@pytest.fixture\ndef value():\n    return 1\n"
    messages = {}
    for pin in ("9.0.3", "8.3.5", "7.3.2"):
        root = write_tree(
            tmp_path / pin,
            {
                "pytest.ini": "[pytest]\n",
                "requirements.txt": f"pytest=={pin}\n",
                "test_m.py": source,
            },
        )
        (found,) = lint_project(root)
        messages[pin] = found.message
    assert "fails the module at import" in messages["9.0.3"]
    assert "warns it has no effect" in messages["8.3.5"]
    assert "marks do not apply to fixtures and it has no effect" in messages["7.3.2"]


# --------------------------------------------------------------------------- fixtures
def test_star_imports_and_renamed_fixtures_through_conftest(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "tests/__init__.py": "",
            "tests/shared.py": (
                "import pytest\n\n\n@pytest.fixture\nasync def star():\n    return 1\n\n\n"
                "@pytest.fixture(name='renamed')\nasync def _implementation():\n    return 2\n"
            ),
            "tests/conftest.py": "from tests.shared import *  # noqa: F403\n",
            "tests/test_uses.py": (
                "import asyncio\n\n\ndef test_star(star):\n    assert star\n\n\n"
                "def test_renamed(renamed):\n    assert renamed\n\n\n"
                "def test_implementation_name_is_not_a_fixture(_implementation):\n    assert asyncio\n"
            ),
        },
    )
    found = {(Path(d.path).name, d.line, d.code) for d in lint_project(root)}
    assert found == {("test_uses.py", 4, "ASL109"), ("test_uses.py", 8, "ASL109")}


def test_needs_fixture_rules_sees_trigger_free_requests(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "conftest.py": "import pytest\n\n\n@pytest.fixture\nasync def db():\n    return 1\n",
            "test_plain.py": "def test_db(db):\n    assert db\n",
            "test_other.py": "def test_other(tmp_path):\n    assert tmp_path\n",
            "test_marked_fixture.py": (
                "import pytest\n\n\n@pytest.mark.usefixtures('tmp_path')\n@pytest.fixture\ndef x():\n    return 1\n"
            ),
        },
    )
    index = ProjectIndex(root)
    profile = load_profile(root / "test_plain.py")

    def needs(name: str) -> bool:
        path = root / name
        return needs_fixture_rules(path, summarize(path.read_text(), str(path), name[:-3], False), index, profile)

    assert needs("test_plain.py") and needs("test_marked_fixture.py")
    assert not needs("test_other.py")


def test_trigger_free_file_gets_fixture_findings(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "conftest.py": "import pytest\n\n\n@pytest.fixture\nasync def db():\n    return 1\n",
            "test_plain.py": "def test_db(db):\n    assert db\n",
            "test_marked_fixture.py": (
                "import pytest\n\n\n@pytest.mark.usefixtures('tmp_path')\n@pytest.fixture\ndef x():\n    return 1\n"
            ),
        },
    )
    found = {(Path(d.path).name, d.code) for d in lint_project(root)}
    assert ("test_plain.py", "ASL109") in found and ("test_marked_fixture.py", "ASL108") in found


# --------------------------------------------------------------------------- asynclint config
def test_config_command_prints_facts_and_sources(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\nasyncio_mode = auto\naddopts = -p anyio\nfilterwarnings =\n    error\n",
            "requirements.txt": "pytest-asyncio==0.23.8\npytest==8.3.5\n",
            "conftest.py": "pytest_plugins = ['pytester']\n",
            "tests/test_x.py": "async def test_x():\n    pass\n",
        },
    )
    result = CliRunner().invoke(main, ["config", str(root / "tests" / "test_x.py")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "pytest.ini" in out
    assert "auto  (from pytest.ini [pytest] asyncio_mode)" in out
    assert "0.23.8  (pinned in requirements.txt)" in out
    assert "8.3.5  (pinned in requirements.txt)" in out
    assert re.search(r"^plugins \(-p\):\s+anyio$", out, re.M)
    assert "pytester (conftest.py)" in out
    assert "PytestDeprecationWarning: error" in out


def test_lock_without_pytest_asyncio_silences_its_rules(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": "[pytest]\n",
            "uv.lock": 'version = 1\n\n[[package]]\nname = "pytest"\nversion = "9.0.3"\n',
            "test_loop.py": EVENT_LOOP_FILE + "\n\n@pytest.fixture\nasync def plain():\n    return 1\n",
        },
    )
    found = project_versions(root)
    assert not found.asyncio_installed and found.pytest_asyncio.source == "not in uv.lock: not installed"
    assert lint_project(root) == []
