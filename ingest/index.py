"""Incremental, crash-safe ingestion: load -> chunk -> embed -> Chroma + keyword index, skipping unchanged articles."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ingest.chunking import Chunker
from ingest.loaders import LoadProblem, load
from rag.core.embedder import get_embedder, get_tokenizer_counter
from rag.core.settings import get_settings
from rag.core.store import Store
from rag.core.types import Article, Chunk

# Measured on MultiHop-RAG dev queries (README, "Chunking and embedded text"): the title in the embedded text
# raises dense Hits@10; the stored chunk text stays the article's own words so citations quote it verbatim.
EMBED_TITLE = True


@dataclass
class IngestSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks_embedded: int = 0
    failed: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    recovered: int = 0  # articles a killed earlier run left half-written, cleaned up before this run
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def content_hash(article: Article) -> str:
    fields = [article.title, article.text, article.source, article.author, article.published_at, article.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def embed_text(chunk: Chunk, article: Article) -> str:
    return f"{article.title}\n{chunk.text}" if EMBED_TITLE and article.title else chunk.text


class _Batch:
    """Articles waiting to be written together (one embedding call, two transactions)."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.chunks: list[Chunk] = []
        self.hashes: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.chunks)

    def clear(self) -> None:
        self.articles, self.chunks, self.hashes = [], [], {}


def _under(origin: str, roots: list[str]) -> bool:
    return any(origin == r or origin.startswith(r.rstrip("/") + "/") for r in roots)


def _root(path: str) -> str:
    return path if "://" in path else str(Path(path).resolve())


def ingest(
    paths: Iterable[str],
    index: str | Path | None = None,
    sync: bool = False,
    progress: bool = False,
    store: Store | None = None,
) -> IngestSummary:
    """Bring the index in step with `paths`. Safe to kill at any moment: re-running finishes the job."""
    paths = [str(p) for p in paths]
    return ingest_items(
        load(paths), store or Store.open(index, create=True), sync_roots=paths if sync else None, progress=progress
    )


def ingest_items(
    items: Iterable[Article | LoadProblem], store: Store, sync_roots: list[str] | None = None, progress: bool = False
) -> IngestSummary:
    """Index loaded articles; with `sync_roots`, remove stored articles from under those roots that were not seen."""
    started = time.perf_counter()
    summary = IngestSummary()
    summary.recovered = len(store.recover())
    manifest = store.manifest()
    chunker = Chunker(get_tokenizer_counter())
    seen: dict[str, str] = {}  # article id -> origin, for duplicates and --sync
    failed_origins: set[str] = set()
    batch = _Batch()

    def flush() -> None:
        if not batch.articles:
            return
        ids = [a.id for a in batch.articles]
        store.begin(ids, {a.id: a.origin for a in batch.articles})
        store.delete_vectors([i for i in ids if i in manifest])
        by_id = {a.id: a for a in batch.articles}
        vectors = get_embedder().encode([embed_text(c, by_id[c.article_id]) for c in batch.chunks])
        store.add_vectors(batch.chunks, by_id, vectors)
        store.commit(batch.articles, batch.hashes, batch.chunks)
        summary.chunks_embedded += len(batch.chunks)
        batch.clear()

    bar = tqdm(desc="ingest", unit="article", disable=not progress)
    for item in items:
        if not isinstance(item, Article):  # a LoadProblem
            entry = {"path": item.path, "error": item.error}
            (summary.failed if item.fatal else summary.warnings).append(entry)
            if item.fatal:
                failed_origins.add(_problem_origin(item.path))
            continue
        bar.update(1)
        if item.id in seen:
            summary.warnings.append(
                {
                    "path": item.origin,
                    "error": f"duplicate of an article already read from {seen[item.id]} (same URL or id); kept the first",
                }
            )
            continue
        seen[item.id] = item.origin
        digest = content_hash(item)
        known = manifest.get(item.id)
        if known and known[0] == digest:
            summary.unchanged += 1
            continue
        chunks = chunker.chunk(item)
        if not chunks:
            summary.failed.append(
                {"path": item.origin, "error": "no text to index after loading; check the file's body"}
            )
            continue
        if known:
            summary.updated += 1
        else:
            summary.added += 1
        batch.articles.append(item)
        batch.chunks.extend(chunks)
        batch.hashes[item.id] = digest
        if len(batch) >= get_settings().ingest_batch:
            flush()
            bar.set_postfix(chunks=summary.chunks_embedded)
    flush()
    bar.close()

    if sync_roots is not None:
        roots = [_root(p) for p in sync_roots]
        gone = [
            aid
            for aid, (_, origin) in manifest.items()
            # a file that failed to load this time keeps its articles: a bad edit must not delete what was stored
            if aid not in seen and _under(origin, roots) and origin not in failed_origins
        ]
        store.remove(gone)
        summary.removed = len(gone)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _problem_origin(path: str) -> str:
    """The origin a LoadProblem is about: its path without a ':LINE' or '#RECORD' suffix."""
    if "://" in path:
        return path
    return _root(re.sub(r"(:\d+|#\d+)$", "", path))
