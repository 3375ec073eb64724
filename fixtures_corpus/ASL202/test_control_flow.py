async def ready():
    return False


async def pending_jobs():
    return ["a", "b"]


def test_if_statement():
    checked = []
    if ready():  # error: ASL202
        checked.append("ready")
    elif pending_jobs():  # error: ASL202
        checked.append("pending")
    assert checked == ["ready"]


def test_while_statement():
    loops = 0
    while ready():  # error: ASL202
        loops += 1
        break
    assert loops == 1


def test_for_statement():
    for job in pending_jobs():  # error: ASL202
        assert job
