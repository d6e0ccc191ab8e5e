"""Hybrid retrieval: dense (Chroma) and BM25 (FTS5) candidates, fused, filtered and boosted by news hints."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rag.core.embedder import Encoder
from rag.core.store import Store
from rag.core.types import Article, Chunk, Filters, Hit
from rag.keyword import keyword_search
from rag.query import QueryHints
from rag.rerank import LinearRanker

CANDIDATES = 50  # per side, before fusion
PER_SOURCE = 20  # per side and per outlet named in the question
# An outlet's best chunks are picked from these many unfiltered results rather than searched for with a filter:
# at 100k chunks a top-1000 Chroma query takes ~4 ms where one filtered by outlet takes ~65 ms, and BM25 costs the
# same for 500 results as for 50 (it scores every match either way).
DENSE_POOL = 1000
KEYWORD_POOL = 500


@dataclass(frozen=True)
class FusionWeights:
    """Chosen on the tune half of the MultiHop-RAG dev queries (`python -m evals.train.tune_retrieval`), reported on the other."""

    mode: str = "rrf"  # "rrf": reciprocal rank; "score": min-max normalised scores
    rrf_k: float = 60.0
    dense: float = 1.0
    keyword: float = 1.0
    source_boost: float = 0.0  # in units of a first-rank vote: chunks from an outlet the question names
    date_boost: float = 0.0  # chunks inside a time the question names


@dataclass
class Candidates:
    """Both sides' candidates for one question, with what fusion needs to know about each chunk."""

    dense: list[tuple[str, float]]
    keyword: list[tuple[str, float]]
    chunks: dict[str, Chunk]
    articles: dict[str, Article]
    # per outlet the question names: the same two searches restricted to that outlet (multi-hop questions
    # ask about one article per outlet, and each outlet's best match is what an answer needs)
    by_source_dense: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    by_source_keyword: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


def best_by_source(
    scored: list[tuple[str, float]], source_of: dict[str, str], sources: list[str], limit: int
) -> dict[str, list[tuple[str, float]]]:
    """Each outlet's best `limit` results out of one ranked list."""
    return {source: [(cid, s) for cid, s in scored if source_of.get(cid) == source][:limit] for source in sources}


def _normalised(scored: list[tuple[str, float]]) -> dict[str, float]:
    if not scored:
        return {}
    values = [s for _, s in scored]
    lo, hi = min(values), max(values)
    return {cid: (s - lo) / (hi - lo) if hi > lo else 1.0 for cid, s in scored}


def fuse(c: Candidates, w: FusionWeights, hints: QueryHints) -> list[tuple[str, float]]:
    """(chunk id, fused score), best first; ties broken by id so runs are repeatable."""
    fused: dict[str, float] = {}
    if w.mode == "score":
        for side, weight in ((c.dense, w.dense), (c.keyword, w.keyword)):
            for cid, s in _normalised(side).items():
                fused[cid] = fused.get(cid, 0.0) + weight * s
        unit = 1.0
    else:
        for side, weight in ((c.dense, w.dense), (c.keyword, w.keyword)):
            for rank, (cid, _) in enumerate(side):
                fused[cid] = fused.get(cid, 0.0) + weight / (w.rrf_k + rank + 1)
        unit = 1.0 / (w.rrf_k + 1)
    lo, hi = Filters(since=hints.since, until=hints.until).ts_range()
    for cid in list(fused):
        chunk = c.chunks.get(cid)
        article = c.articles.get(chunk.article_id) if chunk else None
        if article is None:  # removed between the two searches
            del fused[cid]
            continue
        if hints.sources and article.source in hints.sources:
            fused[cid] += w.source_boost * unit
        if (lo or hi) and article.published_ts and (lo or 0) <= article.published_ts <= (hi or 2**62):
            fused[cid] += w.date_boost * unit
    return sorted(fused.items(), key=lambda x: (-x[1], x[0]))


class HybridRetriever:
    def __init__(
        self,
        store: Store,
        embedder: Encoder,
        weights: FusionWeights | None = None,
        ranker: LinearRanker | None | bool = True,
    ):
        self.store = store
        self.embedder = embedder
        self.weights = weights or FusionWeights()
        # True: the trained ranker when rag/models/ranker.json exists; False/None: plain fusion
        self.ranker = LinearRanker.load() if ranker is True else (ranker or None)

    def candidates(
        self, question: str, filters: Filters, timings: dict[str, float], hints: QueryHints | None = None
    ) -> Candidates:
        t0 = time.perf_counter()
        named = [s for s in (hints.sources if hints else []) if not filters.sources or s in filters.sources]
        vector = self.embedder.encode([question])[0]
        dense_pool = self.store.dense_search(vector, filters, DENSE_POOL if named else CANDIDATES)
        t1 = time.perf_counter()
        keyword_pool = keyword_search(self.store, question, filters, KEYWORD_POOL if named else CANDIDATES)
        t2 = time.perf_counter()
        dense, keyword = dense_pool[:CANDIDATES], keyword_pool[:CANDIDATES]
        source_of = self.store.sources_of_chunks({cid for cid, _ in dense_pool + keyword_pool}) if named else {}
        by_source_dense = best_by_source(dense_pool, source_of, named, PER_SOURCE)
        by_source_keyword = best_by_source(keyword_pool, source_of, named, PER_SOURCE)
        pool = {cid for cid, _ in dense + keyword}
        for side in (*by_source_dense.values(), *by_source_keyword.values()):
            pool.update(cid for cid, _ in side)
        chunks = self.store.chunks_by_id(list(pool))
        articles = self.store.articles_by_id({c.article_id for c in chunks.values()})
        timings["dense_ms"] = (t1 - t0) * 1000
        timings["keyword_ms"] = (t2 - t1) * 1000
        timings["fetch_ms"] = (time.perf_counter() - t2) * 1000
        return Candidates(dense, keyword, chunks, articles, by_source_dense, by_source_keyword)

    def retrieve(
        self,
        question: str,
        k: int = 10,
        filters: Filters | None = None,
        hints: QueryHints | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Hit]:
        timings = timings if timings is not None else {}
        hints = hints or QueryHints()
        c = self.candidates(question, filters or Filters(), timings, hints)
        t0 = time.perf_counter()
        ranked = (self.ranker.rank(question, c, hints) if self.ranker else fuse(c, self.weights, hints))[:k]
        timings["rank_ms"] = (time.perf_counter() - t0) * 1000
        return [Hit(chunk=c.chunks[cid], article=c.articles[c.chunks[cid].article_id], score=s) for cid, s in ranked]
