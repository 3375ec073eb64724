"""Tests for asynclint.config.pytest_config: pytest-faithful config discovery."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from asynclint.config.pytest_config import (
    DEFAULT_PROFILE,
    KIND_NONE,
    KIND_PYTEST,
    KIND_SETUP_CFG,
    KIND_TOOL_PYTEST,
    KIND_TOOL_PYTEST_INI_OPTIONS,
    PytestConfigError,
    PytestProfile,
    clear_cache,
    find_config_file,
    load_profile,
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def skip_if_ancestor_config(folder: Path) -> None:
    """tmp_path's ancestors normally hold no pytest config; if they do, the
    "nothing found" tests cannot be meaningful on this machine."""
    found = find_config_file(folder)
    if found is not None:
        pytest.skip(f"an ancestor of tmp_path holds pytest config: {found[0]}")


# --------------------------------------------------------------------------
# One test per file kind
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pytest.toml", ".pytest.toml"])
def test_dedicated_toml_reads_pytest_table_with_native_types(tmp_path: Path, name: str) -> None:
    config = write(
        tmp_path / name,
        """
        [pytest]
        asyncio_mode = "auto"
        python_files = ["check_*.py"]
        testpaths = ["tests", "integration"]
        filterwarnings = ["error", "ignore::DeprecationWarning"]
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_PYTEST)
    profile = load_profile(tmp_path / "tests" / "test_a.py")
    assert profile.config_path == config
    assert profile.rootdir == tmp_path
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == f"{name} [pytest] asyncio_mode"
    assert profile.python_files == ("check_*.py",)
    assert profile.testpaths == ("tests", "integration")
    assert profile.filterwarnings == ("error", "ignore::DeprecationWarning")
    assert profile.raw["testpaths"] == ("tests", "integration")


@pytest.mark.parametrize("name", ["pytest.ini", ".pytest.ini"])
def test_dedicated_ini_reads_pytest_section(tmp_path: Path, name: str) -> None:
    config = write(
        tmp_path / name,
        """
        [pytest]
        asyncio_mode = auto
        python_functions = check_ spec_*
        testpaths = tests
            more_tests
        pythonpath = src
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_PYTEST)
    profile = load_profile(tmp_path)
    assert profile.config_path == config
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == f"{name} [pytest] asyncio_mode"
    assert profile.python_functions == ("check_", "spec_*")
    assert profile.testpaths == ("tests", "more_tests")
    assert profile.pythonpath == ("src",)
    assert profile.raw["asyncio_mode"] == "auto"


def test_pytest_ini_tolerates_tool_pytest_section(tmp_path: Path) -> None:
    config = write(tmp_path / "pytest.ini", "[tool:pytest]\nasyncio_mode = auto\n")
    assert find_config_file(tmp_path) == (config, KIND_SETUP_CFG)
    assert load_profile(tmp_path).asyncio_mode == "auto"


def test_pyproject_native_tool_pytest(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "demo"

        [tool.pytest]
        asyncio_mode = "auto"
        python_classes = ["Describe", "*Suite"]
        addopts = ["-p", "myplugin"]
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_TOOL_PYTEST)
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == "pyproject.toml [tool.pytest] asyncio_mode"
    assert profile.python_classes == ("Describe", "*Suite")
    assert profile.plugins == ("myplugin",)


def test_pyproject_ini_options(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        """
        [tool.pytest.ini_options]
        asyncio_mode = "auto"
        python_files = "spec_*.py  *_spec.py"
        filterwarnings = ["error"]
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_TOOL_PYTEST_INI_OPTIONS)
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == "pyproject.toml [tool.pytest.ini_options] asyncio_mode"
    assert profile.python_files == ("spec_*.py", "*_spec.py")
    assert profile.filterwarnings == ("error",)


def test_pyproject_native_table_beats_ini_options(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [tool.pytest]
        asyncio_mode = "auto"

        [tool.pytest.ini_options]
        asyncio_mode = "strict"
        testpaths = ["legacy"]
        """,
    )
    found = find_config_file(tmp_path)
    assert found is not None and found[1] == KIND_TOOL_PYTEST
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "auto"
    assert profile.testpaths == ()
    assert "ini_options" not in profile.raw


def test_tox_ini_pytest_section(tmp_path: Path) -> None:
    config = write(
        tmp_path / "tox.ini",
        """
        [tox]
        envlist = py311

        [pytest]
        asyncio_mode = auto
        filterwarnings =
            error
            ignore:.*deprecated.*:DeprecationWarning
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_PYTEST)
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode_source == "tox.ini [pytest] asyncio_mode"
    assert profile.filterwarnings == ("error", "ignore:.*deprecated.*:DeprecationWarning")


def test_setup_cfg_tool_pytest_section(tmp_path: Path) -> None:
    config = write(
        tmp_path / "setup.cfg",
        """
        [metadata]
        name = demo

        [tool:pytest]
        asyncio_mode = auto
        python_files = *_tests.py
        """,
    )
    assert find_config_file(tmp_path) == (config, KIND_SETUP_CFG)
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode_source == "setup.cfg [tool:pytest] asyncio_mode"
    assert profile.python_files == ("*_tests.py",)


def test_ini_default_section_does_not_leak_into_pytest_section(tmp_path: Path) -> None:
    write(tmp_path / "setup.cfg", "[DEFAULT]\nasyncio_mode = auto\n\n[tool:pytest]\ntestpaths = t\n")
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "strict"
    assert dict(profile.raw) == {"testpaths": "t"}


def test_ini_values_keep_percent_signs(tmp_path: Path) -> None:
    write(tmp_path / "tox.ini", "[pytest]\nfilterwarnings = ignore:100% done:UserWarning\n")
    assert load_profile(tmp_path).filterwarnings == ("ignore:100% done:UserWarning",)


# --------------------------------------------------------------------------
# Precedence
# --------------------------------------------------------------------------


def test_empty_pytest_ini_beats_pyproject_in_same_folder(tmp_path: Path) -> None:
    ini = write(tmp_path / "pytest.ini", "")
    write(tmp_path / "pyproject.toml", '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n')
    assert find_config_file(tmp_path) == (ini, KIND_NONE)
    profile = load_profile(tmp_path / "test_x.py")
    assert profile.config_path == ini
    assert profile.asyncio_mode == "strict"
    assert profile.asyncio_mode_source == "default"
    assert dict(profile.raw) == {}


def test_sectionless_pytest_toml_beats_tox_ini(tmp_path: Path) -> None:
    toml = write(tmp_path / "pytest.toml", "# nothing yet\n")
    write(tmp_path / "tox.ini", "[pytest]\nasyncio_mode = auto\n")
    assert find_config_file(tmp_path) == (toml, KIND_NONE)
    assert load_profile(tmp_path).asyncio_mode == "strict"


def test_pytest_toml_beats_pytest_ini(tmp_path: Path) -> None:
    toml = write(tmp_path / "pytest.toml", '[pytest]\nasyncio_mode = "auto"\n')
    write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = strict\n")
    assert find_config_file(tmp_path) == (toml, KIND_PYTEST)


def test_pyproject_without_pytest_table_is_skipped_for_parent_tox_ini(tmp_path: Path) -> None:
    tox = write(tmp_path / "tox.ini", "[pytest]\nasyncio_mode = auto\n")
    child = tmp_path / "pkg"
    write(child / "pyproject.toml", '[project]\nname = "pkg"\n\n[tool.black]\nline-length = 100\n')
    assert find_config_file(child) == (tox, KIND_PYTEST)
    profile = load_profile(child / "tests" / "test_a.py")
    assert profile.config_path == tox
    assert profile.rootdir == tmp_path
    assert profile.asyncio_mode == "auto"


def test_tox_ini_and_setup_cfg_without_pytest_section_are_skipped(tmp_path: Path) -> None:
    parent_ini = write(tmp_path / "pytest.ini", "[pytest]\n")
    child = tmp_path / "child"
    write(child / "tox.ini", "[tox]\nenvlist = py311\n")
    # A bare [pytest] section in setup.cfg is rejected by pytest, so it is not a match.
    write(child / "setup.cfg", "[pytest]\nasyncio_mode = auto\n")
    assert find_config_file(child) == (parent_ini, KIND_PYTEST)


def test_nearer_config_wins_over_ancestor(tmp_path: Path) -> None:
    write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = auto\n")
    near = write(tmp_path / "sub" / "tox.ini", "[pytest]\nasyncio_mode = strict\n")
    profile = load_profile(tmp_path / "sub" / "deeper" / "test_x.py")
    assert profile.config_path == near
    assert profile.rootdir == tmp_path / "sub"
    assert profile.asyncio_mode == "strict"
    assert profile.asyncio_mode_source == "tox.ini [pytest] asyncio_mode"
    assert load_profile(tmp_path / "test_top.py").asyncio_mode == "auto"


def test_missing_path_walks_up_from_nearest_existing_parent(tmp_path: Path) -> None:
    config = write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = auto\n")
    missing = tmp_path / "not" / "there" / "test_ghost.py"
    assert find_config_file(missing) == (config, KIND_PYTEST)
    assert load_profile(missing).config_path == config


def test_file_argument_starts_from_its_folder(tmp_path: Path) -> None:
    config = write(tmp_path / "tests" / "pytest.ini", "[pytest]\n")
    test_file = write(tmp_path / "tests" / "test_a.py", "def test_a(): pass\n")
    assert find_config_file(test_file) == (config, KIND_PYTEST)


# --------------------------------------------------------------------------
# addopts
# --------------------------------------------------------------------------


def test_addopts_asyncio_mode_beats_key(tmp_path: Path) -> None:
    write(
        tmp_path / "pytest.ini",
        "[pytest]\nasyncio_mode = strict\naddopts = -ra --asyncio-mode=auto\n",
    )
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == "addopts --asyncio-mode in pytest.ini"


def test_addopts_asyncio_mode_two_token_form(tmp_path: Path) -> None:
    write(tmp_path / "tox.ini", "[pytest]\nasyncio_mode = auto\naddopts = --asyncio-mode strict -q\n")
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "strict"
    assert profile.asyncio_mode_source == "addopts --asyncio-mode in tox.ini"


def test_addopts_as_toml_list(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """
        [tool.pytest.ini_options]
        addopts = ["--strict-markers", "--asyncio-mode auto", "-p", "no:cacheprovider"]
        """,
    )
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "auto"
    assert profile.asyncio_mode_source == "addopts --asyncio-mode in pyproject.toml"
    assert profile.disabled_plugins == ("cacheprovider",)
    assert profile.asyncio_plugin_enabled is True


@pytest.mark.parametrize(
    "ini",
    [
        "asyncio_mode = legacy\n",
        "asyncio_mode = AUTO\n",  # pytest-asyncio compares exactly: Mode("AUTO") fails
        "addopts = --asyncio-mode=bogus\n",
        "asyncio_mode = auto\naddopts = --asyncio-mode=bogus\n",  # the option wins, so it must be valid
    ],
)
def test_invalid_asyncio_mode_is_an_error_like_pytest_asyncio(tmp_path: Path, ini: str) -> None:
    write(tmp_path / "pytest.ini", f"[pytest]\n{ini}")
    with pytest.raises(PytestConfigError, match=r"pytest\.ini: \[pytest\] .*asyncio.mode.*not a valid asyncio_mode"):
        load_profile(tmp_path)


def test_valid_option_hides_invalid_ini_mode(tmp_path: Path) -> None:
    """pytest-asyncio reads the ini key only when the option is absent."""
    write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = bogus\naddopts = --asyncio-mode=auto\n")
    assert load_profile(tmp_path).asyncio_mode == "auto"


def test_invalid_mode_is_not_checked_when_pytest_asyncio_is_disabled(tmp_path: Path) -> None:
    write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = bogus\naddopts = -p no:asyncio\n")
    profile = load_profile(tmp_path)
    assert (profile.asyncio_mode, profile.asyncio_plugin_enabled) == ("strict", False)


@pytest.mark.parametrize(
    "addopts, disabled",
    [
        ("-p no:asyncio", "asyncio"),
        ("-pno:asyncio", "asyncio"),
        ("-p no:pytest_asyncio", "pytest_asyncio"),
        ("-p no:pytest_asyncio.plugin", "pytest_asyncio.plugin"),
    ],
)
def test_disabling_pytest_asyncio(tmp_path: Path, addopts: str, disabled: str) -> None:
    write(tmp_path / "pytest.ini", f"[pytest]\nasyncio_mode = auto\naddopts = {addopts}\n")
    profile = load_profile(tmp_path)
    assert profile.asyncio_plugin_enabled is False
    assert profile.disabled_plugins == (disabled,)
    assert profile.plugins == ()


def test_plugins_recorded_in_both_forms_and_bad_form_ignored(tmp_path: Path) -> None:
    write(
        tmp_path / "pytest.ini",
        "[pytest]\naddopts = -p myplugin -pother.plugin -p=ignored -p no:randomly\n",
    )
    profile = load_profile(tmp_path)
    assert profile.plugins == ("myplugin", "other.plugin")
    assert profile.disabled_plugins == ("randomly",)
    assert profile.asyncio_plugin_enabled is True


def test_p_consumes_its_value_token(tmp_path: Path) -> None:
    # "-p --asyncio-mode=auto" loads a (weirdly named) plugin; it does not set the mode.
    write(tmp_path / "pytest.ini", "[pytest]\naddopts = -p --asyncio-mode=auto\n")
    profile = load_profile(tmp_path)
    assert profile.asyncio_mode == "strict"
    assert profile.plugins == ("--asyncio-mode=auto",)


# --------------------------------------------------------------------------
# anyio / trio
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, expected",
    [
        ("anyio_mode = auto\n", True),
        ("anyio_mode = strict\n", False),
        ("addopts = --anyio-mode auto\n", True),
        ("addopts = --anyio-mode=auto\n", True),
        ("asyncio_mode = auto\n", False),
    ],
)
def test_anyio_auto(tmp_path: Path, body: str, expected: bool) -> None:
    write(tmp_path / "tox.ini", "[pytest]\n" + body)
    assert load_profile(tmp_path).anyio_auto is expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("true", True),
        ("1", True),
        ("yes", True),
        ("on", True),
        ("auto", True),
        ("false", False),
        ("0", False),
        ("no", False),
    ],
)
def test_trio_mode_ini(tmp_path: Path, value: str, expected: bool) -> None:
    write(tmp_path / "pytest.ini", f"[pytest]\ntrio_mode = {value}\n")
    assert load_profile(tmp_path).trio_auto is expected


def test_trio_mode_native_toml_bool(tmp_path: Path) -> None:
    write(tmp_path / "pytest.toml", "[pytest]\ntrio_mode = true\n")
    profile = load_profile(tmp_path)
    assert profile.trio_auto is True
    assert profile.anyio_auto is False


# --------------------------------------------------------------------------
# python_files / python_classes / python_functions semantics
# --------------------------------------------------------------------------


def test_default_name_patterns() -> None:
    p = DEFAULT_PROFILE
    assert p.is_test_file(Path("pkg/test_models.py"))
    assert p.is_test_file(Path("models_test.py"))
    assert not p.is_test_file(Path("models.py"))
    assert not p.is_test_file(Path("test_data.txt"))
    assert not p.is_test_file(Path("tests/conftest.py"))
    assert p.is_test_function_name("test_fetch")
    assert p.is_test_function_name("testing")  # pytest prefix semantics
    assert not p.is_test_function_name("fetch_test")
    assert p.is_test_class_name("TestClient")
    assert not p.is_test_class_name("ClientTest")


def test_configured_patterns_drive_predicates(tmp_path: Path) -> None:
    write(
        tmp_path / "pytest.ini",
        """
        [pytest]
        python_files = check_*.py
        python_classes = Describe *Suite
        python_functions = it_ *_should
        """,
    )
    profile = load_profile(tmp_path)
    assert profile.python_files == ("check_*.py",)
    assert profile.python_classes == ("Describe", "*Suite")
    assert profile.python_functions == ("it_", "*_should")

    assert profile.is_test_file(tmp_path / "check_api.py")
    assert not profile.is_test_file(tmp_path / "test_api.py")

    assert profile.is_test_class_name("DescribeClient")  # prefix
    assert profile.is_test_class_name("ClientSuite")  # glob
    assert not profile.is_test_class_name("TestClient")

    assert profile.is_test_function_name("it_works")  # prefix
    assert profile.is_test_function_name("client_should")  # glob
    assert not profile.is_test_function_name("client_should_not")  # glob is anchored
    assert not profile.is_test_function_name("test_fetch")


def test_glob_entry_is_also_a_literal_prefix() -> None:
    profile = PytestProfile(python_functions=("check[12]",))
    assert profile.is_test_function_name("check1")  # glob match
    assert profile.is_test_function_name("check[12]_raw")  # literal prefix, as pytest does
    assert not profile.is_test_function_name("check3")


def test_python_files_pattern_with_separator_matches_path() -> None:
    profile = PytestProfile(python_files=("tests/*.py",))
    assert profile.is_test_file(Path("/repo/tests/helpers.py"))
    assert not profile.is_test_file(Path("/repo/src/helpers.py"))


# --------------------------------------------------------------------------
# Defaults, errors, misc
# --------------------------------------------------------------------------


def test_no_config_anywhere_gives_default_profile(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    skip_if_ancestor_config(deep)
    if any((d / "pyproject.toml").is_file() for d in (deep, *deep.parents)):
        pytest.skip("an ancestor of tmp_path holds a pyproject.toml")
    assert find_config_file(deep) is None
    profile = load_profile(deep / "test_x.py")
    assert profile == DEFAULT_PROFILE
    assert profile.config_path is None
    assert profile.rootdir is None
    assert profile.asyncio_mode == "strict"
    assert profile.asyncio_mode_source == "default"
    assert profile.asyncio_plugin_enabled is True
    assert profile.python_files == ("test_*.py", "*_test.py")
    assert profile.python_classes == ("Test",)
    assert profile.python_functions == ("test",)
    assert profile.testpaths == ()


def test_bare_pyproject_becomes_configfile_when_nothing_else_found(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n')
    skip_if_ancestor_config(tmp_path)
    assert find_config_file(tmp_path / "proj") is None
    profile = load_profile(tmp_path / "proj" / "tests" / "test_a.py")
    assert profile.config_path == pyproject
    assert profile.rootdir == tmp_path / "proj"
    assert profile.asyncio_mode == "strict"
    assert profile.asyncio_mode_source == "default"


def test_malformed_toml_raises_naming_file(tmp_path: Path) -> None:
    bad = write(tmp_path / "pyproject.toml", "[tool.pytest.ini_options\nasyncio_mode = 'auto'\n")
    with pytest.raises(PytestConfigError) as excinfo:
        load_profile(tmp_path)
    message = str(excinfo.value)
    assert message.startswith(f"{bad}: ")
    assert "\n" not in message


@pytest.mark.parametrize(
    "text",
    ["asyncio_mode = auto\n[pytest]\n", "[pytest]\nbare_key\n  continued\n"],
)
def test_malformed_ini_raises_naming_file(tmp_path: Path, text: str) -> None:
    bad = write(tmp_path / "pytest.ini", text)
    with pytest.raises(PytestConfigError) as excinfo:
        find_config_file(tmp_path)
    message = str(excinfo.value)
    assert message.startswith(f"{bad}: ")
    assert "\n" not in message


def test_with_overrides_replaces_fields_only_on_copy(tmp_path: Path) -> None:
    write(tmp_path / "pytest.ini", "[pytest]\nasyncio_mode = strict\n")
    profile = load_profile(tmp_path)
    changed = profile.with_overrides(asyncio_mode="auto", asyncio_mode_source="command line")
    assert changed.asyncio_mode == "auto"
    assert changed.asyncio_mode_source == "command line"
    assert changed.config_path == profile.config_path
    assert profile.asyncio_mode == "strict"


def test_profile_is_cached_per_config_and_hashable(tmp_path: Path) -> None:
    write(tmp_path / "tox.ini", "[pytest]\naddopts = -p xdist\n")
    first = load_profile(tmp_path / "a" / "test_one.py")
    second = load_profile(tmp_path / "b" / "test_two.py")
    assert first is second
    assert hash(first) == hash(second)
    with pytest.raises(TypeError):
        first.raw["addopts"] = "changed"  # type: ignore[index]
