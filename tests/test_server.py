"""The language server, end to end: pytest-lsp starts ``asynclint server`` in a subprocess
and talks LSP to it over stdio, as an editor would.

Every test builds a small project under ``tmp_path`` (``pytest.ini``, an ``app`` package,
``tests``) and opens it as a workspace folder. Expected findings come from the command line
(``asynclint check --output-format json``, ``--fix``) on the same text, so the server is
held to "identical to ``asynclint check``", not to numbers copied into the test.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pygls.workspace import PositionCodec  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from asynclint.engine.suppression import noqa_edit, with_noqa  # noqa: E402
from asynclint.model import Diagnostic, Position, Span  # noqa: E402
from asynclint.rules import BY_CODE  # noqa: E402
from asynclint.server import convert  # noqa: E402

SERVER = [sys.executable, "-m", "asynclint", "server"]
TIMEOUT = 30.0

# ASL101 on line 9, ASL201 and ASL301 on line 14 -- after an emoji, which is one
# asynclint column but two UTF-16 code units.
BAD = """\
import time

import pytest

from app.service import fetch


async def test_unmarked():
    pass


@pytest.mark.asyncio
async def test_fetch():
    x = "😀"; fetch(x); time.sleep(1)
"""

CLEAN = """\
import pytest


@pytest.mark.asyncio
async def test_fine():
    pass
"""

SERVICE_SYNC = "def compute(x):\n    return x\n\n\nasync def fetch(x):\n    return x\n"
SERVICE_ASYNC = SERVICE_SYNC.replace("def compute", "async def compute")

USES_COMPUTE = """\
import pytest

from app.service import compute


@pytest.mark.asyncio
async def test_compute():
    compute(1)
"""


def make_project(root: Path, mode: str = "strict") -> Path:
    (root / "app").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "pytest.ini").write_text(f"[pytest]\nasyncio_mode = {mode}\n")
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "service.py").write_text(SERVICE_SYNC)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "my proj")  # a space: URIs quote it, paths do not


def _accept_registrations(client: LanguageClient) -> None:
    """Answer ``client/registerCapability`` (the server asks for file watchers) as an editor does."""

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations = [*getattr(ls, "registrations", []), *params.registrations]


def _initialize_params(*folders: Path, capabilities: types.ClientCapabilities | None = None) -> types.InitializeParams:
    return types.InitializeParams(
        capabilities=capabilities or client_capabilities("visual-studio-code"),
        root_uri=folders[0].as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders],
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, project: Path):
    _accept_registrations(lsp_client)
    await lsp_client.initialize_session(_initialize_params(project))
    yield
    await lsp_client.shutdown_session()


# --------------------------------------------------------------------------- helpers


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for ``uri``."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(wait(), TIMEOUT)


async def open_file(
    client: LanguageClient, path: Path, text: str | None = None, version: int = 1
) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, path.as_uri()))
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(),
                language_id="python",
                version=version,
                text=path.read_text() if text is None else text,
            )
        )
    )
    return await waiting


async def change_file(client: LanguageClient, path: Path, text: str, version: int) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, path.as_uri()))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await waiting


def save(client: LanguageClient, path: Path) -> None:
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()))
    )


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asynclint", *args], cwd=project, capture_output=True, text=True, timeout=120
    )


def utf16(line: str, column: int) -> int:
    """A 1-based code-point column as a 0-based UTF-16 one."""
    return len(line[: column - 1].encode("utf-16-le")) // 2


def cli_findings(project: Path, path: Path) -> list[tuple[Any, ...]]:
    """What ``asynclint check --output-format json`` says, in LSP terms."""
    result = cli(project, "check", "--no-cache", "--output-format", "json", str(path))
    assert result.returncode in (0, 1), result.stderr
    lines = path.read_text().split("\n")
    return [
        (
            d["code"],
            d["name"],
            d["message"],
            d["line"] - 1,
            utf16(lines[d["line"] - 1], d["column"]),
            d["end_line"] - 1,
            utf16(lines[d["end_line"] - 1], d["end_column"]),
        )
        for d in json.loads(result.stdout)
    ]


def lsp_findings(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            d.code,
            d.data["name"],
            d.message,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    )


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions, all relative to ``text``) as a client does."""
    lines = convert.document_lines(text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        content = lines[position.line].rstrip("\r\n")
        units = 0
        for index, char in enumerate(content):
            if units >= position.character:
                return starts[position.line] + index
            units += len(char.encode("utf-16-le")) // 2
        return starts[position.line] + len(content)

    located = sorted(
        ((offset(e.range.start), offset(e.range.end), i, e.new_text) for i, e in enumerate(edits)),
        reverse=True,
    )
    for start, end, _, new_text in located:
        text = text[:start] + new_text + text[end:]
    return text


async def code_actions(
    client: LanguageClient, path: Path, rng: types.Range, only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=rng,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


# --------------------------------------------------------------------------- tests


@pytest.mark.asyncio
async def test_open_gives_the_command_lines_findings(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_bad.py"
    test_file.write_text(BAD)
    diagnostics = await open_file(client, test_file)
    expected = sorted(cli_findings(project, test_file))
    assert [e[0] for e in expected] == ["ASL101", "ASL201", "ASL301"]
    assert lsp_findings(diagnostics) == expected
    for d in diagnostics:
        assert d.source == "asynclint"
        assert d.severity == types.DiagnosticSeverity.Warning
    watched = [r for r in getattr(client, "registrations", []) if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched, "the server asks to hear about files changed outside the editor"


@pytest.mark.asyncio
async def test_unsaved_buffer_is_linted_from_its_text(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_buffer.py"
    test_file.write_text(CLEAN)  # what is on disk does not matter
    assert await open_file(client, test_file, text=BAD) != []
    assert await change_file(client, test_file, CLEAN, version=2) == []
    again = await change_file(client, test_file, BAD, version=3)
    assert [d.code for d in again] == ["ASL101", "ASL201", "ASL301"]


@pytest.mark.asyncio
async def test_files_pytest_does_not_collect_get_no_findings(client: LanguageClient, project: Path) -> None:
    helper = project / "tests" / "helpers.py"  # not test_*.py: not a test module
    helper.write_text(BAD)
    assert await open_file(client, helper) == []


@pytest.mark.asyncio
async def test_quick_fix_and_noqa_fix_the_text(client: LanguageClient, project: Path) -> None:
    source = "async def test_unmarked():\n    pass\n"  # ASL101; its fix needs `import pytest`
    test_file = project / "tests" / "test_fix.py"
    test_file.write_text(source)
    [diagnostic] = await open_file(client, test_file)
    assert diagnostic.code == "ASL101"

    actions = await code_actions(client, test_file, diagnostic.range)
    [fix] = [a for a in actions if a.is_preferred]
    assert fix.kind == types.CodeActionKind.QuickFix
    fixed = apply_edits(source, fix.edit.changes[test_file.as_uri()])
    assert cli(project, "check", "--no-cache", "--fix", str(test_file)).returncode == 0
    assert fixed == test_file.read_text()
    assert "import pytest" in fixed and "@pytest.mark.asyncio" in fixed
    assert await change_file(client, test_file, fixed, version=2) == []

    unsafe_file = project / "tests" / "test_case.py"
    unsafe_file.write_text(
        "import unittest\n\n\nclass TestX(unittest.TestCase):\n    async def test_a(self):\n        pass\n"
    )
    [asl104] = [d for d in await open_file(client, unsafe_file) if d.code == "ASL104"]
    [unsafe] = [a for a in await code_actions(client, unsafe_file, asl104.range) if "noqa" not in a.title]
    assert unsafe.title.endswith("(unsafe)") and not unsafe.is_preferred

    [noqa] = [a for a in actions if "noqa" in a.title]
    suppressed = apply_edits(source, noqa.edit.changes[test_file.as_uri()])
    assert suppressed.splitlines()[0] == "async def test_unmarked():  # noqa: ASL101"
    assert await change_file(client, test_file, suppressed, version=3) == []


@pytest.mark.asyncio
async def test_fix_all_equals_fix_on_the_command_line(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_all.py"
    test_file.write_text(BAD)
    await open_file(client, test_file)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    [action] = await code_actions(client, test_file, whole, only=[types.CodeActionKind.SourceFixAll])
    assert action.kind == "source.fixAll.asynclint"
    if action.edit is None:  # the client resolves edits lazily
        action = await client.code_action_resolve_async(action)
    fixed = apply_edits(BAD, action.edit.changes[test_file.as_uri()])
    cli(project, "check", "--no-cache", "--fix", str(test_file))
    assert fixed == test_file.read_text() != BAD


@pytest.mark.asyncio
async def test_saving_an_app_module_relints_open_tests(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_compute.py"
    test_file.write_text(USES_COMPUTE)
    assert await open_file(client, test_file) == []

    service = project / "app" / "service.py"
    await open_file(client, service)  # not a test file: no findings
    service.write_text(SERVICE_ASYNC)
    waiting = asyncio.ensure_future(published(client, test_file.as_uri()))
    save(client, service)
    diagnostics = await waiting
    assert [d.code for d in diagnostics] == ["ASL201"]
    assert lsp_findings(diagnostics) == cli_findings(project, test_file)


@pytest.mark.asyncio
async def test_hover_and_explain_show_the_rule_docs(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_hover.py"
    test_file.write_text(BAD)
    diagnostics = await open_file(client, test_file)
    asl201 = next(d for d in diagnostics if d.code == "ASL201")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=test_file.as_uri()), position=asl201.range.start
        )
    )
    assert hover is not None and hover.range == asl201.range
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "ASL201" in hover.contents.value and "## What it does" in hover.contents.value
    assert asl201.message in hover.contents.value

    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=test_file.as_uri()),
            position=types.Position(line=0, character=0),
        )
    )
    assert nothing is None

    docs = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="asynclint.explain", arguments=["ASL301"])
    )
    assert docs.startswith("### ASL301") and "## Why is this bad?" in docs


@pytest.mark.asyncio
async def test_a_file_that_does_not_parse_gets_asl000(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_broken.py"
    test_file.write_text("def test_x(:\n    pass\n")
    [diagnostic] = await open_file(client, test_file)
    assert diagnostic.code == "ASL000"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert lsp_findings([diagnostic]) == cli_findings(project, test_file)


@pytest.mark.asyncio
async def test_broken_config_is_logged_and_the_server_lives_on(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_cfg.py"
    test_file.write_text(BAD)
    assert await open_file(client, test_file) != []

    pyproject = project / "pyproject.toml"
    pyproject.write_text("[tool.asynclint\nselect = [\n")
    waiting = asyncio.ensure_future(published(client, test_file.as_uri()))
    save(client, pyproject)
    assert await waiting == []
    errors = [m.message for m in client.log_messages if m.type == types.MessageType.Error]
    assert any("pyproject.toml" in m for m in errors), errors
    assert await change_file(client, test_file, BAD + "\n", version=2) == []  # still answering
    assert [m.message for m in client.log_messages if m.type == types.MessageType.Error] == errors  # no spam

    pyproject.write_text('[tool.asynclint]\nselect = ["ASL301"]\n')
    waiting = asyncio.ensure_future(published(client, test_file.as_uri()))
    save(client, pyproject)
    assert [d.code for d in await waiting] == ["ASL301"]


@pytest.mark.asyncio
async def test_a_deleted_file_is_still_linted_from_its_buffer(client: LanguageClient, project: Path) -> None:
    test_file = project / "tests" / "test_gone.py"
    test_file.write_text(BAD)
    await open_file(client, test_file)
    test_file.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=test_file.as_uri(), type=types.FileChangeType.Deleted)]
        )
    )
    assert [d.code for d in await change_file(client, test_file, BAD + "\n", version=2)] == [
        "ASL101",
        "ASL201",
        "ASL301",
    ]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def two_folders(lsp_client: LanguageClient, tmp_path: Path):
    _accept_registrations(lsp_client)
    folders = make_project(tmp_path / "strict"), make_project(tmp_path / "auto", mode="auto")
    # A minimal client: no file watchers, no lazily resolved code actions.
    await lsp_client.initialize_session(_initialize_params(*folders, capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_each_workspace_folder_has_its_own_config(two_folders: LanguageClient, tmp_path: Path) -> None:
    unmarked = "async def test_unmarked():\n    pass\n"
    strict = tmp_path / "strict" / "tests" / "test_x.py"
    auto = tmp_path / "auto" / "tests" / "test_x.py"
    for path in (strict, auto):
        path.write_text(unmarked)
    assert [d.code for d in await open_file(two_folders, strict)] == ["ASL101"]
    assert await open_file(two_folders, auto) == []  # auto mode runs unmarked async tests

    start = types.Position(line=0, character=0)
    [fix_all] = await code_actions(
        two_folders, strict, types.Range(start=start, end=start), only=[types.CodeActionKind.Source]
    )
    assert fix_all.edit is not None  # computed at once for a client that cannot resolve
    assert apply_edits(unmarked, fix_all.edit.changes[strict.as_uri()]).startswith("import pytest\n")


# --------------------------------------------------------------------------- units


def test_positions_count_utf16_units_for_the_client() -> None:
    lines = convert.document_lines('x = "😀"; f()\r\nsecond\n')
    codec = PositionCodec()  # UTF-16, the protocol's default
    at = convert.to_client(lines, Position(1, 11), codec)  # the `f` after the emoji
    assert (at.line, at.character) == (0, 11)
    assert convert.from_client(lines, at, codec) == Position(1, 11)
    assert convert.end_of(lines, codec) == types.Position(line=2, character=0)
    assert convert.end_of(convert.document_lines("a\nbc"), codec) == types.Position(line=1, character=2)


def test_a_rule_url_becomes_the_code_description(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = BY_CODE["ASL201"]
    finding = Diagnostic("ASL201", rule.name, "message", "test_x.py", Span(Position(1, 1), Position(1, 4)))
    shown = convert.to_lsp_diagnostic(finding, ["f()\n"], PositionCodec())
    assert shown.code_description is None  # no hosted docs: no link rather than a dead one
    monkeypatch.setattr(rule, "url", classmethod(lambda cls: "https://example.org/ASL201"))
    shown = convert.to_lsp_diagnostic(finding, ["f()\n"], PositionCodec())
    assert shown.code_description.href == "https://example.org/ASL201"
    assert (shown.code, shown.data["name"]) == ("ASL201", "unawaited-coroutine")


def test_noqa_merges_with_an_existing_comment() -> None:
    assert with_noqa("# noqa: ASL101", "ASL201") == "# noqa: ASL101, ASL201"
    assert with_noqa("# type: ignore", "ASL201") == "# type: ignore  # noqa: ASL201"
    source = textwrap.dedent(
        '''\
        f()  # noqa: ASL101
        s = """a
        b"""
        '''
    )
    edit = noqa_edit(source, 1, "ASL201")
    assert edit is not None and edit.content == "# noqa: ASL101, ASL201"
    assert noqa_edit(source, 2, "ASL201") is None  # the line ends inside a string
