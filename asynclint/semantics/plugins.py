"""What pytest plugins do with coroutine tests and fixtures: a survey, as data.

pytest loads a plugin through ``-p``, ``pytest_plugins`` or, with no line in any
config, the ``pytest11`` entry point of an installed distribution. Whether an
unmarked ``async def test_*`` runs therefore depends on which plugins a project
installs. This table was built by surveying the async pytest plugins on the package
index (names with async, aio, trio, anyio, tornado, twisted, curio, sanic, qt, grpc,
loop ... in them) and their documentation. A plugin missing from the table whose name
says it deals with async code is *uncertain*: the runner-dependent rules then stay
silent rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.utils import canonicalize_name
from packaging.version import Version

# What a plugin does with an ``async def`` test that carries none of its marks.
RUNS_UNMARKED = "runs-unmarked"  # runs it (its own pytest_pyfunc_call), and async fixtures too
RUNS_MARKED = "runs-marked"  # runs only tests carrying its mark (``mark``)
UNCERTAIN = "uncertain"  # may run it: decorators, options or versions decide
NOT_A_RUNNER = "not-a-runner"  # fixtures, reporting, mocking: never runs a coroutine test


@dataclass(frozen=True)
class PluginRole:
    """The part a plugin plays for coroutine tests."""

    distribution: str
    behaviour: str  # RUNS_UNMARKED | RUNS_MARKED | UNCERTAIN | NOT_A_RUNNER
    modules: tuple[str, ...] = ()  # names usable with -p / pytest_plugins / entry points
    mark: str | None = None  # the mark it runs, for RUNS_MARKED
    library: str | None = None  # the loop library advice should name: asyncio | anyio | trio
    loop_fixture: bool = False  # provides a ``loop``/``io_loop`` fixture that owns a loop
    # From this release on the plugin behaves as ``behaviour``; before it, as ``before``.
    since: Version | None = None
    before: str | None = None
    # Loaded by installing the distribution (a ``pytest11`` entry point); False for plugins
    # that must be named with ``-p`` / ``pytest_plugins`` (aiohttp's, pytest's own).
    entry_point: bool = True

    def behaviour_at(self, version: Version | None) -> str:
        if self.since is None:
            return self.behaviour
        if version is None:
            return UNCERTAIN
        return self.behaviour if version >= self.since else (self.before or UNCERTAIN)


_ROLES: tuple[PluginRole, ...] = (
    # Runners that need their own mark (strict pytest-asyncio, anyio, pytest-trio ...).
    PluginRole(
        "pytest-asyncio", RUNS_MARKED, ("asyncio", "pytest_asyncio", "pytest_asyncio.plugin"), "asyncio", "asyncio"
    ),
    PluginRole("anyio", RUNS_MARKED, ("anyio", "anyio.pytest_plugin"), "anyio", "anyio"),
    PluginRole("pytest-trio", RUNS_MARKED, ("trio", "pytest_trio", "pytest_trio.plugin"), "trio", "trio"),
    PluginRole(
        "pytest-asyncio-cooperative", RUNS_MARKED, ("pytest_asyncio_cooperative",), "asyncio_cooperative", "asyncio"
    ),
    PluginRole(
        "pytest-asyncio-concurrent", RUNS_MARKED, ("pytest_asyncio_concurrent",), "asyncio_concurrent", "asyncio"
    ),
    PluginRole(
        "pytest-asyncio-concurrent-fork", RUNS_MARKED, ("pytest_asyncio_concurrent",), "asyncio_concurrent", "asyncio"
    ),
    PluginRole("pytest-tornado", UNCERTAIN, ("pytest_tornado", "pytest_tornado.plugin"), "gen_test", loop_fixture=True),
    PluginRole("pytest-tornado5", UNCERTAIN, ("pytest_tornado5",), "gen_test", loop_fixture=True),
    PluginRole("pytest-tornado-yen3", UNCERTAIN, ("pytest_tornado_yen3",), "gen_test", loop_fixture=True),
    # Framework plugins that run every coroutine test and fixture themselves.
    PluginRole("pytest-aio", RUNS_UNMARKED, ("pytest_aio", "pytest_aio.plugin"), library="asyncio"),
    PluginRole("pytest-tornasync", RUNS_UNMARKED, ("pytest_tornasync", "pytest_tornasync.plugin"), loop_fixture=True),
    PluginRole("pytest-sanic", RUNS_UNMARKED, ("pytest_sanic", "pytest_sanic.plugin"), loop_fixture=True),
    PluginRole("pytest-curio", RUNS_UNMARKED, ("pytest_curio",)),
    PluginRole("pytest-async", RUNS_UNMARKED, ("pytest_async",)),
    PluginRole("pytest-qasync", RUNS_UNMARKED, ("pytest_qasync",)),
    PluginRole("pytest-asyncio-network-simulator", UNCERTAIN, ("pytest_asyncio_network_simulator",)),
    PluginRole("pytest-twisted", UNCERTAIN, ("pytest_twisted",)),
    PluginRole("pytest-aioworkers", UNCERTAIN, ("pytest_aioworkers",), loop_fixture=True),
    # aiomisc's plugin runs coroutine tests in its own ``loop``/``event_loop`` fixtures.
    PluginRole("aiomisc-pytest", UNCERTAIN, ("aiomisc_pytest", "aiomisc_pytest.pytest_plugin"), loop_fixture=True),
    PluginRole("pytest-grpc-aio", UNCERTAIN, ("pytest_grpc_aio",)),
    PluginRole("pytest-django-asyncio", UNCERTAIN, ("pytest_django_asyncio",)),
    # aiohttp's own plugin runs unmarked coroutine tests in a ``loop`` fixture; pytest-aiohttp
    # shipped it until 1.0, then became a set of fixtures on top of pytest-asyncio.
    PluginRole(
        "aiohttp", RUNS_UNMARKED, ("aiohttp.pytest_plugin",), library="asyncio", loop_fixture=True, entry_point=False
    ),
    PluginRole(
        "pytest-aiohttp",
        RUNS_MARKED,
        ("pytest_aiohttp", "pytest_aiohttp.plugin"),
        "asyncio",
        "asyncio",
        loop_fixture=True,
        since=Version("1.0"),
        before=RUNS_UNMARKED,
    ),
    # Async-flavoured plugins that only provide fixtures or helpers.
    *(
        PluginRole(name, NOT_A_RUNNER)
        for name in (
            "pytest-aioresponses",
            "pytest-aioboto3",
            "pytest-aiomoto",
            "pytest-aiofiles",
            "pytest-async-sqlalchemy",
            "pytest-asgi-server",
            "pytest-async-benchmark",
            "pytest-playwright-asyncio",
            "pytest-playwright-async",
            "pytest-httpx",
            "pytest-httpx2",
            "pytest-loop",
            "pytest-gevent",
            "pytest-eventlet",
            "pytest-asyncio-mock",
            "pytest-aiohttp-client",
            "pytest-aiohttp-mock",
            "pytest-async-generators",
        )
    ),
    # Everyday plugins: none of them runs coroutine tests.
    *(
        PluginRole(name, NOT_A_RUNNER, modules)
        for name, modules in (
            ("pytest-mock", ("pytest_mock",)),
            ("pytest-cov", ("pytest_cov", "cov")),
            ("pytest-xdist", ("xdist", "xdist.plugin", "xdist.looponfail")),
            ("pytest-timeout", ("timeout", "pytest_timeout")),
            ("pytest-randomly", ("randomly", "pytest_randomly")),
            ("pytest-rerunfailures", ("rerunfailures", "pytest_rerunfailures")),
            ("pytest-benchmark", ("pytest_benchmark", "pytest_benchmark.plugin")),
            ("hypothesis", ("hypothesis", "hypothesispytest", "_hypothesis_pytestplugin")),
            ("pytest-django", ("django", "pytest_django", "pytest_django.plugin")),
            ("pytest-env", ("env", "pytest_env")),
            ("pytest-sugar", ("sugar", "pytest_sugar")),
            ("pytest-html", ("html", "pytest_html")),
            ("pytest-metadata", ("metadata", "pytest_metadata")),
            ("pytest-socket", ("socket", "pytest_socket")),
            ("pytest-recording", ("recording", "pytest_recording")),
            ("pytest-vcr", ("vcr", "pytest_vcr")),
            ("vcrpy", ()),
            ("syrupy", ("syrupy",)),
            ("pytest-snapshot", ("pytest_snapshot",)),
            ("pytest-subtests", ("subtests", "pytest_subtests")),
            ("pytest-order", ("order", "pytest_order")),
            ("pytest-ordering", ("pytest_ordering",)),
            ("pytest-lazy-fixture", ("lazy-fixture", "pytest_lazyfixture")),
            ("pytest-lazy-fixtures", ("pytest_lazy_fixtures",)),
            ("pytest-cases", ("pytest_cases",)),
            ("pytest-localserver", ("localserver", "pytest_localserver")),
            ("pytest-httpserver", ("httpserver", "pytest_httpserver")),
            ("pytest-freezegun", ("freezegun", "pytest_freezegun")),
            ("pytest-freezer", ("freezer", "pytest_freezer")),
            ("time-machine", ("time_machine",)),
            ("freezegun", ()),
            ("pytest-datadir", ("datadir", "pytest_datadir")),
            ("pytest-docker", ("docker", "pytest_docker")),
            ("pytest-postgresql", ("postgresql", "pytest_postgresql")),
            ("pytest-redis", ("redis", "pytest_redis")),
            ("pytest-mongo", ("pytest_mongo",)),
            ("pytest-xprocess", ("xprocess", "pytest_xprocess")),
            ("pytest-repeat", ("repeat", "pytest_repeat")),
            ("pytest-instafail", ("instafail", "pytest_instafail")),
            ("pytest-clarity", ("clarity", "pytest_clarity")),
            ("pytest-icdiff", ("icdiff", "pytest_icdiff")),
            ("pytest-check", ("check", "pytest_check")),
            ("pytest-custom-exit-code", ("custom_exit_code",)),
            ("pytest-forked", ("forked", "pytest_forked")),
            ("pytest-memray", ("memray", "pytest_memray")),
            ("pytest-codspeed", ("codspeed", "pytest_codspeed")),
            ("pytest-github-actions-annotate-failures", ("pytest_github_actions_annotate_failures",)),
            ("pytest-examples", ("pytest_examples",)),
            ("pytest-pretty", ("pytest_pretty",)),
            ("pytest-doctestplus", ("doctestplus", "pytest_doctestplus")),
            ("pytest-flakefinder", ("flakefinder", "pytest_flakefinder")),
            ("pytest-split", ("split", "pytest_split")),
            ("pytest-dotenv", ("dotenv", "pytest_dotenv")),
            ("pytest-factoryboy", ("factoryboy", "pytest_factoryboy")),
            ("pytest-bdd", ("pytest_bdd",)),
            ("pytest-httpbin", ("httpbin", "pytest_httpbin")),
            ("pytest-runner", ()),
            ("pytest-describe", ("describe", "pytest_describe")),
            ("pytest-mypy", ("mypy", "pytest_mypy")),
            ("pytest-mypy-plugins", ("pytest_mypy_plugins",)),
            ("pytest-flake8", ("flake8", "pytest_flake8")),
            ("pytest-ruff", ("ruff", "pytest_ruff")),
            ("pytest-black", ("black", "pytest_black")),
            ("pytest-isort", ("isort", "pytest_isort")),
            ("pytest-pylint", ("pylint", "pytest_pylint")),
            ("pytest-print", ("print", "pytest_print")),
            ("pytest-unordered", ("pytest_unordered",)),
            ("pytest-regressions", ("regressions", "pytest_regressions")),
            ("pytest-golden", ("golden", "pytest_golden")),
            ("pytest-insta", ("insta", "pytest_insta")),
            ("inline-snapshot", ("inline_snapshot",)),
            ("pytest-kind", ("pytest_kind",)),
            ("pytest-watch", ()),
            ("pytest-testmon", ("testmon", "pytest_testmon")),
            ("pytest-profiling", ("profiling", "pytest_profiling")),
            ("pytest-reportlog", ("reportlog", "pytest_reportlog")),
            ("pytest-json-report", ("json_report", "pytest_jsonreport")),
            ("typeguard", ("typeguard",)),
            ("faker", ("faker",)),
            ("logfire", ("logfire",)),
            ("respx", ("respx",)),
            ("trustme", ()),
        )
    ),
    # pytest's own plugins, loadable by name with -p / pytest_plugins.
    PluginRole(
        "pytest",
        NOT_A_RUNNER,
        (
            "pytester",
            "_pytest.pytester",
            "warnings",
            "doctest",
            "cacheprovider",
            "faulthandler",
            "logging",
            "capture",
            "monkeypatch",
            "tmpdir",
            "junitxml",
            "pastebin",
            "stepwise",
            "unittest",
            "python_path",
        ),
        entry_point=False,
    ),
)

_BY_DISTRIBUTION: dict[str, PluginRole] = {canonicalize_name(r.distribution): r for r in _ROLES}
_BY_MODULE: dict[str, PluginRole] = {m: r for r in _ROLES for m in r.modules}
# A pytest plugin whose name says it deals with async code; unknown ones are uncertain.
_ASYNC_HINT = re.compile(
    r"async|aio|trio|anyio|tornado|twisted|curio|sanic|asgi|gevent|eventlet|qasync|uvloop|"
    r"greenlet|loop|coroutine|await"
)


def role_of_distribution(name: str) -> PluginRole | None:
    """The role of a plugin that installing the distribution loads (its pytest11 entry point)."""
    role = _BY_DISTRIBUTION.get(canonicalize_name(name))
    return role if role is not None and role.entry_point else None


def role_of_module(name: str) -> PluginRole | None:
    """The role of a plugin named by module (``-p NAME``, ``pytest_plugins``, entry points)."""
    return _BY_MODULE.get(name) or _BY_MODULE.get(name.split(".")[0])


def is_pytest_plugin_name(name: str) -> bool:
    """Distributions named ``pytest-*`` / ``pytest_*`` are pytest plugins by convention."""
    return canonicalize_name(name).startswith("pytest-")


def name_suggests_async(name: str) -> bool:
    return bool(_ASYNC_HINT.search(name.lower()))


def runner_marks() -> frozenset[str]:
    """Every mark some known plugin runs coroutine tests with."""
    return frozenset(r.mark for r in _ROLES if r.behaviour == RUNS_MARKED and r.mark)


# Fixtures that only a framework's runner plugin provides: a coroutine test requesting one
# (and not defining it) is run by that plugin, whatever its marks say.
RUNNER_PLUGIN_FIXTURES: frozenset[str] = frozenset(
    {
        "nursery",
        "autojump_clock",
        "mock_clock",  # pytest-trio
        "io_loop",
        "http_server",
        "http_client",
        "http_server_client",
        "http_port",  # tornado plugins
        "aiohttp_client",
        "aiohttp_server",
        "aiohttp_raw_server",
        "aiohttp_unused_port",  # aiohttp
        "test_client",
        "test_server",
        "raw_test_server",  # aiohttp's legacy names
        "loop",
        "sanic_client",
        "test_cli",  # sanic / aiohttp legacy loop fixture
        "kernel",  # pytest-curio
        "aiolib",  # pytest-aio
    }
)
