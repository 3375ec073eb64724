# Top-level `await` is valid in the REPL and in `python -m asyncio`, never in a module.
import asyncio

await asyncio.sleep(0)  # error: ASL000
