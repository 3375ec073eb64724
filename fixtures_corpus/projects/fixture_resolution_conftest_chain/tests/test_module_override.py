import pytest


@pytest.fixture
def db():
    return "module db"


def test_module_fixture_wins(db):
    assert db == "module db"


class TestClassFixtureWins:
    @pytest.fixture
    def session(self):
        return "class session"

    def test_session(self, session):
        assert session == "class session"
