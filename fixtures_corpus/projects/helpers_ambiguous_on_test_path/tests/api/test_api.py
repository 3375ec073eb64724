"""Two test folders each hold a `helpers` module: which one `import helpers` finds depends on
the order pytest imports the folders (the first one stays on sys.path), so asynclint reads
neither and stays silent."""

from helpers import seed


def test_seed():
    seed(1)
