"""Rendering results as tables, JSON, CSV and Markdown: never computing."""
