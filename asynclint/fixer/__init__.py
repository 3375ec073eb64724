"""Applying fixes: non-overlapping edits, merged imports, re-parse and re-lint to a fixed point."""

from asynclint.fixer.fixer import FileFix, FixRun, fix_files, fix_text, is_applicable

__all__ = ["FileFix", "FixRun", "fix_files", "fix_text", "is_applicable"]
