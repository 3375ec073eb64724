# Not collected: 'venv' matches the default norecursedirs pattern 'venv'.
# Linted, the unmarked async test would be ASL101: no mark, so linting it fails the corpus test.
import asyncio


async def test_would_be_flagged():
    await asyncio.sleep(0)
