# Valid code whose literals make Python print SyntaxWarnings: valid, nothing to report,
# and nothing on stderr either.
import re

import pytest

PATTERN = re.compile('\d+')  # an invalid escape sequence: a SyntaxWarning, still valid
NUMBER = [0x1for x in range(2)]  # "invalid hexadecimal literal": a SyntaxWarning


@pytest.mark.asyncio
async def test_pattern():
    assert PATTERN.match('12')
    assert 1if True else 2  # "invalid decimal literal"
