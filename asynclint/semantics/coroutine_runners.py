"""Who runs coroutine tests: evidence from hooks, plugins, dependencies and the suite itself.

pytest-asyncio's strict mode is only half the story. A conftest implementing
``pytest_pyfunc_call``, a plugin named in ``pytest_plugins`` or ``-p``, or one that
arrives silently through a ``pytest11`` entry point of an installed package may run
unmarked coroutine tests and fixtures itself. And a released suite does not fail all
its async tests: when none of them carries an async mark, something asynclint does not
see runs them. Whenever the answer is uncertain, the runner-dependent rules stay silent.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

from asynclint.config.dependencies import (
    DeclaredDependencies,
    declaration_inputs,
    declared_dependencies,
    own_pytest_plugins,
)
from asynclint.config.pytest_config import PytestProfile
from asynclint.config.versions import (
    environment_is_projects,
    lock_versions,
    parse_version,
    search_folders,
    versions_for_index,
)
from asynclint.index.project import ProjectIndex, project_fact
from asynclint.index.summary import ModuleSummary
from asynclint.semantics import plugins
from asynclint.semantics.plugins import NOT_A_RUNNER, RUNS_MARKED, PluginRole
from asynclint.semantics.runner_context import RunnerContext

# Async marks, pytest-asyncio's fixture decorator or anyio's backend fixture in a test file.
_ASYNC_MARK_USE = re.compile(
    r"\bmark\.(asyncio|anyio|trio|asyncio_cooperative|asyncio_concurrent)\b"
    r"|\b(pytest_asyncio)\b|\b(anyio_backend)\b"
)
_MARK_NAMES = frozenset({"asyncio", "anyio", "trio", "asyncio_cooperative", "asyncio_concurrent"})
_COROUTINE_TEST = re.compile(r"^\s*async\s+def\s+test", re.M)
# A unittest harness that runs its own coroutine test methods: a file naming one holds tests
# that say nothing about which pytest plugin runs coroutine tests.
_ASYNC_TESTCASE_USE = re.compile(r"\b(?:IsolatedAsyncioTestCase|AioHTTPTestCase|AsyncTestCase|AsyncHTTPTestCase)\b")
_TEST_DIR_NAMES = frozenset({"test", "tests", "testing", "unittests", "integration", "functional"})
_PLUGIN_HOOKS = re.compile(r"^\s*(?:async\s+)?def\s+(pytest_pyfunc_call|pytest_fixture_setup)\s*\(", re.M)


def conftest_chain(path: Path, index: ProjectIndex) -> list[Path]:
    return index.conftest_chain(path)


# ------------------------------------------------------------------ the suite's own evidence
@dataclass(frozen=True)
class SuiteMarks:
    """Which async marks the project's test files use, and where its coroutine tests are."""

    used: frozenset[str]  # "asyncio", "anyio", "trio", "pytest_asyncio", "anyio_backend", ...
    in_marked_files: int  # coroutine tests in files that use some async mark
    in_unmarked_files: int  # coroutine tests in files that use none

    @property
    def coroutine_tests(self) -> bool:
        return bool(self.in_marked_files or self.in_unmarked_files)

    @property
    def mostly_unmarked(self) -> bool:
        """Most coroutine tests sit in files without any async mark: a released suite does not
        fail most of its tests, so whatever runs those is something asynclint does not see
        (a config file left out of the sdist, a command line, an unlisted plugin)."""
        return self.in_unmarked_files > self.in_marked_files


def _is_test_like(dirpath: str, name: str) -> bool:
    if name == "conftest.py" or name.startswith("test") or name.endswith("_test.py"):
        return True
    return any(part in _TEST_DIR_NAMES for part in Path(dirpath).parts[-3:])


def suite_marks(index: ProjectIndex) -> SuiteMarks:
    """Scan the project's test-like files once per run and project (text only, never imported).

    A conftest that marks (even ineffectively, see ASL106) shows the suite means its tests
    under that folder to carry marks, and a test file importing a helper module that marks
    (base classes with ``pytestmark``) inherits them: both count as tests of marked files.
    """
    return index.derived("suite-marks", lambda: _scan_suite_marks(index))


def _scan_suite_marks(index: ProjectIndex) -> SuiteMarks:
    used: set[str] = set()
    tests: list[tuple[str, bool, int, str]] = []  # (folder, uses a mark, coroutine tests, text)
    marking_conftests: list[str] = []
    marking_helpers: set[str] = set()  # helper modules (base classes) whose marks tests inherit
    for folder, files in index.walk():
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(".py") or not _is_test_like(folder, name) or not os.path.isfile(path):
                continue  # a FIFO named like a test would block open()
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                continue
            here = {g for groups in _ASYNC_MARK_USE.findall(text) for g in groups if g}
            used |= here
            count = 0 if _ASYNC_TESTCASE_USE.search(text) else len(_COROUTINE_TEST.findall(text))
            if here & _MARK_NAMES:
                if name == "conftest.py":
                    marking_conftests.append(folder + os.sep)
                elif not count:
                    marking_helpers.add(name[:-3])
            # only unmarked files with coroutine tests need their text again (helper imports)
            tests.append((folder + os.sep, bool(here), count, text if count and not here else ""))
    helper_import = (
        re.compile(
            r"^\s*(?:from|import)\s+[\w.]*\b(?:" + "|".join(map(re.escape, sorted(marking_helpers))) + r")\b", re.M
        )
        if marking_helpers
        else None
    )
    counts = [0, 0]  # coroutine tests in marked files, in unmarked files
    for folder, marked, count, text in tests:
        covered = (
            marked
            or any(folder.startswith(c) for c in marking_conftests)
            or (count > 0 and helper_import is not None and bool(helper_import.search(text)))
        )
        counts[0 if covered else 1] += count
    return SuiteMarks(frozenset(used), counts[0], counts[1])


# ------------------------------------------------------------------ installed plugins
def _module_file(module: str) -> Path | None:
    """Locate a module's source on ``sys.path`` without importing it (or its parents)."""
    parts = module.split(".")
    for entry in sys.path:
        base = Path(entry or ".").joinpath(*parts)
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


def _source_runs_coroutines(module: str) -> bool:
    """An unknown plugin implements a hook that may run coroutine tests or fixtures."""
    path = _module_file(module)
    if path is None:
        return True  # cannot read it: it may
    try:
        return bool(_PLUGIN_HOOKS.search(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return True


def installed_entry_point_plugins() -> tuple[tuple[str, str, str | None], ...]:
    """(distribution, module, version) of every ``pytest11`` entry point installed here
    (read anew on each call: callers keep it in the run's index, see ``project_runners``)."""
    return _scan_entry_points()


def _scan_entry_points() -> tuple[tuple[str, str, str | None], ...]:
    """Read from the distributions' metadata: the plugins are never imported."""
    found: list[tuple[str, str, str | None]] = []
    try:
        distributions = list(metadata.distributions())
    except Exception:
        return ()
    for dist in distributions:
        try:
            name = dist.metadata["Name"] or ""
            points = [ep for ep in dist.entry_points if ep.group == "pytest11"]
            version = dist.version
        except Exception:
            continue
        for point in points:
            found.append((name, point.value.split(":")[0].strip(), version))
    return tuple(sorted(set(found)))


# ------------------------------------------------------------------ the project's answer
@dataclass(frozen=True)
class ProjectRunners:
    """What runs coroutine tests in one project, with the evidence, for every file in it."""

    unmarked_runner: str | None  # why unmarked coroutine tests may run (None: nothing runs them)
    unseen: bool  # that reason is the suite's shape, not a plugin asynclint can name
    libraries: tuple[str, ...]  # loop libraries the project's runners use, preferred first
    evidence: tuple[str, ...]
    files: tuple[str, ...]  # dependency files read, for the result cache
    own_plugins: tuple[str, ...] = ()  # modules the project registers as pytest11 plugins


def _locked_versions(index: ProjectIndex) -> dict[str, str]:
    """{package: version} pinned by the project's lock files, nearest folder first. Read once
    per run and project: the runner evidence asks about every declared package, and a large
    lock file takes a second to parse."""

    def read() -> dict[str, str]:
        found: dict[str, str] = {}
        for folder in search_folders(index.root):
            for lock in ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock"):
                if (folder / lock).is_file():
                    for package, version in lock_versions(folder / lock).items():
                        if version is not None:
                            found.setdefault(package, str(version))
        return found

    return index.derived("locked-versions", read)


def _judge(role: PluginRole | None, name: str, version: str | None, how: str) -> str | None:
    """Why a plugin may run unmarked coroutine tests (None: it does not)."""
    if role is None:
        if plugins.is_pytest_plugin_name(name) and plugins.name_suggests_async(name):
            return f"plugin {name} ({how}) is unknown to asynclint and may run coroutine tests"
        return None
    behaviour = role.behaviour_at(parse_version(version) if version else None)
    if behaviour in (RUNS_MARKED, NOT_A_RUNNER):
        return None
    verb = "runs coroutine tests" if behaviour == plugins.RUNS_UNMARKED else "may run coroutine tests"
    return f"plugin {role.distribution} ({how}) {verb}"


def _disabled(profile: PytestProfile) -> set[str]:
    """Plugins blocked with ``-p no:NAME`` (by entry-point or module name)."""
    return set(profile.disabled_plugins)


def project_runners(index: ProjectIndex, profile: PytestProfile) -> ProjectRunners:
    """The project-wide part of the answer, kept in the run's index (per profile)."""
    return index.derived(("runners", profile), lambda: _project_runners(index, profile))


def _installed_plugins(index: ProjectIndex) -> tuple[tuple[str, str, str | None], ...]:
    """The installed ``pytest11`` plugins, when the environment is the project's own."""
    if not index.derived("own-environment", lambda: environment_is_projects(index.root)):
        return ()
    return index.derived("entry-points", installed_entry_point_plugins)


def _project_runners(index: ProjectIndex, profile: PytestProfile) -> ProjectRunners:
    root = index.root
    declared: DeclaredDependencies = declared_dependencies(root)
    evidence: list[str] = []
    reasons: list[str] = []
    disabled = _disabled(profile)
    for package, where in sorted(declared.packages.items()):
        role = plugins.role_of_distribution(package)  # only distributions with a pytest11 entry point
        if role is not None and set(role.modules) & disabled:
            continue
        reason = _judge(role, package, _locked_versions(index).get(canonicalize_name(package)), f"declared in {where}")
        if reason:
            reasons.append(reason)
        if role is not None and role.behaviour != NOT_A_RUNNER:
            evidence.append(f"{role.distribution} declared in {where}")
    for dist, module, version in _installed_plugins(index):
        role = plugins.role_of_distribution(dist) or plugins.role_of_module(module)
        if module in disabled or canonicalize_name(dist) in {canonicalize_name(d) for d in disabled}:
            continue
        if role is not None and set(role.modules) & disabled:
            continue
        if role is None:
            if _source_runs_coroutines(module):
                reasons.append(f"installed plugin {dist} ({module}) implements a test-running hook")
            continue
        reason = _judge(role, dist, version, "installed, pytest11 entry point")
        if reason:
            reasons.append(reason)
        if role.behaviour != NOT_A_RUNNER:
            evidence.append(f"{role.distribution} {version} installed (pytest11 entry point)")
    named = bool(reasons)
    marks = suite_marks(index)
    auto = (
        (profile.asyncio_mode == "auto" and profile.asyncio_plugin_enabled) or profile.anyio_auto or profile.trio_auto
    )
    # A mode set on purpose (config or command line) says which plugin runs the suite.
    chosen = profile.asyncio_mode_source != "default" and profile.asyncio_plugin_enabled
    if marks.mostly_unmarked and not auto and not chosen:
        reasons.append(
            f"{marks.in_unmarked_files} of the project's {marks.in_marked_files + marks.in_unmarked_files} "
            "coroutine tests are in files without any async mark, so something asynclint does not "
            "see runs them"
        )
    libraries = _libraries(marks, declared, profile)
    evidence.append("async marks used by the suite: " + (", ".join(sorted(marks.used)) if marks.used else "none"))
    own = own_pytest_plugins(root)
    if own:
        evidence.append("the project registers pytest plugins: " + ", ".join(own))
    return ProjectRunners(
        reasons[0] if reasons else None, bool(reasons) and not named, libraries, tuple(evidence), declared.files, own
    )


def _libraries(marks: SuiteMarks, declared: DeclaredDependencies, profile: PytestProfile) -> tuple[str, ...]:
    """Loop libraries the project runs coroutine tests with, the most used first: the
    suite's marks, then its auto modes, then the runner plugins it declares."""
    found: list[str] = []
    if profile.anyio_auto:
        found.append("anyio")
    if profile.trio_auto:
        found.append("trio")
    if profile.asyncio_mode_source != "default" and profile.asyncio_plugin_enabled:
        found.append("asyncio")
    if marks.used & {"asyncio", "pytest_asyncio"}:
        found.append("asyncio")
    if marks.used & {"anyio", "anyio_backend"}:
        found.append("anyio")
    if "trio" in marks.used:
        found.append("trio")
    for package, library in (("pytest-asyncio", "asyncio"), ("pytest-trio", "trio")):
        if declared.declares(package):
            found.append(library)
    return tuple(dict.fromkeys(found))


# ------------------------------------------------------------------ per file
def _plugin_runs_coroutines(name: str, index: ProjectIndex, depth: int = 0) -> str | None:
    role = plugins.role_of_module(name)
    if name.startswith("no:"):
        return None
    if role is not None:
        return _judge(role, role.distribution, None, f"loaded as {name}")
    summary = index.summary(name)
    if summary is None:
        return f"plugin {name} is unknown to asynclint"
    if summary.runs_coroutines:
        return f"plugin {name} implements a test-running hook"
    if depth < 3:
        for inner in summary.pytest_plugins:
            reason = _plugin_runs_coroutines(inner, index, depth + 1)
            if reason:
                return reason
    return None


def _late_marks_too_late(index: ProjectIndex) -> bool:
    """pytest-asyncio 0.23 and later decide at collection: marks added afterwards do nothing."""
    return versions_for_index(index).asyncio_at_least(0, 23)


def _autouse_anyio(summary: ModuleSummary) -> bool:
    return any(f.autouse and "anyio_backend" in f.params for f in summary.functions.values())


RUNNER_EVIDENCE = "runner-evidence"


def _file_digest(path: str) -> str:
    """A file's content digest ("-" when it is missing or not a regular file). Contents, not
    stat signatures: checkouts, ``cp -p`` and ``rsync -t`` keep sizes and times."""
    try:
        if not os.path.isfile(path):
            return "-"
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return "-"


def _listing(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _environment_inputs() -> list[object]:
    """What the installed ``pytest11`` plugins and ``environment_is_projects`` read: the
    interpreter, its path, the distributions installed on it (a folder's listing changes
    when one is installed, removed or upgraded) and, for each, the two metadata files read
    (stat: installers write them anew, they are not checked out)."""
    found: list[object] = [sys.prefix, list(sys.path)]
    for entry in sys.path:
        names = _listing(entry or ".")
        found.append((entry, names))
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                for meta in ("entry_points.txt", "direct_url.json"):
                    try:
                        info = os.stat(os.path.join(entry, name, meta))
                        found.append((name, meta, info.st_mtime_ns, info.st_size))
                    except OSError:
                        pass
    return found


def _runner_evidence_inputs(index: ProjectIndex) -> str:
    """Everything :func:`_runner_evidence` reads, as one digest: every folder the suite scan
    walks with its file names and the content of each test-like file; the declaration
    files with the listings of the folders they are looked for in; the environment."""
    digest = hashlib.blake2b(digest_size=16)

    def add(value: object) -> None:
        digest.update(repr(value).encode() + b"\0")

    for folder, files in sorted(index.walk()):  # the listing order of a file system is not stable
        add((folder, sorted(files)))
        for name in sorted(files):
            if name.endswith(".py") and _is_test_like(folder, name):
                add((name, _file_digest(os.path.join(folder, name))))
    folders, declarations = declaration_inputs(index.root)
    for folder in folders:
        add((folder, _listing(folder)))
    for file in declarations:
        add((file, _file_digest(file)))
    add(index.derived("environment-inputs", _environment_inputs))
    return digest.hexdigest()


@project_fact(RUNNER_EVIDENCE, inputs=_runner_evidence_inputs)
def _runner_evidence(index: ProjectIndex) -> str:
    """The project-wide evidence every file's runner answer rests on (the suite's marks, the
    declared and installed plugins), as a project fact: a cached result is re-checked against
    it, so marking another file ``asyncio`` changes the advice given here. The value must be
    the same in every process: sets are sorted (a set's repr follows the string hash, which
    differs per process, and an unstable value made every warm run re-lint the file)."""
    root = index.root
    marks = suite_marks(index)
    return repr(
        (
            (sorted(marks.used), marks.in_marked_files, marks.in_unmarked_files),
            sorted(declared_dependencies(root).packages),
            _installed_plugins(index),
            own_pytest_plugins(root),
        )
    )


def runner_context(path: Path, own: ModuleSummary, index: ProjectIndex, profile: PytestProfile) -> RunnerContext:
    summaries = [index.summary_for_path(p) for p in conftest_chain(path, index)]
    if path.name == "conftest.py":
        summaries.append(own)
    index.fact(RUNNER_EVIDENCE)
    project = project_runners(index, profile)
    for file in project.files:
        index.record_file(file)
    anyio = any(_autouse_anyio(s) for s in (*summaries, own))

    def context(reason: str | None, unseen: bool = False) -> RunnerContext:
        return RunnerContext(reason, anyio, project.libraries, project.evidence, unseen)

    plugin_names: list[str] = list(profile.plugins)
    for summary in summaries:
        if summary.runs_coroutines:
            return context(f"{Path(summary.path).name} implements a test-running hook")
        if summary.adds_asyncio_marks and not _late_marks_too_late(index):
            return context(f"{Path(summary.path).name} adds asyncio marks (honoured before pytest-asyncio 0.23)")
        plugin_names.extend(summary.pytest_plugins)
    plugin_names.extend(own.pytest_plugins)
    plugin_names.extend(project.own_plugins)
    for plugin in plugin_names:
        reason = _plugin_runs_coroutines(plugin, index)
        if reason:
            return context(reason)
    return context(project.unmarked_runner, project.unseen)
