"""Pure functions from definitions and sheets to results: no files, no printing."""
