"""Turn what users have (text files, HTML pages, JSON Lines, folders of them) into articles.

Each input yields :class:`~reportedly.model.Article` objects, or an :class:`InputError`
naming the input (and line) and the problem, so one bad record never stops the rest.
JSON Lines files are streamed line by line: a file of any size is never held whole.
Live blog pages come out as one article whose ``posts`` are articles of their own.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportedly.ingest.dates import Listing, date_in_header, iso_date, listing_for, publication_date
from reportedly.ingest.liveblog import split_posts
from reportedly.ingest.read import (
    DEFAULT_MAX_BYTES,
    InputError,
    check_strings,
    decode_text,
    doc_id_for,
    read_bytes,
    refuse_binary,
    regular_file,
)
from reportedly.model import Article, Document, post_time
from reportedly.store.database import record_source, source_path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MIN_ARTICLE_WORDS = 8
JSON_FIELDS = ("text", "title", "url", "outlet", "published", "language", "id")
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_READABLE = ".txt, .html or .jsonl"
# libxml2, which parses HTML for trafilatura, stops at elements nested deeper than 256 and
# loses the rest of the page: a page whose divs nest deeper is read without its div tags
# (a page of 100,000 nested divs around its article kept nothing).
MAX_HTML_DEPTH = 200
_DIV_TAG = re.compile(rb"<(/?)div\b[^>]*>", re.IGNORECASE)
# What is read at once of a JSON Lines record too large to keep, to find where it ends.
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Ignored:
    """A file in a folder that ingest does not read, and why."""

    name: str
    why: str

    def __str__(self) -> str:
        return f"{self.name}: {self.why}"


def input_files(paths: Iterable[str]) -> Iterator[str | InputError | Ignored]:
    """The files to read: named files as they are, folders searched recursively (in name
    order) for the kinds of file ingest reads. A folder that cannot be listed is an error;
    a file of another kind is ignored, and said so."""
    for name in paths:
        if not Path(name).is_dir():
            yield name
            continue
        found: list[str] = []
        ignored: list[Ignored] = []
        errors: list[InputError] = []
        for entry in _folder_files(Path(name), errors):
            if entry.suffix.lower() not in READABLE_SUFFIXES:
                ignored.append(Ignored(str(entry), f"not a kind of file ingest reads ({_READABLE})"))
            else:
                found.append(str(entry))
        if not found and not errors:
            yield InputError(name, f"folder holds no {_READABLE} files")
        yield from errors
        yield from sorted(found)
        yield from sorted(ignored, key=lambda item: item.name)


def _folder_files(folder: Path, errors: list[InputError]) -> Iterator[Path]:
    """Every entry of ``folder`` and its subfolders that is not a folder (pipes too: reading
    them is refused, not skipped); a folder that cannot be listed is added to ``errors``."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as error:
        errors.append(InputError(str(folder), f"cannot read the folder ({error.strerror})"))
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # as rglob: a link to a folder could loop
            yield from _folder_files(Path(entry.path), errors)
        else:
            yield Path(entry.path)


def read_articles(
    paths: Iterable[str],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    listings: dict[str, Listing] | None = None,
) -> Iterator[Article | InputError | Ignored]:
    """Every article in ``paths``. Its date: the one ``listings`` (a sidecar file) gives its
    file, else its own, else its file name's, else ``published`` (see :mod:`dates`)."""
    for name in input_files(paths):
        if isinstance(name, InputError | Ignored):
            yield name
            continue
        suffix = Path(name).suffix.lower()
        listing = listing_for(name, listings or {})
        try:
            if suffix in JSONL_SUFFIXES:
                yield from _json_lines(name, published, max_bytes)
                continue
            data = read_bytes(name, max_bytes)
            if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(data)):
                article = _html_article(name, data)
            else:
                text = decode_text(name, data)
                article = Article(Document(doc_id_for(name), text, date_in_header(text)), source_path(name))
            article.written_source = name
            day = publication_date(name, article.document.published, listing, published)
            yield with_posts(_listed(article, day, listing))
        except InputError as error:
            yield error


def _listed(article: Article, day: date | None, listing: Listing | None) -> Article:
    """The article on ``day``, with what a sidecar row says about it over what it says itself."""
    article.document.published = day
    if listing is not None:
        article.outlet = listing.outlet or article.outlet
        article.url = listing.url or article.url
        article.title = listing.title or article.title
    return article


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower()


def _html_article(name: str, data: bytes) -> Article:
    """The main text and metadata (its date too) of an HTML page (trafilatura)."""
    import trafilatura  # imported here: it takes a second, and only HTML needs it

    refuse_binary(name, data, "an HTML page")
    if _div_depth(data) > MAX_HTML_DEPTH:
        data = _DIV_TAG.sub(b" ", data)
    try:
        page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except (ValueError, TypeError) as error:
        raise InputError(name, f"cannot parse the HTML ({error})") from None
    text = page.text if page is not None else None
    # What is left of a page without an article is a menu item or two ("Home").
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            name, "no article text found in the HTML page (navigation, scripts or an empty body)"
        )
    # trafilatura separates paragraphs with single line breaks; the pipeline reads blank
    # lines as paragraph breaks (floating quotes run paragraph to paragraph).
    text = "\n\n".join(line for line in text.splitlines() if line.strip()) + "\n"
    return Article(
        Document(doc_id_for(name), text, iso_date(page.date)),
        source_path(name),
        title=page.title,
        url=page.url,
        outlet=page.sitename,
        language=page.language,
    )


def _div_depth(data: bytes) -> int:
    """How deep the div elements of an HTML page nest."""
    depth = deepest = 0
    for tag in _DIV_TAG.finditer(data):
        depth = max(depth - 1, 0) if tag.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _json_lines(name: str, published: date | None, max_bytes: int) -> Iterator[Article | InputError]:
    regular_file(name)  # a pipe would be waited on forever
    path = source_path(name)
    try:
        with Path(name).open("rb") as stream:
            for number, raw in enumerate(_lines(stream, max_bytes), start=1):
                where = f"{name}:{number}"
                if isinstance(raw, int):
                    yield InputError(where, f"record too large ({raw / 1_048_576:.1f} MB)")
                    continue
                if not raw.strip():
                    continue
                try:
                    yield with_posts(_record_article(where, raw, published, path, number))
                except InputError as error:
                    yield error
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror})") from None


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """Each line of ``stream``, or the size of a line longer than ``max_bytes``, which is
    counted as it is read, never held (a file of zeros has one endless line)."""
    while raw := stream.readline(max_bytes + 1):
        if len(raw) <= max_bytes:
            yield raw
            continue
        size = len(raw)
        while not raw.endswith(b"\n") and (raw := stream.readline(READ_CHUNK)):
            size += len(raw)
        yield size


def _record_article(where: str, raw: bytes, published: date | None, path: str, number: int) -> Article:
    """The record on line ``number`` of the JSON Lines file of source ``path``."""
    try:
        record: Any = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(
            where, f"malformed JSON ({error.msg.removesuffix(' at')}, column {error.colno})"
        ) from None
    except UnicodeDecodeError as error:
        raise InputError(
            where, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
        ) from None
    if not isinstance(record, dict):
        raise InputError(where, "a record must be a JSON object with a 'text' field")
    return record_article(where, record, published, path, number)


def record_article(
    where: str, record: dict[str, Any], published: date | None, path: str, number: int
) -> Article:
    """The article of a record (the fields of a JSON Lines record: text, title, url, outlet,
    published, language, id) at ``where`` (record ``number`` of source ``path``), checked as
    a JSON Lines record is; a live blog's posts are not split yet (``with_posts``)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no 'text' field with text in it")
    check_strings(where, record, JSON_FIELDS)
    day = published
    if record.get("published"):
        day = iso_date(record["published"])
        if day is None:
            raise InputError(where, f"'published' is not an ISO date: {record['published']!r}")
    return Article(
        Document(record.get("id") or where.rsplit("/", 1)[-1], text, day),
        record_source(path, number, record.get("id"), record.get("url")),
        written_source=where,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        language=record.get("language"),
    )


def with_posts(article: Article) -> Article:
    """A live blog page with its posts as articles (each document naming its page and where
    it starts in it); other articles unchanged. ``extract`` and ``ingest`` both split here."""
    page = article.document
    for number, post in enumerate(split_posts(page.text), start=1):
        document = Document(
            f"{page.doc_id}#{number}",
            page.text[post.start : post.end],
            page.published,
            page=page.doc_id,
            page_offset=post.start,
            posted=post_time(page.published, post.time),
        )
        article.posts.append(
            Article(
                document,
                f"{article.source}#{number}",
                title=article.title,
                url=article.url,
                outlet=article.outlet,
                language=article.language,
            )
        )
    return article


def posted_article(raw: bytes, published: date | None = None) -> Article:
    """A JSON object posted to the server's ingest (the fields of a JSON Lines record: text,
    title, url, outlet, published, id), read as one such record; its source is ``api`` and its
    id, else url. A record that is not one raises InputError."""
    return with_posts(_record_article(POSTED_SOURCE, raw, published, POSTED_SOURCE, 1))


# The source of articles posted to the server (``posted_article``), as a file's path is a file's.
POSTED_SOURCE = "api"
