"""How long an editor waits for diagnostics after an edit: ``asynclint server`` latency.

``python bench/lsp_latency.py [--edits 20] [--lines 1000]`` builds a throw-away project
(a ``pytest.ini``, an ``app`` package, one test file of ``--lines`` lines with findings),
starts ``asynclint server`` over stdio, opens the test file (the cold lint) and then
times, with the project index warm:

* isolated edits: one line changed, then a pause longer than the debounce (an edit,
  then a look), from ``didChange`` to the ``publishDiagnostics`` of that version;
* a burst: ten keystrokes 50 ms apart, from the last keystroke to the diagnostics of
  the last version (the debounce's trailing edge).

It prints the figures (the target is a median of 200 ms or less for isolated edits)
and asserts nothing: timing depends on the machine and its load. On Linux it also
prints the server's CPU time per isolated edit (from ``/proc``), which a loaded
machine inflates far less than wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from asynclint.server.server import DEBOUNCE


def write_project(root: Path, lines: int) -> Path:
    """A strict-mode project whose test file has findings every few tests."""
    (root / "app").mkdir()
    (root / "tests").mkdir()
    (root / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "service.py").write_text("async def fetch(x):\n    return x\n\n\ndef compute(x):\n    return x\n")
    body = ["import time", "", "import pytest", "", "from app.service import compute, fetch", ""]
    number = 0
    while True:
        block = [
            "",
            "@pytest.mark.asyncio",
            f"async def test_case_{number}():",
            f"    value = await fetch({number})",
            f"    assert value == {number}",
            f"    compute({number})",
            "",
        ]
        if number % 10 == 0:
            block += ["", f"async def test_unmarked_{number}():", f"    fetch({number})", "    time.sleep(0)", ""]
        if len(body) + len(block) > lines:
            break
        body += block
        number += 1
    body += ["# padding"] * (lines - len(body))
    test_file = root / "tests" / "test_big.py"
    test_file.write_text("\n".join(body) + "\n")
    return test_file


class Bench:
    def __init__(self, client: LanguageClient, uri: str) -> None:
        self.client = client
        self.uri = uri
        self.arrived: dict[int, asyncio.Future[float]] = {}
        self.counts: dict[int, int] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri and params.version is not None:
                self.counts[params.version] = len(params.diagnostics)
                future = self.arrived.get(params.version)
                if future is not None and not future.done():
                    future.set_result(time.perf_counter())

    def expect(self, version: int) -> asyncio.Future[float]:
        future = self.arrived[version] = asyncio.get_running_loop().create_future()
        return future

    def change(self, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edited(text: str, version: int) -> str:
    """The file with one line changed, as a keystroke would change it."""
    return text.replace("# padding", f"# edit {version}", 1) if "# padding" in text else text + f"# edit {version}\n"


async def measure(edits: int, lines: int) -> None:
    with tempfile.TemporaryDirectory(prefix="asynclint-lsp-bench-") as scratch:
        root = Path(scratch).resolve()
        test_file = write_project(root, lines)
        text = test_file.read_text()
        client = LanguageClient("asynclint-bench", "1")
        bench = Bench(client, test_file.as_uri())
        started = time.perf_counter()
        await client.start_io(sys.executable, "-m", "asynclint", "server")
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=root.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="bench")],
            )
        )
        client.initialized(types.InitializedParams())
        initialized = time.perf_counter()

        opened = bench.expect(1)
        sent = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=bench.uri, language_id="python", version=1, text=text)
            )
        )
        cold = await opened - sent
        print(f"test file: {len(text.splitlines())} lines, {bench.counts[1]} findings")
        print(f"server start + initialize: {(initialized - started) * 1000:.0f} ms")
        print(f"didOpen -> diagnostics (cold index): {cold * 1000:.0f} ms")

        version = 1
        samples: list[float] = []
        pid = client._server.pid if client._server is not None else None
        cpu_start: float | None = None
        for round_number in range(edits + 2):  # the first two warm up
            await asyncio.sleep(DEBOUNCE * 1.5)  # a look at the screen: the next edit is isolated
            if round_number == 2 and pid is not None:
                cpu_start = cpu_seconds(pid)
            version += 1
            text = edited(text, version)
            future = bench.expect(version)
            sent = time.perf_counter()
            bench.change(version, text)
            took = await future - sent
            if round_number >= 2:
                samples.append(took)
        samples.sort()
        print(
            f"isolated edit -> diagnostics, {len(samples)} edits: median {statistics.median(samples) * 1000:.0f} ms, "
            f"p90 {samples[int(len(samples) * 0.9) - 1] * 1000:.0f} ms, "
            f"min {samples[0] * 1000:.0f} ms, max {samples[-1] * 1000:.0f} ms (target: median <= 200 ms)"
        )
        cpu_end = cpu_seconds(pid) if pid is not None else None
        if cpu_start is not None and cpu_end is not None:
            print(f"server CPU time per isolated edit: {(cpu_end - cpu_start) / len(samples) * 1000:.0f} ms")

        await asyncio.sleep(DEBOUNCE * 1.5)
        for _ in range(10):
            version += 1
            text = edited(text, version)
            bench.change(version, text)
            last = time.perf_counter()
            await asyncio.sleep(0.05)
        future = bench.expect(version)
        took = await future - last
        print(
            f"burst of 10 keystrokes 50 ms apart, last keystroke -> diagnostics: {took * 1000:.0f} ms "
            f"(debounce {DEBOUNCE * 1000:.0f} ms)"
        )

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--lines", type=int, default=1000)
    args = parser.parse_args()
    asyncio.run(measure(args.edits, args.lines))


if __name__ == "__main__":
    main()
