"""The index directory: Chroma (dense vectors) + SQLite (manifest, chunk offsets, FTS5 BM25 keyword index).

Layout of an index directory:
  chroma/            embedded Chroma PersistentClient (absent when a Chroma server holds the vectors)
  newsrag.sqlite     articles (manifest with content hashes, provenance), chunks (offsets), chunks_fts (BM25), meta
  changes.jsonl      one line per replaced or removed article: from where, old and new content hashes
  feedback.jsonl     UI feedback

Crash safety rests on one rule: an article's row is marked `pending` (and its keyword rows removed) in a committed
SQLite transaction BEFORE its vectors are touched in Chroma, and marked `done` only after they are stored. `recover()`
deletes everything of a pending article on both sides, so a run killed at any moment and re-run ends in the state a
clean run gives.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from rag.core.errors import IndexUnavailable
from rag.core.settings import get_settings
from rag.core.types import Article, Chunk, Filters

SCHEMA_VERSION = "1"
COLLECTION = "newsrag_chunks"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, origin TEXT NOT NULL, content_hash TEXT, state TEXT NOT NULL,
    title TEXT, source TEXT, author TEXT, published_at TEXT, published_ts INTEGER, url TEXT, text TEXT
);
CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin);
CREATE INDEX IF NOT EXISTS articles_state ON articles(state);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, article_id TEXT NOT NULL, start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(title, text, tokenize='porter unicode61');
"""
_ARTICLE_COLUMNS = (
    "id, title, text, source, author, published_at, published_ts, url, origin, COALESCE(published_instant, 0)"
)
# Added after schema 1 shipped: an older index gains the columns on open (NULL = recorded before them): provenance,
# and the publication time of day.
_ADDED_COLUMNS = {"origin_kind": "TEXT", "uploader": "TEXT", "ingested_at": "TEXT", "published_instant": "INTEGER"}
CHANGES_FILE = "changes.jsonl"


LOCK_FILE, TURNSTILE_FILE = ".lock", ".lock-writer"
WRITE_WAIT_S = 600.0  # a writer waits this long for answers in other processes, then says the index is busy


class ReadWriteLock:
    """Many questions at once, but an ingest runs alone: answers never read a half-written article.

    Within a process, threads share a condition variable. With a `directory` (every Store passes its own) the
    rule also holds across processes: `newsrag chat` answering while `newsrag ingest` writes the same index. Readers
    hold a shared flock on <index>/.lock for one answer, writers an exclusive one for one ingest batch; writers first
    take <index>/.lock-writer, which new readers pass through, so a stream of answers cannot starve an ingest.
    Guards nest within a thread (an upload's ingest inside the UI's write guard, an answer inside a read guard).
    `on_enter` runs once the locks are held (the Store re-reads what another process changed).
    """

    def __init__(self, directory: str | Path | None = None, on_enter: Callable[[], None] | None = None) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writer: int | None = None
        self._local = threading.local()
        self.directory = Path(directory) if directory is not None else None
        self.on_enter = on_enter

    def read(self) -> _Guard:
        return _Guard(self, write=False)

    def write(self) -> _Guard:
        return _Guard(self, write=True)


def _flock(path: Path, mode: int, deadline: float | None) -> int:
    """An fd of `path` holding flock `mode`; IndexUnavailable when `deadline` (monotonic) passes first."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if deadline is None:
            fcntl.flock(fd, mode)
            return fd
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexUnavailable(
                        f"the index at {path.parent}/ is busy: another newsrag process kept it for over "
                        f"{WRITE_WAIT_S:g} s; try again when it is done"
                    ) from None
                time.sleep(0.02)
    except BaseException:
        os.close(fd)
        raise


def _unlock(fd: int) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class _Guard:
    def __init__(self, lock: ReadWriteLock, write: bool) -> None:
        self.lock, self.write = lock, write
        self.outer = False

    def __enter__(self) -> None:
        lock, local = self.lock, self.lock._local
        depth = getattr(local, "depth", 0)
        if depth:  # nested in this thread: the outer guard holds what is needed (a write inside a read is a bug)
            if self.write and not local.writing:
                raise RuntimeError("a write guard inside a read guard of the same thread would deadlock")
            local.depth = depth + 1
            return
        c = lock._cond
        with c:
            if self.write:
                c.wait_for(lambda: not lock._writing and lock._readers == 0)
                lock._writing = True
            else:
                c.wait_for(lambda: not lock._writing)
                lock._readers += 1
        try:
            local.fds = self._process_locks()
            if lock.on_enter:
                lock.on_enter()
        except BaseException:
            for fd in reversed(getattr(local, "fds", []) or []):
                _unlock(fd)
            local.fds = []
            self._release_thread_lock()
            raise
        local.depth, local.writing = 1, self.write

    def _process_locks(self) -> list[int]:
        if self.lock.directory is None or not self.lock.directory.is_dir():
            return []
        main, turnstile = self.lock.directory / LOCK_FILE, self.lock.directory / TURNSTILE_FILE
        if self.write:
            deadline = time.monotonic() + WRITE_WAIT_S
            gate = _flock(turnstile, fcntl.LOCK_EX, deadline)
            try:
                return [gate, _flock(main, fcntl.LOCK_EX, deadline)]
            except BaseException:
                _unlock(gate)
                raise
        gate = _flock(turnstile, fcntl.LOCK_SH, None)  # waits while a writer in another process is queued
        try:
            return [_flock(main, fcntl.LOCK_SH, None)]
        finally:
            _unlock(gate)

    def _release_thread_lock(self) -> None:
        c = self.lock._cond
        with c:
            if self.write:
                self.lock._writing = False
            else:
                self.lock._readers -= 1
            c.notify_all()

    def __exit__(self, *exc: object) -> None:
        local = self.lock._local
        local.depth -= 1
        if local.depth:
            return
        for fd in reversed(local.fds):
            _unlock(fd)
        local.fds = []
        self._release_thread_lock()


@dataclass
class IndexStats:
    articles: int
    chunks: int
    dense_chunks: int
    keyword_docs: int
    pending: int
    sources: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "chunks": self.chunks,
            "dense_chunks": self.dense_chunks,
            "keyword_docs": self.keyword_docs,
            "pending": self.pending,
            "consistent": self.chunks == self.dense_chunks == self.keyword_docs and self.pending == 0,
            "sources": self.sources,
        }


@dataclass
class ArticleListing:
    """One stored article as the library lists it: what it is, where it came from, how much of it is indexed."""

    id: str
    title: str
    source: str
    published_at: str
    url: str
    origin: str  # the file or URL it was loaded from
    chars: int
    chunks: int


def _chroma_client(directory: Path, chroma_url: str, token: str) -> Any:  # chromadb ClientAPI, typed loosely: its
    # own annotations reject the where clauses and metadata it accepts at run time
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not chroma_url:
        return chromadb.PersistentClient(path=str(directory / "chroma"), settings=chroma_settings)
    parsed = urlparse(chroma_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise IndexUnavailable(f"chroma_url {chroma_url!r}: expected http://host:port of a `chroma run` server")
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        return chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            headers=headers,
            settings=chroma_settings,
        )
    except Exception as exc:  # chromadb raises ValueError/ConnectError variants
        raise IndexUnavailable(
            f"cannot reach the Chroma server at {chroma_url}: {exc}. Start it with `chroma run --path DIR`"
        ) from exc


class Store:
    """One index: read by `rag`, written by `ingest` through the methods below."""

    def __init__(self, directory: str | Path, chroma_url: str = "", chroma_token: str = "", create: bool = False):
        self.directory = Path(directory)
        db_path = self.directory / "newsrag.sqlite"
        if not db_path.exists() and not create:
            raise IndexUnavailable(
                f"no index at {self.directory}/: run `newsrag ingest PATH --index {self.directory}` first"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._add_missing_columns()
        self._lock = threading.RLock()  # one connection shared by UI threads
        self._refresh_lock = threading.Lock()
        # answers read while no ingest writes, in this process or another: never a half-written article
        self.rw = ReadWriteLock(self.directory, on_enter=self._catch_up)
        self.chroma_url = chroma_url
        self._chroma_token = chroma_token
        self._check_meta({"schema": SCHEMA_VERSION, "collection": COLLECTION})
        self._generation = self.meta("generation", "0")
        self._open_collection()

    def _open_collection(self) -> None:
        client = _chroma_client(self.directory, self.chroma_url, self._chroma_token)
        self.collection = client.get_or_create_collection(self._collection_name(), metadata={"hnsw:space": "cosine"})

    def _catch_up(self) -> None:
        """Called with the index locked: if another process wrote since we last looked, re-open the embedded Chroma.

        Embedded Chroma keeps its vector index in memory and never sees another process's writes (a fresh client in
        the same process does not either, until the shared system cache is cleared). SQLite needs nothing."""
        if self.meta("generation", "0") == self._generation:
            return
        # Every reader thread that enters now sees the change: one re-opens, the others wait for it and then use
        # the new handle (two re-opening at once would stop the client the other just opened).
        with self._refresh_lock:
            generation = self.meta("generation", "0")
            if generation == self._generation:
                return
            if not self.chroma_url:
                from chromadb.api.client import SharedSystemClient  # heavy: imported where used, as in _chroma_client

                SharedSystemClient.clear_system_cache()
                self._open_collection()
            self._generation = generation

    def _bump_generation(self) -> None:
        """Inside a write transaction: tell other processes' Stores that the index changed."""
        self.db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET "
            "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
        )
        self._generation = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]

    @classmethod
    def open(cls, index: str | Path | None = None, create: bool = False) -> Store:
        """The index named by `index` (default: the `index` setting), on the Chroma server the settings name if any.
        Readers leave `create` False: a mistyped path is an error, not a new empty index."""
        s = get_settings()
        return cls(index or s.index, chroma_url=s.chroma_url, chroma_token=s.chroma_token, create=create)

    def _add_missing_columns(self) -> None:
        """Migrate an index written before provenance or publication times: add the columns, keep every row (ADD COLUMN never rewrites)."""
        have = {r[1] for r in self.db.execute("PRAGMA table_info(articles)").fetchall()}
        for name, kind in _ADDED_COLUMNS.items():
            if name not in have:
                try:
                    self.db.execute(f"ALTER TABLE articles ADD COLUMN {name} {kind}")
                except sqlite3.OperationalError as exc:  # another process added it a moment ago
                    if "duplicate column" not in str(exc):
                        raise

    def _check_meta(self, expected: dict[str, str]) -> None:
        with self._lock:
            stored = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
            for key, value in expected.items():
                if key in stored and stored[key] != value:
                    raise IndexUnavailable(
                        f"{self.directory}: index {key} is {stored[key]!r}, this newsrag needs {value!r}; re-ingest into a new --index"
                    )
                self.db.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)", (key, value))

    def _all(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run a read under the lock: one SQLite connection is shared by the UI's worker threads."""
        with self._lock:
            return self.db.execute(sql, params).fetchall()

    def _collection_name(self) -> str:
        """Embedded: the fixed name. On a server, one collection per index, so indexes sharing a server never collide."""
        if not self.chroma_url:
            return COLLECTION
        if not self.meta("server_collection"):
            self.set_meta("server_collection", f"{COLLECTION}_{uuid.uuid4().hex[:12]}")
        return self.meta("server_collection")

    def meta(self, key: str, default: str = "") -> str:
        rows = self._all("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # ---- writing (ingest) -------------------------------------------------------------------------------------------
    def manifest(self) -> dict[str, tuple[str, str]]:
        """article id -> (content_hash, origin) of every finished article."""
        rows = self._all("SELECT id, content_hash, origin FROM articles WHERE state = 'done'")
        return {r[0]: (r[1], r[2]) for r in rows}

    def begin(self, article_ids: list[str], origins: dict[str, str]) -> None:
        """Step 1: mark articles pending and drop their keyword rows, committed before Chroma is touched."""
        with self._lock, self.db:
            self.db.execute("BEGIN")
            for aid in article_ids:
                self._delete_keyword_rows(aid)
                self.db.execute(
                    "INSERT INTO articles (id, origin, state) VALUES (?, ?, 'pending') "
                    "ON CONFLICT(id) DO UPDATE SET state = 'pending', content_hash = NULL",
                    (aid, origins.get(aid, "")),
                )

    def _delete_keyword_rows(self, article_id: str) -> None:
        self.db.execute(
            "DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE article_id = ?)", (article_id,)
        )
        self.db.execute("DELETE FROM chunks WHERE article_id = ?", (article_id,))

    def delete_vectors(self, article_ids: list[str]) -> None:
        """Step 2: remove every vector of these articles (old versions, or a half-written batch)."""
        for i in range(0, len(article_ids), 500):
            self.collection.delete(where={"article_id": {"$in": article_ids[i : i + 500]}})

    def add_vectors(self, chunks: list[Chunk], articles: dict[str, Article], vectors: np.ndarray) -> None:
        """Step 3: store the chunks' vectors (ids are deterministic, so a retried batch overwrites, never duplicates)."""
        step = 2000  # under Chroma's max batch size
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[i : i + step],
                documents=[c.text for c in part],
                metadatas=[_chunk_metadata(c, articles[c.article_id]) for c in part],
            )

    def commit(
        self,
        articles: list[Article],
        hashes: dict[str, str],
        chunks: list[Chunk],
        provenance: dict[str, tuple[str, str, str]] | None = None,
    ) -> None:
        """Step 4: keyword rows, offsets and the manifest entry, in one transaction that marks the articles done.

        `provenance`: article id -> (origin kind, uploader, ingested_at), see ingest/provenance.py."""
        by_article = {a.id: a for a in articles}
        provenance = provenance or {}
        with self._lock, self.db:
            self.db.execute("BEGIN")
            for a in articles:
                kind, uploader, at = provenance.get(a.id, (None, None, None))
                self.db.execute(
                    "UPDATE articles SET title=?, text=?, source=?, author=?, published_at=?, published_ts=?, url=?, "
                    "origin=?, content_hash=?, origin_kind=?, uploader=?, ingested_at=?, published_instant=?, "
                    "state='done' WHERE id=?",
                    (
                        a.title,
                        a.text,
                        a.source,
                        a.author,
                        a.published_at,
                        a.published_ts,
                        a.url,
                        a.origin,
                        hashes[a.id],
                        kind,
                        uploader,
                        at,
                        a.published_instant or None,
                        a.id,
                    ),
                )
            self._bump_generation()
            for c in chunks:
                cur = self.db.execute(
                    'INSERT INTO chunks (id, article_id, start, "end") VALUES (?, ?, ?, ?)',
                    (c.id, c.article_id, c.start, c.end),
                )
                self.db.execute(
                    "INSERT INTO chunks_fts (rowid, title, text) VALUES (?, ?, ?)",
                    (cur.lastrowid, by_article[c.article_id].title, c.text),
                )

    def remove(self, article_ids: list[str]) -> None:
        """Delete articles entirely, crash-safe by the same pending protocol."""
        if not article_ids:
            return
        self.begin(article_ids, {})
        self.delete_vectors(article_ids)
        with self._lock, self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM articles WHERE id = ?", [(a,) for a in article_ids])
            self._bump_generation()

    def recover(self) -> list[str]:
        """Undo whatever a killed run left half-done: pending articles vanish from both sides."""
        pending = [r[0] for r in self._all("SELECT id FROM articles WHERE state = 'pending'")]
        if pending:
            self.remove(pending)
        return pending

    def provenance(self, article_ids: list[str]) -> dict[str, dict[str, str]]:
        """article id -> {origin, origin_kind, uploader, ingested_at, content_hash} of finished articles."""
        out: dict[str, dict[str, str]] = {}
        for i in range(0, len(article_ids), 500):
            part = article_ids[i : i + 500]
            rows = self._all(
                "SELECT id, origin, origin_kind, uploader, ingested_at, content_hash FROM articles "
                f"WHERE state='done' AND id IN ({','.join('?' * len(part))})",
                part,
            )
            for r in rows:
                out[r[0]] = {
                    "origin": r[1],
                    "origin_kind": r[2] or "",
                    "uploader": r[3] or "",
                    "ingested_at": r[4] or "",
                    "content_hash": r[5],
                }
        return out

    def log_changes(self, records: list[dict[str, Any]]) -> None:
        """Append replaced/removed-article records to <index>/changes.jsonl (one JSON object per line, fsynced)."""
        if not records:
            return
        with self._lock, open(self.directory / CHANGES_FILE, "a", encoding="utf-8") as f:
            f.write("".join(dump_json(r) + "\n" for r in records))
            f.flush()
            os.fsync(f.fileno())

    def changes(self, last: int = 5) -> tuple[int, list[dict[str, Any]]]:
        """(how many changes are logged, the last `last` of them, newest last); a torn last line is skipped."""
        path = self.directory / CHANGES_FILE
        if not path.is_file():
            return 0, []
        records: list[dict[str, Any]] = []
        count = 0
        with self._lock, open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                count += 1
                records.append(record)
                if len(records) > last:
                    records.pop(0)
        return count, records[-last:] if last else []

    # ---- reading (rag) ----------------------------------------------------------------------------------------------
    def stats(self) -> IndexStats:
        def q(sql: str) -> list[tuple[Any, ...]]:
            return self._all(sql)

        sources = dict(
            q(
                "SELECT COALESCE(NULLIF(source, ''), '(unknown)'), COUNT(*) FROM articles WHERE state='done' "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            )
        )
        return IndexStats(
            articles=q("SELECT COUNT(*) FROM articles WHERE state='done'")[0][0],
            chunks=q("SELECT COUNT(*) FROM chunks")[0][0],
            dense_chunks=self.collection.count(),
            keyword_docs=q("SELECT COUNT(*) FROM chunks_fts")[0][0],
            pending=q("SELECT COUNT(*) FROM articles WHERE state='pending'")[0][0],
            sources=sources,
        )

    def has_articles(self) -> bool:
        return bool(self._all("SELECT 1 FROM articles WHERE state='done' LIMIT 1"))

    def article(self, article_id: str) -> Article | None:
        rows = self._all(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? AND state='done'", (article_id,))
        return Article(*rows[0]) if rows else None

    def articles_by_id(self, article_ids: set[str] | list[str]) -> dict[str, Article]:
        ids = list(article_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._all(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE state='done' AND id IN ({marks})", ids)
        return {r[0]: Article(*r) for r in rows}

    def chunks_by_id(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        """Chunks with their text cut from the article text (the one source of truth for offsets)."""
        if not chunk_ids:
            return {}
        marks = ",".join("?" * len(chunk_ids))
        rows = self._all(
            f'SELECT c.id, c.article_id, c.start, c."end", substr(a.text, c.start + 1, c."end" - c.start) '
            f"FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})",
            chunk_ids,
        )
        return {r[0]: Chunk(id=r[0], article_id=r[1], start=r[2], end=r[3], text=r[4]) for r in rows}

    def sources_of_chunks(self, chunk_ids: set[str] | list[str]) -> dict[str, str]:
        """chunk id -> its article's source, for chunks of stored articles."""
        ids = list(chunk_ids)
        if not ids:
            return {}
        # Two small lookups instead of one join: joining reads each chunk's article row (text and all), ~4x slower
        # for the 1,500 chunks of an outlet search at 100k chunks.
        article_of = dict(self._all(f"SELECT id, article_id FROM chunks WHERE id IN ({','.join('?' * len(ids))})", ids))
        articles = list(set(article_of.values()))
        if not articles:
            return {}
        source = dict(
            self._all(
                f"SELECT id, source FROM articles WHERE state='done' AND id IN ({','.join('?' * len(articles))})",
                articles,
            )
        )
        return {cid: source[aid] for cid, aid in article_of.items() if aid in source}

    def keyword_search(
        self, match: str, filters: Filters, limit: int, title_weight: float, text_weight: float
    ) -> list[tuple[str, float]]:
        """(chunk id, BM25 score, higher is better) for an FTS5 MATCH expression, best first."""
        where, params = _filter_sql(filters)
        score = f"-bm25(chunks_fts, {float(title_weight)}, {float(text_weight)})"
        if where:
            sql = (
                f"SELECT c.id, {score} AS score FROM chunks_fts "
                "JOIN chunks c ON c.rowid = chunks_fts.rowid JOIN articles a ON a.id = c.article_id "
                f"WHERE chunks_fts MATCH ?{where} ORDER BY score DESC LIMIT ?"
            )
        else:  # rank inside FTS5 first and join only the winners: joining every match reads its article row
            sql = (
                f"SELECT c.id, f.score FROM (SELECT rowid, {score} AS score FROM chunks_fts WHERE chunks_fts MATCH ? "
                "ORDER BY score DESC LIMIT ?) f JOIN chunks c ON c.rowid = f.rowid ORDER BY f.score DESC"
            )
        rows = self._all(sql, [match, *params, limit])
        return [(r[0], float(r[1])) for r in rows]

    def dense_search(self, vector: np.ndarray, filters: Filters, limit: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity), best first."""
        # chromadb 1.5 returns fewer results (or [[]]) when the collection holds fewer: no count() round trip needed.
        # Metadata is not asked for: Chroma takes ~75 ms to attach it to 1,000 results at 100k chunks.
        result = self.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=limit,
            where=_chroma_where(filters),
            include=["distances"],
        )
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], result["distances"][0])]

    def article_ids(self) -> list[str]:
        """Ids of every finished article, sorted."""
        return [r[0] for r in self._all("SELECT id FROM articles WHERE state='done' ORDER BY id")]

    def chunk_ids_in_order(self) -> list[str]:
        """Every chunk id in the order it was written (ingest order)."""
        return [r[0] for r in self._all("SELECT id FROM chunks ORDER BY rowid")]

    def urls_and_titles(self) -> tuple[set[str], set[str]]:
        """The URLs and the titles of the finished articles (evals check that a benchmark's evidence is indexed)."""
        rows = self._all("SELECT url, title FROM articles WHERE state = 'done'")
        return {r[0] for r in rows if r[0]}, {r[1] for r in rows if r[1]}

    def vectors_by_article(self, article_ids: list[str]) -> dict[str, np.ndarray]:
        """The stored chunk vectors of each article, one row per chunk."""
        out: dict[str, list[np.ndarray]] = {}
        for i in range(0, len(article_ids), 200):
            got = self.collection.get(
                where={"article_id": {"$in": article_ids[i : i + 200]}}, include=["embeddings", "metadatas"]
            )
            for emb, meta in zip(got["embeddings"], got["metadatas"]):
                out.setdefault(meta["article_id"], []).append(np.asarray(emb, dtype=np.float32))
        return {k: np.stack(v) for k, v in out.items()}

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._all("SELECT id FROM chunks")}

    def dense_ids(self) -> set[str]:
        ids: set[str] = set()
        total, offset = self.collection.count(), 0
        while offset < total:
            ids.update(self.collection.get(include=[], limit=5000, offset=offset)["ids"])
            offset += 5000
        return ids

    def sources(self) -> list[str]:
        rows = self._all("SELECT DISTINCT source FROM articles WHERE state='done' AND source != '' ORDER BY 1")
        return [r[0] for r in rows]

    def list_articles(
        self, source: str | None = None, since: str = "", until: str = "", limit: int = 200, offset: int = 0
    ) -> tuple[list[ArticleListing], int]:
        """(one page of finished articles, newest first then by title; how many match in all), for browsing.

        `source` "" means articles without an outlet; None means every outlet. Dates are inclusive ISO days.
        """
        clauses: list[str] = ["a.state = 'done'"]
        params: list[str | int] = []
        if source is not None:
            clauses.append("COALESCE(a.source, '') = ?")
            params.append(source)
        dates, bounds = _date_sql(Filters(since=since, until=until))
        clauses += dates
        params += bounds
        where = " AND ".join(clauses)
        total = self._all(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)[0][0]
        rows = self._all(
            "SELECT a.id, COALESCE(a.title, ''), COALESCE(a.source, ''), COALESCE(a.published_at, ''), "
            "COALESCE(a.url, ''), a.origin, LENGTH(a.text), (SELECT COUNT(*) FROM chunks c WHERE c.article_id = a.id) "
            f"FROM articles a WHERE {where} ORDER BY a.published_at DESC, a.title, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArticleListing(*r) for r in rows], total

    def close(self) -> None:
        self.db.close()


def _filter_sql(filters: Filters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if filters.sources:
        clauses.append(f"a.source IN ({','.join('?' * len(filters.sources))})")
        params += filters.sources
    dates, bounds = _date_sql(filters)
    return "".join(" AND " + c for c in clauses + dates), params + bounds


def _date_sql(filters: Filters) -> tuple[list[str], list[int]]:
    """SQL clauses (on articles `a`) and parameters for the filters' publication-date range."""
    lo, hi = filters.ts_range()
    clauses, params = [], []
    if lo is not None:
        clauses.append("a.published_ts >= ?")
        params.append(lo)
    if hi is not None:
        clauses.append("a.published_ts <= ?")
        params.append(hi)
    return clauses, params


def _chroma_where(filters: Filters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.sources:
        clauses.append({"source": {"$in": list(filters.sources)}})
    lo, hi = filters.ts_range()
    if lo is not None:
        clauses.append({"published_ts": {"$gte": lo}})
    if hi is not None:
        clauses.append({"published_ts": {"$lte": hi}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _chunk_metadata(chunk: Chunk, article: Article) -> dict[str, str | int]:
    return {
        "article_id": chunk.article_id,
        "start": chunk.start,
        "end": chunk.end,
        "source": article.source,
        "published_ts": article.published_ts,
        "title": article.title[:500],
    }


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
