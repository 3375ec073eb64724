"""Meta findings about the file itself rather than its tests.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "meta"  # what ``asynclint rules`` and the rule pages call the family
