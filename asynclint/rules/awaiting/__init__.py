"""The await family: coroutines created and then dropped or misused.

One module per rule; the registry finds the rules by walking this package."""
