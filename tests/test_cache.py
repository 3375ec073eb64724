"""The result cache: data only, validated, exact, concurrent-safe, and never a reason to fail.

Each test builds a small project under ``tmp_path`` (with its own ``pytest.ini``) that is
also the current folder, runs ``asynclint`` in-process (or as concurrent subprocesses),
and compares warm runs with what a run without the cache reports.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from conftest import BAD, invoke, write

from asynclint.api import lint_paths
from asynclint.config.settings import load_settings
from asynclint.engine import cache as cache_module
from asynclint.engine.cache import CACHEDIR_TAG, Entry, content_digest
from asynclint.engine.discovery import discover
from asynclint.engine.runner import run

UNAWAITED_TEST = """\
import pytest

from app.service import fetch


@pytest.mark.asyncio
async def test_fetch():
    fetch()
"""
# Same size, one async and one not: ASL201 in the test above depends on which one is there.
ASYNC_SERVICE = "async def fetch():\n    return 1\n"
SYNC_SERVICE = "def fetch():\n    return 1      \n"
assert len(ASYNC_SERVICE) == len(SYNC_SERVICE)


def concise(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return invoke("--output-format", "concise", *args, env=env)


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "v1").glob("*.entry"))


def cache_hits(root: Path, cache_dir: Path) -> tuple[int, int]:
    """(hits, files) of an in-process run over ``root`` with ``cache_dir``."""
    result = run(discover([str(root)]), load_settings(root), cache_dir=cache_dir, jobs=1)
    return result.cache_hits, result.files_checked


def reseal(entry_file: Path, mutate) -> None:
    """Rewrite an entry's body with ``mutate`` and a *correct* checksum: only validation can reject it."""
    _, _, body = entry_file.read_bytes().partition(b"\n")
    data = json.loads(body)
    mutate(data)
    new_body = json.dumps(data).encode()
    entry_file.write_bytes(f"asynclint-cache/1 {content_digest(new_body)}\n".encode() + new_body)


# ---------------------------------------------------------------------------
# The folder
# ---------------------------------------------------------------------------


def test_cache_folder_is_tagged_ignored_and_reused(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    cold = concise()
    folder = project / ".asynclint_cache"
    assert (folder / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text() == "*\n"
    [entry] = entries(folder)
    assert entry.read_bytes().startswith(b"asynclint-cache/1 ")
    assert cache_hits(project, folder) == (1, 1)
    warm = concise()
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, "")


def test_cache_dir_option_and_environment_variable(project: Path, tmp_path: Path) -> None:
    write(project, {"test_a.py": BAD})
    by_option, by_env = tmp_path / "opt-cache", tmp_path / "env-cache"
    expected = concise("--no-cache").stdout
    assert concise("--cache-dir", str(by_option)).stdout == expected
    assert concise(env={"ASYNCLINT_CACHE_DIR": str(by_env)}).stdout == expected
    # the option beats the variable
    assert concise("--cache-dir", str(by_option), env={"ASYNCLINT_CACHE_DIR": str(by_env / "x")}).stdout == expected
    assert len(entries(by_option)) == len(entries(by_env)) == 1
    assert not (by_env / "x").exists()
    assert not (project / ".asynclint_cache").exists()


def test_a_folder_that_is_not_a_cache_is_left_alone(project: Path) -> None:
    write(project, {"test_a.py": BAD, "docs/readme.txt": "mine\n"})
    expected = concise("--no-cache").stdout
    result = concise("--cache-dir", "docs")
    assert (result.exit_code, result.stdout) == (1, expected)
    assert result.stderr.count("asynclint: warning:") == 1
    assert "not an asynclint cache folder" in result.stderr
    assert sorted(os.listdir(project / "docs")) == ["readme.txt"]  # no .gitignore of "*" here


# ---------------------------------------------------------------------------
# Data only: nothing read from the cache runs code or is trusted
# ---------------------------------------------------------------------------


class _Payload:
    """Unpickling this creates the marker file: what a committed pickle cache could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_never_runs(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    expected = concise("--no-cache").stdout
    folder = project / ".asynclint_cache"
    concise()
    marker = project / "pwned"
    payload = pickle.dumps({"tool": "x", "entries": _Payload(marker)})
    # where the old asynclint read its pickle, and in place of the new entry
    (folder / "results-0.1.0.pickle").write_bytes(payload)
    [entry] = entries(folder)
    entry.write_bytes(payload)
    result = concise()
    assert (result.exit_code, result.stdout, result.stderr) == (1, expected, "")
    assert not marker.exists()
    assert not (folder / "results-0.1.0.pickle").exists()  # old pickles are removed, never read
    Entry.decode(entry.read_bytes())  # rebuilt as a valid entry


def _truncate(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def _garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(300))


def _flip_message_byte(entry: Path) -> None:
    """Corruption inside a valid JSON string: only the checksum catches it."""
    raw = entry.read_bytes()
    at = raw.index(b"never runs")
    entry.write_bytes(raw[:at] + b"N" + raw[at + 1 :])


def _empty(entry: Path) -> None:
    entry.write_bytes(b"")


def _deep(entry: Path) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    entry.write_bytes(f"asynclint-cache/1 {content_digest(body)}\n".encode() + body)


def _sealed(mutate):
    return lambda entry: reseal(entry, mutate)


def _set_first_diagnostic(key: str, value: object):
    def mutate(data: dict) -> None:
        data["diagnostics"][0][key] = value

    return _sealed(mutate)


CORRUPTIONS = {
    "truncated": _truncate,
    "garbage": _garbage,
    "empty": _empty,
    "flipped byte in a message": _flip_message_byte,
    "deeply nested JSON": _deep,
    "not an object": _sealed(lambda d: d.clear()),
    "extra key": _sealed(lambda d: d.update(extra=1)),
    "digest of another file": _sealed(lambda d: d.update(digest="0" * 32)),
    "path of another file": _sealed(lambda d: d.update(path="/elsewhere/test_a.py")),
    "unknown rule code": _set_first_diagnostic("code", "ASL999"),
    "message not a string": _set_first_diagnostic("message", ["x"]),
    "bool for a line": _set_first_diagnostic("span", [True, 1, 1, 2]),
    "negative column": _set_first_diagnostic("span", [1, -4, 1, 2]),
    "span too short": _set_first_diagnostic("span", [1, 1]),
    "bad applicability": _sealed(
        lambda d: [x["fix"].update(applicability="always") for x in d["diagnostics"] if x["fix"]]
    ),
    "dependency of an unknown kind": _sealed(lambda d: d["deps"].append(["exec", "os.system", "x"])),
    "unknown project fact": _sealed(lambda d: d["deps"].append(["fact", "no-such-fact", "x"])),
    "file dependency not a digest": _sealed(lambda d: d["deps"].append(["file", "/etc/hostname", "x"])),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_bad_entry_is_ignored_and_rebuilt(project: Path, corrupt) -> None:
    write(project, {"test_a.py": BAD})
    expected = concise("--no-cache")
    folder = project / ".asynclint_cache"
    concise()
    [entry] = entries(folder)
    corrupt(entry)
    result = concise()
    assert (result.exit_code, result.stdout, result.stderr) == (expected.exit_code, expected.stdout, "")
    Entry.decode(entry.read_bytes())  # rewritten, valid
    assert cache_hits(project, folder) == (1, 1)


def test_entries_of_an_edited_file_or_other_settings_are_misses(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    folder = project / ".asynclint_cache"
    concise()
    assert concise("--select", "ASL3").stdout.count("ASL") == 1
    assert concise().stdout.count("ASL") == 3
    (project / "test_a.py").write_text(BAD.replace('save("x")', 'await save("x")'), encoding="utf-8")
    assert cache_hits(project, folder) == (0, 1)


# ---------------------------------------------------------------------------
# Exact keys
# ---------------------------------------------------------------------------


def test_an_imported_module_edited_with_the_same_size_and_mtime_is_seen(project: Path) -> None:
    """``cp -p``, ``rsync -t`` and checkouts keep size and mtime: only the bytes tell."""
    write(project, {"app/__init__.py": "", "app/service.py": ASYNC_SERVICE, "tests/test_svc.py": UNAWAITED_TEST})
    assert "ASL201" in concise().stdout
    service = project / "app" / "service.py"
    before = service.stat()
    service.write_text(SYNC_SERVICE, encoding="utf-8")
    os.utime(service, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = service.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)  # the premise
    result = concise()
    assert "ASL201" not in result.stdout, result.stdout
    assert result.stdout == concise("--no-cache").stdout


def test_advice_that_depends_on_other_files_is_not_stale(project: Path) -> None:
    """Issue 10: test_b's ASL101 fix adds the mark the project uses, which test_a decides."""
    anyio = "import pytest\n\n@pytest.mark.anyio\nasync def test_a():\n    pass\n"
    write(project, {"test_a.py": anyio, "test_b.py": "async def test_b():\n    pass\n"})
    assert "add `@pytest.mark.anyio`" in concise().stdout
    (project / "test_a.py").write_text(anyio.replace("anyio", "asyncio"), encoding="utf-8")
    result = concise()
    assert "add `@pytest.mark.asyncio`" in result.stdout, result.stdout
    assert result.stdout == concise("--no-cache").stdout
    # --fix answered from the same cache adds the mark the project now uses, not the old one.
    fixed = invoke("--fix", "--unsafe-fixes")
    assert fixed.exit_code in (0, 1), fixed.output
    text = (project / "test_b.py").read_text(encoding="utf-8")
    assert "@pytest.mark.asyncio" in text and "anyio" not in text, text


def test_a_module_that_now_shadows_another_is_seen(project: Path) -> None:
    """A name resolved to one file may resolve to another once a package appears."""
    test = UNAWAITED_TEST.replace("app.service", "service")
    write(project, {"service.py": ASYNC_SERVICE, "tests/test_svc.py": test})
    assert "ASL201" in concise().stdout
    write(project, {"src/service.py": SYNC_SERVICE})  # src/ is searched before the rootdir
    result = concise()
    assert "ASL201" not in result.stdout
    assert result.stdout == concise("--no-cache").stdout


# ---------------------------------------------------------------------------
# Concurrency
# ---------------------------------------------------------------------------


def test_concurrent_runs_lose_no_entry_and_tear_no_file(project: Path) -> None:
    files = {f"{group}/test_{group}{i}.py": BAD for group in ("a", "b") for i in range(40)}
    write(project, files)
    folder = project / "shared-cache"
    cmd = [sys.executable, "-m", "asynclint", "--cache-dir", str(folder), "--jobs", "1", "--output-format", "json"]
    # two runs over disjoint halves and two over everything, all at once, twice
    for _ in range(2):
        procs = [
            subprocess.Popen([*cmd, *paths], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for paths in (["a"], ["b"], ["."], ["."])
        ]
        outputs = [p.communicate(timeout=300) for p in procs]
        for proc, (stdout, stderr) in zip(procs, outputs):
            assert (proc.returncode, stderr) == (1, b""), stderr
            assert len(json.loads(stdout)) in (120, 240)
    stored = entries(folder)
    assert len(stored) == 80
    for entry in stored:
        Entry.decode(entry.read_bytes())
    assert not [n for n in os.listdir(folder / "v1") if not n.endswith((".entry", ".fact"))]  # no temp file left
    assert cache_hits(project, folder) == (80, 80)


# ---------------------------------------------------------------------------
# A cache that cannot be written
# ---------------------------------------------------------------------------


def test_an_unwritable_cache_folder_is_one_warning(project: Path) -> None:
    write(project, {f"test_{i}.py": BAD for i in range(3)})
    (project / "blocker").write_text("a file where the cache folder would go\n")
    expected = concise("--no-cache")
    result = concise("--cache-dir", "blocker/cache")
    assert (result.exit_code, result.stdout) == (expected.exit_code, expected.stdout)
    [warning] = result.stderr.splitlines()
    assert warning.startswith("asynclint: warning: cannot write the result cache in blocker/cache")
    assert warning.endswith("running without the result cache")
    clean = invoke("--cache-dir", "blocker/cache", "--exit-zero")
    assert clean.exit_code == 0


def test_a_full_disk_is_one_warning_and_the_same_exit_code(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {f"test_{i}.py": BAD for i in range(3)})
    expected = concise("--no-cache")
    writes: list[Path] = []

    def full(target: Path, data: bytes) -> None:
        writes.append(target)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache_module, "_atomic_write", full)
    result = concise()
    assert (result.exit_code, result.stdout) == (1, expected.stdout)
    assert result.stderr.splitlines() == [
        (
            "asynclint: warning: cannot write the result cache in .asynclint_cache: No space left on device; "
            "running without the result cache"
        )
    ]
    assert len(writes) == 1  # the first failure turned the cache off
    fixed = invoke("--fix", "--output-format", "concise")  # several lint passes, one warning
    assert fixed.exit_code == 0
    assert fixed.stderr.count("asynclint: warning: cannot write the result cache") == 1


def test_a_read_only_cache_folder_still_serves_and_warns_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": BAD})
    concise()
    (project / "test_b.py").write_text(BAD + "\n", encoding="utf-8")  # one miss, one hit

    def read_only(target: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(cache_module, "_atomic_write", read_only)
    result = concise()
    assert result.exit_code == 1
    assert result.stdout == concise("--no-cache").stdout
    assert result.stderr.count("Read-only file system") == 1


def test_no_cache_touches_no_folder(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    concise("--no-cache", "--cache-dir", "somewhere")
    assert not (project / "somewhere").exists()
    assert not (project / ".asynclint_cache").exists()


def test_the_old_pickle_folder_is_adopted_without_reading_it(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    folder = project / ".asynclint_cache"
    folder.mkdir()
    (folder / ".gitignore").write_text("*\n")
    (folder / "results-0.1.0.pickle").write_bytes(pickle.dumps(_Payload(project / "pwned")))
    result = concise()
    assert (result.exit_code, result.stderr) == (1, "")
    assert sorted(os.listdir(folder)) == [".gitignore", "CACHEDIR.TAG", "v1"]
    assert not (project / "pwned").exists()


def test_the_library_interface_takes_a_cache_folder(project: Path, tmp_path: Path) -> None:
    write(project, {"test_a.py": BAD})
    folder = tmp_path / "api-cache"
    cold = lint_paths(["."], use_cache=True, cache_dir=folder, jobs=1)
    warm = lint_paths(["."], use_cache=True, cache_dir=folder, jobs=1)
    assert (cold.cache_hits, warm.cache_hits) == (0, 1)
    assert warm.diagnostics == cold.diagnostics and (warm.errors, warm.warnings) == ([], [])


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "folder", "oversized"])
def test_an_entry_that_is_not_a_small_regular_file_is_a_miss(
    project: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A planted entry never blocks the run (FIFO), fills memory (/dev/zero) or stops it."""
    write(project, {"test_a.py": BAD})
    expected = concise("--no-cache").stdout
    concise()
    [entry] = entries(project / ".asynclint_cache")
    entry.unlink()
    if kind == "link to /dev/zero":
        entry.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(entry)
    elif kind == "folder":
        entry.mkdir()
    else:
        monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", 100)
    result = concise()
    assert (result.exit_code, result.stdout) == (1, expected)
    if kind == "folder":  # cannot be replaced by a file: a miss every time, never an error
        assert result.stderr.startswith("asynclint: warning: cannot write the result cache")
        entry.rmdir()
    else:
        assert result.stderr == ""
    if kind != "oversized":
        assert cache_hits(project, project / ".asynclint_cache") == (int(kind != "folder"), 1)


def test_digests_never_block_on_a_fifo_and_see_every_byte(tmp_path: Path) -> None:
    fifo, same, other = tmp_path / "pipe.py", tmp_path / "a.py", tmp_path / "b.py"
    os.mkfifo(fifo)
    same.write_bytes(b"x = 1\n")
    other.write_bytes(b"x = 2\n")
    digests = cache_module.Digests()
    try:
        assert digests.of(str(fifo)) is None
    finally:
        fifo.unlink()
    assert digests.of(str(tmp_path / "missing.py")) is None
    assert digests.of(str(same)) == content_digest(b"x = 1\n") != digests.of(str(other))
