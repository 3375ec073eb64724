from .http import Client as Client
from .service import *  # noqa: F403
