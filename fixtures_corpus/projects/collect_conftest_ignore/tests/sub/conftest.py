# The nearest conftest defining collect_ignore_glob decides: this empty list re-admits *_nightly.py here.
collect_ignore_glob = []
