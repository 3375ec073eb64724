"""Blind real-suite evaluation of asynclint's precision.

Why this exists: corpora written from the rule catalog say little about how asynclint
behaves on suites nobody tuned it for.  This script rebuilds a pinned corpus of real
PyPI sdists that ship async pytest suites, runs asynclint on each unpacked sdist root
(so the pytest configuration is found the way pytest finds it) and, when a labels file
exists, prints per-rule precision.  It prints figures and asserts nothing: the labels are
human judgements and the figures are for reading.

Usage:
    python bench/realsuites.py fetch [--dir D]   # download + unpack the pinned sdists
    python bench/realsuites.py run [--dir D]     # lint each suite, store JSON, print figures
    python bench/realsuites.py report [--dir D]  # print figures from stored JSON only

The data directory defaults to $ASYNCLINT_REALSUITES or /work/realsuites; it lives
outside the repository because sdists must never be committed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "realsuite_labels.tsv"
DEFAULT_DIR = Path(os.environ.get("ASYNCLINT_REALSUITES", "/work/realsuites"))

# Pinned so the figures can be reproduced; chosen for variety of runners (pytest-asyncio
# strict/auto, anyio, trio, framework plugins via pytest11, unittest harnesses).
SUITES: list[str] = [
    "a2wsgi==1.10.10",
    "aioboto3==15.5.0",
    "aiocache==0.12.3",
    "aioconsole==0.8.2",
    "aiodiskdb==0.2.3",
    "aiodocker==0.27.0",
    "aiofiles==25.1.0",
    "aiogram==3.31.0",
    "aiohttp-devtools==1.1.2",
    "aiohttp-jinja2==1.6",
    "aiohttp-security==0.5.0",
    "aiohttp_client_cache==0.15.0",
    "aiohttp_retry==2.9.1",
    "aiohttp_socks==0.12.0",
    "aioitertools==0.13.0",
    "aiolimiter==1.3.0",
    "aiomultiprocess==0.9.1",
    "aiomysql==0.3.2",
    "aioquic==1.9.1",
    "aioresponses==0.7.9",
    "aiorpcx==0.25.0",
    "aiosignal==1.4.0",
    "aiosmtplib==5.1.3",
    "aiosqlite==0.22.1",
    "aiostream==0.8.1",
    "aiotools==2.2.4",
    "arq==0.28.0",
    "asgi_csrf==0.11",
    "async_property==0.2.2",
    "async_timeout==5.0.1",
    "asyncclick==8.4.2.1",
    "asyncstdlib==3.14.0",
    "baize==0.23.1",
    "blacksheep==2.6.4",
    "blinker==1.9.0",
    "cashews==7.6.0",
    "daphne==4.2.3",
    "databases==0.9.0",
    "gql==4.4.0",
    "grpclib==0.4.9",
    "hishel==2.0.0",
    "httpx_sse==0.4.3",
    "hypercorn==0.18.0",
    "janus==2.0.0",
    "klein==24.8.0",
    "ormar==0.26.0",
    "prometheus_async==26.1.0",
    "pytest-tornado==0.8.1",
    "pytest-tornasync==0.6.0.post2",
    "pytest_aiohttp==1.1.1",
    "pytest_asyncio_cooperative==0.40.0",
    "pytest_httpx==0.36.2",
    "pytest_mock==3.17.0",
    "pytest_twisted==1.14.3",
    "python_engineio==4.15.1",
    "python_socketio==5.18.1",
    "python_socks==3.2.2",
    "sanic==25.12.1",
    "sanic_testing==24.6.0",
    "saq==0.26.4",
    "sse_starlette==3.7.1",
    "strawberry_graphql==0.341.3",
    "taskiq==0.13.0",
    "tenacity==9.2.1",
    "treq==26.7.0",
    "trio_asyncio==0.16.0",
    "trio_websocket==0.12.2",
    "zigpy==2.4.0",
]


def _suite_dirname(spec: str) -> str:
    """The folder an sdist unpacks to is NAME-VERSION; we normalise to that name."""
    name, version = spec.split("==")
    return f"{name}-{version}"


def fetch(data_dir: Path, specs: list[str] | None = None) -> None:
    """Download each pinned sdist with pip (the only registry client we use) and unpack it.

    Unpacking goes to src/NAME==VERSION's folder, renamed to NAME-VERSION, because sdist
    archive roots use the project's own spelling (underscores, case) which varies.
    `specs` narrows the download to a subset of SUITES (bench/compare.py needs only its own).
    """
    sdists = data_dir / "sdists"
    src = data_dir / "src"
    sdists.mkdir(parents=True, exist_ok=True)
    src.mkdir(parents=True, exist_ok=True)
    for spec in SUITES if specs is None else specs:
        target = src / _suite_dirname(spec)
        if target.exists():
            continue
        before = set(sdists.iterdir())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", spec, "-d", str(sdists)],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        archive = _find_archive(sdists, spec, before)
        if archive is None:
            print(f"fetch failed: {spec}", file=sys.stderr)
            continue
        _unpack(archive, target)


def _find_archive(sdists: Path, spec: str, before: set[Path]) -> Path | None:
    """pip names the file after the project's canonical spelling, so match loosely."""
    new = set(sdists.iterdir()) - before
    if new:
        return sorted(new)[0]
    name, version = spec.split("==")
    key = name.lower().replace("-", "_").replace(".", "_")
    for p in sdists.iterdir():
        stem = p.name.lower().replace("-", "_").replace(".", "_")
        if stem.startswith(key) and version.replace(".", "_") in stem:
            return p
    return None


def _unpack(archive: Path, target: Path) -> None:
    """Unpack and strip the single top folder so the suite root is target itself."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(tmp)
    else:
        with tarfile.open(archive) as t:
            t.extractall(tmp, filter="data")
    entries = list(tmp.iterdir())
    root = entries[0] if len(entries) == 1 and entries[0].is_dir() else tmp
    root.rename(target)
    if tmp.exists():
        tmp.rmdir() if not any(tmp.iterdir()) else None


def run(data_dir: Path) -> None:
    """Lint every suite root and keep its JSON, one file per suite."""
    out = data_dir / "results"
    out.mkdir(parents=True, exist_ok=True)
    for spec in SUITES:
        root = data_dir / "src" / _suite_dirname(spec)
        if not root.exists():
            print(f"missing (run fetch): {spec}", file=sys.stderr)
            continue
        proc = subprocess.run(
            ["asynclint", "check", str(root), "--output-format", "json", "--no-cache", "--exit-zero"],
            capture_output=True,
            text=True,
            check=False,
        )
        (out / f"{_suite_dirname(spec)}.json").write_text(proc.stdout or "[]")
        if proc.stderr.strip():
            (out / f"{_suite_dirname(spec)}.stderr").write_text(proc.stderr)
    report(data_dir)


def _load_findings(data_dir: Path) -> dict[str, list[tuple[str, int, str]]]:
    """Findings per suite as (relative path, line, code): the key the labels use."""
    res: dict[str, list[tuple[str, int, str]]] = {}
    for spec in SUITES:
        suite = _suite_dirname(spec)
        path = data_dir / "results" / f"{suite}.json"
        if not path.exists():
            continue
        root = (data_dir / "src" / suite).resolve()
        data = json.loads(path.read_text() or "[]")
        items = data.get("findings", data) if isinstance(data, dict) else data
        rows = []
        for f in items:
            fpath = Path(f.get("path") or f.get("filename") or f.get("file"))
            if not fpath.is_absolute():
                # JSON paths are relative to where asynclint ran (the data dir).
                fpath = data_dir / fpath
            try:
                rel = str(fpath.resolve().relative_to(root))
            except ValueError:
                rel = str(fpath)
            line = f.get("line") or (f.get("location") or {}).get("row") or 0
            rows.append((rel, int(line), f.get("code")))
        res[suite] = rows
    return res


def _load_labels() -> dict[tuple[str, str, int, str], tuple[str, str]]:
    """Labels keyed by (suite, path, line, code); verdict is true|benign|false."""
    labels: dict[tuple[str, str, int, str], tuple[str, str]] = {}
    if not LABELS.exists():
        return labels
    with LABELS.open(newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "suite":
                continue
            suite, rel, line, code, verdict, *reason = row
            labels[(suite, rel, int(line), code)] = (verdict, reason[0] if reason else "")
    return labels


def report(data_dir: Path) -> None:
    """Print per-suite counts by code and, with labels, per-rule precision."""
    findings = _load_findings(data_dir)
    labels = _load_labels()
    codes = sorted({c for rows in findings.values() for _, _, c in rows})
    print("suite".ljust(40), " ".join(c.rjust(7) for c in codes), "  total")
    for suite, rows in findings.items():
        cnt = Counter(c for _, _, c in rows)
        print(suite.ljust(40), " ".join(str(cnt.get(c, 0)).rjust(7) for c in codes), str(len(rows)).rjust(7))
    total = Counter(c for rows in findings.values() for _, _, c in rows)
    print("TOTAL".ljust(40), " ".join(str(total.get(c, 0)).rjust(7) for c in codes), str(sum(total.values())).rjust(7))
    if not labels:
        return
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    unlabelled = []
    for suite, rows in findings.items():
        for rel, line, code in rows:
            lab = labels.get((suite, rel, line, code))
            if lab is None:
                unlabelled.append((suite, rel, line, code))
                per_rule[code]["unlabelled"] += 1
            else:
                per_rule[code][lab[0]] += 1
    print()
    print("rule     true benign false unlabelled  precision")
    allc: Counter[str] = Counter()
    for code in sorted(per_rule):
        c = per_rule[code]
        allc.update(c)
        _prec_line(code, c)
    _prec_line("ALL", allc)
    if unlabelled:
        print(f"\nunlabelled ({len(unlabelled)}):")
        for u in unlabelled:
            print("  ", *u, sep="\t")


def _prec_line(code: str, c: Counter[str]) -> None:
    """true and benign both count as correct: the pattern the rule names is really there."""
    labelled = c["true"] + c["benign"] + c["false"]
    prec = f"{(c['true'] + c['benign']) / labelled:.0%}" if labelled else "-"
    print(f"{code:8} {c['true']:4} {c['benign']:6} {c['false']:5} {c['unlabelled']:10}  {prec:>9}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["fetch", "run", "report"])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()
    {"fetch": fetch, "run": run, "report": report}[args.cmd](args.dir)


if __name__ == "__main__":
    main()
