import asyncio

import pytest


@pytest.mark.parametrize("n", [pytest.param(1, marks=pytest.mark.asyncio), 2, 3])
async def test_only_the_first_case_marked(n):  # error: ASL101
    await asyncio.sleep(0)


@pytest.mark.parametrize(
    "n",
    [
        pytest.param(1, marks=[pytest.mark.asyncio]),
        pytest.param(2, marks=pytest.mark.skipif(False, reason="never skipped")),
    ],
)
async def test_the_other_case_has_another_mark(n):  # error: ASL101
    await asyncio.sleep(0)


CASES = [pytest.param(1, marks=pytest.mark.asyncio), pytest.param(2, id="unmarked")]


@pytest.mark.parametrize("n", CASES)
async def test_cases_from_a_named_list(n):  # error: ASL101
    await asyncio.sleep(0)
