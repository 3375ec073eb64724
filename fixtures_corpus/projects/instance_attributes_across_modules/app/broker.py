"""A message broker whose objects hold each other in typed attributes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


class Session:
    def __init__(self, client_id: str) -> None:
        self.client_id = client_id
        self.outbox: list[str] = []

    async def publish(self, topic: str) -> None:
        await asyncio.sleep(0)
        self.outbox.append(topic)

    def pending(self) -> int:
        return len(self.outbox)


class Broker:
    def __init__(self, notifier: object = None) -> None:
        self.sessions: dict[str, Session] = {}
        self.standby: list[Session] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.notifier = notifier

    async def connect(self, client_id: str) -> Session:
        session = Session(client_id)
        self.sessions[client_id] = session
        return session

    async def beat(self) -> None:
        await asyncio.sleep(0)


class Gateway:
    async def charge(self, cents: int) -> str:
        await asyncio.sleep(0)
        return "ch_1"

    def fee(self, cents: int) -> int:
        return cents // 100


@dataclass
class Context:
    gateway: Gateway
    broker: Broker = field(default_factory=Broker)


class Billing:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def checkout(self, cents: int) -> str:
        charge = await self.ctx.gateway.charge(cents + self.ctx.gateway.fee(cents))
        return charge


class Protocol:
    async def send(self, query: str) -> None:
        await asyncio.sleep(0)

    def encode(self, query: str) -> bytes:
        return query.encode()
