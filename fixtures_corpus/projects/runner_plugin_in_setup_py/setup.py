from setuptools import setup

TEST_REQUIRES = ["pytest", "pytest-sanic"]

setup(
    name="runner-plugin-in-setup-py",
    version="1.0",
    tests_require=TEST_REQUIRES,
    extras_require={"test": TEST_REQUIRES},
)
