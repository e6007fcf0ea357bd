"""Command-line entry points. Each command group lives in its own module with `register()`."""
