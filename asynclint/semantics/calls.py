"""What a call is and where it sits: in a coroutine function, inside a ``lambda``, a loop API."""

from __future__ import annotations

import libcst as cst

from asynclint.semantics import tables
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import CallSite, FunctionScope, enclosing_function


def in_async_function(site: CallSite) -> bool:
    function = enclosing_function(site.scope)
    return function is not None and function.is_async


def running_coroutine(site: CallSite) -> FunctionScope | None:
    """The ``async def`` whose own body makes the call, or None: outside async code, or in a
    ``lambda`` inside it (``run_in_executor(None, lambda: time.sleep(1))`` runs in a thread).
    Rules about what blocks or misbehaves in the running loop ask this last: the lambda walk
    is the dear part."""
    function = enclosing_function(site.scope)
    if function is None or not function.is_async or function.node is None:
        return None
    return None if inside_lambda(function.node, site.node) else function


def inside_lambda(root: cst.CSTNode, target: cst.CSTNode) -> bool:
    """Whether ``target`` sits in a ``lambda`` within ``root`` (nested defs are not entered).

    The file model has no lambda scopes; this small walk runs only for the rare
    call that a rule is about to report.
    """
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    while stack:
        node, in_lambda = stack.pop()
        if node is target:
            return in_lambda
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        inner = in_lambda or isinstance(node, cst.Lambda)
        stack.extend((child, inner) for child in node.children)
    return False


def loop_call(ctx: FileContext, site: CallSite) -> str | None:
    """The loop API a call uses ("asyncio.run", "run_until_complete", ...), if any."""
    func = site.node.func
    if isinstance(func, cst.Attribute) and func.attr.value in tables.LOOP_RUN_METHODS:
        qualname = ctx.resolver.qualify(func, site.scope)
        if qualname and not qualname.startswith("asyncio."):
            return None
        method_of = ctx.callee(site).qualname
        if method_of and not method_of.startswith("asyncio."):
            return None  # a project method that shares the name (``await supervisor.run_until_complete()``)
        return func.attr.value
    if not site.callee:
        return None
    qualname = ctx.resolver.qualify(func, site.scope)  # aliases too: ``from asyncio import run as go``
    if qualname in tables.ASYNCIO_RUN or qualname in tables.LOOP_CREATORS:
        return qualname
    return None
