"""Scoring the extractors against gold corpora."""

import hashlib


class GoldError(ValueError):
    """Gold data that cannot be scored against (a malformed line, a folder with no articles):
    the data's fault, said in one line naming the file. Any other exception is a bug."""


# A gold file scored in two parts: rules are tuned on one and checked on the other.
PARTS = ("tune", "check", "all")


def check_part(part: str) -> None:
    """Raise ValueError unless ``part`` is one of PARTS."""
    if part not in PARTS:
        raise ValueError(f"part: one of {', '.join(PARTS)}, not {part!r}")


def in_part(key: str, part: str) -> bool:
    """Whether the record or article named ``key`` is in ``part``: the first byte of its
    name's SHA-1 decides, so an item stays in its part when others are added."""
    check_part(part)
    return part == "all" or (hashlib.sha1(key.encode("utf-8")).digest()[0] < 128) == (part == "tune")
