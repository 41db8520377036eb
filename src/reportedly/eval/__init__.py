"""Scoring the extractors against gold corpora."""


class GoldError(ValueError):
    """Gold data that cannot be scored against (a malformed line, a folder with no articles):
    the data's fault, said in one line naming the file. Any other exception is a bug."""
