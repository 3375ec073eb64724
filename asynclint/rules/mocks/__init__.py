"""The mock family: synchronous mocks standing in for async callables.

One module per rule; the registry finds the rules by walking this package."""
