import unittest

import pytest


class AsyncBase:
    pytestmark = pytest.mark.asyncio


@pytest.mark.asyncio
class DecoratedBase:
    pass


class PlainBase:
    pass


class CaseBase(unittest.TestCase):
    def setUp(self):
        self.ready = True


class HarnessCase(unittest.TestCase):
    def run(self, result=None):
        # A home-made harness may run coroutine methods: not reported.
        return super().run(result)
