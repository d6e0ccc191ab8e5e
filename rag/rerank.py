"""A learned linear reranker over the fused candidates: cheap features, weights trained on the MultiHop-RAG tune half.

No cross-encoder with weights ships on PyPI; this ranker reads what BM25 and the embedding already computed, what a
news question says (outlets, dates, names), and how closely one sentence of the passage restates the question
(rag/passage_match.py); all of it costs well under a millisecond per candidate.
Trained by `python -m evals.train.ranker --index DIR` into rag/models/ranker.json.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag.core.text import NAME, stems
from rag.core.types import Filters
from rag.passage_match import MATCH_FEATURES, match_features, passage_terms
from rag.query import QueryHints

if TYPE_CHECKING:  # rag.retrieve imports this module; the annotation only names its type
    from rag.retrieve import Candidates

log = logging.getLogger("newsrag.rerank")
MODEL_PATH = Path(__file__).parent / "models" / "ranker.json"
FEATURES = (
    "dense_cos",
    "dense_rrf",
    "bm25_norm",
    "bm25_rrf",
    "in_both",
    "source_named_match",
    "source_named_miss",
    "date_match",
    "term_cover",
    "title_cover",
    "entity_cover",
    "first_chunk",
    "source_dense_rrf",
    "source_bm25_rrf",
    "article_best_bm25",
    "article_best_source_bm25",
    "day_named_match",
    "day_named_miss",
    *MATCH_FEATURES,
)
DAY = 86400


def features(question: str, candidates: Candidates, hints: QueryHints) -> tuple[list[str], np.ndarray]:
    """(chunk ids, matrix of FEATURES) for every candidate that still exists."""
    dense = {cid: (rank, s) for rank, (cid, s) in enumerate(candidates.dense)}
    source_dense = _best_ranks(candidates.by_source_dense)
    source_keyword = _best_ranks(candidates.by_source_keyword)
    keyword = {cid: (rank, s) for rank, (cid, s) in enumerate(candidates.keyword)}
    top_bm25 = max((s for _, s in candidates.keyword), default=1.0) or 1.0
    q_stems = stems(question, keep_possessive=True)
    entities = {w.lower().strip(".'’") for w in NAME.findall(question)} - {
        "what",
        "who",
        "which",
        "did",
        "does",
        "how",
        "when",
        "where",
        "the",
        "is",
        "was",
        "were",
        "are",
        "do",
    }
    lo, hi = Filters(since=hints.since, until=hints.until).ts_range()
    # a day named in the question matches articles published that day or the day after (time zones, late editions)
    named_days = [t for d in hints.days if (t := Filters(since=d).ts_range()[0]) is not None]
    ids, rows = [], []
    pool = sorted(set(dense) | set(keyword) | set(source_dense) | set(source_keyword))
    # article-level evidence: multi-hop questions describe a whole article, not only the passage holding the fact
    article_bm25: dict[str, float] = {}
    article_source_bm25: dict[str, float] = {}
    for cid in pool:
        chunk = candidates.chunks.get(cid)
        if chunk is None:
            continue
        aid = chunk.article_id
        article_bm25[aid] = max(article_bm25.get(aid, 0.0), keyword.get(cid, (0, 0.0))[1] / top_bm25)
        if cid in source_keyword:
            article_source_bm25[aid] = max(article_source_bm25.get(aid, 0.0), 1.0 / (source_keyword[cid] + 1))
    for cid in pool:
        chunk = candidates.chunks.get(cid)
        article = candidates.articles.get(chunk.article_id) if chunk else None
        if chunk is None or article is None:
            continue
        d_rank, d_score = dense.get(cid, (None, 0.0))
        k_rank, k_score = keyword.get(cid, (None, 0.0))
        text_stems = passage_terms(chunk.text).words
        lowered = chunk.text.lower()
        named = bool(hints.sources)
        rows.append(
            [
                d_score,
                1.0 / (d_rank + 1) if d_rank is not None else 0.0,
                k_score / top_bm25,
                1.0 / (k_rank + 1) if k_rank is not None else 0.0,
                float(d_rank is not None and k_rank is not None),
                float(named and article.source in hints.sources),
                float(named and article.source not in hints.sources),
                float(
                    bool(lo or hi) and bool(article.published_ts) and (lo or 0) <= article.published_ts <= (hi or 2**62)
                ),
                len(q_stems & text_stems) / max(1, len(q_stems)),
                len(q_stems & stems(article.title, keep_possessive=True)) / max(1, len(q_stems)),
                sum(e in lowered for e in entities) / max(1, len(entities)),
                float(chunk.start == 0),
                1.0 / (source_dense[cid] + 1) if cid in source_dense else 0.0,
                1.0 / (source_keyword[cid] + 1) if cid in source_keyword else 0.0,
                article_bm25.get(article.id, 0.0),
                article_source_bm25.get(article.id, 0.0),
                float(any(0 <= article.published_ts - d < 2 * DAY for d in named_days)),
                float(bool(named_days) and not any(0 <= article.published_ts - d < 2 * DAY for d in named_days)),
            ]
        )
        ids.append(cid)
    texts = [candidates.chunks[cid].text for cid in ids]
    matches = match_features(question, texts, [candidates.chunks[cid].article_id for cid in ids])
    return ids, np.hstack(
        [np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES) - len(MATCH_FEATURES)), matches]
    )


def _best_ranks(per_source: dict[str, list[tuple[str, float]]]) -> dict[str, int]:
    best: dict[str, int] = {}
    for ranked in per_source.values():
        for rank, (cid, _) in enumerate(ranked):
            best[cid] = min(best.get(cid, rank), rank)
    return best


def ranker_problem(path: Path = MODEL_PATH) -> str | None:
    """Why the trained ranker cannot be used (retrieval then falls back to plain fusion), or None when it can."""
    retrain = "retrain it with `python -m evals.train.ranker --index DIR`"
    if not path.is_file():
        return f"no trained ranker at {path}: retrieval uses plain fusion; {retrain}"
    try:
        data = json.loads(path.read_text())
        trained_for = tuple(data["features"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"the ranker {path} is unreadable ({exc}): retrieval uses plain fusion; {retrain}"
    if trained_for != FEATURES:
        missing, extra = sorted(set(FEATURES) - set(trained_for)), sorted(set(trained_for) - set(FEATURES))
        return (
            f"the ranker {path} is stale: trained for other features (missing {missing}, unknown {extra}); "
            f"retrieval uses plain fusion until you {retrain}"
        )
    return None


class LinearRanker:
    def __init__(self, weights: dict[str, float], bias: float = 0.0):
        self.w = np.array([weights[f] for f in FEATURES])
        self.bias = bias

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LinearRanker | None:
        """The trained ranker, or None (plain fusion) when it is missing or stale — said in a logged warning, and
        by `ranker_problem()` for `newsrag stats`, never silently."""
        problem = ranker_problem(path)
        if problem:
            log.warning("%s", problem)
            return None
        data = json.loads(path.read_text())
        return cls(dict(zip(data["features"], data["weights"])), data["bias"])

    def rank(self, question: str, candidates: Candidates, hints: QueryHints) -> list[tuple[str, float]]:
        ids, x = features(question, candidates, hints)
        if not ids:
            return []
        logits = x @ self.w + self.bias
        scores = 1.0 / (1.0 + np.exp(-logits))
        return sorted(zip(ids, (float(s) for s in scores)), key=lambda p: (-p[1], p[0]))
