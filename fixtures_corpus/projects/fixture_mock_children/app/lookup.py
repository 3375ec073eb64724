"""Looks a device up through a service-info object: one awaited request, one plain call."""


async def lookup(info, name):
    if not await info.async_request(name, 3000):
        return None
    addresses = info.parsed_addresses(4)
    info.announce(name)
    return addresses[0] if addresses else None


def forget(info):
    """Closes the info object but forgets the await (the bug the positives hide)."""
    info.async_close()
