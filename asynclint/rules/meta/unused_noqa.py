"""ASL001 unused-noqa: a # noqa code suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, Rule
from asynclint.semantics.context import FileContext, FileFacts


class UnusedNoqaRule(Rule):
    """
    ## What it does
    Reports a `# noqa: ASL…` code that suppresses nothing: its rule is enabled, ran on
    the file, and found nothing on that line. The file-level form
    `# asynclint: noqa: ASL301` is judged the same way, against the whole file.

    Only codes of rules that are enabled for the file are judged: a code of a rule that
    `--select`, `ignore` or `per-file-ignores` turned off, another tool's code (`E501`)
    and a bare `# noqa` are left alone.

    ## Why is this bad?
    A stale suppression hides the next real finding on its line: when the test changes
    and the pitfall comes back, nobody hears of it. It also tells readers that a line
    is an exception when it no longer is.

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_refresh():
        await refresh()  # noqa: ASL201
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_refresh():
        await refresh()
    ```

    ## Fix safety
    Safe: removing a code that suppresses nothing changes no finding. The fix removes
    the unused codes only; when no code is left it removes the directive, and the
    comment when it held nothing else (other words in the comment are kept).

    ## pytest-asyncio versions
    Not applicable.

    ## References
    - ruff's RUF100 (unused-noqa), which this rule follows, and flake8's `# noqa`.
    - Enabled by default, unlike RUF100: asynclint judges only its own enabled codes,
      so a suppression another tool needs is never reported.
    """

    code = "ASL001"
    name = "unused-noqa"
    summary = "a # noqa code suppresses nothing"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE

    @classmethod
    def may_apply(cls, facts: FileFacts) -> bool:
        """The engine itself reports this code, once suppressions are applied (whether or not
        the file was parsed): nothing for libcst to parse on its account."""
        return False

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        return iter(())  # produced by the engine once suppressions are applied
