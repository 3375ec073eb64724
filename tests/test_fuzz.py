"""Generated programs: no exception escapes, fixes keep the file Python, --diff equals --fix.

Two sources of programs, because each alone misses half the ground:
hypothesmith's grammar-based programs reach odd syntax (and code the compiler
rejects) but almost never make a rule fire; the async pytest-shaped modules
built here make the rules fire and their fixes apply. The budget is fixed and
derandomised for CI: ``ASYNCLINT_FUZZ_EXAMPLES`` programs per run (500 by default),
four fifths grammar-based (cheap: one lint each) and one fifth async modules
(three fix runs each); a longer run sets the variable (e.g. 10000).

The generated code is only ever parsed, compiled and linted: never run.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sysconfig
import tempfile
import textwrap
import warnings
from pathlib import Path

import hypothesmith
import libcst as cst
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asynclint.api import fix_paths, lint_text
from asynclint.config.settings import load_settings
from asynclint.engine.linter import decode
from asynclint.engine.parsing import check_source

EXAMPLES = int(os.environ.get("ASYNCLINT_FUZZ_EXAMPLES", "500"))


def _budget(share: float) -> settings:
    return settings(
        max_examples=max(1, round(EXAMPLES * share)),
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def _compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "test_generated.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


# --------------------------------------------------------------------------- grammar-based programs


@_budget(0.8)
@given(hypothesmith.from_grammar())
def test_grammar_programs_lint_without_exceptions(source: str) -> None:
    """Python's verdict and ASL000 agree; nothing raises."""
    found = lint_text(source, "test_generated.py")
    reported = any(d.code == "ASL000" for d in found)
    if _compiles(source):
        assert not reported, found
    else:
        # Rejected by this Python: ASL000, unless it is newer syntax than this Python
        # (the repository supports newer Pythons), which is a warning instead.
        verdict = check_source(source, "test_generated.py", Path(__file__).parent)
        assert reported or verdict.unanalysable is not None, source


# --------------------------------------------------------------------------- async pytest modules

NAMES = st.sampled_from(["client", "session", "loop", "data", "value", "mocked"])
CALLS = st.sampled_from(
    [
        "asyncio.sleep(0)",
        "fetch()",
        "asyncio.create_task(fetch())",
        "asyncio.gather(fetch(), fetch())",
        "asyncio.get_event_loop()",
        "time.sleep(0)",
        "open('x').read()",
        "mock.AsyncMock()",
        "helper(1)",
    ]
)


@st.composite
def statements(draw: st.DrawFn, in_async: bool) -> str:
    name = draw(NAMES)
    call = draw(CALLS)
    choices = [
        f"{call}",
        f"{name} = {call}",
        f"assert {name} is not None" if draw(st.booleans()) else "pass",
        f"{name} = mock.AsyncMock()\n{name}.assert_called_once()",
        f"{name} = asyncio.new_event_loop()\n{name}.run_until_complete(fetch())",
        "asyncio.run(fetch())",
        f"with mock.patch('os.getcwd') as {name}:\n    {call}",
        f"for item in range(2):\n    {call}",
    ]
    if in_async:
        choices += [f"await {call}", f"{name} = await fetch()", f"async with lock() as {name}:\n    await fetch()"]
    return draw(st.sampled_from(choices))


@st.composite
def functions(draw: st.DrawFn, index: int) -> str:
    kind = draw(st.sampled_from(["test", "fixture", "helper", "class"]))
    is_async = draw(st.booleans())
    prefix = "async def" if is_async else "def"
    body = "\n".join(draw(st.lists(statements(is_async), min_size=1, max_size=4)))
    decorators = draw(
        st.lists(
            st.sampled_from(
                [
                    "@pytest.mark.asyncio",
                    "@pytest.mark.anyio",
                    "@pytest.fixture",
                    "@pytest_asyncio.fixture",
                    "@pytest.mark.parametrize('value', [1, 2])",
                    "@pytest.fixture(scope='module')",
                ]
            ),
            max_size=2,
            unique=True,
        )
    )
    params = draw(st.sampled_from(["", "value", "client", "event_loop", "mocker, value"]))
    name = {"test": f"test_{index}", "fixture": f"client_{index}", "helper": f"helper_{index}"}.get(kind, "")
    if kind == "class":
        method = f"{prefix} test_method_{index}(self):\n{textwrap.indent(body, '    ')}"
        marks = "\n".join(decorators)
        return f"{marks}\nclass TestGroup{index}:\n{textwrap.indent(method, '    ')}\n".lstrip("\n")
    header = "\n".join([*decorators, f"{prefix} {name}({params}):"])
    return f"{header}\n{textwrap.indent(body, '    ')}\n"


@st.composite
def async_modules(draw: st.DrawFn) -> str:
    imports = draw(
        st.lists(
            st.sampled_from(
                [
                    "import asyncio",
                    "import time",
                    "import pytest",
                    "import pytest_asyncio",
                    "from unittest import mock",
                    "from pytest import mark",
                    "import pytest as pt",
                ]
            ),
            unique=True,
            max_size=5,
        )
    )
    lines = [*imports, ""]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["pytestmark = pytest.mark.asyncio", "pytestmark = [pytest.mark.anyio]"])))
    lines.append("\n\nasync def fetch():\n    return 1\n\n\ndef lock():\n    return asyncio.Lock()\n")
    count = draw(st.integers(min_value=1, max_value=4))
    lines += [draw(functions(index)) + "\n" for index in range(count)]
    return "\n".join(lines)


def _apply_patch(original: Path, diff: bytes, out: Path) -> bytes:
    patch_file = original.with_suffix(".diff")
    patch_file.write_bytes(diff)  # --diff is bytes: each file's own encoding
    subprocess.run(
        ["patch", "--silent", "--force", "-o", str(out), str(original), str(patch_file)],
        check=True,
        capture_output=True,
    )
    return out.read_bytes()


@_budget(0.2)
@given(async_modules(), st.booleans())
def test_async_modules_fix_to_a_fixed_point_and_diff_equals_fix(source: str, unsafe: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="asynclint-fuzz-") as scratch:
        root = Path(scratch)
        (root / "fix").mkdir()
        (root / "diff").mkdir()
        for folder in ("fix", "diff"):
            (root / folder / "test_generated.py").write_text(source, encoding="utf-8", newline="")
        settings_ = load_settings(root)
        shown = fix_paths([str(root / "diff")], settings=settings_, unsafe=unsafe, write=False)
        assert (root / "diff" / "test_generated.py").read_text(encoding="utf-8") == source  # --diff writes nothing
        fixed = fix_paths([str(root / "fix")], settings=settings_, unsafe=unsafe)
        assert all(d.code != "ASL000" for d in fixed.diagnostics) == _compiles(source)
        after = (root / "fix" / "test_generated.py").read_bytes()
        text = after.decode("utf-8")
        cst.parse_module(text)
        if _compiles(source):
            assert _compiles(text), text

        again = fix_paths([str(root / "fix")], settings=settings_, unsafe=unsafe)
        assert again.fixed == 0
        assert (root / "fix" / "test_generated.py").read_bytes() == after

        diff = b"".join(record.diff() for record in shown.changed)
        assert bool(diff) == (after != source.encode("utf-8")) == bool(fixed.fixed)
        if diff and shutil.which("patch"):
            patched = _apply_patch(root / "diff" / "test_generated.py", diff, root / "patched.py")
            assert patched == after


# --------------------------------------------------------------------------- the standard library


# Every file takes about 20 minutes on two cores: CI lints a fixed, spread-out sample (every
# STDLIB_STRIDE-th file, a different offset each day of the month so every file is covered
# over a month), ASYNCLINT_STDLIB_STRIDE=1 lints them all.
STDLIB_STRIDE = int(os.environ.get("ASYNCLINT_STDLIB_STRIDE", "12"))


@pytest.mark.slow
def test_every_standard_library_file_lints_without_internal_error() -> None:
    """Real code of every shape: the installed standard library (sampled, see STDLIB_STRIDE)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    every = sorted(p for p in stdlib.rglob("*.py") if "site-packages" not in p.parts)
    assert len(every) > 1000
    offset = datetime.date.today().day % STDLIB_STRIDE
    files = every[offset::STDLIB_STRIDE]
    print(f"linting {len(files)} of {len(every)} standard-library files (stride {STDLIB_STRIDE}, offset {offset})")
    failures = []
    for path in files:
        try:
            lint_text(decode(path.read_bytes()), str(path))
        except Exception as exc:  # the assertion below lists every file that failed
            failures.append(f"{path}: {type(exc).__name__}: {exc}")
    assert failures == []
