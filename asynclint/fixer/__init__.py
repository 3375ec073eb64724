"""Applying fixes: non-overlapping edits, merged imports, re-parse and re-lint to a fixed point.

The package re-exports nothing: the linter uses ``fixer.imports`` (import edits travel with
each finding) and ``fixer.fixer`` uses the linter, so importing the package must not import
``fixer.fixer``. Import from the modules: ``asynclint.fixer.fixer.fix_files``.
"""
