"""Hybrid retrieval: dense (Chroma) and BM25 (FTS5) candidates, fused, filtered and boosted by news hints."""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from rag.embedder import Embedder
from rag.keyword import keyword_search
from rag.query import Filters, QueryHints
from rag.store import Store
from rag.types import Hit

CANDIDATES = 50  # per side, before fusion


@dataclass
class FusionWeights:
    """Chosen on the tuning half of the MultiHop-RAG dev queries (evals/tune_retrieval.py), reported on the other half."""

    rrf_k: float = 60.0
    dense: float = 1.0
    keyword: float = 1.0
    source_boost: float = 0.0  # added to the fused score of chunks from an outlet the question names
    date_boost: float = 0.0  # added for chunks inside a time the question names


def chroma_where(filters: Filters) -> dict | None:
    clauses: list[dict] = []
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


def dense_search(store: Store, vector: np.ndarray, filters: Filters, limit: int) -> list[tuple[str, float, dict]]:
    """(chunk id, cosine similarity, metadata), best first."""
    total = store.collection.count()
    if total == 0:
        return []
    result = store.collection.query(
        query_embeddings=[vector.tolist()], n_results=min(limit, total), where=chroma_where(filters),
        include=["distances", "metadatas"],
    )
    return [(i, 1.0 - d, m) for i, d, m in zip(result["ids"][0], result["distances"][0], result["metadatas"][0])]


class HybridRetriever:
    def __init__(self, store: Store, embedder: Embedder, weights: FusionWeights | None = None):
        self.store = store
        self.embedder = embedder
        self.weights = weights or FusionWeights()

    def retrieve(self, question: str, k: int = 10, filters: Filters | None = None, hints: QueryHints | None = None,
                 timings: dict | None = None) -> list[Hit]:
        filters = filters or Filters()
        hints = hints or QueryHints()
        timings = timings if timings is not None else {}
        w = self.weights

        t0 = time.perf_counter()
        vector = self.embedder.encode([question])[0]
        dense = dense_search(self.store, vector, filters, CANDIDATES)
        t1 = time.perf_counter()
        keyword = keyword_search(self.store, question, filters, CANDIDATES)
        t2 = time.perf_counter()
        timings["dense_ms"] = (t1 - t0) * 1000
        timings["keyword_ms"] = (t2 - t1) * 1000

        # Reciprocal-rank fusion: rank-based, so BM25's unbounded scores and cosine need no common scale.
        fused: dict[str, float] = {}
        for rank, (cid, _, _) in enumerate(dense):
            fused[cid] = fused.get(cid, 0.0) + w.dense / (w.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(keyword):
            fused[cid] = fused.get(cid, 0.0) + w.keyword / (w.rrf_k + rank + 1)

        chunks = self.store.chunks_by_id(list(fused))
        articles = {}
        for chunk in chunks.values():
            if chunk.article_id not in articles:
                articles[chunk.article_id] = self.store.article(chunk.article_id)
        top = 1.0 / (w.rrf_k + 1)  # boosts are in units of a first-rank vote
        hint_lo, hint_hi = Filters(since=hints.since, until=hints.until).ts_range()
        for cid in fused:
            article = articles[chunks[cid].article_id] if cid in chunks else None
            if article is None:
                continue
            if hints.sources and article.source in hints.sources:
                fused[cid] += w.source_boost * top
            if (hint_lo or hint_hi) and article.published_ts and (hint_lo or 0) <= article.published_ts <= (hint_hi or 2**62):
                fused[cid] += w.date_boost * top

        ranked = sorted((cid for cid in fused if cid in chunks and articles.get(chunks[cid].article_id)), key=lambda c: (-fused[c], c))
        timings["fuse_ms"] = (time.perf_counter() - t2) * 1000
        return [Hit(chunk=chunks[c], article=articles[chunks[c].article_id], score=fused[c]) for c in ranked[:k]]
