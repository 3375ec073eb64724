import pytest


class FakeClient:
    def get(self):
        return 200


@pytest.fixture
def client():
    return FakeClient()


def test_method_on_fixture_value(client):
    # The fixture's value is unknown to the linter: silent. (It is sync here.)
    client.get()


def test_call_through_dict():
    handlers = {"ping": lambda: "pong"}
    handlers["ping"]()


def test_call_of_call_result():
    def factory():
        return lambda: None

    factory()()
