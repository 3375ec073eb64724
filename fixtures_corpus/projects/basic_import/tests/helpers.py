# Under the configured testpaths: linted as test code.
from app.service import fetch


def warm_cache():
    fetch("greeting")  # error: ASL201
