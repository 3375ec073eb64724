"""collect_ignore lists, read statically by asynclint (never imported).

requires-python >= 3.9: a ``sys.version_info`` condition counts when it holds for any of
3.9 and later.
"""
import sys

collect_ignore = ["test_scratch.py"]
if sys.version_info < (3, 10):  # true on 3.9, which the project supports
    collect_ignore.append("test_needs_310.py")
if sys.version_info < (3, 8):  # true on no supported version
    collect_ignore.append("test_old_guard.py")
collect_ignore += ["legacy"]
collect_ignore_glob = ["*_py2*.py"] if sys.version_info[0] < 3 else ["*_nightly.py"]

try:
    import asynclint_corpus_module_that_is_not_installed  # noqa: F401
except ImportError:
    collect_ignore.append("test_optional.py")
