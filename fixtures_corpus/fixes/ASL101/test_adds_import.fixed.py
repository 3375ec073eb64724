#!/usr/bin/env python
"""No pytest import yet: the fix adds one."""
import asyncio
import pytest


@pytest.mark.asyncio
async def test_needs_import():
    await asyncio.sleep(0)
