"""The await family: coroutines created and then dropped or misused.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "await"  # what ``asynclint rules`` and the rule pages call the family
