"""Library knowledge from source: found without importing, summarised like project modules,
cached per version, recorded as a dependency of cached results, named by ``asynclint config``."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from asynclint.api import lint_paths
from asynclint.cli import main
from asynclint.config.library_environment import environment_for
from asynclint.config.settings import Settings
from asynclint.engine import run_state
from asynclint.engine.run_state import RunState
from asynclint.index import libraries
from asynclint.index.project import LIBRARY_FACT, ProjectIndex
from asynclint.index.summary import ASYNC, SYNC
from asynclint.rules import ALL_RULES

SETTINGS = Settings(enabled=frozenset(rule.code for rule in ALL_RULES))
# Every module of the fake library fails loudly when imported: reading it must not import it.
TRAP = "raise RuntimeError('the linter imported library code')\n"
FAKE_LIBRARY = {
    "fakelib/__init__.py": TRAP + "from ._client import *\nfrom .sync import make_session\n",
    "fakelib/_client.py": TRAP
    + textwrap.dedent(
        """
        __all__ = ["AsyncThing", "Thing"]

        class AsyncThing:
            async def get(self, url):
                ...

            async def __aenter__(self):
                return self

        class Thing:
            def get(self, url):
                ...
        """
    ),
    "fakelib/sync.py": TRAP
    + "class Session:\n    def get(self, url): ...\n\ndef make_session():\n    return Session()\n",
    "fakelib-1.2.dist-info/top_level.txt": "fakelib\n",
    "fakelib-1.2.dist-info/METADATA": "Name: fakelib\nVersion: 1.2\n",
    "fastlib.cpython-311-x86_64-linux-gnu.so": "not really a shared object",
    "fastlib.pyi": "async def fetch() -> None: ...\n",
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A site-packages folder holding the fake library, used as the environment of every project."""
    folder = tmp_path / "site-packages"
    write(folder, FAKE_LIBRARY)
    monkeypatch.setattr(run_state, "environment_for", lambda root: fake_environment(folder))
    yield folder


def fake_environment(site: Path) -> libraries.LibraryEnvironment:
    return libraries.LibraryEnvironment(None, (site,), "a test environment")


def index_of(root: Path) -> ProjectIndex:
    """The project's index as a run builds it (with the run's library knowledge)."""
    return RunState().index_for(root, ())


def test_library_is_summarised_without_being_imported(site: Path, tmp_path: Path) -> None:
    index = index_of(tmp_path / "proj")
    symbol = index.resolve("fakelib.AsyncThing")  # re-exported through the package's star import
    assert symbol is not None and symbol.kind == "class" and symbol.module.module == "fakelib._client"
    method = index.find_method(symbol.module, symbol.cls, "get")  # type: ignore[arg-type]
    assert method is not None and method.function is not None and method.function.kind == ASYNC
    factory = index.resolve("fakelib.make_session")
    assert factory is not None and factory.function is not None and factory.function.kind == SYNC
    assert factory.function.returns == "Session"
    assert not any(name == "fakelib" or name.startswith("fakelib.") for name in sys.modules)


def test_compiled_or_stub_only_module_stays_unknown(site: Path, tmp_path: Path) -> None:
    index = index_of(tmp_path / "proj")
    assert index.resolve("fastlib.fetch") is None
    assert index.resolve("nosuchlib.thing") is None


def test_project_module_shadows_a_library(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(root, {"fakelib/__init__.py": "def AsyncThing():\n    pass\n"})
    symbol = index_of(root).resolve("fakelib.AsyncThing")
    assert symbol is not None and symbol.kind == "function"


def test_lint_finds_unawaited_library_coroutines_and_records_the_version(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(
        root,
        {
            "pytest.ini": "[pytest]\nasyncio_mode = auto\n",
            "test_lib.py": textwrap.dedent(
                """
                import fakelib


                class Client(fakelib.AsyncThing):
                    pass


                async def test_client():
                    thing = fakelib.AsyncThing()
                    thing.get("/")  # error: ASL201
                    Client().get("/")  # error: ASL201
                    async with fakelib.AsyncThing() as entered:
                        entered.get("/")  # error: ASL201


                async def test_sync_objects():
                    fakelib.Thing().get("/")
                    session = fakelib.make_session()
                    session.get("/")
                """
            ),
        },
    )
    result = lint_paths([str(root)], settings=SETTINGS)
    lines = sorted((d.line, d.code) for d in result.diagnostics)
    assert lines == [(11, "ASL201"), (12, "ASL201"), (14, "ASL201")], result.diagnostics
    assert "fakelib/_client.py" in result.diagnostics[0].message
    index = index_of(root)
    index.begin_file()
    index.resolve("fakelib.AsyncThing")
    assert index.facts_consulted[f"{LIBRARY_FACT}fakelib"].endswith("|dist:fakelib==1.2")
    assert index.known_fact(f"{LIBRARY_FACT}fakelib")


def test_library_summaries_are_cached_per_version(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = fake_environment(site)
    found = libraries.LibraryFinder(env).find("fakelib._client")
    assert found is not None
    first = libraries.LibrarySummaries(env, cache).summary(found[0], "fakelib._client", False)
    stored = list((cache / libraries.CACHE_SUBDIR).glob("*.json"))
    assert len(stored) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("summarised again instead of read from the cache")

    monkeypatch.setattr(libraries, "summarize", no_parsing)
    again = libraries.LibrarySummaries(env, cache).summary(found[0], "fakelib._client", False)
    assert again == first
    # Another version of the distribution is another entry: summarised anew.
    (site / "fakelib-1.2.dist-info").rename(site / "fakelib-1.3.dist-info")
    with pytest.raises(AssertionError, match="summarised again"):
        libraries.LibrarySummaries(env, cache).summary(found[0], "fakelib._client", False)


def test_a_damaged_cache_entry_is_a_miss(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = fake_environment(site)
    found = libraries.LibraryFinder(env).find("fakelib.sync")
    assert found is not None
    first = libraries.LibrarySummaries(env, cache).summary(found[0], "fakelib.sync", False)
    (entry,) = (cache / libraries.CACHE_SUBDIR).glob("*.json")
    entry.write_text(entry.read_text().replace('"Session"', "42"))
    assert libraries.LibrarySummaries(env, cache).summary(found[0], "fakelib.sync", False) == first


def test_a_new_library_version_invalidates_cached_results(site: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    write(
        root,
        {
            "pytest.ini": "[pytest]\nasyncio_mode = auto\n",
            "test_lib.py": "import fakelib\n\nasync def test_a():\n    fakelib.Thing().get('/')\n",
        },
    )
    cache = tmp_path / "results"
    first = lint_paths([str(root)], settings=SETTINGS, use_cache=True, cache_dir=cache)
    assert first.diagnostics == [] and first.cache_hits == 0
    assert list((cache / libraries.CACHE_SUBDIR).glob("*.json"))  # beside the results
    assert lint_paths([str(root)], settings=SETTINGS, use_cache=True, cache_dir=cache).cache_hits == 1
    client = site / "fakelib" / "_client.py"
    client.write_text(client.read_text().replace("    def get(self, url):", "    async def get(self, url):"))
    (site / "fakelib-1.2.dist-info").rename(site / "fakelib-1.3.dist-info")
    again = lint_paths([str(root)], settings=SETTINGS, use_cache=True, cache_dir=cache)
    assert again.cache_hits == 0
    assert [d.code for d in again.diagnostics] == ["ASL201"]


def test_config_names_the_environment_read(project: Path) -> None:
    (project / "pytest.ini").write_text("[pytest]\n")
    (project / "test_a.py").write_text("async def test_a():\n    pass\n")
    out = CliRunner().invoke(main, ["config", "test_a.py"], catch_exceptions=False).stdout
    line = next(line for line in out.splitlines() if line.startswith("libraries read from:"))
    assert "the interpreter asynclint runs in" in line or "the project's" in line
    assert "standard library" in line


def test_a_virtual_environment_in_the_project_is_read(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    site = root / ".venv" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    env = environment_for(root)
    assert env.site_dirs == (site,)
    assert "virtual environment" in env.origin
