"""``pytestmark.append(...)``, even under a condition, leaves the marks unknown: stay silent."""
import asyncio
import sys

import pytest

pytestmark = [pytest.mark.slow]
if sys.version_info >= (3, 8):
    pytestmark.append(pytest.mark.asyncio)


async def test_module_function():
    await asyncio.sleep(0)
