"""One module per command: each parses nothing, computes nothing, only wires."""
