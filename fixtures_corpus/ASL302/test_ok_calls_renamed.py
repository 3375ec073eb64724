"""Renamed blocking functions handed to a thread, and partials of functions that do not block."""

import asyncio
import functools
import subprocess
import sys

import pytest

sh = functools.partial(subprocess.run, check=True)
render = functools.partial(str.format, "{}-{}")


@pytest.mark.asyncio
async def test_partial_run_in_a_thread():
    done = await asyncio.to_thread(sh, [sys.executable, "-c", "pass"])
    assert done.returncode == 0


@pytest.mark.asyncio
async def test_partial_of_a_plain_function():
    assert render("a", "b") == "a-b"
    upper = str.upper
    assert upper("x") == "X"


@pytest.mark.asyncio
async def test_name_bound_twice():
    run = subprocess.run
    run = print
    run("not a process")
