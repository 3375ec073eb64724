"""What ``asynclint config PATH`` prints: the effective profile of a file, fact by fact,
each with where it came from."""

from __future__ import annotations

from pathlib import Path

from asynclint.config.library_environment import environment_for
from asynclint.config.pytest_config import PytestProfile
from asynclint.config.settings import Settings, find_pyproject_settings
from asynclint.config.versions import ProjectVersions, versions_for_index, warning_action
from asynclint.engine.run_state import RunState, project_root
from asynclint.index.summary import ModuleSummary, summarize
from asynclint.semantics.coroutine_runners import conftest_chain, runner_context


def _mode(profile: PytestProfile, versions: ProjectVersions) -> str:
    """The mode and its source; before 0.19 an unset mode meant legacy, not strict."""
    if profile.asyncio_mode_source == "default" and versions.asyncio_installed:
        if not versions.asyncio_at_least(0, 17):
            return "none  (pytest-asyncio before 0.17 has no modes: async fixtures run, tests need the mark)"
        if not versions.asyncio_at_least(0, 19):
            return "legacy  (the default before pytest-asyncio 0.19: async fixtures run, tests need the mark)"
    return f"{profile.asyncio_mode}  (from {profile.asyncio_mode_source})"


def describe_profile(path: Path, settings: Settings) -> list[tuple[str, str]]:
    """(label, value) rows for ``path`` (a file or a folder)."""
    path = Path(path)
    folder = path.resolve() if path.is_dir() else path.resolve().parent
    profile, index = RunState().index_of_file(path, settings, folder)
    root = project_root(path, profile, folder)
    probe = path.resolve() if path.is_file() else folder / "__asynclint_probe__.py"
    if path.is_file():
        name, is_package = index.module_name(probe)
        try:
            own = summarize(path.read_bytes(), str(probe), name, is_package)
        except OSError:
            own = ModuleSummary(path=str(probe), module=name, is_package=is_package)
    else:
        own = ModuleSummary(path=str(probe), module="", is_package=False)
    context = runner_context(probe, own, index, profile)
    versions = versions_for_index(index)
    conftests = conftest_chain(probe, index)
    plugins = list(own.pytest_plugins)
    for conftest in conftests:
        plugins.extend(f"{p} ({conftest.name})" for p in index.summary_for_path(conftest).pytest_plugins)

    def rel(item: Path) -> str:
        try:
            return item.resolve().relative_to(root).as_posix()
        except ValueError:
            return str(item)

    config = str(profile.config_path) if profile.config_path is not None else "(none found: pytest defaults)"
    asyncio_state = "enabled" if profile.asyncio_plugin_enabled else "disabled by -p no:asyncio"
    filters = ", ".join(profile.filterwarnings) or "(pytest defaults)"
    actions = ", ".join(
        f"{category}: {warning_action(profile, category, versions)}"
        for category in ("PytestDeprecationWarning", "PytestRemovedIn9Warning", "PytestWarning")
    )
    found = find_pyproject_settings(path)
    return [
        ("path", str(path)),
        ("pytest config", config),
        ("rootdir", str(root)),
        ("asyncio mode", _mode(profile, versions)),
        ("pytest-asyncio", asyncio_state),
        ("pytest-asyncio version", f"{versions.pytest_asyncio.version}  ({versions.pytest_asyncio.source})"),
        ("pytest version", f"{versions.pytest.version}  ({versions.pytest.source})"),
        (
            "anyio",
            "auto mode (anyio_mode = auto)"
            if profile.anyio_auto
            else (
                "an autouse fixture requests anyio_backend"
                if context.anyio_backend_autouse
                else "runs tests marked `anyio` or requesting `anyio_backend` only"
            ),
        ),
        ("trio", "trio_mode = true" if profile.trio_auto else "runs tests marked `trio` only"),
        (
            "unmarked coroutine tests",
            f"may run: {context.other_runner}"
            if context.other_runner
            else "never run (no plugin, hook or auto mode runs them)",
        ),
        ("runs coroutine tests with", ", ".join(context.libraries) or "(nothing says which runner)"),
        ("runner evidence", "; ".join(context.evidence) or "-"),
        ("plugins (-p)", ", ".join(profile.plugins) or "-"),
        ("pytest_plugins", ", ".join(plugins) or "-"),
        ("conftest.py", ", ".join(rel(c) for c in conftests) or "-"),
        ("filterwarnings", filters),
        ("warnings become", actions),
        ("python_files", " ".join(profile.python_files)),
        ("python_classes", " ".join(profile.python_classes)),
        ("python_functions", " ".join(profile.python_functions)),
        ("asynclint config", f"{found[0]} [tool.asynclint]" if found else "(none: defaults)"),
        _libraries_row(root),
        ("asynclint rules", ", ".join(sorted(settings.enabled))),
    ]


def _libraries_row(root: Path) -> tuple[str, str]:
    """Whose installed libraries and standard library were read for library knowledge."""
    env = environment_for(Path(root).resolve())
    where = ", ".join(str(p) for p in env.site_dirs) or "no site-packages"
    return ("libraries read from", f"{env.origin}: {where}; standard library {env.stdlib or '(not found)'}")
