"""The mock family: synchronous mocks standing in for async callables.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "mock"  # what ``asynclint rules`` and the rule pages call the family
