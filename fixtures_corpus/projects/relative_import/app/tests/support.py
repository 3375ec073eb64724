# Not a test file and not under a configured test path: indexed, not linted.
async def prepare():
    return "prepared"
