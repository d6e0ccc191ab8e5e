"""Incremental, crash-safe ingestion: load -> chunk -> embed -> Chroma + keyword index, skipping unchanged articles."""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest import provenance as prov
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
    skipped: list[dict] = field(default_factory=list)  # {"path", "kind"}: files in a folder that are not articles
    recovered: int = 0  # articles a killed earlier run left half-written, cleaned up before this run
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def content_hash(article: Article) -> str:
    fields: list[str | int] = [article.title, article.text, article.source, article.author, article.published_at]
    fields.append(article.url)
    if article.published_instant:  # only when known, so that articles without a time keep their hash
        fields.append(article.published_instant)
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
    on_progress: Callable[[int, int], None] | None = None,
    provenance: prov.Provenance | None = None,
) -> IngestSummary:
    """Bring the index in step with `paths`. Safe to kill at any moment: re-running finishes the job."""
    paths = [str(p) for p in paths]
    return ingest_items(
        load(paths),
        store or Store.open(index, create=True),
        sync_roots=paths if sync else None,
        progress=progress,
        on_progress=on_progress,
        provenance=provenance,
    )


def ingest_items(
    items: Iterable[Article | LoadProblem],
    store: Store,
    sync_roots: list[str] | None = None,
    progress: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    provenance: prov.Provenance | None = None,
) -> IngestSummary:
    """Index loaded articles; with `sync_roots`, remove stored articles from under those roots that were not seen.

    Everything is read and chunked first (cheap next to embedding), so the embedding pass knows its total:
    `progress` shows chunks embedded of that total with rate and ETA on stderr, and `on_progress(done, total)` is
    called as each slice of chunks is embedded (the web UI's upload progress). The cost: the chunks of the new and
    changed articles are held in memory until written (~2x their text).
    """
    started = time.perf_counter()
    provenance = provenance or prov.Provenance()
    summary = IngestSummary()
    with store.rw.write():  # every write holds the index lock: answers in any process never see it half-done
        summary.recovered = len(store.recover())
    manifest = store.manifest()
    chunker = Chunker(get_tokenizer_counter())
    seen: dict[str, str] = {}  # article id -> origin, for duplicates and --sync
    failed_origins: set[str] = set()
    batch = _Batch()

    def flush(gone: list[str] | None = None) -> None:
        """Write the batch; `gone` (articles --sync removes) goes in the same locked step, so that an answer in any
        process sees the index as it was before this step or after it, never with the additions but not the removals."""
        if not batch.articles and not gone:
            return
        ids = [a.id for a in batch.articles]
        by_id = {a.id: a for a in batch.articles}
        vectors = _encode_counted([embed_text(c, by_id[c.article_id]) for c in batch.chunks], advance)  # before locking
        with store.rw.write():
            if ids:
                # read under the lock: another process may have written these articles since `manifest` was read
                old_provenance = store.provenance(ids)
                replaced = list(old_provenance)
                old, at = store.articles_by_id(replaced), prov.now()
                store.begin(ids, {a.id: a.origin for a in batch.articles})
                store.delete_vectors(replaced)
                store.add_vectors(batch.chunks, by_id, vectors)
                store.commit(batch.articles, batch.hashes, batch.chunks, prov.columns(batch.articles, provenance, at))
                store.log_changes(
                    prov.change_records(old, old_provenance, batch.articles, batch.hashes, provenance, at)
                )
            if gone:
                store.log_changes(prov.removal_records(store, gone, prov.now(), "its file is gone (ingest --sync)"))
                store.remove(gone)
        summary.chunks_embedded += len(batch.chunks)
        batch.clear()

    # Pass 1: read and chunk; what is new or changed waits in `planned` with its chunks and hash.
    planned: list[tuple[Article, list[Chunk], str]] = []
    reading = tqdm(desc="reading", unit="article", disable=not progress, leave=False)
    for item in items:
        if not isinstance(item, Article):  # a LoadProblem
            if item.skipped:
                summary.skipped.append({"path": item.path, "kind": item.skipped})
                continue
            entry = {"path": item.path, "error": item.error}
            (summary.failed if item.fatal else summary.warnings).append(entry)
            if item.fatal:
                failed_origins.add(_problem_origin(item.path))
            continue
        reading.update(1)
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
        if known and (refused := prov.refusal(store.provenance([item.id]).get(item.id, {}), item, provenance)):
            summary.failed.append({"path": item.origin, "error": refused})
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
        planned.append((item, chunks, digest))
    reading.close()

    # Pass 2: embed and write, batch by batch; the bar counts chunks, the work that takes the time.
    total = sum(len(chunks) for _, chunks, _ in planned)
    if total and progress:
        print(f"{len(planned)} article(s) to embed, {total} chunks; loading the embedding model…", file=sys.stderr)
    if total:
        get_embedder()  # loaded before the bar starts, so its rate and ETA time the embedding alone
    bar = tqdm(total=total, desc="embedding", unit="chunk", disable=not progress or not total)
    done = [0]

    def advance(n: int) -> None:
        bar.update(n)
        done[0] += n
        if on_progress:
            on_progress(done[0], total)

    gone: list[str] = []
    if sync_roots is not None:
        roots = [_root(p) for p in sync_roots]
        gone = [
            aid
            for aid, (_, origin) in manifest.items()
            # a file that failed to load this time keeps its articles: a bad edit must not delete what was stored
            if aid not in seen and _under(origin, roots) and origin not in failed_origins
        ]
    for article, chunks, digest in planned:
        batch.articles.append(article)
        batch.chunks.extend(chunks)
        batch.hashes[article.id] = digest
        if len(batch) >= get_settings().ingest_batch:
            flush()
    flush(gone)  # the last batch and the removals together (a change that fits one batch is seen all at once)
    bar.close()
    summary.removed = len(gone)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _encode_counted(texts: list[str], advance: Callable[[int], None]) -> np.ndarray:
    """Embed in slices of the encoder's batch size, reporting each slice: progress moves within a batch too."""
    embedder = get_embedder()
    step = max(1, getattr(embedder, "batch_size", 64))
    # shortest first, as the encoder would order one big call, so each slice pads to similar lengths
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors: np.ndarray | None = None
    for i in range(0, len(order), step):
        part = order[i : i + step]
        encoded = embedder.encode([texts[j] for j in part])
        if vectors is None:
            vectors = np.zeros((len(texts), encoded.shape[1]), dtype=np.float32)
        vectors[part] = encoded
        advance(len(part))
    return vectors if vectors is not None else embedder.encode([])


def _problem_origin(path: str) -> str:
    """The origin a LoadProblem is about: its path without a ':LINE' or '#RECORD' suffix."""
    if "://" in path:
        return path
    return _root(re.sub(r"(:\d+|#\d+)$", "", path))
