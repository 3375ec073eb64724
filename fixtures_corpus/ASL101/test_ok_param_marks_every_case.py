import asyncio

import pytest

CASES = [pytest.param(1, marks=pytest.mark.asyncio), pytest.param(2, marks=pytest.mark.asyncio)]


@pytest.mark.parametrize("n", [pytest.param(1, marks=pytest.mark.asyncio), pytest.param(2, marks=pytest.mark.asyncio)])
async def test_every_case_marked(n):
    await asyncio.sleep(0)


@pytest.mark.parametrize("n", CASES)
async def test_cases_from_a_list(n):
    await asyncio.sleep(0)


@pytest.mark.asyncio
@pytest.mark.parametrize("n", [pytest.param(1, marks=pytest.mark.asyncio), 2])
async def test_the_function_is_marked(n):
    await asyncio.sleep(0)


@pytest.mark.parametrize("n", [pytest.param(1, marks=pytest.mark.skipif(False, reason="never skipped")), 2])
def test_sync_with_case_marks(n):
    assert n


GROWN = [pytest.param(1, marks=pytest.mark.asyncio)]
GROWN.append(pytest.param(2, marks=pytest.mark.asyncio))


@pytest.mark.parametrize("n", GROWN)
async def test_cases_from_a_list_grown_in_place(n):
    await asyncio.sleep(0)
