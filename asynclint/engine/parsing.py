"""Deciding whether a file is Python, and parsing it with libcst without recursion limits.

Validity (ASL000) is Python's own verdict, not a grammar's: the host's
:mod:`ast` parses the file and the host's compiler compiles the tree to
bytecode (never executed), because the compiler alone rejects ``await`` in a
plain ``def``, ``return`` with a value in an async generator, ``async with``
outside ``async def`` and the like — exactly what makes pytest fail to import
a module. Compiling the already parsed tree costs about two thirds of
``ast.parse`` and a few percent of the libcst parse that follows (measured on
CPython's ``test_tasks.py``: ast 82 ms, compile(tree) 52 ms, libcst 1.3 s);
a targeted Python walk of the tree costs as much as compiling it, so it would
buy nothing.

The host interpreter is not the project's: code the host rejects may be valid
for a newer Python the project supports (``type X = int`` read by Python 3.11
for a ``requires-python = ">=3.12"`` project). libcst's native parser knows
the grammar of every Python up to the newest it supports, so when the host
rejects a file that libcst accepts and the project supports a Python newer
than the host, the file is valid but cannot be analysed here: a warning, not a
finding.

libcst's trees nest where :mod:`ast` is flat (``a or b or c`` is a chain of
binary nodes) and its visitors, code generation and metadata recurse once or
more per level, so code CPython compiles (a 1,000-term ``+`` chain) overflows
Python's default recursion limit in libcst, and a 10,000-term ``or`` chain
overflows the C stack in its native parser. Everything that touches libcst
therefore runs through :func:`run_deep`: in a thread with a large stack and a
raised recursion limit, sized for :data:`MAX_NESTING` levels. Deeper files
(CPython itself rejects binary chains of about 3,000 terms; only flat
constructs such as boolean chains go further) are not analysed: libcst's
parser is quadratic in such chains, so analysing them would break the linear
cost promise.
"""

from __future__ import annotations

import ast
import sys
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import libcst as cst
from libcst._nodes.base import CSTNode
from packaging.version import Version

from asynclint.config.requires_python import clear_cache as clear_cache  # callers clear it here too
from asynclint.config.requires_python import requires_python

T = TypeVar("T")

# The newest Python whose grammar libcst's native parser knows (libcst >= 1.9: 3.14).
NEWEST_PYTHON = (3, 14)
# Nesting depth (in syntax-tree levels) up to which a file is analysed. CPython
# compiles binary, call and attribute chains up to about 3,000 levels.
MAX_NESTING = 3_200
# A libcst level costs at most a handful of Python frames; each frame a few hundred
# bytes of C stack at most. The stack is reserved address space, committed when used.
_DEEP_RECURSION_LIMIT = 20 * MAX_NESTING + 10_000
_DEEP_STACK_BYTES = 512 * 1024 * 1024

_deep = threading.local()


def run_deep(function: Callable[..., T], *args: object) -> T:
    """``function(*args)`` with room for :data:`MAX_NESTING` levels of libcst recursion.

    Runs inline when already inside :func:`run_deep` (the fixer lints inside its
    own deep call); exceptions propagate to the caller as if called directly.
    """
    if getattr(_deep, "active", False):
        return function(*args)
    outcome: dict[str, object] = {}

    def target() -> None:
        _deep.active = True
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _DEEP_RECURSION_LIMIT))
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc
        finally:
            sys.setrecursionlimit(limit)

    previous = threading.stack_size(_DEEP_STACK_BYTES)
    try:
        worker = threading.Thread(target=target, name="asynclint-deep", daemon=True)
        worker.start()
    except RuntimeError:  # no address space for the stack (strict overcommit): normal limits
        return function(*args)
    finally:
        threading.stack_size(previous)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _skip_validation(self: CSTNode) -> None:
    return None


def _parse_unvalidated(source: str) -> cst.Module:
    """libcst validates every node in ``__post_init__`` (its own source notes the cost
    and suggests skipping it for parsed trees). A tree straight from the parser is
    valid by construction, so the check is switched off while parsing only: about a
    fifth of the parse time on real suites. Nodes built later (fixes) are validated.
    """
    validate = CSTNode.__post_init__
    CSTNode.__post_init__ = _skip_validation  # type: ignore[method-assign]
    try:
        return cst.parse_module(source)
    finally:
        CSTNode.__post_init__ = validate  # type: ignore[method-assign]


def parse_module(source: str) -> cst.Module:
    """libcst's tree of ``source``, parsed where deep nesting cannot overflow a stack."""
    return run_deep(_parse_unvalidated, source)


# --------------------------------------------------------------------------- validity


@dataclass(frozen=True)
class Verdict:
    """Python's verdict on a source text, for the Pythons the project supports."""

    tree: ast.Module | None = None  # the host's tree when the host accepts the file
    error: tuple[int, int, str] | None = None  # (line, column, message): ASL000
    unanalysable: str | None = None  # valid, but not for this interpreter: a warning


def _location(exc: SyntaxError) -> tuple[int, int, str]:
    return (exc.lineno or 1, exc.offset or 1, exc.msg or str(exc))


def _too_deep(exc: BaseException) -> tuple[int, int, str]:
    kind = type(exc).__name__
    return (1, 1, f"Python cannot compile the file: nesting too deep ({kind})")


def check_source(source: str, filename: str, folder: Path | None) -> Verdict:
    """Parse and compile ``source`` as Python would import it, without running it.

    SyntaxWarnings of the linted file (``invalid decimal literal``, invalid escape
    sequences) are the file's business, not this run's: they are silenced. The
    host rejecting the file is only final when no Python the project supports
    (``requires-python`` above ``folder``) is newer than the host.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(source, filename=filename)
        except SyntaxError as exc:
            if folder is not None and supports_newer_python(folder) and _libcst_accepts(source):
                host = ".".join(map(str, sys.version_info[:2]))
                return Verdict(unanalysable=f"cannot analyse: syntax newer than this interpreter (Python {host})")
            return Verdict(error=_location(exc))
        except ValueError as exc:  # null bytes (a SyntaxError from Python 3.12 on)
            return Verdict(error=(1, 1, str(exc)))
        except (RecursionError, MemoryError) as exc:
            return Verdict(error=_too_deep(exc))
        try:  # what only the compiler rejects; a grammar (libcst's too) accepts it
            try:
                compile(tree, filename, "exec", dont_inherit=True)
            except (RecursionError, MemoryError):
                # Reading a tree back into C recurses more than parsing text does:
                # for deep files, the compiler's verdict on the text is the one imports get.
                compile(source, filename, "exec", dont_inherit=True)
        except SyntaxError as exc:
            return Verdict(error=_location(exc))
        except (RecursionError, MemoryError) as exc:
            return Verdict(error=_too_deep(exc))
    return Verdict(tree=tree)


def _libcst_accepts(source: str) -> bool:
    try:
        parse_module(source)
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return False
    return True


def nesting_depth(tree: ast.AST) -> int:
    """How deep libcst's tree of ``tree`` nests (iteratively: the tree may be deep).

    libcst nests a boolean chain ``a or b or c`` one level per operator where
    :mod:`ast` keeps it flat; every other construct nests about as in :mod:`ast`.
    """
    deepest = 0
    stack: list[tuple[ast.AST, int]] = [(tree, 1)]
    push, pop = stack.append, stack.pop
    # The fields read inline, not through ``ast.iter_child_nodes`` (two generators per node):
    # the same children, less than half the time, for a walk of every node of every file.
    while stack:
        node, depth = pop()
        if isinstance(node, ast.BoolOp):
            depth += len(node.values) - 1
        if depth > deepest:
            deepest = depth
        depth += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        push((item, depth))
            elif isinstance(value, ast.AST):
                push((value, depth))
    return deepest


# --------------------------------------------------------------------------- supported Pythons


def _host_minor() -> int:
    return sys.version_info[1] if sys.version_info[0] == 3 else 0


def supports_newer_python(folder: Path) -> bool:
    """Whether the project above ``folder`` supports a Python newer than the host.

    ``requires-python`` (``[project]`` in pyproject.toml) or ``python_requires``
    (``[options]`` in setup.cfg) of the nearest file that declares one; without a
    declaration the project is taken to support the newest Python.
    """
    spec = requires_python(folder.resolve())
    if spec is None:
        return NEWEST_PYTHON[1] > _host_minor()
    return any(Version(f"3.{minor}") in spec for minor in range(_host_minor() + 1, NEWEST_PYTHON[1] + 1))
