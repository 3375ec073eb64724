# Not runnable on its own: the decorator comes from a module asynclint cannot see,
# so it may turn the test into anything; stay silent.
from company_testing.asyncrunner import async_test


@async_test
async def test_decorated_by_unknown_decorator():
    assert True


@async_test(timeout=5)
async def test_decorated_by_unknown_decorator_factory():
    assert True
