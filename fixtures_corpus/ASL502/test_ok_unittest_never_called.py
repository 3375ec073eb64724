"""unittest's equality assertion of a zero call count is "never called": stricter than awaited."""
import unittest
from unittest.mock import AsyncMock, patch


async def fetch():
    return 1


class TestNeverCalled(unittest.IsolatedAsyncioTestCase):
    async def test_no_retry(self):
        with patch(f"{__name__}.fetch", new_callable=AsyncMock) as mock_fetch:
            self.assertEqual(mock_fetch.call_count, 0)
            self.assertEqual(0, mock_fetch.call_count)
            assert mock_fetch.call_count == 0
