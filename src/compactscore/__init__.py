"""compactscore: score the Compact Scorecard for a Thriving Sector, year after year."""

__version__ = "0.1.0"
