"""What asynclint knows about libraries, as data.

Names are fully qualified as a module's imports resolve them, so ``from asyncio
import sleep`` and ``import asyncio as aio; aio.sleep`` both land on
``asyncio.sleep``.

Most library knowledge now comes from source (``index/libraries.py``: installed packages
and the standard library are summarised like project modules). What stays here is what
source cannot say, entry by entry:

- ``LIBRARY_COROUTINES``: still needed for anyio, trio and aiofiles: checked before source,
  they hold when the library is not installed in the environment asynclint reads (a project
  linted from another interpreter). The asyncio entries are stated by source too (removing
  them changes no corpus finding); they stay for their message ("the coroutine function
  asyncio.sleep") and for interpreters whose standard library has no source folder.
- ``LIBRARY_FUTURES``, ``TASK_FACTORIES``, loop getters/creators, ``ASYNCIO_RUN``: dynamic
  behaviour (returns a future, schedules a task, drives a loop) that no ``async def`` states.
- Mock, pytest and runner names: asynclint models these packages itself, and they are never
  read from source (``index.libraries.MODELLED_PACKAGES``).
- ``BLOCKING_CALLS`` / ``BLOCKING_METHODS``: blocking is a property of what the code does
  (sockets, subprocesses), not of a signature: source summaries cannot tell it.
"""

from __future__ import annotations

# Library functions whose call returns a coroutine (or another awaitable that
# warns "never awaited" when dropped).
LIBRARY_COROUTINES: frozenset[str] = frozenset(
    {
        "asyncio.sleep",
        "asyncio.wait_for",
        "asyncio.wait",
        "asyncio.to_thread",
        "asyncio.open_connection",
        "asyncio.open_unix_connection",
        "asyncio.start_server",
        "asyncio.start_unix_server",
        "asyncio.create_subprocess_exec",
        "asyncio.create_subprocess_shell",
        "asyncio.timeout_at",
        "asyncio.staggered.staggered_race",
        "anyio.sleep",
        "anyio.sleep_forever",
        "anyio.sleep_until",
        "anyio.open_file",
        "anyio.connect_tcp",
        "anyio.connect_unix",
        "anyio.run_process",
        "anyio.open_process",
        "anyio.wait_all_tasks_blocked",
        "anyio.to_thread.run_sync",
        "anyio.to_process.run_sync",
        "anyio.testing.wait_all_tasks_blocked",
        "trio.sleep",
        "trio.sleep_forever",
        "trio.sleep_until",
        "trio.open_tcp_stream",
        "trio.open_tcp_listeners",
        "trio.open_file",
        "trio.run_process",
        "trio.to_thread.run_sync",
        "trio.testing.wait_all_tasks_blocked",
        "aiofiles.open",
    }
)

# Awaitables that are futures rather than coroutines; discarding one loses errors.
LIBRARY_FUTURES: frozenset[str] = frozenset({"asyncio.gather"})

# Task-spawning calls whose result must be kept (ASL204).
TASK_FACTORIES: frozenset[str] = frozenset({"asyncio.create_task", "asyncio.ensure_future"})

# Fixture decorators by qualified name: pytest's own, and pytest-asyncio's (which runs async ones).
PYTEST_FIXTURE_DECORATORS = frozenset({"pytest.fixture", "pytest.yield_fixture", "_pytest.fixtures.fixture"})
ASYNCIO_FIXTURE_DECORATORS = frozenset({"pytest_asyncio.fixture", "pytest_asyncio.plugin.fixture"})

LOOP_GETTERS: frozenset[str] = frozenset(
    {"asyncio.get_running_loop", "asyncio.get_event_loop", "asyncio.new_event_loop"}
)
# What a loop getter returns (its source cannot say: the getters are C functions or return an
# unannotated local), and the qualified names a loop's class is known by.
LOOP_CLASS = "asyncio.events.AbstractEventLoop"
LOOP_CLASSES: frozenset[str] = frozenset(
    {
        "asyncio.AbstractEventLoop",
        LOOP_CLASS,
        "asyncio.BaseEventLoop",
        "asyncio.base_events.BaseEventLoop",
        "asyncio.SelectorEventLoop",
        "asyncio.unix_events._UnixSelectorEventLoop",
    }
)

BLOCKING_SLEEP: frozenset[str] = frozenset({"time.sleep"})

# Loop-driving functions of the asyncio module.
LOOP_CREATORS: frozenset[str] = frozenset(
    {"asyncio.new_event_loop", "asyncio.get_event_loop", "asyncio.set_event_loop"}
)
ASYNCIO_RUN: frozenset[str] = frozenset({"asyncio.run", "asyncio.runners.run"})
# Methods recognised on any receiver ("loop.run_until_complete(...)").
LOOP_RUN_METHODS: frozenset[str] = frozenset({"run_until_complete", "run_forever"})

# pytest-mock's fixtures: ``mocker.patch(...)`` returns the mock itself.
MOCKER_FIXTURES: frozenset[str] = frozenset(
    {"mocker", "module_mocker", "class_mocker", "package_mocker", "session_mocker"}
)
# Fixtures of pytest itself and of pytest-mock: none of them creates or installs an event loop.
LOOPLESS_FIXTURES: frozenset[str] = frozenset(
    {
        "request",
        "pytestconfig",
        "monkeypatch",
        "tmp_path",
        "tmp_path_factory",
        "tmpdir",
        "tmpdir_factory",
        "capsys",
        "capsysbinary",
        "capfd",
        "capfdbinary",
        "caplog",
        "recwarn",
        "record_property",
        "record_xml_attribute",
        "record_testsuite_property",
        "doctest_namespace",
        "cache",
        "pytester",
        "testdir",
        "subtests",
    }
)
MOCK_MODULES: tuple[str, ...] = ("unittest.mock", "mock")
SYNC_MOCK_CLASSES: frozenset[str] = frozenset({"Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock"})
ASYNC_MOCK_CLASSES: frozenset[str] = frozenset({"AsyncMock"})

PYTEST_MODULES: tuple[str, ...] = ("pytest", "_pytest")
PYTEST_ASYNCIO_MODULES: tuple[str, ...] = ("pytest_asyncio",)

# Marks whose plugin runs a coroutine test.
RUNNER_MARKS: frozenset[str] = frozenset({"asyncio", "anyio", "trio"})

# Blocking network/process calls (ASL302): qualified function -> advice.
_HTTP_ADVICE = "use an async client (`httpx.AsyncClient`) or `await asyncio.to_thread(...)`"
_PROCESS_ADVICE = "use `asyncio.create_subprocess_exec(...)` or `await asyncio.to_thread(...)`"
BLOCKING_CALLS: dict[str, str] = {
    **{f"requests.{m}": _HTTP_ADVICE for m in ("get", "post", "put", "patch", "delete", "head", "options", "request")},
    **{
        f"requests.api.{m}": _HTTP_ADVICE
        for m in ("get", "post", "put", "patch", "delete", "head", "options", "request")
    },
    **{
        f"httpx.{m}": _HTTP_ADVICE
        for m in ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
    },
    "urllib.request.urlopen": "use an async HTTP client or `await asyncio.to_thread(urlopen, ...)`",
    **{
        f"subprocess.{m}": _PROCESS_ADVICE
        for m in ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput")
    },
    "socket.create_connection": "use `await asyncio.open_connection(...)`",
}
# Blocking methods of instances of these classes (``s = requests.Session(); s.get(...)``).
_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream"})
BLOCKING_METHODS: dict[str, tuple[frozenset[str], str]] = {
    "requests.Session": (_HTTP_METHODS, _HTTP_ADVICE),
    "requests.session": (_HTTP_METHODS, _HTTP_ADVICE),
    "requests.sessions.Session": (_HTTP_METHODS, _HTTP_ADVICE),
    "httpx.Client": (_HTTP_METHODS, "use `httpx.AsyncClient` and `await` its methods"),
    "subprocess.Popen": (
        frozenset({"wait", "communicate"}),
        "use `asyncio.create_subprocess_exec(...)` and `await proc.wait()`",
    ),
}

# The asyncio functions ASL404 replaces inside coroutines.
GET_EVENT_LOOP: frozenset[str] = frozenset({"asyncio.get_event_loop", "asyncio.events.get_event_loop"})
