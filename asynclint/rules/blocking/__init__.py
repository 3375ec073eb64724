"""The blocking family: calls that stop the event loop inside coroutine tests.

One module per rule; the registry finds the rules by walking this package."""

FAMILY = "blocking"  # what ``asynclint rules`` and the rule pages call the family
