"""Project facts kept in the cache folder: a warm run of an unchanged project reads them,
and anything a fact rests on changing (a lock file, a new test file) recomputes it.

Each test builds a small project (its own ``pytest.ini`` and a ``.git`` folder as the
project boundary) that is also the current folder, and runs ``asynclint`` in-process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from conftest import invoke, write

from asynclint.index import project as project_module
from asynclint.semantics.coroutine_runners import RUNNER_EVIDENCE

ANYIO_TEST = "import pytest\n\n@pytest.mark.anyio\nasync def test_a():\n    pass\n"
UNMARKED_TEST = "async def test_b():\n    pass\n"
RUNS_UNMARKED_LOCK = '[[package]]\nname = "pytest-aio"\nversion = "1.9.0"\n'
OTHER_LOCK = '[[package]]\nname = "attrs"\nversion = "23.1.0"\n'


def concise(*args: str) -> Result:
    return invoke("--output-format", "concise", *args)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The roots the runner evidence was computed for (not read from the store)."""
    calls: list[str] = []
    compute = project_module._FACTS[RUNNER_EVIDENCE]

    def counting(index: project_module.ProjectIndex) -> str:
        calls.append(str(index.root))
        return compute(index)

    monkeypatch.setitem(project_module._FACTS, RUNNER_EVIDENCE, counting)
    return calls


def make(project: Path, files: dict[str, str]) -> None:
    (project / ".git").mkdir(exist_ok=True)  # the project boundary: no folder above is read
    write(project, files)


def test_an_unchanged_project_reads_the_fact_from_the_store(project: Path, computed: list[str]) -> None:
    make(project, {"test_a.py": ANYIO_TEST, "test_b.py": UNMARKED_TEST})
    first = concise()
    assert len(computed) == 1
    assert concise().stdout == first.stdout
    assert len(computed) == 1, "an unchanged project recomputed the fact"
    assert len(list((project / ".asynclint_cache" / "v1").glob("*.fact"))) == 1


def test_a_new_test_file_with_a_mark_recomputes_the_fact(project: Path, computed: list[str]) -> None:
    make(project, {"test_a.py": ANYIO_TEST, "test_b.py": UNMARKED_TEST})
    assert "add `@pytest.mark.anyio`" in concise().stdout
    write(project, {"sub/test_c.py": ANYIO_TEST.replace("anyio", "asyncio").replace("test_a", "test_c")})
    result = concise()
    assert len(computed) == 2
    assert result.stdout == concise("--no-cache").stdout
    assert "add `@pytest.mark.asyncio`" in result.stdout, result.stdout


def test_an_edited_lock_file_recomputes_the_fact(project: Path, computed: list[str]) -> None:
    make(project, {"test_a.py": ANYIO_TEST, "test_b.py": UNMARKED_TEST, "uv.lock": OTHER_LOCK})
    before = concise().stdout
    assert "ASL101" in before
    (project / "uv.lock").write_text(RUNS_UNMARKED_LOCK, encoding="utf-8")
    after = concise().stdout
    assert len(computed) == 2
    assert after == concise("--no-cache").stdout
    assert after != before, after


def test_a_new_lock_file_recomputes_the_fact(project: Path, computed: list[str]) -> None:
    make(project, {"test_a.py": ANYIO_TEST, "test_b.py": UNMARKED_TEST})
    before = concise().stdout
    assert "ASL101" in before
    write(project, {"uv.lock": RUNS_UNMARKED_LOCK})
    after = concise().stdout
    assert len(computed) == 2
    assert after == concise("--no-cache").stdout
    assert after != before, after


def test_a_corrupt_stored_fact_is_recomputed(project: Path, computed: list[str]) -> None:
    make(project, {"test_a.py": ANYIO_TEST, "test_b.py": UNMARKED_TEST})
    first = concise().stdout
    for stored in (project / ".asynclint_cache" / "v1").glob("*.fact"):
        stored.write_bytes(stored.read_bytes().replace(b"anyio", b"trio"))
    assert concise().stdout == first
    assert len(computed) == 2


def test_the_declaration_inputs_cover_every_file_the_declarations_read(tmp_path: Path) -> None:
    """The store re-checks what ``declaration_inputs`` lists: it must hold every file read,
    and an include that does not exist yet (its appearance changes the answer)."""
    from asynclint.config.dependencies import declaration_inputs, declared_dependencies

    files = {
        "pyproject.toml": '[project]\nname = "p"\ndependencies = ["anyio"]\n',
        "requirements-dev.txt": "-r requirements/test.txt\n-r missing.txt\n",
        "requirements/test.txt": "pytest-aio==1.9\n",
        "tests/requirements.txt": "pytest\n",
        "tox.ini": "[testenv]\ndeps = pytest\n",
        "uv.lock": OTHER_LOCK,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / ".git").mkdir()
    folders, inputs = declaration_inputs(tmp_path)
    assert set(declared_dependencies(tmp_path).files) <= set(inputs)
    assert str(tmp_path / "missing.txt") in inputs
    assert {str(tmp_path), str(tmp_path / "requirements"), str(tmp_path / "tests")} <= set(folders)
