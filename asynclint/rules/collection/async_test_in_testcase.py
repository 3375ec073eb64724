"""ASL104 async-test-in-testcase: an async test method in a sync unittest.TestCase: never awaited."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.fixes import module_reference
from asynclint.semantics.collection import (
    mixin_users,
    plain_decorators_only,
    plain_mixin,
    testcase_base,
)
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import ModuleScope


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
    summary = "an async test method in a sync unittest.TestCase: never awaited"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    triggers = (b"async",)

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
                if not plain_decorators_only(ctx, method):
                    continue
                message = (
                    f"`async def {method.name}` in `{cls.name}`, a plain `unittest.TestCase`, never runs: "
                    "unittest calls it, drops the coroutine and reports a pass; "
                    "derive from `unittest.IsolatedAsyncioTestCase`"
                )
                assert method.node is not None  # a method of a parsed class has its def
                yield self.finding(method.node.name, message, fix)
        yield from self._mixin_methods(ctx)

    def _mixin_methods(self, ctx: FileContext) -> Iterator[Finding]:
        """Async test methods of a plain mixin of this file that only sync ``TestCase``
        classes of this file use: unittest runs them there, and drops the coroutines."""
        classes = [c for c in ctx.model.classes if isinstance(c.parent, ModuleScope) and c.node is not None]
        for mixin in classes:
            assert mixin.node is not None
            methods = [m for m in mixin.methods.values() if m.is_async and m.name.startswith("test")]
            if not methods or not plain_mixin(ctx, mixin):
                continue
            users = mixin_users(ctx, mixin)
            if not users or any(testcase_base(ctx, u) is None or "__test__" in u.bindings for u in users):
                continue  # an async-capable user, a harness, or nobody: the mixin may well run
            names = ", ".join(f"`{u.name}`" for u in users)
            names += ", a plain `unittest.TestCase`" if len(users) == 1 else ", plain `unittest.TestCase` classes"
            for method in methods:
                if not plain_decorators_only(ctx, method):
                    continue
                if any(ctx.resolver.class_method_symbol(u, method.name) is not method for u in users):
                    continue  # a user overrides it
                message = (
                    f"`async def {method.name}` of the mixin `{mixin.name}` never runs in {names}: "
                    "unittest calls it, drops the coroutine and reports a pass; "
                    "derive from `unittest.IsolatedAsyncioTestCase`"
                )
                assert method.node is not None
                yield self.finding(method.node.name, message)

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
