"""The loop family: event loops created, set or driven by hand in tests.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "loop"  # what ``asynclint rules`` and the rule pages call the family
