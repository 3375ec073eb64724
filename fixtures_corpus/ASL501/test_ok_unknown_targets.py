import os
from unittest.mock import MagicMock, Mock, patch

import pytest


class Settings:
    debug = False


def test_patch_stdlib_function():
    with patch("os.getcwd", new=Mock(return_value="/srv")):
        assert os.getcwd() == "/srv"


def test_patch_object_on_module():
    with patch.object(os.path, "exists", Mock(return_value=True)):
        assert os.path.exists("/nowhere")


def test_patch_plain_attribute():
    with patch.object(Settings, "debug", MagicMock()):
        assert Settings.debug


def test_monkeypatch_plain_attribute(monkeypatch):
    monkeypatch.setattr(Settings, "debug", Mock())
    assert Settings.debug
