"""ASL110 async-setup-method: an async set-up or tear-down hook that nothing awaits."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics.ancestry import ancestors, class_ancestry
from asynclint.semantics.collection import (
    SYNC_TESTCASES,
    customised_class,
    mixin_users,
    plain_decorators_only,
    plain_mixin,
    testcase_base,
)
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import ClassScope, FunctionScope, ModuleScope
from asynclint.semantics.pytest_items import is_unittest_class

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
    A unittest hook written in a plain mixin is reported there when every class
    of the file that uses the mixin is a unittest test case inheriting that hook.

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
    summary = "an async set-up or tear-down hook that nothing awaits"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    triggers = (b"async",)

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
            if function.name in UNITTEST_HOOKS and plain_mixin(ctx, cls):
                yield from self._mixin_hook(ctx, cls, function)
            elif function.name in UNITTEST_HOOKS:
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
            if twin not in cls.methods and plain_decorators_only(ctx, function):
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

    def _mixin_hook(self, ctx: FileContext, mixin: ClassScope, function: FunctionScope) -> Iterator[Finding]:
        """An async hook of a plain mixin of this file that only ``unittest`` test cases use,
        each inheriting this very hook: unittest calls it in every one of them (also in an
        ``IsolatedAsyncioTestCase``, which awaits only ``asyncSetUp``/``asyncTearDown``)."""
        users = mixin_users(ctx, mixin)
        if not users or not plain_decorators_only(ctx, function):
            return
        for user in users:
            if testcase_base(ctx, user, SYNC_TESTCASES | ISOLATED_TESTCASES) is None or "__test__" in user.bindings:
                return  # another harness, or one asynclint cannot see, may await it
            if ctx.resolver.class_method_symbol(user, function.name) is not function:
                return  # a user overrides it (and may await it)
        twin = UNITTEST_HOOKS[function.name]
        names = ", ".join(f"`{u.name}`" for u in users)
        advice = f"name it `{twin}` and use it in `IsolatedAsyncioTestCase` classes" if twin else "make it a sync hook"
        assert function.node is not None
        message = (
            f"`async def {function.name}` of the mixin `{mixin.name}` never runs: unittest calls it without "
            f"awaiting in {names} and drops its coroutine; {advice}"
        )
        yield self.finding(function.node.name, message)

    @staticmethod
    def _pytest_class(ctx: FileContext, cls: ClassScope) -> bool:
        """A class pytest collects itself (not unittest's), with an ancestry asynclint sees."""
        if not ctx.profile.is_test_file(ctx.path) or not ctx.profile.is_test_class_name(cls.name):
            return False
        ancestry = class_ancestry(cls, ctx.resolver)
        return ancestry is not None and not is_unittest_class(ancestry) and not customised_class(ctx, cls)

    def _finding(self, function: FunctionScope, caller: str, advice: str, fix: FixPlan | None = None) -> Finding:
        assert function.node is not None
        message = (
            f"`async def {function.name}` never runs: {caller} calls it without awaiting and drops "
            f"its coroutine; {advice}"
        )
        return self.finding(function.node.name, message, fix)
