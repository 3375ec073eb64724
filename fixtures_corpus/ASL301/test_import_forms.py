import time as t
from time import sleep
from time import sleep as pause

import pytest


@pytest.mark.asyncio
async def test_from_import():
    sleep(0)  # error: ASL301


@pytest.mark.asyncio
async def test_module_alias():
    t.sleep(0)  # error: ASL301


@pytest.mark.asyncio
async def test_name_alias():
    pause(0)  # error: ASL301
