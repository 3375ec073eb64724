"""The annotation of ``send`` says ``Response``; a test that passes a subclass overriding
``read`` with a plain ``def`` gets that subclass (aiohttp's ``response_class=``)."""
import pytest
from app.http import Request, Response


@pytest.mark.asyncio
async def test_custom():
    class CustomResponse(Response):
        def read(self):
            return "customized!"

    resp = await Request(response_class=CustomResponse).send()
    assert "customized!" == resp.read()


@pytest.mark.asyncio
async def test_plain():
    resp = await Request().send()
    assert b"" == resp.read()  # error: ASL202
