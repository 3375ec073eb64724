# Identical to twin_fetch_async/tests/test_twin.py but without marks: the verdict depends on
# which project's `app` package the imports resolve to.
from unittest.mock import Mock, patch

import pytest

from app import service
from app.service import fetch


def test_discarded_call():
    fetch("answer")


def test_value_use():
    assert fetch("answer")


@pytest.mark.asyncio
async def test_patched():
    with patch("app.service.fetch", new=Mock(return_value=7)):
        assert await service.answer() == 7
