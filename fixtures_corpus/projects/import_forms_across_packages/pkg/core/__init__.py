from .jobs import *  # noqa: F403
