from .service import fetch

__all__ = ["fetch"]
