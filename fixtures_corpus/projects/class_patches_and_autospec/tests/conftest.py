from unittest.mock import patch

import pytest


@pytest.fixture
def repo_class():
    with patch("app.service.Repo") as repo_cls:
        yield repo_cls
