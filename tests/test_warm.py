"""Warm runs: a result stored by one process is a hit in the next one.

Every asynclint run is a new process with its own string hash seed, so anything a cache
entry records (its key, the project facts it consulted) must not depend on that seed; a
value that does makes every warm run re-lint the file, which no single-process test sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from asynclint.config.settings import load_settings
    from asynclint.engine.discovery import discover
    from asynclint.engine.runner import run

    result = run(discover(["."]), load_settings(Path(".")), cache_dir=Path(sys.argv[1]), jobs=1)
    print(json.dumps({"hits": result.cache_hits, "checked": result.files_checked,
                      "codes": sorted(d.code for d in result.diagnostics)}))
    """
)


def run_in_process(project: Path, cache: Path, seed: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(cache)], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def test_a_warm_run_in_another_process_hits_the_cache(tmp_path: Path) -> None:
    """A suite using several async marks (a set of names in the runner evidence) is served
    from the cache by a process whose hash seed differs from the one that wrote it."""
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "p"\ndependencies = ["pytest-asyncio", "anyio"]\n')
    (project / "tests" / "test_a.py").write_text(
        "import pytest\n\n@pytest.mark.asyncio\nasync def test_a():\n    pass\n\n"
        "@pytest.mark.anyio\nasync def test_b():\n    pass\n\n"
        "@pytest.mark.trio\nasync def test_c():\n    pass\n"
    )
    (project / "tests" / "test_b.py").write_text("import asyncio\n\nasync def test_d():\n    asyncio.sleep(1)\n")
    cache = tmp_path / "cache"
    first = run_in_process(project, cache, "1")
    assert first["hits"] == 0 and first["checked"] == 2
    for seed in ("2", "3", "4"):
        again = run_in_process(project, cache, seed)
        assert again == {**first, "hits": 2}, seed
