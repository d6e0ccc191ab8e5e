"""What every loader shares: LoadProblem, article ids, byte checks, text clean-up and Article assembly."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ingest.dates import normalize_date, published_instant
from rag.core.types import Article

MAX_TITLE_LINE = 200  # a first line longer than this is a paragraph, not a title
# Characters of text per article (~500 pages): more is a book or a data dump, whose thousands of chunks would hold
# ingest for a long time; the file is refused with this limit named instead.
MAX_ARTICLE_CHARS = 2_000_000
_NONE_WORDS = {"", "none", "null", "nan", "n/a", "unknown"}
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t\f\v]*\n)+")
_SPACES = re.compile(r"\s+")


@dataclass
class LoadProblem:
    """Why an input (or one record of it) was not loaded (`fatal`) or was loaded with a caveat (not `fatal`)."""

    path: str  # the file (":LINE" for a JSONL line, "#N" for the N-th record of a .json array) or URL
    error: str  # what is wrong and what to do
    fatal: bool = True
    skipped: str = ""  # set (to the file's kind, e.g. ".jpg") for a file in a folder that cannot be an article


class InputError(Exception):
    """Raised inside a loader for a whole-input failure; `load()` turns it into a fatal LoadProblem."""


# Loaders yield (label, Article) so that load() can name the exact record ("file#3") in duplicate reports.
Loaded = Iterator["tuple[str, Article] | LoadProblem"]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop the #fragment: the same page always gets the same id."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def article_id(url: str, origin: str, key: str = "") -> str:
    """Stable 16-hex id: from the URL when there is one (so re-ingesting from anywhere keeps it), else origin+key."""
    url = (url or "").strip()
    basis = f"url\0{canonical_url(url)}" if url else f"origin\0{origin}\0{key}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def check_bytes(data: bytes, label: str = "file") -> None:
    """Refuse empty and binary content with a message saying what to do."""
    if not data.strip():
        raise InputError(f"{label} is empty: add the article text or remove the {label}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{label} is UTF-16 encoded: re-save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            f"{label} looks binary (NUL byte at byte offset {nul}): only text, HTML, JSON, JSONL and PDF files "
            "can be loaded"
        )


def decode_utf8(data: bytes, what: str = "file", offset: int = 0, line: int = 1) -> str:
    """Strict UTF-8 (a BOM is dropped); the error names the byte offset and line so the bad byte can be found.

    `offset`/`line` place `data` inside its file when it is one line of it (JSONL).
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at_line = line + data.count(b"\n", 0, exc.start)
        raise InputError(
            f"{what} is not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {offset + exc.start} "
            f"(line {at_line}); re-save it as UTF-8 (it may be Latin-1 or Windows-1252)"
        ) from None


def clean_text(text: str) -> str:
    """NFC, newlines as \\n, leading/trailing blank lines removed; nothing else changes, so quotes stay verbatim."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _LEADING_BLANK_LINES.sub("", text).rstrip()


def clean_field(value: object) -> str:
    """A metadata value as one line of plain text; None, "None", "null"... become "" (real data has them)."""
    if value is None or isinstance(value, (dict, bool)):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(v for v in (clean_field(x) for x in value) if v)
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()
    return "" if text.lower() in _NONE_WORDS else text


def first_line_title(text: str) -> str:
    """The first non-blank line (markdown '#' marks dropped) when short enough to be a title, else ""."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= MAX_TITLE_LINE else ""
    return ""


def build(
    *,
    text: str,
    label: str,
    origin: str,
    title: object = "",
    source: object = "",
    author: object = "",
    date: object = None,
    url: object = "",
    key: str = "",
    fallback_title: str = "",
    title_fix: str = "",
    date_fix: str = "",
) -> Loaded:
    """Yield (label, Article), preceded by non-fatal warnings for a missing title or date; fatal if the text is empty.

    `fallback_title` is used (with a warning) when there is no title and the first line is too long to be one;
    `title_fix`/`date_fix` tell the user where the missing value would go (e.g. "add `title:` to the front matter").
    """
    text = clean_text(text)
    if not text.strip():
        yield LoadProblem(label, "no article text: the body is empty; add the text or remove this article")
        return
    if len(text) > MAX_ARTICLE_CHARS:
        yield LoadProblem(
            label,
            f"the article text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,}-character "
            "limit per article: split it into articles",
        )
        return
    final_title = clean_field(title)
    if not final_title:
        line = first_line_title(text)
        final_title = line or clean_field(fallback_title) or "(untitled)"
        used = "its first line" if line else f"'{final_title}'"
        message = f"no title found; using {used} as the title" + (f"; {title_fix}" if title_fix else "")
        yield LoadProblem(label, message, fatal=False)
    published_at, published_ts = normalize_date(date)  # type: ignore[arg-type]  # never raises on odd types
    if not published_at:
        shown = clean_field(date)
        why = f"date '{shown[:60]}' is not a full date (year, month, day)" if shown else "no publication date"
        yield LoadProblem(
            label,
            f"{why}; the article is loaded but date filters (--since/--until) will skip it"
            + (f"; {date_fix}" if date_fix else ""),
            fatal=False,
        )
    final_url = clean_field(url)
    yield (
        label,
        Article(
            id=article_id(final_url, origin, key),
            title=final_title,
            text=text,
            source=clean_field(source),
            author=clean_field(author),
            published_at=published_at,
            published_ts=published_ts,
            url=final_url,
            origin=origin,
            published_instant=published_instant(date),  # type: ignore[arg-type]
        ),
    )
