"""End to end: a lying async test suite, `asynclint --fix --unsafe-fixes`, an honest suite.

A small multi-file project (application package + tests + conftest) whose pytest run fails
or warns for each documented pitfall: unmarked coroutine tests, coroutines never awaited,
a coroutine used as a value, a sync ``Mock`` for an async method, a blocking ``time.sleep``
that starves a task, loops driven by hand (one through the ``event_loop`` fixture that
pytest-asyncio 1.x no longer has). After one `asynclint --fix --unsafe-fixes` (a real
subprocess) every test passes under ``-W error::RuntimeWarning`` and nothing says "never
awaited"; a second run has nothing left to fix.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.oracle

NEVER_AWAITED = "was never awaited"

PROJECT = {
    "pytest.ini": """\
        [pytest]
        pythonpath = .
        asyncio_default_fixture_loop_scope = function
        """,
    "app/__init__.py": "",
    "app/service.py": """\
        import asyncio

        STORE = {}


        async def fetch(key):
            await asyncio.sleep(0)
            return {"greeting": "hello"}.get(key)


        async def store(key, value):
            await asyncio.sleep(0)
            STORE[key] = value


        class Client:
            async def get(self, key):
                return await fetch(key)
        """,
    "tests/__init__.py": "",
    "tests/conftest.py": """\
        import pytest

        from app import service


        @pytest.fixture(autouse=True)
        def clean_store():
            service.STORE.clear()
            yield
            service.STORE.clear()
        """,
    "tests/test_unmarked.py": """\
        from app.service import fetch


        async def test_greeting():
            assert await fetch("greeting") == "hello"


        class TestMissing:
            async def test_missing(self):
                assert await fetch("nope") is None
        """,
    "tests/test_awaits.py": """\
        import pytest

        from app import service
        from app.service import fetch, store


        @pytest.mark.asyncio
        async def test_store_then_read():
            store("a", 1)
            assert service.STORE == {"a": 1}


        @pytest.mark.asyncio
        async def test_fetch_value():
            assert fetch("greeting")
            assert fetch("greeting").upper() == "HELLO"
        """,
    "tests/test_mocks.py": """\
        from unittest.mock import Mock, patch

        import pytest

        from app.service import Client


        @pytest.mark.asyncio
        async def test_patched_client():
            with patch.object(Client, "get", Mock(return_value="mocked")):
                assert await Client().get("greeting") == "mocked"
        """,
    "tests/test_sleep.py": """\
        import asyncio
        import time

        import pytest


        @pytest.mark.asyncio
        async def test_ticker_runs_while_we_wait():
            ticks = []

            async def tick():
                ticks.append(1)

            task = asyncio.ensure_future(tick())
            time.sleep(0.01)
            assert ticks == [1]
            await task
        """,
    "tests/test_loops.py": """\
        import asyncio

        from app.service import fetch


        def test_event_loop_fixture(event_loop):
            assert event_loop.run_until_complete(fetch("greeting")) == "hello"


        def test_private_loop():
            loop = asyncio.new_event_loop()
            try:
                assert loop.run_until_complete(fetch("greeting")) == "hello"
            finally:
                loop.close()


        def test_asyncio_run():
            assert asyncio.run(fetch("nope")) is None
        """,
}

TESTS = 9


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["NO_COLOR"] = "1"
    return env


def _pytest(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::RuntimeWarning",
            "-W",
            "default::pytest.PytestUnraisableExceptionWarning",
            "-rA",
            "tests",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
        env=_env(),
    )


def _asynclint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asynclint", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
        env=_env(),
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "lying_suite"
    for name, text in PROJECT.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_fix_turns_a_lying_suite_into_an_honest_one(project: Path) -> None:
    before = _pytest(project)
    out = before.stdout + before.stderr
    assert before.returncode != 0, out
    # Every pitfall shows up at run time before the fix.
    assert "async def functions are not natively supported" in out or "test_greeting" in out
    assert "fixture 'event_loop' not found" in out, out
    assert "can't be used in 'await' expression" in out, out
    for name in ("test_store_then_read", "test_ticker_runs_while_we_wait", "test_patched_client"):
        assert "FAILED tests/" in out and name in out, out

    lint = _asynclint(project, "--no-cache", "--output-format", "concise", ".")
    assert lint.returncode == 1
    codes = {line.split(": ")[1].split()[0] for line in lint.stdout.splitlines() if ": ASL" in line}
    assert {"ASL101", "ASL201", "ASL202", "ASL301", "ASL401", "ASL403", "ASL501"} <= codes, lint.stdout

    fixed = _asynclint(project, "--fix", "--unsafe-fixes", "--no-cache", ".")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "0 remaining" in fixed.stdout, fixed.stdout

    after = _pytest(project)
    out = after.stdout + after.stderr
    assert after.returncode == 0, out
    assert NEVER_AWAITED not in out, out
    assert f"{TESTS} passed" in out, out
    assert "FAILED" not in out and "ERROR" not in out, out

    # Nothing is left to fix, and every file still compiles.
    again = _asynclint(project, "--diff", "--unsafe-fixes", "--no-cache", ".")
    assert again.returncode == 0 and again.stdout == "", again.stdout
    compiled = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "."], cwd=project, capture_output=True, text=True, env=_env()
    )
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
