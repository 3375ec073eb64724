import asyncio
import inspect


async def main():
    return 1


def test_main_is_a_coroutine_function():
    assert inspect.iscoroutinefunction(main)


if __name__ == "__main__":
    # Module-level script code is not test code.
    asyncio.run(main())
