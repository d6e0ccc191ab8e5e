"""BM25 keyword search over the SQLite FTS5 side of the index."""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from rag.core.types import Filters
from rag.core.store import Store

# Words that match nearly every chunk: they cost time and carry no signal for ranking.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also said says according article report
    reported news""".split()
)
WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)
TITLE_WEIGHT, TEXT_WEIGHT = 0.5, 1.0  # bm25() column weights: a title word counts less than one in the passage


def query_terms(question: str) -> list[str]:
    terms, seen = [], set()
    for word in WORD.findall(question.lower()):
        word = word.replace("’", "'").strip(".'-")
        if word and word not in STOPWORDS and word not in seen:
            seen.add(word)
            terms.append(word)
    return terms


# The original Porter algorithm, as FTS5's porter tokenizer uses; snowballstemmer imports in milliseconds where
# nltk takes ~2 s, which a cold `newsrag ask` would pay.
_PORTER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _PORTER.stemWord(word)


def stems(text: str) -> set[str]:
    """Stems of the searchable words of a text (stopwords dropped)."""
    return {stem(t) for t in query_terms(text)}


def _match_expression(terms: list[str]) -> str:
    # Quoted terms: FTS5 operators or punctuation in a question can never become query syntax.
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def keyword_search(store: Store, question: str, filters: Filters, limit: int) -> list[tuple[str, float]]:
    """(chunk id, BM25 score, higher is better), best first."""
    terms = query_terms(question)
    if not terms:
        return []
    return store.keyword_search(_match_expression(terms), filters, limit, TITLE_WEIGHT, TEXT_WEIGHT)
