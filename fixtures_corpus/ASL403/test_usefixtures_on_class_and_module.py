import pytest

pytestmark = [pytest.mark.usefixtures("event_loop")]  # error: ASL403


@pytest.mark.usefixtures("tmp_path", "event_loop")  # error: ASL403
class TestDecorated:
    def test_one(self):
        assert True


class TestPytestmark:
    pytestmark = pytest.mark.usefixtures("event_loop")  # error: ASL403

    def test_two(self):
        assert True


@pytest.mark.usefixtures("event_loop")
class HelperNotCollected:
    def test_three(self):
        assert True
