"""The package's attribute ``cache`` is the shared instance, not the submodule ``cache``."""

from .cache import Cache, cache
from .settings import settings

__all__ = ["Cache", "cache", "settings"]
