# Matches the default python_files pattern *_test.py.
from app.service import fetch


def test_from_suffix_named_file():
    fetch("greeting")  # error: ASL201
