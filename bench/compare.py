"""One command: asynclint against its peers on a pinned real-suite corpus, side by side.

Why this exists: speed goals (issue "Instant on every commit") only mean something when
asynclint's cold, warm, one-file, start-up and memory figures and the peers' figures come
from the same run, on the same machine load and the same files.  Separate runs on a shared
two-core machine drift too much to compare.  This script prints figures and asserts nothing;
no test depends on timing.

Usage:
    python bench/compare.py [--suites N] [--skip-peers] [--jobs N]
                            [--peer-timeout S] [--timeout S] [--dir D] [--keep]

It (a) fetches the pinned sdists it needs with bench/realsuites.py (pip download; sdists stay
in the data directory, outside the repository) and copies the suite roots into a scratch
folder, so edits and caches never touch the data directory; (b) times asynclint cold (a
private empty cache folder), warm (nothing changed), after one test file was edited, a
pre-commit style run on one file of a small project, start-up (`--version`), and peak
memory; and, unless --skip-peers, flake8-async, ruff (ASYNC and PT rules, cold and warm) and
fixit (default rules) on the same suite roots, from a separate virtualenv that the script
creates on demand under the data directory (never the project's environment).

Every measured command runs under a small Python wrapper that reports the wall time, the
CPU time and the peak RSS (ru_maxrss of RUSAGE_CHILDREN) of that one command: a fresh
wrapper per command, because RUSAGE_CHILDREN is a high-water mark over every child a process
ever waited for.  For tools that fork workers the figure is the largest single process, not
the sum over the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realsuites import DEFAULT_DIR, SUITES, _suite_dirname, fetch  # noqa: E402

# The pinned suites of realsuites.SUITES with the most Python, largest first: the default
# sixteen hold about 530k lines (all .py files under the unpacked sdist roots).  Largest first
# so that `--suites N` keeps the corpus as big as N allows.
CORPUS: list[str] = [
    "aiogram==3.31.0",
    "zigpy==2.4.0",
    "blacksheep==2.6.4",
    "sanic==25.12.1",
    "aioquic==1.9.1",
    "ormar==0.26.0",
    "strawberry_graphql==0.341.3",
    "gql==4.4.0",
    "asyncclick==8.4.2.1",
    "hishel==2.0.0",
    "python_socketio==5.18.1",
    "taskiq==0.13.0",
    "python_engineio==4.15.1",
    "klein==24.8.0",
    "cashews==7.6.0",
    "aiomysql==0.3.2",
]

# Pinned so that a rerun measures the same peer code (versions current when this was written).
PEERS: dict[str, str] = {"flake8": "7.5.0", "flake8-async": "26.8.1", "fixit": "2.2.1", "ruff": "0.17.5"}

STARTUP_RUNS = 7
PRECOMMIT_RUNS = 5
EDIT_MARK = b"\n# edited by bench/compare.py\n"

# Runs one command and prints, as JSON, what only a process of its own can know: the
# RUSAGE_CHILDREN figures of exactly that command.  The command gets its own session so a
# timeout can kill its workers too.
_WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, time
timeout = float(sys.argv[1]) or None
with open(sys.argv[2], "wb") as out, open(sys.argv[3], "wb") as err:
    start = time.perf_counter()
    proc = subprocess.Popen(sys.argv[4:], stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
    timed_out = False
    try:
        rc = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        rc = proc.wait()
    wall = time.perf_counter() - start
try:
    os.killpg(proc.pid, signal.SIGKILL)
except (ProcessLookupError, PermissionError):
    pass
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_kib": ru.ru_maxrss,
                  "rc": rc, "timed_out": timed_out}))
"""


@dataclass
class Run:
    """One measured command: what the wrapper reported plus the command's output."""

    wall: float
    cpu: float
    rss_mib: float
    rc: int
    timed_out: bool
    stdout: str
    stderr: str


@dataclass
class Row:
    """A line of the table; `ratio` is asynclint's figure over this peer's (None for asynclint)."""

    measure: str
    tool: str
    run: Run | None
    reports: str = ""
    ratio: float | None = None
    note: str = ""


def measure(cmd: list[str], cwd: Path, scratch: Path, timeout: float | None = None) -> Run:
    """Run `cmd` under the wrapper; the child's output goes to files so pipes never stall it."""
    fd, out_name = tempfile.mkstemp(dir=scratch, suffix=".out")
    os.close(fd)
    fd, err_name = tempfile.mkstemp(dir=scratch, suffix=".err")
    os.close(fd)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(timeout or 0), out_name, err_name, *cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    out = Path(out_name).read_text(errors="replace")
    err = Path(err_name).read_text(errors="replace")
    os.unlink(out_name)
    os.unlink(err_name)
    try:
        data = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise SystemExit(f"wrapper failed for {cmd[:3]}: {proc.stderr.strip()}") from None
    return Run(
        wall=data["wall"],
        cpu=data["cpu"],
        rss_mib=data["rss_kib"] / 1024,
        rc=data["rc"],
        timed_out=data["timed_out"],
        stdout=out,
        stderr=err,
    )


def median_run(cmd: list[str], cwd: Path, scratch: Path, times: int) -> Run:
    """The run with the median wall time: start-up figures jitter by tens of milliseconds."""
    runs = sorted((measure(cmd, cwd, scratch) for _ in range(times)), key=lambda r: r.wall)
    return runs[len(runs) // 2]


def count_py(roots: list[Path]) -> tuple[int, int]:
    """Files and lines of every .py file under the roots: what the peers are given."""
    files = lines = 0
    for root in roots:
        for path in root.rglob("*.py"):
            if path.is_file():
                files += 1
                lines += _lines(path)
    return files, lines


def _lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def build_corpus(data_dir: Path, specs: list[str], scratch: Path) -> list[Path]:
    """Fetch what is missing, then copy each suite root into the scratch folder.

    A copy, because the one-file-edited run writes to a test file and the tools may leave
    caches beside the sources; the unpacked sdists in the data directory stay pristine.
    """
    fetch(data_dir, specs)
    roots = []
    for spec in specs:
        src = data_dir / "src" / _suite_dirname(spec)
        if not src.is_dir():
            print(f"skipped (fetch failed): {spec}", file=sys.stderr)
            continue
        dest = scratch / "corpus" / src.name
        shutil.copytree(src, dest, symlinks=True)
        roots.append(dest)
    return roots


def ensure_peers(data_dir: Path) -> Path | None:
    """A virtualenv with the pinned peers under the data directory; its bin folder.

    Kept apart from the project's environment so the peers' dependencies (fixit pins its own
    libcst) can never change what asynclint runs with.  Reused while the pins are unchanged.
    """
    venv = data_dir / "peers-venv"
    pins = sorted(f"{name}=={version}" for name, version in PEERS.items())
    marker = venv / "bench-pins.txt"
    bindir = venv / "bin"
    if marker.exists() and marker.read_text().split() == pins:
        return bindir
    print(f"installing peers into {venv}: {' '.join(pins)}", file=sys.stderr)
    if not (bindir / "python").exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
        if made.returncode:
            return None
    got = subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pins],
        check=False,
    )
    if got.returncode:
        return None
    marker.write_text("\n".join(pins) + "\n")
    return bindir


def asynclint_files(base: list[str], roots: list[Path], cwd: Path) -> list[Path]:
    """The test and conftest files asynclint lints under the roots (its own discovery)."""
    proc = subprocess.run(
        [*base, "check", "--show-files", *map(str, roots)], cwd=cwd, capture_output=True, text=True, check=False
    )
    return [Path(line) for line in proc.stdout.splitlines() if line.strip().endswith(".py")]


def pick_test_file(files: list[Path]) -> Path | None:
    """A test_*.py of median size: the one-file figures should be typical, not the extreme."""
    tests = sorted((f for f in files if f.name.startswith("test_")), key=lambda f: (f.stat().st_size, str(f)))
    return tests[len(tests) // 2] if tests else None


def summary(run: Run) -> str:
    """asynclint --quiet prints 'N findings in M files; K files checked': keep N."""
    for line in run.stdout.splitlines():
        if " findings in " in line or " finding in " in line:
            return line.split()[0]
    return ""


def peer_reports(run: Run) -> str:
    """Lines shaped like a report ('path.py:L:C' or fixit's 'path.py@L:C'), as a count."""
    n = 0
    for line in run.stdout.splitlines():
        head = line.split(" ", 1)[0]
        if ".py:" in head or ".py@" in head:
            n += 1
    return str(n)


def precommit(base: list[str], jobs: list[str], root: Path, scratch: Path) -> tuple[Run | None, str]:
    """`asynclint check tests/test_x.py` in a small project, as a pre-commit hook runs it.

    The project is a copy of the smallest suite.  Before each timed run the file gets a new
    line, so its result is never served from the cache (pre-commit runs on changed files),
    while the project state may be: one untimed run first fills the cache.
    """
    project = scratch / "precommit" / root.name
    shutil.copytree(root, project, symlinks=True)
    target = pick_test_file(asynclint_files(base, [project], project))
    if target is None:
        return None, "no test file"
    rel = target.relative_to(project)
    cmd = [*base, "check", "--quiet", "--exit-zero", "--cache-dir", str(scratch / "cache-precommit"), *jobs]
    measure([*cmd, str(rel)], project, scratch)
    original = target.read_bytes()
    runs = []
    for i in range(PRECOMMIT_RUNS):
        target.write_bytes(original + f"\n# pre-commit edit {i}\n".encode())
        runs.append(measure([*cmd, str(rel)], project, scratch))
    target.write_bytes(original)
    runs.sort(key=lambda r: r.wall)
    return runs[len(runs) // 2], f"{root.name}/{rel} ({_lines(target)} lines), median of {PRECOMMIT_RUNS}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--suites", type=int, default=len(CORPUS), help=f"the N largest pinned suites (max {len(CORPUS)})"
    )
    parser.add_argument("--skip-peers", action="store_true", help="time asynclint only")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for asynclint and flake8")
    parser.add_argument("--peer-timeout", type=float, default=900.0, help="seconds before a peer run is killed")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before an asynclint run is killed")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="data directory (sdists, peers venv)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (corpus copy, caches)")
    args = parser.parse_args()

    specs = CORPUS[: max(1, args.suites)]
    unknown = [s for s in specs if s not in SUITES]
    if unknown:
        raise SystemExit(f"not pinned in bench/realsuites.py: {unknown}")
    data_dir = args.dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="bench-compare-", dir=data_dir))
    try:
        report(args, data_dir, specs, scratch)
    finally:
        if args.keep:
            print(f"scratch kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def report(args: argparse.Namespace, data_dir: Path, specs: list[str], scratch: Path) -> None:
    """Measure everything, then print the corpus, the inputs and the table."""
    load_before = os.getloadavg()
    roots = build_corpus(data_dir, specs, scratch)
    if not roots:
        raise SystemExit("no suite could be fetched")
    bindir = None if args.skip_peers else ensure_peers(data_dir)
    base = [sys.executable, "-m", "asynclint"]
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    files, lines = count_py(roots)
    linted = asynclint_files(base, roots, scratch)
    linted_lines = sum(_lines(f) for f in linted)
    given = [str(r) for r in roots]
    rows: list[Row] = []

    floor = median_run([sys.executable, "-S", "-c", "pass"], scratch, scratch, STARTUP_RUNS)
    rows.append(Row("interpreter start (-S -c pass)", "python", floor, note=f"median of {STARTUP_RUNS}"))
    start = median_run([*base, "--version"], scratch, scratch, STARTUP_RUNS)
    rows.append(Row("start-up (--version)", "asynclint", start, note=f"median of {STARTUP_RUNS}"))
    smallest = min(roots, key=lambda r: count_py([r])[1])
    one, where = precommit(base, jobs, smallest, scratch)
    rows.append(Row("one file, small project", "asynclint", one, summary(one) if one else "", note=where))

    cache = scratch / "cache-asynclint"
    cache.mkdir()
    check = [*base, "check", "--quiet", "--exit-zero", "--cache-dir", str(cache), *jobs]
    cold = measure([*check, *given], scratch, scratch, args.timeout)
    rows.append(Row("cold, whole corpus", "asynclint", cold, summary(cold), note="empty private cache"))
    warm = measure([*check, *given], scratch, scratch, args.timeout)
    rows.append(Row("warm, nothing changed", "asynclint", warm, summary(warm)))
    edited = pick_test_file(linted)
    if edited is not None:
        original = edited.read_bytes()
        try:
            edited.write_bytes(original + EDIT_MARK)
            changed = measure([*check, *given], scratch, scratch, args.timeout)
        finally:
            edited.write_bytes(original)
        rel = edited.relative_to(scratch / "corpus")
        rows.append(Row("warm, one test file edited", "asynclint", changed, summary(changed), note=str(rel)))

    if args.skip_peers:
        pass
    elif bindir is None:
        rows.append(Row("peers", "-", None, note="could not install the peers (pip failed)"))
    else:
        rows.extend(peer_rows(bindir, given, jobs, scratch, args.peer_timeout, cold, warm))

    print_report(rows, specs, roots, files, lines, len(linted), linted_lines, args, load_before)


def peer_rows(
    bindir: Path, given: list[str], jobs: list[str], scratch: Path, timeout: float, cold: Run, warm: Run
) -> list[Row]:
    """flake8-async, ruff cold and warm, fixit: each on the same suite roots, each timed once."""
    rows = []

    def ratio(ours: Run, peer: Run) -> float | None:
        """A peer that timed out ran at least `timeout` seconds: the ratio is then an upper bound."""
        if ours.timed_out or not peer.wall:
            return None
        return ours.wall / (timeout if peer.timed_out else peer.wall)

    flake8 = measure([str(bindir / "flake8"), "--select", "ASYNC", *jobs, *given], scratch, scratch, timeout)
    rows.append(Row("cold, whole corpus", "flake8-async", flake8, peer_reports(flake8), ratio(cold, flake8)))
    ruff = [str(bindir / "ruff"), "check", "--isolated", "--select", "ASYNC,PT", "--output-format", "concise"]
    ruff_cold = measure([*ruff, "--no-cache", "--exit-zero", *given], scratch, scratch, timeout)
    rows.append(Row("cold, whole corpus", "ruff", ruff_cold, peer_reports(ruff_cold), ratio(cold, ruff_cold)))
    warm_cmd = [*ruff, "--cache-dir", str(scratch / "cache-ruff"), "--exit-zero", *given]
    measure(warm_cmd, scratch, scratch, timeout)
    ruff_warm = measure(warm_cmd, scratch, scratch, timeout)
    rows.append(Row("warm, nothing changed", "ruff", ruff_warm, peer_reports(ruff_warm), ratio(warm, ruff_warm)))
    fixit = measure([str(bindir / "fixit"), "lint", *given], scratch, scratch, timeout)
    rows.append(Row("cold, whole corpus", "fixit", fixit, peer_reports(fixit), ratio(cold, fixit)))
    return rows


def print_report(
    rows: list[Row],
    specs: list[str],
    roots: list[Path],
    files: int,
    lines: int,
    linted: int,
    linted_lines: int,
    args: argparse.Namespace,
    load_before: tuple[float, float, float],
) -> None:
    """The corpus, what each tool was given, then one table."""
    names = ", ".join(r.name for r in roots)
    print(f"corpus: {len(roots)} suites, {files:,} .py files, {lines:,} lines (every .py under the sdist roots)")
    print(f"  suites: {names}")
    print(f"  asynclint lints {linted:,} of those files ({linted_lines:,} lines): the test and conftest files it finds")
    print("given: every tool gets the same suite roots; asynclint discovers its test files there, flake8-async,")
    print("  ruff (--isolated) and fixit lint every .py file under them with their default excludes")
    jobs = args.jobs or f"all ({os.cpu_count()})"
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}; --jobs {jobs} for asynclint and"
        " flake8 (ruff and fixit use all cores)"
    )
    print(f"peers: {', '.join(f'{k} {v}' for k, v in PEERS.items())}" if not args.skip_peers else "peers: skipped")
    load = os.getloadavg()
    print(f"load average (1 min) before/after: {load_before[0]:.2f} / {load[0]:.2f}")
    print()
    head = (
        f"{'measure':<31} {'tool':<13} {'wall s':>9} {'CPU s':>8} {'peak MiB':>9} {'reports':>8} {'asynclint/peer':>15}"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        if row.run is None:
            print(f"{row.measure:<31} {row.tool:<13} {'-':>9}  {row.note}")
            continue
        r = row.run
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        note = row.note
        if r.timed_out:
            # Killed workers are never reaped by the wrapper: CPU and memory would be partial.
            wall, cpu, rss, reports = "timed out", "-", "-", "-"
            ratio = f"<{ratio}" if ratio else ""
            note = f"killed after {r.wall:.0f} s"
        else:
            wall, cpu, rss, reports = f"{r.wall:.2f}", f"{r.cpu:.2f}", f"{r.rss_mib:.0f}", row.reports
        failed = "" if r.timed_out or r.rc in (0, 1) else f" [exit {r.rc}: {_tail(r.stderr)}]"
        line = f"{row.measure:<31} {row.tool:<13} {wall:>9} {cpu:>8} {rss:>9} {reports:>8} {ratio:>15}"
        print((line + (f"  {note}" if note else "") + failed).rstrip())
    print()
    print("wall s: elapsed; CPU s: user+system of the command and the workers it waited for; peak MiB:")
    print("  the largest single process (ru_maxrss), not the sum over workers; reports: findings printed;")
    print("  asynclint/peer: asynclint's wall time over the peer's on the same measure (below 1: asynclint faster;")
    print(f"  '<' where the peer was killed at --peer-timeout {args.peer_timeout:.0f} s)")


def _tail(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:120] if lines else ""


if __name__ == "__main__":
    main()
