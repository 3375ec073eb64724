from app.db import SESSION

__all__ = ["SESSION"]
