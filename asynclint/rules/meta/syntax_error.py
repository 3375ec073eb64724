"""ASL000 syntax-error: the file cannot be parsed."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.rules.base import Finding, Rule
from asynclint.semantics.context import FileContext, FileFacts


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
    summary = "the file cannot be parsed"

    @classmethod
    def may_apply(cls, facts: FileFacts) -> bool:
        """The engine itself reports this code, when Python rejects the file (before any parse):
        nothing for libcst to parse on its account."""
        return False

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        return iter(())  # produced by the engine when parsing fails
