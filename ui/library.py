"""The library tab without Gradio: list what is indexed by outlet and date, open one article, delete one.

Every string from an article is escaped here (see ui/render.py); deleting goes through the Store under the
index's write lock, so no answer reads a half-removed article.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.core.errors import InputError
from rag.core.store import ArticleListing, Store
from rag.query import parse_date
from ui.auth import is_loopback
from ui.render import esc, safe_url

ALL_OUTLETS = "*"  # the menu value for "every outlet"
NO_OUTLET = "-"  # the menu value for articles without an outlet (a menu value cannot well be "")
PAGE_SIZE = 200  # rows listed at once; the filters narrow a larger library
TEXT_PREVIEW = 20_000  # characters of an opened article shown (the whole text of any ordinary article)


@dataclass
class LibraryPage:
    """What the tab shows after a filter change: the table, and the articles the picker offers."""

    html: str
    choices: list[tuple[str, str]]  # (label, article id)
    total: int


def outlet_choices(store: Store) -> list[tuple[str, str]]:
    """(label with its article count, value) for the outlet menu; articles without an outlet get their own entry."""
    counts = store.stats().sources  # "(unknown)" is the Store's name for articles without an outlet
    choices = [(f"All outlets ({sum(counts.values()):,})", ALL_OUTLETS)]
    for name, n in sorted(counts.items(), key=lambda kv: kv[0].lower()):
        value = NO_OUTLET if name == "(unknown)" else name
        choices.append((f"{name if value != NO_OUTLET else '(no outlet given)'} ({n:,})", value))
    return choices


def intro_markdown(store: Store) -> str:
    """The page header: how many articles there are now (it changes with uploads and deletions), how to add more."""
    n = store.stats().articles
    return (
        f"## newsrag\nAsk about the {n:,} indexed article{'s' if n != 1 else ''}. Every sentence of an answer is an "
        "exact quote; click a **[n]** to see its passage. Add more under **Add articles** (files), or from a shell "
        "with `newsrag ingest PATH|URL|FEED`; browse, read or remove them in the **Library** below."
    )


def _label(a: ArticleListing) -> str:
    title = a.title or "(untitled)"
    short = title if len(title) <= 90 else title[:89] + "…"
    return f"{short} · {a.source or 'no outlet'} · {a.published_at or 'no date'}"


def list_page(store: Store, outlet: str | None, since: str | None, until: str | None) -> LibraryPage:
    """The articles matching the filters, newest first, as an escaped table plus picker choices."""
    since_iso, until_iso = parse_date(since or "", "since"), parse_date(until or "", "until")
    if since_iso and until_iso and since_iso > until_iso:
        raise InputError(f"since {since_iso} is after until {until_iso}: swap them")
    source = None if outlet in (None, "", ALL_OUTLETS) else "" if outlet == NO_OUTLET else outlet
    rows, total = store.list_articles(source, since_iso, until_iso, limit=PAGE_SIZE)
    if not rows:
        return LibraryPage('<p class="lib-empty">No articles match these filters.</p>', [], 0)
    shown = f"{total:,} article{'s' if total != 1 else ''} match" + (
        f"; the newest {len(rows)} are listed, narrow the filters to see others" if total > len(rows) else ""
    )
    body = "".join(
        f'<tr data-id="{esc(a.id)}"><td>{esc(a.published_at or "—")}</td><td>{esc(a.source or "—")}</td>'
        f'<td>{esc(a.title or "(untitled)")}</td><td>{a.chunks}</td><td class="lib-origin">{esc(a.origin)}</td></tr>'
        for a in rows
    )
    html = (
        f'<p class="lib-count">{esc(shown)}</p><table class="lib-table"><thead><tr><th>Date</th><th>Outlet</th>'
        f"<th>Title</th><th>Passages</th><th>Came from</th></tr></thead><tbody>{body}</tbody></table>"
    )
    return LibraryPage(html, [(_label(a), a.id) for a in rows], total)


def article_html(store: Store, article_id: str | None) -> str:
    """One article: its metadata, where it came from, and its text, all escaped."""
    if not article_id:
        return '<p class="lib-empty">Pick an article above to read it here.</p>'
    article = store.article(article_id)
    if article is None:
        return '<p class="lib-empty">That article is no longer in the index.</p>'
    url = safe_url(article.url)
    link = (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(url)}</a>'
        if url
        else esc(article.url or "none")
    )
    text = article.text if len(article.text) <= TEXT_PREVIEW else article.text[:TEXT_PREVIEW] + "…"
    return (
        f'<div class="lib-article"><h3>{esc(article.title or "(untitled)")}</h3>'
        f'<div class="src-meta">{esc(article.source or "no outlet given")} · {esc(article.published_at or "no date")}'
        f"{' · ' + esc(article.author) if article.author else ''}</div>"
        f'<div class="lib-provenance">Came from: <code>{esc(article.origin)}</code> · URL: {link} · '
        f'id <code>{esc(article.id)}</code></div><div class="lib-text">{esc(text)}</div></div>'
    )


def may_manage(username: str | None, client_host: str | None) -> bool:
    """Deleting needs a logged-in user, except for a browser on this very machine (loopback, no login set up)."""
    return bool(username) or is_loopback(client_host or "")


def delete_article(store: Store, article_id: str | None, username: str | None, client_host: str | None) -> str:
    """Remove one article from both sides of the index; a message saying what was removed and how to get it back."""
    if not may_manage(username, client_host):
        raise InputError(
            "only a logged-in user may delete articles from a server reachable by other machines: "
            "start the UI with NEWSRAG_UI_AUTH (see ui/auth.py) and log in"
        )
    if not article_id:
        raise InputError("pick an article to delete first")
    with store.rw.write():  # no question is answered from a half-removed article
        article = store.article(article_id)
        if article is None:
            raise InputError("that article is no longer in the index (already deleted?)")
        store.remove([article_id])
    return (
        f"Deleted “{article.title or '(untitled)'}” ({article.source or 'no outlet'}). To bring it back, ingest "
        f"it again from {article.origin}."
    )
