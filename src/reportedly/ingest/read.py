"""Read input documents, refusing bad input with a one-line reason.

Every problem is raised as :class:`InputError`, whose message names the input
and the problem, so the CLI can report it and carry on with the other inputs.
"""

from __future__ import annotations

import codecs
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
# A byte order mark names the encoding of a text; without one, text is UTF-8.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What no text the pipeline reads may hold: NUL (binary data) and lone surrogates, which
# JSON escapes ("\ud800") can make but no encoding can write.
_UNUSABLE_CHARACTER = re.compile(r"[\x00\ud800-\udfff]")


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
    """Raise InputError if ``data`` holds a NUL byte anywhere: an image or archive, not ``kind``."""
    if b"\x00" in data:
        raise InputError(name, f"binary data (NUL bytes), not {kind}")


def unusable_character(text: str) -> str | None:
    """Why ``text`` cannot be processed, naming the first bad character and its offset, or None.

    A NUL is binary data; a lone surrogate ("\\ud800" in JSON) is no character at all, and
    neither the parser nor the store can encode it."""
    match = _UNUSABLE_CHARACTER.search(text)
    if match is None:
        return None
    what = "a NUL character" if match.group() == "\x00" else f"a lone surrogate (U+{ord(match.group()):04X})"
    return f"{what} at offset {match.start()}"


def check_strings(where: str, record: dict[str, Any], fields: Iterable[str]) -> None:
    """Raise InputError unless each of ``fields`` the record has is a string of usable characters."""
    for field in fields:
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(where, f"'{field}' must be a string")
        if problem := unusable_character(value):
            raise InputError(where, f"'{field}' holds {problem}")


def encoding_of(data: bytes) -> tuple[str, int]:
    """The encoding a byte order mark names (UTF-8, UTF-16 LE or BE), else UTF-8, and the
    length of the mark."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding, len(mark)
    return "utf-8", 0


def decode_text(name: str, data: bytes) -> str:
    """Decode ``data`` as text exactly as read (no newline or Unicode normalisation): UTF-8,
    or UTF-8 or UTF-16 (LE or BE) with a byte order mark, which is not part of the text.
    Offsets into the text are character offsets from its first character after the mark."""
    if not data:
        raise InputError(name, "empty input")
    encoding, mark = encoding_of(data)
    try:
        text = data[mark:].decode(encoding)
    except UnicodeDecodeError as error:
        if not mark:  # bytes that are not text and hold a NUL: an image or an archive
            refuse_binary(name, data, "a text document")
        offset = mark + error.start
        raise InputError(
            name, f"not valid {encoding.upper()} (byte 0x{data[offset]:02x} at offset {offset})"
        ) from None
    # Characters, not bytes: UTF-16 text holds NUL bytes, and a NUL anywhere is refused alike.
    if problem := unusable_character(text):
        raise InputError(name, f"{problem}: not a text document")
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


def regular_file(name: str) -> int:
    """The size of the regular file ``name``; anything else (missing, a directory, a pipe, a
    socket or a device) raises InputError: reading a pipe could wait forever."""
    try:
        status = Path(name).stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(name, "is a directory, not a file (pass the files inside it)")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(name, "not a regular file (a pipe, socket or device): save it to a file first")
    return status.st_size


def read_bytes(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one input (a regular file, or ``-`` for stdin), refused if too large."""
    if name == STDIN:
        return _read_limited(name, sys.stdin.buffer, max_bytes)
    size = regular_file(name)
    if size > max_bytes:
        raise InputError(name, _too_large(max_bytes, size))
    try:
        with Path(name).open("rb") as stream:
            return _read_limited(name, stream, max_bytes)
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror})") from None
