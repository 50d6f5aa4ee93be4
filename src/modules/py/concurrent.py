"""The `concurrent` package: its one submodule, `concurrent.futures`, is bound
here as the attribute `futures` when it is imported."""
