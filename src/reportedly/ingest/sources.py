"""Turn what users have (text files, HTML pages, JSON Lines, folders of them) into articles.

Each input yields :class:`~reportedly.model.Article` objects, or an :class:`InputError`
naming the input (and line) and the problem, so one bad record never stops the rest.
JSON Lines files are streamed line by line: a file of any size is never held whole.
Live blog pages come out as one article whose ``posts`` are articles of their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from reportedly.ingest.liveblog import post_time, split_posts
from reportedly.ingest.read import (
    DEFAULT_MAX_BYTES,
    InputError,
    decode_text,
    doc_id_for,
    read_bytes,
    refuse_binary,
)
from reportedly.model import Article, Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MIN_ARTICLE_WORDS = 8
JSON_FIELDS = ("text", "title", "url", "outlet", "published", "language", "id")


def input_files(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files to read: named files as they are, folders searched recursively (in name
    order) for the kinds of file ingest reads."""
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            yield name
            continue
        found = sorted(
            str(inner)
            for inner in path.rglob("*")
            if inner.is_file() and inner.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
        )
        if not found:
            yield InputError(name, "folder holds no .txt, .html or .jsonl files")
        yield from found


def read_articles(
    paths: Iterable[str], published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Every article in ``paths``; ``published`` dates those that carry no date of their own."""
    for name in input_files(paths):
        if isinstance(name, InputError):
            yield name
            continue
        suffix = Path(name).suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from _json_lines(name, published, max_bytes)
                continue
            data = read_bytes(name, max_bytes)
            if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(data)):
                yield _with_posts(_html_article(name, data, published))
            else:
                yield _with_posts(
                    Article(Document(doc_id_for(name), decode_text(name, data), published), name)
                )
        except InputError as error:
            yield error


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower()


def _html_article(name: str, data: bytes, published: date | None) -> Article:
    """The main text and metadata of an HTML page (trafilatura)."""
    import trafilatura  # imported here: it takes a second, and only HTML needs it

    refuse_binary(name, data, "an HTML page")
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
    day = _iso_date(page.date) or published
    return Article(
        Document(doc_id_for(name), text, day),
        name,
        title=page.title,
        url=page.url,
        outlet=page.sitename,
        language=page.language,
    )


def _json_lines(name: str, published: date | None, max_bytes: int) -> Iterator[Article | InputError]:
    path = Path(name)
    if not path.exists():
        yield InputError(name, "no such file")
        return
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            try:
                yield _with_posts(_record_article(where, raw, published, max_bytes))
            except InputError as error:
                yield error


def _record_article(where: str, raw: bytes, published: date | None, max_bytes: int) -> Article:
    if len(raw) > max_bytes:
        raise InputError(where, f"record too large ({len(raw) / 1_048_576:.1f} MB)")
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
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no 'text' field with text in it")
    for field in JSON_FIELDS[1:]:
        if record.get(field) is not None and not isinstance(record[field], str):
            raise InputError(where, f"'{field}' must be a string")
    day = published
    if record.get("published"):
        day = _iso_date(record["published"])
        if day is None:
            raise InputError(where, f"'published' is not an ISO date: {record['published']!r}")
    return Article(
        Document(record.get("id") or where.rsplit("/", 1)[-1], text, day),
        where,
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        language=record.get("language"),
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _with_posts(article: Article) -> Article:
    """A live blog page with its posts as articles; other articles unchanged."""
    page = article.document
    for number, post in enumerate(split_posts(page.text), start=1):
        article.posts.append(
            Article(
                Document(f"{page.doc_id}#{number}", page.text[post.start : post.end], page.published),
                f"{article.source}#{number}",
                title=article.title,
                url=article.url,
                outlet=article.outlet,
                language=article.language,
                posted=post_time(page.published, post.time),
            )
        )
    return article
