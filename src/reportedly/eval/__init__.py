"""Scoring the extractors against gold corpora."""


class GoldError(ValueError):
    """Gold data that cannot be scored against (a malformed line, a folder with no articles):
    the data's fault, said in one line naming the file. Any other exception is a bug."""


# A gold file scored in two parts: rules are tuned on one and checked on the other.
PARTS = ("tune", "check", "all")


def check_part(part: str) -> None:
    """Raise ValueError unless ``part`` is one of PARTS."""
    if part not in PARTS:
        raise ValueError(f"part: one of {', '.join(PARTS)}, not {part!r}")
