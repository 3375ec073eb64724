"""``--diff`` applies: ``git apply`` and ``patch`` turn the file into what ``--fix`` writes.

Every golden before-file of ``fixtures_corpus/fixes`` is re-encoded in every encoding (UTF-8,
UTF-8 with a BOM, latin-1 and cp1252 with a coding cookie and non-ASCII lines), with every
line ending (LF, CRLF, CR) and with or without a final line break; a property test does
the same over generated files. For each, ``asynclint --diff`` is applied with both tools
to a copy of the original and must give, byte for byte, what ``asynclint --fix`` wrote.
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_grammar import file_name, golden_befores, header_settings, pytest_options
from hypothesis import HealthCheck, event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from asynclint.cli import main

ENCODINGS = ("utf-8", "utf-8-bom", "latin-1", "cp1252")
NEWLINES = ("\n", "\r\n", "\r")
# Non-ASCII text each encoding can hold: it lands in the diff's context lines.
NON_ASCII = {"utf-8": "café ½ – ✓", "utf-8-bom": "café ½ – ✓", "latin-1": "café ½ ÿ", "cp1252": "café – € ½"}
TOOLS = ("git", "patch")


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"these tests apply diffs with git and patch; install {', '.join(missing)}")


def encode(text: str, encoding: str, newline: str, final_newline: bool) -> bytes:
    """``text`` (LF lines) as a file: coding cookie (after a header line) or BOM, line ends."""
    lines = text.splitlines(keepends=True)
    if encoding in ("latin-1", "cp1252"):
        at = 1 if lines and header_settings(lines[0]) else 0
        lines.insert(at, f"# -*- coding: {encoding} -*-\n")
    lines.insert(min(2, len(lines)), f"# {NON_ASCII[encoding]}\n")
    lines.append(f"# end {NON_ASCII[encoding]}\n")
    body = "".join(lines)
    if not final_newline:
        body = body.rstrip("\n")
    body = body.replace("\n", newline)
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + body.encode("utf-8")
    return body.encode(encoding)


def _git_apply(folder: Path, patch_file: Path) -> subprocess.CompletedProcess:
    # GIT_CEILING_DIRECTORIES: never mistake a repository above the temporary folder for ours
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(folder.parent)}
    return subprocess.run(["git", "apply", "-p1", str(patch_file)], cwd=folder, capture_output=True, env=env)


def _patch(folder: Path, patch_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["patch", "-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-i", str(patch_file)],
        cwd=folder,
        capture_output=True,
    )


def check_diff_applies(tmp_path: Path, name: str, data: bytes, options: dict[str, str] | None = None) -> bytes:
    """Run ``--diff`` and ``--fix`` on ``data`` and apply the diff with both tools; returns the
    diff (empty when there is nothing to fix). ``options``: pytest ini options of the file's header."""
    settings = {"asyncio_mode": "strict", **(options or {})}  # strict on purpose unless the header says
    ini = "[pytest]\n" + "".join(f"{key} = {value}\n" for key, value in settings.items())
    runner = CliRunner()
    original = tmp_path / "original"
    original.mkdir()
    (original / "pytest.ini").write_text(ini)
    (original / name).write_bytes(data)
    fixed = tmp_path / "fixed"
    shutil.copytree(original, fixed)
    cwd = os.getcwd()
    try:
        os.chdir(original)
        diff = runner.invoke(main, ["--no-cache", "--unsafe-fixes", "--diff", name], catch_exceptions=False)
        os.chdir(fixed)
        runner.invoke(main, ["--no-cache", "--unsafe-fixes", "--fix", name], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert (original / name).read_bytes() == data, "--diff wrote to the file"
    want = (fixed / name).read_bytes()
    if want == data:
        assert diff.stdout_bytes == b""
        return b""
    patch_file = tmp_path / "fix.diff"
    patch_file.write_bytes(diff.stdout_bytes)
    for tool, apply in (("git apply", _git_apply), ("patch", _patch)):
        target = tmp_path / tool.replace(" ", "_")
        shutil.copytree(original, target)
        done = apply(target, patch_file)
        assert done.returncode == 0, f"{tool} rejects the diff: {done.stdout!r} {done.stderr!r}"
        assert (target / name).read_bytes() == want, f"{tool} does not give what --fix wrote"
    return diff.stdout_bytes


@pytest.mark.parametrize("before", golden_befores(), ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("newline", NEWLINES, ids=("LF", "CRLF", "CR"))
def test_the_diff_of_every_golden_applies_in_every_encoding(before: Path, newline: str, tmp_path: Path) -> None:
    _require_tools()
    text = before.read_text(encoding="utf-8")
    settings = header_settings(text)
    name = file_name(before, settings)
    changes = before.with_name(before.stem + ".fixed.py").read_bytes() != before.read_bytes()
    for number, encoding in enumerate(ENCODINGS):
        final_newline = number % 2 == 0  # each encoding once with, once without (over the line ends)
        if newline == "\r\n":
            final_newline = not final_newline
        case = tmp_path / f"{encoding}-{'final' if final_newline else 'open'}"
        case.mkdir()
        data = encode(text, encoding, newline, final_newline)
        diff = check_diff_applies(case, name, data, pytest_options(settings))
        assert bool(diff) == changes, f"{before.name} as {encoding} with {newline!r} line ends"


def test_bom_latin1_cr_and_open_end_cases_apply(tmp_path: Path) -> None:
    """The shapes that once broke: a BOM on a changed first line, latin-1 context lines,
    lone-CR line ends, no final line break."""
    _require_tools()
    source = "import asyncio\n\n\nasync def test_x():\n    await asyncio.sleep(0)\n"
    blocking = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_x():\n    time.sleep(0)\n"
    cases = {
        "bom": codecs.BOM_UTF8 + blocking.encode(),  # ``import asyncio`` goes above line 1
        "latin1": ("# -*- coding: latin-1 -*-\n# café\n" + source + "# ½\n").encode("latin-1"),
        "cr": source.replace("\n", "\r").encode(),
        "open": source.rstrip("\n").encode(),
    }
    for label, data in cases.items():
        (tmp_path / label).mkdir()
        diff = check_diff_applies(tmp_path / label, "test_x.py", data)
        assert diff.startswith(b"--- a/test_x.py\n+++ b/test_x.py\n")
        if label == "bom":
            assert b"\n-\xef\xbb\xbfimport time\n+\xef\xbb\xbfimport asyncio\n+import time\n" in diff
        if label == "latin1":
            assert b" # caf\xe9\n" in diff  # the file's own bytes, not UTF-8
        if label == "cr":
            assert diff.count(b"\\ No newline at end of file\n") == 2
            assert diff.endswith(b"sleep(0)\r\n\\ No newline at end of file\n")
        if label == "open":
            assert diff.endswith(b"\n\\ No newline at end of file\n")


def test_fix_keeps_the_last_cr_of_a_cr_only_file_when_it_adds_an_import(tmp_path: Path) -> None:
    data = b"async def test_x():\r    pass\r"
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (tmp_path / "test_cr.py").write_bytes(data)
    CliRunner().invoke(main, ["--no-cache", "--fix", str(tmp_path / "test_cr.py")], catch_exceptions=False)
    assert (tmp_path / "test_cr.py").read_bytes() == (
        b"import pytest\r\r@pytest.mark.asyncio\rasync def test_x():\r    pass\r"
    )


# --------------------------------------------------------------------------- generated files

_BLOCKS = (
    "async def test_unmarked_{n}():\n    await asyncio.sleep(0)\n",
    "@pytest.mark.asyncio\nasync def test_blocking_{n}():\n    time.sleep(0)\n",
    "def test_plain_{n}():\n    assert True  # {text}\n",
    "# {text}\n",
    "CONSTANT_{n} = '{text}'\n",
    "class TestGroup{n}:\n    async def test_method(self):\n        await asyncio.sleep(0)\n",
)
_HEADS = ("", "import asyncio\n", "import asyncio\nimport time\n\nimport pytest\n", '"""Tests: {text}."""\n')


@st.composite
def generated_sources(draw: st.DrawFn, encoding: str) -> str:
    """A test module (LF lines) with fixable findings, most needing an import, and text in
    ``encoding``'s non-ASCII range."""
    text = NON_ASCII[encoding]
    head = draw(st.sampled_from(_HEADS)).format(text=text)
    blocks = draw(st.lists(st.sampled_from(_BLOCKS), min_size=1, max_size=4))
    body = "\n\n".join(block.format(n=n, text=text) for n, block in enumerate(blocks))
    if "time.sleep" in body and "import time" not in head:
        head += "import time\n"
    if "asyncio.sleep" in body and "import asyncio" not in head:
        head += "import asyncio\n"
    return head + "\n\n" + body


@pytest.mark.parametrize("final_newline", (True, False), ids=("final", "open"))
@pytest.mark.parametrize("newline", NEWLINES, ids=("LF", "CRLF", "CR"))
@pytest.mark.parametrize("encoding", ENCODINGS)
@hypothesis_settings(
    max_examples=3, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_diff_of_generated_files_applies(
    encoding: str, newline: str, final_newline: bool, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every encoding, BOM and line-ending variant, a few generated files each."""
    _require_tools()
    source = data.draw(generated_sources(encoding))
    diff = check_diff_applies(
        tmp_path_factory.mktemp("generated"), "test_generated.py", encode(source, encoding, newline, final_newline)
    )
    event("a diff" if diff else "nothing to fix")
