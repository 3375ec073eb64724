async def seed(count: int) -> int:
    return count
