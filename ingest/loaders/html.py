"""HTML pages: the main text only (menus, footers, scripts removed) and its metadata, via trafilatura."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from ingest.loaders.common import InputError, Loaded, build, decode_utf8
from ingest.loaders.hidden import strip_hidden

if TYPE_CHECKING:
    from trafilatura.settings import Document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
MIN_WORDS = 8  # fewer words outside links than this: a menu or index page, not an article
# Publication date as published, not the file's or a last-modified date; no guessing from the page text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass
class PageMeta:
    """What the page itself says about the article (empty strings when it says nothing)."""

    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    site: str = ""  # the site's own name (og:site_name...), "" when only the host name is known
    host: str = ""


def decode_html(data: bytes, charset: str = "") -> str:
    """UTF-8 unless the server or a <meta charset> names another encoding; invalid bytes are an error."""
    declared = charset or ""
    if not declared:
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii", "replace") if found else ""
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            codecs.lookup(declared)
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to UTF-8 and its precise error message
    return decode_utf8(data, "the HTML")


def extract(html: str, url: str = "") -> tuple[str, PageMeta]:
    """(main text, metadata) of a page; text is "" when trafilatura finds no article in it."""
    import trafilatura  # slow import (~0.4-1 s): only when HTML is actually loaded

    html = strip_hidden(html)  # text no reader sees is no part of the article (and where injections hide)
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
        doc = cast("Document | None", extracted)  # a Document, since as_dict is left False
    except RecursionError:
        raise InputError("the HTML is nested too deeply to parse: no article text found in the HTML") from None
    if doc is None or _non_link_words(html, doc.text or "") < MIN_WORDS:
        return "", PageMeta()
    host = doc.hostname or urlsplit(url).netloc
    sitename = doc.sitename or ""
    return doc.text or "", PageMeta(
        title=doc.title or "",
        author=doc.author or "",
        date=doc.date or "",
        url=doc.url or "",
        # trafilatura falls back to the host name for sitename; a feed's title is a better source than that.
        site="" if not sitename or sitename.lower() in host.lower() else sitename,
        host=host,
    )


def _non_link_words(html: str, text: str) -> int:
    """Words of `text` not accounted for by link text: trafilatura's last-resort fallback returns menus as text."""
    words = len(text.split())
    if words >= 200:  # plenty of text: not worth a second parse
        return words
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return words
    link_words = sum(len(a.text_content().split()) for a in tree.iter("a"))
    return words - link_words


def load_html(html: str, *, label: str, origin: str, stem: str) -> Loaded:
    """One article from an HTML file; its URL is the page's canonical URL when it declares one."""
    text, meta = extract(html)
    if not text.strip():
        raise InputError(
            "no article text found in the HTML (only navigation, scripts or markup, or nesting too deep to parse): "
            "save the article page itself, or its text as .txt"
        )
    yield from build(
        text=text,
        label=label,
        origin=origin,
        title=meta.title,
        source=meta.site or meta.host,
        author=meta.author,
        date=meta.date,
        url=meta.url,
        fallback_title=stem,
    )
