class Response:
    status = 200

    def json(self):
        return {"ok": True}


async def get():
    return Response()


async def rows():
    return [1, 2, 3]


def test_subscript():
    first = rows()[0]  # error: ASL202
    assert first == 1


def test_attribute():
    assert get().status == 200  # error: ASL202


def test_method_on_result():
    body = get().json()  # error: ASL202
    assert body["ok"]
