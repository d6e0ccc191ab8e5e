"""BM25 keyword search over the SQLite FTS5 side of the index: the query built from the toolkit's search words."""

from __future__ import annotations

from rag.core.store import Store
from rag.core.text import query_terms
from rag.core.types import Filters

TITLE_WEIGHT, TEXT_WEIGHT = 0.5, 1.0  # bm25() column weights: a title word counts less than one in the passage


def _match_expression(terms: list[str]) -> str:
    # Quoted terms: FTS5 operators or punctuation in a question can never become query syntax.
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def keyword_search(store: Store, question: str, filters: Filters, limit: int) -> list[tuple[str, float]]:
    """(chunk id, BM25 score, higher is better), best first."""
    terms = query_terms(question)
    if not terms:
        return []
    return store.keyword_search(_match_expression(terms), filters, limit, TITLE_WEIGHT, TEXT_WEIGHT)
