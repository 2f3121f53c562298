"""Loading: the only code that opens files or runs git."""
