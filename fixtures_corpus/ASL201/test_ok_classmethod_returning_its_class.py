"""A classmethod whose type argument is the class it is bound to (`def get(cls: type[T]) -> T`):
no argument of the call names the class, so what it returns is not read from one."""

from typing import TypeVar

import pytest

T = TypeVar("T", bound="Model")


class Model:
    async def save(self) -> None:
        return None

    @classmethod
    async def get(cls: type[T]) -> T:
        return cls()


@pytest.mark.asyncio
async def test_get_and_save():
    item = await Model.get()
    await item.save()
