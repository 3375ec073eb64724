"""``asynclint server``: the language server, one long-lived process per editor session.

What stays warm between requests is what ``asynclint check`` would rebuild on every
run: the project indexes (summaries of the modules tests import), the parsed pytest
configs and the project's pytest-asyncio version. What makes it safe to keep them:

* an edited buffer is linted from its text; the index only ever holds files on disk;
* saving (or an external change to) a ``.py`` file forgets that file in the index and
  re-lints the open documents of its workspace folder -- a test file learns that an app
  function became ``async def`` the moment it is saved;
* saving a config file (``pyproject.toml``, ``pytest.ini``, ``tox.ini``, ``setup.cfg``,
  lock files, requirements) clears the config caches and re-lints every open document.

Changes are debounced: the first change after a quiet spell is linted at once (an
isolated edit gets feedback within one lint), changes arriving during a burst of typing
-- or while a lint ran -- are coalesced and linted ``DEBOUNCE`` seconds after the last.

Nothing a user can type or put on disk stops the server: broken configs, deleted files
and internal errors become ``window/logMessage`` notes and empty diagnostics.
"""

from __future__ import annotations

import asyncio
import functools
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from asynclint import __version__
from asynclint.api import fix_document, fix_edits, lint_document
from asynclint.config.pytest_config import PytestConfigError
from asynclint.config.settings import SettingsError
from asynclint.engine.discovery import is_lintable
from asynclint.engine.run_state import RunState
from asynclint.engine.suppression import noqa_edit
from asynclint.index.walk import is_skipped_dir
from asynclint.model import Applicability, Diagnostic, Span
from asynclint.rules import find_rule
from asynclint.server import convert

DEBOUNCE = 0.3  # seconds of quiet after a burst of changes before linting
FIX_ALL = "source.fixAll.asynclint"
EXPLAIN = "asynclint.explain"

# Files whose contents decide settings, the pytest profile or the pytest-asyncio version.
SETTINGS_FILES = frozenset(
    {
        "pyproject.toml",
        "pytest.toml",
        ".pytest.toml",
        "pytest.ini",
        ".pytest.ini",
        "tox.ini",
        "setup.cfg",
        "uv.lock",
        "poetry.lock",
        "pdm.lock",
        "Pipfile.lock",
    }
)

Handler = TypeVar("Handler", bound=Callable[..., Any])


def is_settings_file(path: Path) -> bool:
    if path.name in SETTINGS_FILES:
        return True
    return path.suffix == ".txt" and ("requirements" in path.name or path.parent.name == "requirements")


@dataclass(frozen=True)
class Linted:
    """One lint of one version of a document: the text it saw and what it found."""

    version: int | None
    text: str
    lines: list[str]
    findings: list[Diagnostic]


class AsynclintServer(LanguageServer):
    """The server plus its per-session state (open documents' findings, debounce timers)."""

    def __init__(self) -> None:
        # Full sync: the client sends the whole text, so pygls never has to split lines
        # itself (it would also split at form feeds, which LSP does not).
        super().__init__("asynclint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.linted: dict[str, Linted] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._last_activity: dict[str, float] = {}  # a change arrived or a lint finished
        self._config_errors: set[str] = set()  # logged once until the settings are reloaded
        # The session's run state: project indexes and facts reused from one lint to the
        # next, told of every changed file, replaced when a config changes.
        self.run_state = RunState()

    # ------------------------------------------------------------------ plumbing
    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"asynclint: {message}"))

    def document(self, uri: str) -> TextDocument | None:
        """An open document (pygls files them under the unquoted URI; clients quote)."""
        return self.workspace.text_documents.get(unquote(uri))

    def path_of(self, uri: str) -> Path | None:
        """The file behind a ``file:`` URI (None for unsaved ``untitled:`` buffers and others)."""
        if not uri.startswith("file:"):
            return None
        found = to_fs_path(uri)
        return Path(found).resolve() if found else None

    def folders(self) -> list[Path]:
        uris = [folder.uri for folder in self.workspace.folders.values()]
        if not uris and self.workspace.root_uri:
            uris = [self.workspace.root_uri]
        return [path for path in map(self.path_of, uris) if path is not None]

    def folder_of(self, path: Path) -> Path | None:
        """The innermost workspace folder holding ``path``: its own project, its own configs."""
        holding = [f for f in self.folders() if f == path or f in path.parents]
        return max(holding, key=lambda f: len(f.parts), default=None)

    def is_target(self, path: Path) -> bool:
        """A file ``asynclint check FOLDER`` would lint: a test module or a conftest.py per the
        pytest config, not under a skipped folder (``.venv``, ``build``, ``.git`` ...)."""
        if path.suffix != ".py":
            return False
        folder = self.folder_of(path)
        if folder is not None:
            parent = folder
            for name in path.relative_to(folder).parts[:-1]:
                if is_skipped_dir(str(parent), name):
                    return False
                parent = parent / name
        return is_lintable(path, folder)

    # ------------------------------------------------------------------ linting
    def lint(self, uri: str) -> Linted | None:
        """Lint an open document's current text and publish the result."""
        self._cancel(uri)
        document = self.document(uri)
        path = self.path_of(uri)
        if document is None or path is None or path.suffix != ".py":
            return None
        text = document.source
        findings: list[Diagnostic] = []
        try:
            if self.is_target(path):
                findings = lint_document(text, path, self.folder_of(path), self.run_state)
        except (SettingsError, PytestConfigError) as exc:
            if str(exc) not in self._config_errors:  # not once per keystroke
                self._config_errors.add(str(exc))
                self.log(f"cannot lint {path}: {exc}", types.MessageType.Error)
        except Exception:  # noqa: BLE001 -- a bug in a rule must not take the editor's linter down
            self.internal_error(f"linting {path}")
        self._last_activity[uri] = time.monotonic()
        linted = Linted(document.version, text, convert.document_lines(text), findings)
        self.linted[uri] = linted
        codec = self.workspace.position_codec
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[convert.to_lsp_diagnostic(f, linted.lines, codec) for f in findings],
            )
        )
        return linted

    def current(self, uri: str) -> Linted | None:
        """The findings of the document's current version (linted now if a change is pending),
        so a code action never edits text its positions were not computed for."""
        document = self.document(uri)
        linted = self.linted.get(uri)
        if document is None:
            return None
        if linted is not None and linted.version == document.version and linted.text == document.source:
            return linted
        return self.lint(uri)

    def changed(self, uri: str) -> None:
        """Debounce: lint at once after a quiet spell, else after ``DEBOUNCE`` of quiet.

        A lint that just finished counts as activity: the changes that queued up while it
        ran are one burst, not a series of quiet spells each worth a lint of its own.
        """
        now = time.monotonic()
        busy = self._cancel(uri) or now - self._last_activity.get(uri, float("-inf")) < DEBOUNCE
        self._last_activity[uri] = now
        loop = asyncio.get_running_loop()
        self._timers[uri] = loop.call_later(DEBOUNCE if busy else 0.0, self._lint_later, uri)

    def _lint_later(self, uri: str) -> None:
        try:
            self.lint(uri)
        except Exception:  # noqa: BLE001 -- a timer callback has nobody to report to but the log
            self.internal_error("linting after a change")

    def internal_error(self, where: str) -> None:
        self.log(f"internal error {where}:\n{traceback.format_exc()}", types.MessageType.Error)

    def _cancel(self, uri: str) -> bool:
        timer = self._timers.pop(uri, None)
        if timer is None:
            return False
        timer.cancel()
        return True

    def closed(self, uri: str) -> None:
        self._cancel(uri)
        self._last_activity.pop(uri, None)
        if self.linted.pop(uri, None) is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def relint_open(self, folder: Path | None) -> None:
        """Re-lint the open documents of one workspace folder (None: every open document)."""
        for document in list(self.workspace.text_documents.values()):
            path = self.path_of(document.uri)  # the URI as the client spelt it in didOpen
            if path is not None and (folder is None or self.folder_of(path) == folder):
                self.lint(document.uri)

    def files_changed(self, paths: list[Path]) -> None:
        """Files changed on disk (saved, created, deleted): refresh what depends on them.

        A config: every open document (settings and profiles are per folder, but a
        pyproject.toml above several folders governs them all). A module: the open
        documents of its workspace folder, the project that may import it.
        """
        modules = [p for p in paths if p.suffix == ".py"]
        for path in modules:
            self.run_state.forget_file(path)
        settings = [p for p in paths if is_settings_file(p)]
        if settings:
            self.run_state = RunState()  # configs, versions and project facts are read again
            self._config_errors.clear()
            self.log(f"{', '.join(str(p) for p in settings)} changed: settings reloaded")
            folders: list[Path | None] = [None]
        else:
            folders = list(dict.fromkeys(self.folder_of(p) for p in modules))
            if None in folders:
                folders = [None]
        for folder in folders:
            self.relint_open(folder)

    # ------------------------------------------------------------------ features
    def fix_all_edit(self, uri: str, linted: Linted) -> types.WorkspaceEdit | None:
        path = self.path_of(uri)
        if path is None:
            return None
        fixed = fix_document(linted.text, path, self.folder_of(path), state=self.run_state)
        if fixed == linted.text:
            return None
        edit = convert.whole_document_edit(linted.lines, fixed, self.workspace.position_codec)
        return types.WorkspaceEdit(changes={uri: [edit]})

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = self.current(uri)
        if linted is None:
            return []
        codec = self.workspace.position_codec
        lines = linted.lines
        wanted = Span(
            convert.from_client(lines, params.range.start, codec), convert.from_client(lines, params.range.end, codec)
        )
        quick = _wants(params.context.only, types.CodeActionKind.QuickFix)
        actions: list[types.CodeAction] = []
        for finding in linted.findings:
            if not (quick and _overlaps(finding.span, wanted)):
                continue
            shown = convert.to_lsp_diagnostic(finding, lines, codec)
            edits = fix_edits(finding, linted.text)
            if finding.fix is not None and edits:
                actions.append(
                    types.CodeAction(
                        title=convert.fix_title(finding),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[shown],
                        is_preferred=finding.fix.applicability is Applicability.SAFE,
                        edit=types.WorkspaceEdit(changes={uri: convert.text_edits(edits, lines, codec)}),
                    )
                )
            noqa = noqa_edit(linted.text, finding.line, finding.code)
            if noqa is not None:
                actions.append(
                    types.CodeAction(
                        title=f"{finding.code}: suppress with `# noqa: {finding.code}`",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[shown],
                        edit=types.WorkspaceEdit(changes={uri: convert.text_edits((noqa,), lines, codec)}),
                    )
                )
        safe = any(f.fix is not None and f.fix.applicability is Applicability.SAFE for f in linted.findings)
        if safe and _wants(params.context.only, FIX_ALL):
            action = types.CodeAction(
                title="asynclint: fix all safe findings in this file",
                kind=FIX_ALL,
                data={"uri": uri},
            )
            if not self._resolves_edits():
                action.edit = self.fix_all_edit(uri, linted)
            if action.edit is not None or self._resolves_edits():
                actions.append(action)
        return actions

    def _resolves_edits(self) -> bool:
        """Whether the client fetches an action's edit when it is chosen (``codeAction/resolve``):
        then the fixed-point fix of the whole file runs only when asked for."""
        text_document = self.client_capabilities.text_document
        action = text_document.code_action if text_document else None
        support = action.resolve_support if action else None
        return support is not None and "edit" in support.properties

    def resolve_action(self, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        if action.kind == FIX_ALL and isinstance(uri, str):
            linted = self.current(uri)
            if linted is not None:
                action.edit = self.fix_all_edit(uri, linted) or types.WorkspaceEdit(changes={})
        return action

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        linted = self.current(params.text_document.uri)
        if linted is None:
            return None
        codec = self.workspace.position_codec
        at = convert.from_client(linted.lines, params.position, codec)
        here = [f for f in linted.findings if f.span.start <= at <= f.span.end]
        if not here:
            return None
        parts = []
        for code in dict.fromkeys(f.code for f in here):
            messages = "\n".join(f"- {f.message}" for f in here if f.code == code)
            parts.append(f"{messages}\n\n{explain(code)}")
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=convert.to_client_range(linted.lines, here[0].span, codec),
        )


def explain(code: str) -> str:
    """A rule's documentation as Markdown, headed by its code and name."""
    rule = find_rule(code)
    if rule is None:
        raise ValueError(f"unknown rule code or name: {code!r}")
    return f"### {rule.code} `{rule.name}`\n\n{rule.documentation()}"


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a request restricted to ``only`` kinds asks for actions of ``kind``."""
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def _overlaps(span: Span, wanted: Span) -> bool:
    """Touching counts: a cursor at either end of a finding asks for its actions."""
    return span.start <= wanted.end and wanted.start <= span.end


def guarded(default: object) -> Callable[[Handler], Handler]:
    """A handler that logs an unexpected exception and answers ``default`` instead of failing."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(ls: AsynclintServer, *args: Any) -> Any:
            try:
                return handler(ls, *args)
            except Exception:  # noqa: BLE001 -- the server outlives any one request
                ls.internal_error(f"in {handler.__name__}")
                return default

        return cast(Handler, run)

    return decorate


def create_server() -> AsynclintServer:
    """A server with every feature registered (not started: ``start_io`` does that)."""
    server = AsynclintServer()

    @server.feature(types.INITIALIZED)
    @guarded(None)
    def initialized(ls: AsynclintServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched is None or not watched.dynamic_registration:
            return  # didSave of open documents still refreshes
        names = ",".join(sorted(SETTINGS_FILES | {"*.py", "*requirements*.txt"}))
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=f"**/{{{names}}}")]
        )
        ls.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="asynclint-watched-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=options,
                    )
                ]
            )
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded(None)
    def did_open(ls: AsynclintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(None)
    def did_change(ls: AsynclintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded(None)
    def did_save(ls: AsynclintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = ls.path_of(params.text_document.uri)
        if path is not None:
            ls.files_changed([path])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(None)
    def did_close(ls: AsynclintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(None)
    def watched_files(ls: AsynclintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.files_changed([p for p in (ls.path_of(change.uri) for change in params.changes) if p is not None])

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    @guarded(None)
    def folders_changed(ls: AsynclintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        ls.relint_open(None)  # which folder a file belongs to decides what counts as a test

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True),
    )
    @guarded([])
    def code_action(ls: AsynclintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    def code_action_resolve(ls: AsynclintServer, params: types.CodeAction) -> types.CodeAction:
        try:
            return ls.resolve_action(params)
        except Exception:  # noqa: BLE001 -- the action stays as it was, without an edit
            ls.internal_error("resolving a code action")
            return params

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded(None)
    def hover(ls: AsynclintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    @server.command(EXPLAIN)
    def explain_command(ls: AsynclintServer, code: str) -> str:
        return explain(code)

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    create_server().start_io()
