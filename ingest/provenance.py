"""Where each stored article came from, who may replace it, and the log of every replacement.

Every article records its origin (the file path or URL it was loaded from, already in `origin`), the kind of origin
(`file`, `url` or `upload`), the uploader's login for an upload (empty without a login) and when it was written.

Replacement rules (an article is "the same" when its id is: same URL, or same origin and record key):
- `newsrag ingest` (kind file/url) updates a stored article as it always has: the operator chose the files.
- A web upload may update only an article that the same uploader uploaded from the same file name. An upload
  carrying the URL (hence the id) of an article from anywhere else is REFUSED with a message naming where the
  stored article came from: other users' citations quote that text, and the uploader cannot see it.
Every replacement and removal is appended to <index>/changes.jsonl (old/new origin, old/new content hashes, the
fields that changed) and counted in `newsrag stats`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rag.core.store import Store
from rag.core.types import Article

_COMPARED = ("title", "text", "source", "author", "published_at", "url")


@dataclass(frozen=True)
class Provenance:
    """How one ingest call's articles arrived: `upload` (with the uploader's login) or the operator's `ingest`."""

    upload: bool = False
    uploader: str = ""  # the logged-in user who uploaded; "" without a login (loopback UI)

    def kind(self, origin: str) -> str:
        if self.upload:
            return "upload"
        return "url" if "://" in origin else "file"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def shown_origin(record: dict) -> str:
    """Where a stored article came from, as a user may see it (an upload by its file name and uploader only)."""
    kind = record.get("origin_kind") or ("url" if "://" in record.get("origin", "") else "file")
    if kind == "upload":
        who = record.get("uploader") or "an anonymous user"
        return f"an upload of {Path(record.get('origin', '')).name!r} by {who}"
    if kind == "url":
        return f"the URL {record.get('origin', '')}"
    return "a file the operator ingested"  # a server-side path is not shown to uploaders


def refusal(stored: dict, article: Article, provenance: Provenance) -> str:
    """Why this ingest may not replace `stored` (the article's stored provenance); '' when it may."""
    if not provenance.upload:
        return ""
    same_upload = (
        stored.get("origin_kind") == "upload"
        and stored.get("origin") == article.origin
        and (stored.get("uploader") or "") == provenance.uploader
    )
    if same_upload:
        return ""
    what = f"the URL {article.url}" if article.url else "the same id"
    return (
        f"not stored: an article with {what} is already in the index, from {shown_origin(stored)}; an upload "
        "never replaces an article from another origin. Remove the `url` (it is then stored as a new article) "
        "or ask the operator to ingest the file with `newsrag ingest`"
    )


def change_records(
    old: dict[str, Article],
    old_provenance: dict[str, dict],
    new: list[Article],
    hashes: dict[str, str],
    provenance: Provenance,
    at: str,
) -> list[dict]:
    """One changes.jsonl record per article in `new` that replaces a stored one."""
    records = []
    for a in new:
        before = old.get(a.id)
        if before is None:
            continue
        was = old_provenance.get(a.id, {})
        records.append(
            {
                "at": at,
                "action": "replaced",
                "article_id": a.id,
                "title": a.title,
                "url": a.url,
                "changed": [f for f in _COMPARED if getattr(before, f) != getattr(a, f)],
                "old_origin": was.get("origin", before.origin),
                "old_kind": was.get("origin_kind", ""),
                "old_uploader": was.get("uploader", ""),
                "old_hash": was.get("content_hash", ""),
                "new_origin": a.origin,
                "new_kind": provenance.kind(a.origin),
                "new_uploader": provenance.uploader,
                "new_hash": hashes[a.id],
            }
        )
    return records


def removal_records(store: Store, article_ids: list[str], at: str, why: str) -> list[dict]:
    """changes.jsonl records for articles about to be removed (read before they go)."""
    stored = store.provenance(article_ids)
    articles = store.articles_by_id(article_ids)
    return [
        {
            "at": at,
            "action": "removed",
            "article_id": aid,
            "title": articles[aid].title if aid in articles else "",
            "url": articles[aid].url if aid in articles else "",
            "why": why,
            "old_origin": rec["origin"],
            "old_kind": rec["origin_kind"],
            "old_uploader": rec["uploader"],
            "old_hash": rec["content_hash"],
            "new_hash": "",
        }
        for aid, rec in stored.items()
    ]


def columns(articles: list[Article], provenance: Provenance, at: str) -> dict[str, tuple[str, str, str]]:
    """article id -> (origin kind, uploader, ingested_at) for Store.commit."""
    return {a.id: (provenance.kind(a.origin), provenance.uploader, at) for a in articles}
