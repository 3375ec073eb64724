# `await` in a plain `def`: only the compiler rejects it; pytest cannot import the module.
import asyncio


def test_sleeps():
    await asyncio.sleep(0)  # error: ASL000
