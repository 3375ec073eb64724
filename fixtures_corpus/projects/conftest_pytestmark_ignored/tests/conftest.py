import pytest

pytestmark = [pytest.mark.asyncio]  # error: ASL106
