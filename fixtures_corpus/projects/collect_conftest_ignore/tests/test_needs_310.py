# Not collected: collect_ignore.append() under sys.version_info < (3, 10), true on supported 3.9.
# Linted, the unmarked async test would be ASL101: no mark, so linting it fails the corpus test.
import asyncio


async def test_would_be_flagged():
    await asyncio.sleep(0)
