"""BM25 keyword search over the SQLite FTS5 side of the index: the query built from the toolkit's search words."""

from __future__ import annotations

from rag.core.store import Store
from rag.core.text import query_terms
from rag.core.types import Filters

TITLE_WEIGHT, TEXT_WEIGHT = 0.5, 1.0  # bm25() column weights: a title word counts less than one in the passage


def _match_expression(terms: list[str]) -> str:
    # Quoted terms: FTS5 operators or punctuation in a question can never become query syntax.
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _with_split_stems(terms: list[str]) -> list[str]:
    """Each term, and its past form when Porter stems the two apart: "sue" is "sue" but "sued" and "suing" are "su"
    ("die", "lie", "tie" alike), so "Did Ostland sue Globex?" would never match "Globex was sued by Ostland"."""
    out = []
    for t in terms:
        out.append(t)
        # FTS5's own Porter stems the query: the toolkit's stem() mends this split, the index's tokenizer cannot
        if len(t) == 3 and t.endswith(("ie", "ue")) and t + "d" not in terms:
            out.append(t + "d")
    return out


def keyword_search(store: Store, question: str, filters: Filters, limit: int) -> list[tuple[str, float]]:
    """(chunk id, BM25 score, higher is better), best first."""
    terms = _with_split_stems(query_terms(question))
    if not terms:
        return []
    return store.keyword_search(_match_expression(terms), filters, limit, TITLE_WEIGHT, TEXT_WEIGHT)
