import asyncio


async def notify(order):
    await asyncio.sleep(0)


class OrderClient:
    async def fetch(self, order_id):
        await asyncio.sleep(0)
        order = {"id": order_id, "status": "paid"}
        await notify(order)
        return order

    async def cancel(self, order_id):
        await asyncio.sleep(0)
        return True
