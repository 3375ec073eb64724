"""asynclint: find the pitfalls that make async pytest suites lie."""

__version__ = "0.1.0"
