type Payload = dict[str, int]


async def fetch[T](value: T) -> T:
    return value
