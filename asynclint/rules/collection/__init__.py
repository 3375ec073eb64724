"""The collection family: async tests and fixtures that pytest will not run as written.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "collection"  # what ``asynclint rules`` and the rule pages call the family
