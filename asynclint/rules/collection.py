"""The collection family: async tests and fixtures that pytest will not run as written."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from typing import Literal

import libcst as cst

from asynclint.config.versions import ProjectVersions, failure_note, versions_for, warning_action
from asynclint.index.summary import ASYNC
from asynclint.model import Applicability
from asynclint.rules.base import (
    AFTER,
    BEFORE,
    FIRST_CHAR,
    LAST_CHAR,
    LINE_BEFORE,
    REPLACE,
    FileContext,
    Finding,
    FixPlan,
    NodeEdit,
    Rule,
)
from asynclint.rules.helpers import marks_reference, module_reference, preferred_runner
from asynclint.semantics import plugins, tables
from asynclint.semantics.ancestry import ancestors, class_ancestry
from asynclint.semantics.filemodel import ClassScope, FunctionScope, ModuleScope
from asynclint.semantics.fixtures import (
    marks_from_fixture_params,
    other_async_plugin,
    resolve_fixture,
    strict_mode_handles_nothing,
)
from asynclint.semantics.pytest_items import (
    FixtureDecorator,
    TestItem,
    class_has_init,
    class_marks,
    collected_test,
    decorator_marks,
    fixture_decorator,
    is_unittest_class,
    mark_decorators,
    mark_name,
    module_marks,
    other_decorators,
    requested_fixtures,
    shared_usefixtures,
)
from asynclint.semantics.resolve import is_mark


def other_runner_reason(ctx: FileContext) -> str | None:
    """Why unmarked coroutine tests of this file may run anyway (None: nothing runs them)."""
    profile = ctx.profile
    if profile.asyncio_mode == "auto" and profile.asyncio_plugin_enabled:
        return "asyncio_mode = auto"
    if profile.anyio_auto:
        return "anyio_mode = auto"
    if profile.trio_auto:
        return "trio_mode = true"
    return ctx.runner_context.other_runner


def keeps_test_coroutine(ctx: FileContext, function: FunctionScope) -> bool:
    """Whether every decorator leaves the test a coroutine function pytest-asyncio would see."""
    assert function.node is not None
    for decorator in function.node.decorators:
        expr = decorator.decorator
        if mark_name(expr, function.parent, ctx.resolver) is not None:
            continue
        qualname = ctx.resolver.qualify(expr, function.parent)
        if qualname and is_mark(qualname):
            continue
        if not ctx.resolver.keeps_coroutine(qualname):
            return False
    return True


def requests_anyio_backend(ctx: FileContext, function: FunctionScope) -> bool:
    assert function.node is not None
    if "anyio_backend" in function.params or ctx.runner_context.anyio_backend_autouse:
        return True
    return any("anyio_backend" in ctx.code(d) for d in function.node.decorators)


class UnmarkedAsyncTest(Rule):
    """
    ## What it does
    Flags an `async def test_*` that no plugin will run: pytest-asyncio is in
    strict mode (its default) and neither the function, its class (decorator,
    `pytestmark`, or a base class) nor its module (`pytestmark`) carries an
    `asyncio`, `anyio` or `trio` mark.

    ## Why is this bad?
    pytest cannot run a coroutine by itself. Such a test was skipped with a
    warning up to pytest 8.3 ("async def functions are not natively
    supported") — a green run that tested nothing — and fails from pytest 8.4.

    ## Example
    ```python
    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe: `@pytest.mark.asyncio` is added above the test's other decorators,
    and `import pytest` when missing. In a project that runs its coroutine
    tests with anyio's plugin (`anyio` marks or an `anyio_backend` fixture and
    no pytest-asyncio in sight) the mark is `@pytest.mark.anyio` instead: such
    projects often do not install pytest-asyncio, whose mark would be unknown.

    ## pytest-asyncio versions
    Strict mode is the default since 0.19. In auto mode (`asyncio_mode = auto`)
    this rule does not apply; neither does it when anyio/trio run the tests
    (`anyio_mode = auto`, `trio_mode = true`), when a conftest hook
    (`pytest_pyfunc_call`) or a framework plugin runs coroutine tests, or when
    a decorator asynclint cannot see through wraps the test.

    ## References
    - pytest-asyncio docs: "Modes" (strict and auto).
    - pytest docs: "async tests are not natively supported".
    """

    code = "ASL101"
    name = "unmarked-async-test"
    family = "collection"
    summary = "an async test that no plugin runs"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        candidates = [f for f in ctx.model.functions if f.is_async]
        if not candidates or ctx.is_conftest or other_runner_reason(ctx) is not None:
            return
        if not ctx.profile.is_test_file(ctx.path):
            return  # pytest collects tests only from python_files modules
        file_marks = module_marks(ctx.resolver)
        for function in candidates:
            item = collected_test(function, ctx.resolver, ctx.profile)
            if item is None or ctx.resolver.is_fixture_function(function):
                continue
            assert function.node is not None  # every collected function has its def
            marks = file_marks | decorator_marks(function.node, function.parent, ctx.resolver)
            if item.cls is not None:
                ancestry = class_ancestry(item.cls, ctx.resolver)
                if ancestry is None or is_unittest_class(ancestry):
                    continue
                if class_has_init(item.cls, ctx.resolver):
                    continue
                marks = marks | class_marks(item.cls, ctx.resolver)
            if not marks.understood or marks.names & tables.RUNNER_MARKS:
                continue
            if requests_anyio_backend(ctx, function) or not keeps_test_coroutine(ctx, function):
                continue
            requested = self._requested_names(ctx, function, item.cls)
            if marks_from_fixture_params(ctx, requested, function):
                continue
            if any(
                n in plugins.RUNNER_PLUGIN_FIXTURES and resolve_fixture(ctx, n, function) is None for n in requested
            ):
                continue  # a framework plugin's fixture: that plugin runs the test
            runner = preferred_runner(ctx)
            if runner in ("anyio", "trio"):
                why = f"the project runs its coroutine tests with {runner}, which runs only tests marked `{runner}`"
            elif ctx.profile.asyncio_plugin_enabled:
                why = "pytest-asyncio is in strict mode and the test has no `asyncio` mark"
            else:
                why = "pytest-asyncio is disabled (`-p no:asyncio`) and no anyio/trio mark runs it"
            if runner is None or (runner == "asyncio" and not ctx.profile.asyncio_plugin_enabled):
                message = f"`async def {function.name}` never runs: {why}; add the mark of the plugin that runs it"
                yield self.finding(function.node.name, message)
                continue
            message = f"`async def {function.name}` never runs: {why}; add `@pytest.mark.{runner}`"
            yield self.finding(function.node.name, message, self._fix(ctx, function, runner))

    @staticmethod
    def _requested_names(ctx: FileContext, function: FunctionScope, cls: ClassScope | None) -> list[str]:
        """Fixtures the test requests: parameters, its ``usefixtures`` and its class's or module's."""
        names = [r.name for r in requested_fixtures(function, ctx.resolver) or ()]
        for _, holder, request in shared_usefixtures(ctx.resolver, ctx.profile):
            if holder is None or holder is cls:
                names.append(request.name)
        return names

    def _fix(self, ctx: FileContext, function: FunctionScope, mark: str) -> FixPlan | None:
        assert function.node is not None
        marks_name, imports = marks_reference(ctx, needed_by=function.node)
        if not marks_name:
            return None
        anchor = function.node.decorators[0] if function.node.decorators else function.node
        return FixPlan(
            Applicability.SAFE,
            f"Add `@pytest.mark.{mark}`",
            (NodeEdit(anchor, f"@{marks_name}.{mark}", LINE_BEFORE),),
            imports,
        )


# --------------------------------------------------------------------------- shared
def remove_decorator(decorator: cst.Decorator, title: str) -> FixPlan:
    """Remove a decorator line (an empty replacement of a Decorator removes its whole line)."""
    return FixPlan(Applicability.SAFE, title, (NodeEdit(decorator, "", REPLACE),))


_PATCH_PREFIXES = tuple(
    f"{module}.{name}"
    for module in tables.MOCK_MODULES
    for name in ("patch", "patch.object", "patch.dict", "patch.multiple")
)


def _plain_decorators_only(ctx: FileContext, function: FunctionScope) -> bool:
    """Every decorator is a mark, ``mock.patch*``, ``staticmethod`` or ``classmethod``."""
    for decorator in _non_marks(ctx, function):
        qualname = ctx.resolver.qualify(decorator.decorator, function.parent)
        if qualname in ("staticmethod", "classmethod") or qualname.startswith(_PATCH_PREFIXES):
            continue
        return False
    return True


def _non_marks(ctx: FileContext, function: FunctionScope) -> list[cst.Decorator]:
    assert function.node is not None
    return [d for d in function.node.decorators if mark_name(d.decorator, function.parent, ctx.resolver) is None]


def _collected_plain_test(ctx: FileContext, function: FunctionScope) -> TestItem | None:
    """The test item pytest's own Python collector makes of ``function`` (not unittest, not conftest)."""
    if ctx.is_conftest or ctx.resolver.is_fixture_function(function):
        return None
    item = collected_test(function, ctx.resolver, ctx.profile)
    if item is None:
        return None
    if item.cls is not None:
        ancestry = class_ancestry(item.cls, ctx.resolver)
        if ancestry is None or is_unittest_class(ancestry) or class_has_init(item.cls, ctx.resolver):
            return None
    return item


def _coroutine_word(kind: str) -> str:
    return "a coroutine object" if kind == ASYNC else "an async generator object"


def _pytest9_error(ctx: FileContext, versions: ProjectVersions) -> bool:
    """pytest >= 9 makes PytestRemovedIn9Warning an error (unless filterwarnings says otherwise)."""
    return warning_action(ctx.profile, "PytestRemovedIn9Warning", versions) == "error"


# --------------------------------------------------------------------------- ASL102
class AsyncFixtureSyncDecorator(Rule):
    """
    ## What it does
    Flags `@pytest.fixture` on an `async def` fixture (a coroutine or an async
    generator) when pytest-asyncio runs in strict mode, its default.

    ## Why is this bad?
    In strict mode pytest-asyncio only runs async fixtures declared with
    `@pytest_asyncio.fixture`; it leaves the others to pytest, which cannot run
    them. Every test that requests the fixture receives a coroutine (or async
    generator) object instead of its value, and the fixture's code — setup and
    teardown — never runs. pytest-asyncio warns about it from 0.25, pytest 8.4
    warns, and pytest 9 errors at setup ("requested an async fixture ... with no
    plugin or hook that handled it"), even for `@pytest.mark.asyncio` tests.

    ## Example
    ```python
    import pytest


    @pytest.fixture
    async def database():
        return {"users": 1}


    @pytest.mark.asyncio
    async def test_users(database):
        assert database["users"] == 1
    ```

    ## Use instead
    ```python
    import pytest
    import pytest_asyncio


    @pytest_asyncio.fixture
    async def database():
        return {"users": 1}


    @pytest.mark.asyncio
    async def test_users(database):
        assert database["users"] == 1
    ```

    ## Fix safety
    Safe: the decorator becomes `@pytest_asyncio.fixture` with the same
    arguments (`scope=`, `params=`, `autouse=`, `name=` ...), and
    `import pytest_asyncio` is added when missing. A fixture wider than
    `function` also gets `loop_scope=` equal to its scope (pytest-asyncio
    >= 0.24): where the project sets `asyncio_default_fixture_loop_scope =
    function`, it would otherwise request the function's loop and fail with a
    ScopeMismatch. No fix when the scope is computed.

    ## pytest-asyncio versions
    Strict mode exists since 0.17 and is the default since 0.19 (0.17/0.18
    defaulted to legacy mode, which ran every async fixture). In auto mode this
    rule does not apply, nor when anyio or trio (which run plain async fixtures
    for their own tests) are in use in the file, its conftests or plugins.

    ## References
    - pytest-asyncio docs: "Concepts — test discovery modes", "Decorators".
    - pytest docs: deprecations, "sync test depending on async fixture".
    """

    code = "ASL102"
    name = "async-fixture-sync-decorator"
    family = "collection"
    summary = "an async fixture declared with @pytest.fixture, ignored in strict mode"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        candidates = [f for f in ctx.model.functions if f.is_async]
        if not candidates:
            return
        versions = versions_for(ctx)
        if not strict_mode_handles_nothing(ctx, versions) or other_async_plugin(ctx) is not None:
            return
        for function in candidates:
            found = fixture_decorator(function, ctx.resolver)
            if found is None or not found.is_plain_pytest:
                continue
            if other_decorators(function, ctx.resolver):
                continue  # another decorator may hand pytest something else than the coroutine
            text = ctx.code(found.target)
            if _pytest9_error(ctx, versions):
                effect = f"pytest {versions.pytest.version} errors at setup of every test that requests it"
            elif versions.pytest_at_least(8, 4):
                effect = (
                    f"requesters receive {_coroutine_word(function.kind)} and pytest {versions.pytest.version} warns"
                )
            else:
                effect = f"requesters receive {_coroutine_word(function.kind)} instead of its value"
            message = (
                f"`@{text}` on `async def {function.name}`: pytest-asyncio ignores it in strict mode, "
                f"so the fixture never runs and {effect}; use `@pytest_asyncio.fixture`"
            )
            yield self.finding(found.decorator, message, self._fix(ctx, found, versions))

    def _fix(self, ctx: FileContext, found: FixtureDecorator, versions: ProjectVersions) -> FixPlan | None:
        module_name, imports = module_reference(ctx, "pytest_asyncio", needed_by=found.decorator)
        if not module_name:
            return None
        edits = [NodeEdit(found.target, f"{module_name}.fixture")]
        if versions.asyncio_at_least(0, 24):
            loop_scope = _loop_scope_edit(found.call)
            if loop_scope is False:
                return None
            if loop_scope is not None:
                edits.append(loop_scope)
        return FixPlan(Applicability.SAFE, "Use `@pytest_asyncio.fixture`", tuple(edits), imports)


def _loop_scope_edit(call: cst.Call | None) -> NodeEdit | None | Literal[False]:
    """``loop_scope=`` equal to a wider ``scope=``; False when the scope is not a literal.

    pytest-asyncio runs a fixture in the loop of its ``loop_scope``. Left out, that is the
    fixture's own scope while ``asyncio_default_fixture_loop_scope`` is unset, but
    ``function`` where a project sets it so: a module-scoped fixture would then request the
    function-scoped loop and fail with a ScopeMismatch. Spelling it out keeps the fix right
    under either config.
    """
    if call is None:
        return None
    keywords = {arg.keyword.value: arg for arg in call.args if arg.keyword is not None}
    scope = keywords.get("scope")
    if scope is None or "loop_scope" in keywords:
        return None
    if not isinstance(scope.value, cst.SimpleString):
        return False  # a callable or computed scope: which loop it needs is unknown
    if scope.value.evaluated_value == "function":
        return None
    return NodeEdit(scope.value, f", loop_scope={scope.value.value}", AFTER)


# --------------------------------------------------------------------------- ASL103
class AsyncioMarkOnSyncTest(Rule):
    """
    ## What it does
    Flags an explicit `@pytest.mark.asyncio` on a test that is a plain `def`.

    ## Why is this bad?
    The mark only means something to coroutine tests. On a plain function it
    does nothing except make pytest-asyncio warn ("is marked with
    '@pytest.mark.asyncio' but it is not an async function"); usually the
    author meant to write `async def`, or the mark was copied along with the
    test. With `filterwarnings = error` the warning fails the test.

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    def test_total():
        assert sum([1, 2]) == 3
    ```

    ## Use instead
    ```python
    def test_total():
        assert sum([1, 2]) == 3
    ```

    ## Fix safety
    Safe: the mark has no effect on a plain function; its decorator line is
    removed.

    ## pytest-asyncio versions
    All versions; the warning is a `PytestWarning` emitted when the test runs.
    Marks that reach the test from its class or module (`pytestmark`) are not
    reported: they are meant for the coroutine tests next to it.

    ## References
    - pytest-asyncio source: `pytest_pyfunc_call` ("Please remove the asyncio mark").
    """

    code = "ASL103"
    name = "asyncio-mark-on-sync-test"
    family = "collection"
    summary = "@pytest.mark.asyncio on a plain def test"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.is_async or function.node is None:
                continue
            marks = [
                d for d, mark in mark_decorators(function.node, function.parent, ctx.resolver) if mark == "asyncio"
            ]
            if not marks or _collected_plain_test(ctx, function) is None:
                continue
            if not _plain_decorators_only(ctx, function):
                continue  # a decorator may turn the function into a coroutine function
            versions = versions or versions_for(ctx)
            note = failure_note(ctx.profile, "PytestWarning", versions)
            for decorator in marks:
                message = (
                    f"`@{ctx.code(decorator.decorator)}` on `def {function.name}` does nothing: "
                    f"the test is not a coroutine and pytest-asyncio only warns about the mark{note}; "
                    "remove the mark or make the test `async def`"
                )
                yield self.finding(decorator, message, remove_decorator(decorator, "Remove the asyncio mark"))


# --------------------------------------------------------------------------- ASL104
SYNC_TESTCASES = frozenset({"unittest.TestCase", "unittest.case.TestCase"})
_CUSTOM_RUN_METHODS = frozenset(
    {
        "run",
        "debug",
        "_callTestMethod",
        "_callSetUp",
        "_callTearDown",
        "__call__",
        "__init__",
        "__new__",
        "__init_subclass__",
        "__getattribute__",
        "__getattr__",
    }
)


def _customised_class(ctx: FileContext, cls: ClassScope) -> bool:
    """A class that may run coroutine methods itself: run hooks, a metaclass, decorators."""
    assert cls.node is not None
    if any(k.keyword is not None for k in cls.node.keywords):
        return True
    if any(mark_name(d.decorator, cls.parent, ctx.resolver) is None for d in cls.node.decorators):
        return True
    return bool(_CUSTOM_RUN_METHODS & set(cls.bindings))


def testcase_base(ctx: FileContext, cls: ClassScope, bases: frozenset[str] = SYNC_TESTCASES) -> cst.Arg | bool | None:
    """The class's own base among ``bases`` (a ``cst.Arg`` of this file; True when inherited),
    None when not sure: an unresolved or other external base, a metaclass, a class decorator
    or an overridden run method may run coroutine methods itself."""
    found = ancestors(cls, ctx.resolver)
    if not found or _customised_class(ctx, cls):
        return None
    external = [a.qualname for a in found if a.external]
    if not bases & set(external):
        return None
    if any(name not in bases and name not in ("object", "builtins.object") for name in external):
        return None  # another external base may run coroutines (Django, asynctest, aiohttp, ...)
    for ancestor in found:
        if ancestor.local is not None and _customised_class(ctx, ancestor.local):
            return None
        if ancestor.facts is not None and (
            ancestor.facts.has_metaclass or _CUSTOM_RUN_METHODS & set(ancestor.facts.methods)
        ):
            return None
    for owner in (cls, *(a.local for a in found if a.local is not None)):
        assert owner.node is not None
        for arg in owner.node.bases:
            if ctx.resolver.qualify(arg.value, owner.parent) in bases:
                return arg  # the class of this file that names the base
    return True


class AsyncTestInTestCase(Rule):
    """
    ## What it does
    Flags an `async def test*` method of a `unittest.TestCase` subclass that is
    not an `IsolatedAsyncioTestCase` (or another base that runs coroutines).

    ## Why is this bad?
    pytest hands `TestCase` classes to unittest, and unittest simply calls the
    method: it gets a coroutine object, drops it, and reports the test as
    passed. Nothing in the test ever runs; Python warns "coroutine ... was never
    awaited" and (3.11+) "It is deprecated to return a value that is not None
    from a test case". pytest-asyncio's marks do not apply to unittest classes.

    ## Example
    ```python
    import asyncio
    import unittest


    class TestFetch(unittest.TestCase):
        async def test_fetch(self):
            await asyncio.sleep(0)
            self.assertTrue(False)
    ```

    ## Use instead
    ```python
    import asyncio
    import unittest


    class TestFetch(unittest.IsolatedAsyncioTestCase):
        async def test_fetch(self):
            await asyncio.sleep(0)
            self.assertTrue(True)
    ```

    ## Fix safety
    Unsafe: the base class becomes `unittest.IsolatedAsyncioTestCase`. Its
    tests then really run — which may expose failures the vacuous passes hid —
    and `setUp`/`tearDown` run inside an event loop context; async setup code
    belongs in `asyncSetUp`. Offered when the class, or a base class defined
    in the same file, names `unittest.TestCase`; that base is changed.

    ## pytest-asyncio versions
    Independent of pytest-asyncio: unittest classes never go through it. Classes
    whose ancestry asynclint cannot see completely, or that override `run`,
    `_callTestMethod`, `__init__` or use a metaclass or class decorator, are not
    reported (they may run coroutines themselves).

    ## References
    - Python docs: `unittest.IsolatedAsyncioTestCase`.
    - pytest docs: "How to use unittest-based tests with pytest".
    """

    code = "ASL104"
    name = "async-test-in-testcase"
    family = "collection"
    summary = "an async test method in a sync unittest.TestCase: never awaited"
    fix_availability = "unsafe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        if ctx.is_conftest:
            return
        for cls in ctx.model.classes:
            if not isinstance(cls.parent, ModuleScope) or cls.node is None or "__test__" in cls.bindings:
                continue
            methods = [m for m in cls.methods.values() if m.is_async and m.name.startswith("test")]
            if not methods:
                continue
            base = testcase_base(ctx, cls)
            if base is None:
                continue
            fix = self._fix(ctx, base) if isinstance(base, cst.Arg) else None
            for method in methods:
                if not _plain_decorators_only(ctx, method):
                    continue
                message = (
                    f"`async def {method.name}` in `{cls.name}`, a plain `unittest.TestCase`, never runs: "
                    "unittest calls it, drops the coroutine and reports a pass; "
                    "derive from `unittest.IsolatedAsyncioTestCase`"
                )
                assert method.node is not None  # a method of a parsed class has its def
                yield self.finding(method.node.name, message, fix)

    def _fix(self, ctx: FileContext, base: cst.Arg) -> FixPlan | None:
        module_name, imports = module_reference(ctx, "unittest", needed_by=base)
        if not module_name:
            return None
        return FixPlan(
            Applicability.UNSAFE,
            "Derive from `unittest.IsolatedAsyncioTestCase`",
            (NodeEdit(base.value, f"{module_name}.IsolatedAsyncioTestCase"),),
            imports,
        )


# --------------------------------------------------------------------------- ASL110
ISOLATED_TESTCASES = frozenset({"unittest.IsolatedAsyncioTestCase", "unittest.async_case.IsolatedAsyncioTestCase"})
# unittest's hooks, and the async twins IsolatedAsyncioTestCase awaits instead.
UNITTEST_HOOKS = {"setUp": "asyncSetUp", "tearDown": "asyncTearDown", "setUpClass": None, "tearDownClass": None}
# pytest's xunit-style hooks: pytest calls them like any function, it never awaits them.
XUNIT_CLASS_HOOKS = frozenset({"setup_method", "teardown_method", "setup_class", "teardown_class"})
XUNIT_MODULE_HOOKS = frozenset(
    {"setup_module", "teardown_module", "setUpModule", "tearDownModule", "setup_function", "teardown_function"}
)


class AsyncSetupMethod(Rule):
    """
    ## What it does
    Flags an `async def` set-up or tear-down hook that nothing awaits:
    `setUp`, `tearDown`, `setUpClass` and `tearDownClass` of a
    `unittest.TestCase` (also of an `IsolatedAsyncioTestCase`, whose async hooks
    are `asyncSetUp` / `asyncTearDown`), and pytest's xunit-style hooks
    (`setup_method`, `teardown_method`, `setup_class`, `teardown_class`,
    `setup_module` / `setUpModule`, `setup_function` and their teardowns).

    ## Why is this bad?
    unittest and pytest call these hooks like plain functions: an `async def`
    hook returns a coroutine that is dropped ("coroutine ... was never
    awaited"). Its body never runs, and the tests pass without the set-up they
    rely on, or leave behind what the tear-down should have removed.

    ## Example
    ```python
    import asyncio
    import unittest


    class TestStore(unittest.IsolatedAsyncioTestCase):
        async def setUp(self):
            await asyncio.sleep(0)
            self.items = []

        async def test_empty(self):
            self.assertEqual(getattr(self, "items", []), [])
    ```

    ## Use instead
    ```python
    import asyncio
    import unittest


    class TestStore(unittest.IsolatedAsyncioTestCase):
        async def asyncSetUp(self):
            await asyncio.sleep(0)
            self.items = []

        async def test_empty(self):
            self.assertEqual(self.items, [])
    ```

    ## Fix safety
    Unsafe (applied with `--fix --unsafe-fixes`): in an `IsolatedAsyncioTestCase`,
    `async def setUp` becomes `asyncSetUp` and `async def tearDown` becomes
    `asyncTearDown`, which the test case awaits; the hook's body then runs for
    the first time, which may change what the tests see. Offered only when the
    class does not define the async twin already. Other hooks get no fix: an
    async `setUpClass` or pytest hook needs a fixture instead.

    ## pytest-asyncio versions
    Independent of pytest-asyncio: it does not run set-up hooks. Classes whose
    ancestry asynclint cannot see completely, or with a metaclass, a class
    decorator or an overridden run method, are not reported.

    ## References
    - Python docs: `unittest.IsolatedAsyncioTestCase.asyncSetUp`.
    - pytest docs: "How to implement xunit-style set-up".
    """

    code = "ASL110"
    name = "async-setup-method"
    family = "collection"
    summary = "an async set-up or tear-down hook that nothing awaits"
    fix_availability = "unsafe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        if ctx.is_conftest:
            return
        for function in ctx.model.functions:
            if not function.is_async or function.node is None:
                continue
            cls = function.owner_class
            if cls is None:
                if isinstance(function.parent, ModuleScope) and function.name in XUNIT_MODULE_HOOKS:
                    if ctx.profile.is_test_file(ctx.path):
                        yield self._finding(function, "pytest", "make it a sync hook or an async fixture")
                continue
            if not isinstance(cls.parent, ModuleScope) or cls.node is None:
                continue
            if function.name in UNITTEST_HOOKS:
                yield from self._unittest_hook(ctx, cls, function)
            elif function.name in XUNIT_CLASS_HOOKS and self._pytest_class(ctx, cls):
                yield self._finding(function, "pytest", "make it a sync hook or an async fixture")

    def _unittest_hook(self, ctx: FileContext, cls: ClassScope, function: FunctionScope) -> Iterator[Finding]:
        if testcase_base(ctx, cls, SYNC_TESTCASES | ISOLATED_TESTCASES) is None:
            return
        ancestry = {a.qualname for a in ancestors(cls, ctx.resolver) or () if a.external}
        twin = UNITTEST_HOOKS[function.name]
        if ancestry & ISOLATED_TESTCASES and twin is not None:
            fix = None
            if twin not in cls.methods and _plain_decorators_only(ctx, function):
                assert function.node is not None
                fix = FixPlan(Applicability.UNSAFE, f"Rename to `{twin}`", (NodeEdit(function.node.name, twin),))
            yield self._finding(function, "unittest", f"name it `{twin}`", fix)
            return
        advice = (
            f"derive from `unittest.IsolatedAsyncioTestCase` and name it `{twin}`"
            if twin is not None
            else "make it a sync hook"
        )
        yield self._finding(function, "unittest", advice)

    @staticmethod
    def _pytest_class(ctx: FileContext, cls: ClassScope) -> bool:
        """A class pytest collects itself (not unittest's), with an ancestry asynclint sees."""
        if not ctx.profile.is_test_file(ctx.path) or not ctx.profile.is_test_class_name(cls.name):
            return False
        ancestry = class_ancestry(cls, ctx.resolver)
        return ancestry is not None and not is_unittest_class(ancestry) and not _customised_class(ctx, cls)

    def _finding(self, function: FunctionScope, caller: str, advice: str, fix: FixPlan | None = None) -> Finding:
        assert function.node is not None
        message = (
            f"`async def {function.name}` never runs: {caller} calls it without awaiting and drops "
            f"its coroutine; {advice}"
        )
        return self.finding(function.node.name, message, fix)


# --------------------------------------------------------------------------- ASL105
class AsyncGeneratorTest(Rule):
    """
    ## What it does
    Flags an `async def test*` that contains `yield`: an async generator, not
    a coroutine.

    ## Why is this bad?
    pytest-asyncio cannot run an async generator as a test. It warns
    ("Tests based on asynchronous generators are not supported") and marks the
    test `xfail(run=False)`: the report shows a harmless-looking "x" and the
    body never runs. Without a runner, pytest fails it as an unsupported async
    function. Usually the `yield` was copied from a fixture.

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_stream():
        yield 1
    ```

    ## Use instead
    ```python
    import pytest


    async def numbers():
        yield 1


    @pytest.mark.asyncio
    async def test_stream():
        assert [n async for n in numbers()] == [1]
    ```

    ## Fix safety
    No automatic fix: the test has to be rewritten (move the generator into a
    helper or a fixture).

    ## pytest-asyncio versions
    Reported as xfail (not run) since 0.22/0.23; every version skips or fails
    such tests. The same holds in auto mode.

    ## References
    - pytest-asyncio changelog 0.22: "Test items based on asynchronous generators always exit with xfail status".
    """

    code = "ASL105"
    name = "async-generator-test"
    family = "collection"
    summary = "an async test that yields: never run"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for function in ctx.model.functions:
            if not (function.is_async and function.has_yield):
                continue
            if _collected_plain_test(ctx, function) is None or not keeps_test_coroutine(ctx, function):
                continue
            message = (
                f"`async def {function.name}` contains `yield`, so it is an async generator: "
                "pytest-asyncio reports it as xfailed without running it; move the `yield` "
                "into a fixture or helper"
            )
            assert function.node is not None  # a collected test has its def
            yield self.finding(function.node.name, message)


# --------------------------------------------------------------------------- ASL106
def _tuple_as_list(value: cst.Tuple) -> tuple[NodeEdit, ...] | None:
    """Edits turning a tuple into a list, keeping its items and their formatting: a
    parenthesis node owns the whitespace and comments inside it, so only its ``(`` / ``)``
    character is replaced."""
    if not value.lpar:
        return (NodeEdit(value, "[", BEFORE), NodeEdit(value, "]", AFTER))
    if len(value.lpar) == 1 and len(value.rpar) == 1:
        return (NodeEdit(value.lpar[0], "[", FIRST_CHAR), NodeEdit(value.rpar[0], "]", LAST_CHAR))
    return None


class IneffectivePytestmark(Rule):
    """
    ## What it does
    Flags a `pytestmark` that pytest ignores or rejects: one assigned in a
    `conftest.py`, and one whose value is a tuple (in a module or a class).

    ## Why is this bad?
    pytest reads `pytestmark` only from test modules and test classes; in a
    `conftest.py` it is an ordinary variable, so the marks it names (often
    `pytest.mark.asyncio`, meant for a whole folder) apply to nothing. A tuple
    is not accepted at all: pytest accepts a single mark or a list, and fails the
    whole module or class at collection with "TypeError: got (...) instead of
    Mark".

    ## Example
    ```python
    import pytest

    pytestmark = (pytest.mark.asyncio, pytest.mark.slow)


    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest

    pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe for a tuple: it becomes a list with the same items. A `conftest.py`
    `pytestmark` has no fix: mark the tests' modules, or use
    `asyncio_mode = auto` / a `pytest_collection_modifyitems` hook.

    ## pytest-asyncio versions
    Independent of pytest-asyncio; pytest has rejected tuples and ignored
    conftest marks in every supported version.

    ## References
    - pytest docs: "Marking whole classes or modules" (`pytestmark`).
    """

    code = "ASL106"
    name = "ineffective-pytestmark"
    family = "collection"
    summary = "pytestmark in conftest.py (no effect) or as a tuple (collection error)"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        conftest = ctx.is_conftest and not any(
            fnmatch.fnmatch("conftest.py", pattern) for pattern in ctx.profile.python_files
        )
        for value in ctx.model.module_pytestmark:
            yield from self._report(ctx, value, "module", conftest)
        if ctx.is_conftest:
            return
        for cls in ctx.model.classes:
            for value in cls.pytestmark:
                yield from self._report(ctx, value, f"class `{cls.name}`", False)

    def _report(self, ctx: FileContext, value: cst.BaseExpression, owner: str, conftest: bool) -> Iterator[Finding]:
        is_tuple = isinstance(value, cst.Tuple)
        if not (conftest or is_tuple):
            return
        fix = None
        if isinstance(value, cst.Tuple):
            edits = _tuple_as_list(value)
            if edits is not None:
                fix = FixPlan(Applicability.SAFE, "Use a list of marks", edits)
        if conftest:
            message = (
                "`pytestmark` in conftest.py has no effect: pytest reads it only from test modules "
                "and classes, so these marks apply to no test"
            )
            if is_tuple:
                message += " (and a tuple would be rejected anyway)"
        else:
            message = (
                f"`pytestmark` of the {owner} is a tuple: pytest accepts a mark or a list and fails "
                'collection with "TypeError: got (...) instead of Mark"; use a list'
            )
        yield self.finding(value, message, fix)


# --------------------------------------------------------------------------- ASL107
_MARK_KEYWORDS = (
    ((1, 4), {"loop_scope", "scope", "loop_factories"}),
    ((0, 24), {"loop_scope", "scope"}),
    ((0, 23), {"scope"}),
)


def _allowed_mark_keywords(versions: ProjectVersions) -> set[str] | None:
    for version, keywords in _MARK_KEYWORDS:
        if versions.asyncio_at_least(*version):
            return keywords
    return None  # before 0.23 the mark's arguments were ignored


class DeprecatedMarkArgument(Rule):
    """
    ## What it does
    Flags `@pytest.mark.asyncio(...)` arguments pytest-asyncio deprecates or
    rejects: `scope=` (deprecated in favour of `loop_scope=`), both `scope=` and
    `loop_scope=`, positional arguments, and keywords it does not know.

    ## Why is this bad?
    `scope=` still works but emits a `PytestDeprecationWarning` (a failure
    under `filterwarnings = error`) and will stop working. The other forms are
    errors: pytest-asyncio fails the module at collection ("mark.asyncio accepts
    only keyword arguments ...", "defines both \\"scope\\" and \\"loop_scope\\"").

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio(scope="module")
    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.mark.asyncio(loop_scope="module")
    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe for a lone `scope=`: it is renamed to `loop_scope=`, which means the
    same. The other forms need a decision and have no fix.

    ## pytest-asyncio versions
    `scope=` was introduced in 0.23 and deprecated in 0.24, when `loop_scope=`
    replaced it: before 0.24 it is not reported. Positional arguments and
    unknown keywords are rejected since 0.23; `loop_factories=` exists from 1.4.

    ## References
    - pytest-asyncio changelog 0.24: "Deprecates the scope argument of the asyncio marker".
    """

    code = "ASL107"
    name = "deprecated-mark-argument"
    family = "collection"
    summary = "asyncio mark with scope=, positional or unknown arguments"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for site in ctx.model.calls:
            if not site.callee.endswith("mark.asyncio") or not site.node.args:
                continue
            if mark_name(site.node.func, site.scope, ctx.resolver) != "asyncio":
                continue
            args = site.node.args
            if any(arg.star for arg in args):
                continue
            versions = versions or versions_for(ctx)
            allowed = _allowed_mark_keywords(versions)
            if allowed is None or not versions.asyncio_installed:
                continue
            version = versions.pytest_asyncio.version
            keywords = {arg.keyword.value: arg for arg in args if arg.keyword is not None}
            positional = [arg for arg in args if arg.keyword is None]
            unknown = sorted(set(keywords) - allowed)
            if positional or unknown:
                what = "positional arguments" if positional else f"`{unknown[0]}=`"
                message = (
                    f"`mark.asyncio` does not accept {what}: pytest-asyncio {version} fails the module "
                    f"at collection; pass `{'loop_scope' if 'loop_scope' in allowed else 'scope'}=` by keyword"
                )
                yield self.finding(site.node, message)
            elif "scope" in keywords and "loop_scope" in keywords:
                message = (
                    "`mark.asyncio` with both `scope=` and `loop_scope=`: pytest-asyncio "
                    f"{version} fails the module at collection; keep only `loop_scope=`"
                )
                yield self.finding(site.node, message)
            elif "scope" in keywords and "loop_scope" in allowed:
                note = failure_note(ctx.profile, "PytestDeprecationWarning", versions)
                message = (
                    "`scope=` of `mark.asyncio` is deprecated since pytest-asyncio 0.24 "
                    f"(PytestDeprecationWarning){note}; use `loop_scope=`"
                )
                keyword = keywords["scope"].keyword
                assert keyword is not None
                fix = FixPlan(
                    Applicability.SAFE, "Rename `scope=` to `loop_scope=`", (NodeEdit(keyword, "loop_scope"),)
                )
                yield self.finding(site.node, message, fix)


# --------------------------------------------------------------------------- ASL108
class MarkOnFixture(Rule):
    """
    ## What it does
    Flags a mark (`@pytest.mark.asyncio`, `@pytest.mark.usefixtures(...)`,
    `@pytest.mark.parametrize(...)`, any other) applied to a fixture, above or
    below its fixture decorator.

    ## Why is this bad?
    Marks apply to tests; on a fixture they have never had any effect. An
    `asyncio` mark does not make an async fixture run (that takes
    `@pytest_asyncio.fixture`), `usefixtures` does not request anything (request
    the fixture as a parameter), and `parametrize` does not parametrize (use
    `params=`). pytest 7.4–8.x warns ("Marks applied to fixtures have no
    effect"); pytest 9.0 refuses to import the module while that warning is an
    error (its default), and pytest 9.1 always ("Marks cannot be applied to
    fixtures").

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    @pytest.fixture
    def settings():
        return {"debug": True}


    def test_debug(settings):
        assert settings["debug"]
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.fixture
    def settings():
        return {"debug": True}


    def test_debug(settings):
        assert settings["debug"]
    ```

    ## Fix safety
    Safe: the mark never had an effect; its decorator line is removed.

    ## pytest-asyncio versions
    Independent of pytest-asyncio. pytest warns since 7.4 (a
    `PytestRemovedIn9Warning` from 8.0); pytest 9.0 turns it into an error at
    import time (unless the project's `filterwarnings` silences it), and pytest
    9.1 fails the module whatever the filters say.

    ## References
    - pytest docs: deprecations, "Applying a mark to a fixture function".
    """

    code = "ASL108"
    name = "mark-on-fixture"
    family = "collection"
    summary = "a mark applied to a fixture: never effective"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.node is None or len(function.node.decorators) < 2:
                continue
            if fixture_decorator(function, ctx.resolver) is None:
                continue
            for decorator, mark in mark_decorators(function.node, function.parent, ctx.resolver):
                versions = versions or versions_for(ctx)
                advice = {
                    "asyncio": "use `@pytest_asyncio.fixture` to make pytest-asyncio run an async fixture",
                    "usefixtures": "request the fixtures as parameters of the fixture",
                    "parametrize": "use the fixture's `params=`",
                }.get(mark, "mark the tests instead")
                if versions.pytest_at_least(9, 1) or (versions.pytest_at_least(9) and _pytest9_error(ctx, versions)):
                    effect = f"pytest {versions.pytest.version} fails the module at import"
                elif versions.pytest_at_least(7, 4):
                    effect = f"pytest {versions.pytest.version} warns it has no effect"
                else:
                    effect = "it has no effect"
                message = (
                    f"`@{ctx.code(decorator.decorator)}` on fixture `{function.name}`: marks do not apply "
                    f"to fixtures and {effect}; {advice}"
                )
                yield self.finding(decorator, message, remove_decorator(decorator, "Remove the mark"))


# --------------------------------------------------------------------------- ASL109
class SyncTestUsesAsyncFixture(Rule):
    """
    ## What it does
    Flags a sync test or sync fixture that requests an async fixture which no
    plugin runs: pytest-asyncio is in strict mode and the fixture is declared
    with plain `@pytest.fixture`. The fixture is found the way pytest finds it:
    the test's class, its module, the `conftest.py` files up to the rootdir, and
    `pytest_plugins`.

    ## Why is this bad?
    Nobody awaits the fixture: the test receives a coroutine (or async
    generator) object where it expects a value, and the fixture's setup and
    teardown never run. pytest 8.4 warns; pytest 9 errors at setup ("requested
    an async fixture ... with no plugin or hook that handled it").

    ## Example
    ```python
    import pytest


    @pytest.fixture
    async def token():
        return "secret"


    def test_token(token):
        assert token == "secret"
    ```

    ## Use instead
    ```python
    import pytest
    import pytest_asyncio


    @pytest_asyncio.fixture
    async def token():
        return "secret"


    def test_token(token):
        assert token == "secret"
    ```

    ## Fix safety
    No automatic fix: either declare the fixture with `@pytest_asyncio.fixture`
    (which pytest-asyncio runs for sync tests too) — ASL102 offers that where the
    fixture is defined — or make the test `async def`.

    ## pytest-asyncio versions
    Strict mode only (the default since 0.19); in auto mode pytest-asyncio runs
    every async fixture. Not reported when anyio or trio may run the fixture.

    ## References
    - pytest docs: deprecations, "sync test depending on async fixture".
    - pytest-asyncio docs: "Decorators".
    """

    code = "ASL109"
    name = "sync-test-uses-async-fixture"
    family = "collection"
    summary = "a sync test or fixture requests an async fixture no plugin runs"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.is_async:
                continue
            fixture = fixture_decorator(function, ctx.resolver)
            if fixture is None:
                if _collected_plain_test(ctx, function) is None or not _plain_decorators_only(ctx, function):
                    continue
                what = "test"
            else:
                if other_decorators(function, ctx.resolver):
                    continue
                what = "fixture"
            requests = requested_fixtures(function, ctx.resolver)
            if not requests:
                continue
            if versions is None:
                versions = versions_for(ctx)
                if not strict_mode_handles_nothing(ctx, versions) or other_async_plugin(ctx) is not None:
                    return
            for request in requests:
                info = resolve_fixture(ctx, request.name, function)
                if info is None or not info.is_async or not info.is_plain_pytest or info.extra_decorators:
                    continue
                if other_async_plugin(ctx, info) is not None:
                    continue
                where = info.where(ctx.index.root)
                if _pytest9_error(ctx, versions):
                    effect = f"pytest {versions.pytest.version} errors at setup"
                else:
                    effect = f"it receives {_coroutine_word(info.kind)}"
                message = (
                    f"sync {what} `{function.name}` requests `{request.name}`, an async fixture "
                    f"declared with plain `@pytest.fixture` ({where}) that no plugin runs in strict mode: "
                    f"{effect}; declare it with `@pytest_asyncio.fixture`"
                )
                yield self.finding(request.node, message)


RULES = (
    UnmarkedAsyncTest,
    AsyncFixtureSyncDecorator,
    AsyncioMarkOnSyncTest,
    AsyncTestInTestCase,
    AsyncGeneratorTest,
    AsyncSetupMethod,
    IneffectivePytestmark,
    DeprecatedMarkArgument,
    MarkOnFixture,
    SyncTestUsesAsyncFixture,
)
