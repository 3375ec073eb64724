from .session import Session, SessionMaker

SessionLocal = SessionMaker("memory://")
