"""Articles from http(s) URLs: a page is extracted like an HTML file; an RSS/Atom feed loads each item's page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import feedparser
import httpx

from ingest import fetch as safe  # a module, not names: ingest.fetch imports ingest.loaders.common
from ingest.loaders.common import InputError, Loaded, LoadProblem, build, check_bytes, decode_utf8
from ingest.loaders.html import PageMeta, decode_html, extract
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text

_FEED_TYPES = ("rss", "atom", "/xml", "+xml")
# Items fetched per feed: a news feed carries tens; a hostile one with 100,000 would hold ingest for hours.
MAX_FEED_ITEMS = 500


def _looks_like_feed(page: safe.Page) -> bool:
    return any(t in page.content_type for t in _FEED_TYPES) and "html" not in page.content_type


_ITEM_START = re.compile(rb"<(?:\w+:)?(?:item|entry)[\s>/]", re.IGNORECASE)


def _first_items(body: bytes) -> tuple[bytes, int]:
    """(the feed cut after its first MAX_FEED_ITEMS items, how many items it has): feedparser holds every item in
    memory, about 10 kB each, so a 20 MB feed of 100,000 tiny items would take a gigabyte and minutes to parse."""
    starts = [m.start() for m in _ITEM_START.finditer(body)]
    if len(starts) <= MAX_FEED_ITEMS:
        return body, len(starts)
    closing = b"</feed>" if b"<feed" in body[: starts[0]].lower() else b"</channel></rss>"
    return body[: starts[MAX_FEED_ITEMS]] + closing, len(starts)


def _parse_feed(body: bytes) -> object | None:
    """The feedparser result when `body` is an RSS/Atom feed (feedparser recognised a version), else None."""
    body, total = _first_items(body)
    try:
        feed = feedparser.parse(body)  # bytes, never a str: feedparser would fetch a str that looks like a URL
    except Exception:  # noqa: BLE001 - feedparser on hostile bytes: "not a feed" is the answer
        return None
    feed["newsrag_items"] = total
    # A version, not just entries: feedparser also finds "entries" in any XML with <item> elements.
    return feed if feed.get("version") else None


def load_url(client: httpx.Client, url: str, max_bytes: int) -> Loaded:
    """A page URL -> one article; a feed URL -> one article per item; anything else -> a fatal problem.

    `client` comes from ingest.fetch.new_client(); every request goes through ingest.fetch (public addresses only).
    """
    page = safe.fetch(client, url, max_bytes)
    if not page.body.strip():
        raise InputError("the URL returned an empty page: not an article or a feed")
    head = page.body.lstrip()[:512].lower()
    if _looks_like_feed(page) or head.startswith((b"<?xml", b"<rss", b"<feed")):
        feed = _parse_feed(page.body)
        if feed is not None:
            yield from _load_feed(client, url, page.url, feed, max_bytes)
            return
        if b"<html" not in head and "html" not in page.content_type:  # XHTML pages start with <?xml too
            raise InputError(
                f"not an article or a feed: {page.content_type or 'XML'} that is neither an HTML page nor an "
                "RSS/Atom feed"
            )
    if page.content_type == "application/pdf" or page.body.startswith(b"%PDF-"):
        yield from load_pdf(page.body, label=url, origin=url, stem=url)
        return
    is_html = "html" in page.content_type or (not page.content_type and page.body.lstrip()[:1] == b"<")
    if page.content_type != "text/plain" and not is_html:
        raise InputError(f"not an article or a feed: the URL returned {page.content_type or 'unlabelled content'}")
    check_bytes(page.body, "page")
    if page.content_type == "text/plain":
        yield from load_text(decode_utf8(page.body, "the page"), label=url, origin=url, stem=url)
        return
    html = decode_html(page.body, page.charset)
    text, meta = extract(html, page.url)
    if text.strip():
        yield from _page_article(text, meta, page_url=page.url, origin=url, label=url)
        return
    feed = _parse_feed(page.body)  # a feed behind a comment or doctype, served as text/html
    if feed is not None:
        yield from _load_feed(client, url, page.url, feed, max_bytes)
        return
    raise InputError("not an article or a feed: no article text found in the HTML page and it is no RSS/Atom feed")


def _page_article(
    text: str,
    meta: PageMeta,
    *,
    page_url: str,
    origin: str,
    label: str,
    item: dict | None = None,
    feed_title: str = "",
) -> Loaded:
    """Build the article of a fetched page; the feed item fills in title/date/author the page lacks."""
    item = item or {}
    yield from build(
        text=text,
        label=label,
        origin=origin,
        title=meta.title or item.get("title", ""),
        source=meta.site or feed_title or meta.host,
        author=meta.author or item.get("author", ""),
        date=meta.date or item.get("published") or item.get("updated"),
        url=page_url,
        fallback_title=page_url,
    )


def _load_feed(client: httpx.Client, feed_url: str, final_url: str, feed: object, max_bytes: int) -> Loaded:
    """Fetch and extract each item's link; a failing item is reported and the others still load."""
    entries = list(feed.entries)  # type: ignore[attr-defined]
    feed_title = (feed.feed.get("title") or "") if hasattr(feed, "feed") else ""
    if not entries:
        yield LoadProblem(feed_url, "the feed has no items: nothing to load", fatal=False)
        return
    total = max(len(entries), feed.get("newsrag_items", 0))  # type: ignore[attr-defined]
    if total > MAX_FEED_ITEMS:
        yield LoadProblem(
            feed_url,
            f"the feed has {total:,} items; only the first {MAX_FEED_ITEMS} are "
            "fetched: ingest the rest from their own URLs or a smaller feed",
            fatal=False,
        )
        entries = entries[:MAX_FEED_ITEMS]
    for n, entry in enumerate(entries, start=1):
        link = (entry.get("link") or "").strip()
        link = urljoin(final_url, link) if link else ""  # relative item links are relative to the feed
        if not link.startswith(("http://", "https://")):
            yield LoadProblem(f"{feed_url}#{n}", f"feed item {n} has no http(s) link: it cannot be fetched")
            continue
        try:
            page = safe.fetch(client, link, max_bytes)
            check_bytes(page.body, "page")
            text, meta = extract(decode_html(page.body, page.charset), page.url)
            if not text.strip():
                raise InputError("no article text found in the HTML page of this feed item")
        except InputError as exc:
            yield LoadProblem(link, f"{exc} (item {n} of feed {feed_url})")
            continue
        except Exception as exc:  # noqa: BLE001 - one broken item page must not lose the rest of the feed
            yield LoadProblem(link, f"unexpected error ({type(exc).__name__}: {str(exc)[:200]}) (item {n} of feed)")
            continue
        yield from _page_article(
            text, meta, page_url=page.url, origin=link, label=link, item=entry, feed_title=feed_title
        )
