"""Scoring the extractors against gold corpora."""
