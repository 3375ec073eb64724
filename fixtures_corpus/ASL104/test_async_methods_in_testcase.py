import asyncio
import unittest
from unittest import TestCase


class TestDirect(unittest.TestCase):
    async def test_fails_but_passes(self):  # error: ASL104
        await asyncio.sleep(0)
        self.fail("never reached")

    def test_sync_method(self):
        self.assertTrue(True)

    async def helper(self):
        return 1


class TestImportedByName(TestCase):
    async def test_imported_base(self):  # error: ASL104
        self.fail("never reached")


class Base(unittest.TestCase):
    def setUp(self):
        self.value = 1


class TestInheritsTestCase(Base):
    async def test_through_a_base(self):  # error: ASL104
        self.assertEqual(self.value, 2)

    async def testCamelCase(self):  # error: ASL104
        self.fail("never reached")
