from app.settings import Settings

__all__ = ["Settings"]
