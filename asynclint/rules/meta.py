"""Meta findings about the file itself rather than its tests."""

from __future__ import annotations

from typing import Iterator

from asynclint.rules.base import FileContext, Finding, Rule


class SyntaxErrorRule(Rule):
    """
    ## What it does
    Reports a file that cannot be parsed, at the place the parser stopped.

    ## Why is this bad?
    pytest cannot import the file, so none of its tests run; asynclint cannot
    check it either. A run never stops at such a file: it is one finding among
    the others.

    ## Example
    ```python
    def test_broken(:
        pass
    ```

    ## Use instead
    ```python
    def test_broken():
        pass
    ```

    ## Fix safety
    No automatic fix.

    ## pytest-asyncio versions
    Not applicable.

    ## References
    - Python docs: "Errors and Exceptions — Syntax Errors".
    """

    code = "ASL000"
    name = "syntax-error"
    family = "meta"
    summary = "the file cannot be parsed"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        return iter(())  # produced by the engine when parsing fails


RULES = (SyntaxErrorRule,)
