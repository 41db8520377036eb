"""Read input documents, refusing bad input with a one-line reason.

Every problem is raised as :class:`InputError`, whose message names the input
and the problem, so the CLI can report it and carry on with the other inputs.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportedly.model import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
_SNIFF_BYTES = 8192


class InputError(Exception):
    """An input that cannot be read as a text document."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


def doc_id_for(name: str) -> str:
    """The document id of an input: its file name without extension (``stdin`` for ``-``)."""
    return "stdin" if name == STDIN else Path(name).stem


def refuse_binary(name: str, data: bytes, kind: str) -> None:
    """Raise InputError if ``data`` opens with NUL bytes: an image or archive, not ``kind``."""
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(name, f"binary data (NUL bytes), not {kind}")


def decode_text(name: str, data: bytes) -> str:
    """Decode ``data`` as UTF-8 text exactly as read (no newline or Unicode normalisation)."""
    if not data:
        raise InputError(name, "empty input")
    refuse_binary(name, data, "a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if not text.strip():
        raise InputError(name, "no text (only whitespace)")
    return text


def _read_limited(name: str, stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, _too_large(max_bytes, None))
    return data


def _too_large(max_bytes: int, size: int | None) -> str:
    limit = f"{max_bytes / 1_048_576:.0f} MB"
    actual = f" ({size / 1_048_576:.1f} MB)" if size is not None else ""
    return f"too large{actual}: the limit is {limit}, raise it with --max-size"


def read_bytes(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one input (a file path, or ``-`` for stdin), refused if too large."""
    if name == STDIN:
        return _read_limited(name, sys.stdin.buffer, max_bytes)
    path = Path(name)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory, not a file (pass the files inside it)")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(name, _too_large(max_bytes, size))
    try:
        with path.open("rb") as stream:
            return _read_limited(name, stream, max_bytes)
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror})") from None


def read_document(
    name: str,
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one input (a file path, or ``-`` for stdin) as a :class:`Document`."""
    data = read_bytes(name, max_bytes)
    return Document(doc_id=doc_id_for(name), text=decode_text(name, data), published=published)
