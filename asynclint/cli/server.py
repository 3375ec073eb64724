"""``asynclint server``: the language server for editors."""

from __future__ import annotations

import click

from asynclint.cli.common import fail


@click.command()
@click.option(
    "--stdio", is_flag=True, help="Talk over stdin/stdout (the only transport; accepted for clients that pass it)."
)
def server(stdio: bool) -> None:
    """Run the language server for editors (LSP over stdin/stdout; needs asynclint[server])."""
    # Imported here on purpose, not at the top: pygls is an optional extra, and a missing
    # extra must be one line that says what to install, not a traceback.
    try:
        from asynclint.server import serve
    except ImportError as exc:
        raise fail(f"the language server needs the server extra: pip install 'asynclint[server]' ({exc})") from None
    serve()
