"""The language server (``asynclint server``): diagnostics, fixes and rule docs in editors.

Needs the ``server`` extra (pygls and lsprotocol); nothing else in asynclint imports
this package, so the command line never pays for them.
"""

from asynclint.server.server import AsynclintServer, create_server, explain, serve

__all__ = ["AsynclintServer", "create_server", "explain", "serve"]
