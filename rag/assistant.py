"""The Python API: `Assistant.open(index).ask(question)`, and `.chat()` for a conversation (rag/conversation.py); the
CLI and the UI are thin layers over it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rag.answer.names import spelled_out
from rag.answerers import AnswerRequest, get_answerer
from rag.conversation import Conversation
from rag.core.embedder import get_query_embedder
from rag.core.errors import IndexUnavailable, InputError
from rag.core.settings import get_settings
from rag.core.store import Store
from rag.core.text import check_question, restore_case
from rag.core.types import Answer, Filters, Hit
from rag.query import parse_date, read_hints, resolve_sources
from rag.retrieve import HybridRetriever

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def language_warning(question: str) -> list[str]:
    letters = sum(ch.isalpha() for ch in question)
    latin = sum(len(w) for w in _LATIN_WORD.findall(question))
    if letters and latin / letters < 0.5:
        return ["newsrag's models read English; a question in another language may find poor matches"]
    return []


class Assistant:
    """Answers questions over one index with cited, exact quotes."""

    def __init__(self, store: Store):
        self.store = store
        self.embedder = get_query_embedder()
        self.retriever = HybridRetriever(store, self.embedder)

    @classmethod
    def open(cls, index: str | Path | None = None, chroma_url: str | None = None) -> Assistant:
        s = get_settings()
        url = s.chroma_url if chroma_url is None else chroma_url
        return cls(Store(index or s.index, chroma_url=url, chroma_token=s.chroma_token))

    def filters(
        self, source: str | list[str] | None = None, since: str | None = None, until: str | None = None
    ) -> Filters:
        sources = [source] if isinstance(source, str) else list(source or [])
        sources = [s for s in sources if s and s.strip()]
        f = Filters(
            sources=resolve_sources(sources, self.store.sources()) if sources else [],
            since=parse_date(since or "", "since"),
            until=parse_date(until or "", "until"),
        )
        if f.since and f.until and f.since > f.until:
            raise InputError(f"since {f.since} is after until {f.until}: swap them")
        return f

    def retrieve(
        self,
        question: str,
        k: int = 10,
        source: str | list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        timings: dict | None = None,
    ) -> list[Hit]:
        """The ranked passages that answering would use."""
        question = check_question(question)
        if k < 1:
            raise InputError(f"k must be at least 1, got {k}")
        hints = read_hints(question, self.store.sources())
        return self.retriever.retrieve(
            question, k=k, filters=self.filters(source, since, until), hints=hints, timings=timings
        )

    def ask(
        self,
        question: str,
        source: str | list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        answerer: str | None = None,
        history: list[tuple[str, str]] | None = None,
        on_token: Callable[[str], None] | None = None,
        search_query: str | None = None,
        already_said: set[tuple[str, int, int]] | None = None,
    ) -> Answer:
        """Answer with cited quotes, or refuse when the articles do not say. `search_query` overrides what is retrieved;
        `answerer` names one of rag.answerers.ANSWERERS (default: the `answerer` setting); `already_said` spans
        ((article id, start, end), quoted in earlier turns) cannot be quoted again."""
        started = time.perf_counter()
        question = check_question(question)
        spec = get_answerer(answerer)
        filters = self.filters(source, since, until)
        if not self.store.has_articles():
            raise IndexUnavailable(
                f"the index at {self.store.directory} is empty: run `newsrag ingest PATH --index {self.store.directory}`"
            )
        timings: dict[str, float] = {}
        query = search_query or question
        hits = self.retriever.retrieve(
            query, k=10, filters=filters, hints=read_hints(query, self.store.sources()), timings=timings
        )
        # typed all in lower case (or capitals), the question gets its names' capitals from the passages found: names
        # are read by their capitals ("did ostland win ...?" asks about Ostland)
        restored = (
            restore_case(question, (h.article.text[h.chunk.start : h.chunk.end] for h in hits))
            if search_query is None
            else question
        )
        # a name written by its initials ("Was TW fined?") is asked as the passages found spell it ("Tide Works")
        if search_query is None:
            restored = spelled_out(restored, [h.article.text[h.chunk.start : h.chunk.end] for h in hits])
        if restored != question:
            question = query = restored
            hits = self.retriever.retrieve(
                query, k=10, filters=filters, hints=read_hints(query, self.store.sources()), timings=timings
            )
        if already_said:
            hits = without_spans(hits, already_said)
        t_answer = time.perf_counter()
        if not hits:
            what = "match the filters" if not filters.is_empty() else "match the question"
            answer = Answer(question=question, text=f"No articles {what}; nothing to answer from.", refused=True)
        else:
            answer = spec.answer(
                AnswerRequest(
                    question,
                    hits,
                    self.embedder,
                    history,
                    on_token,
                    retrieve_part=lambda q, k, part: self._retrieve_part(q, k, part, filters),
                    sources=self.store.sources,
                    article=self.store.article,
                )
            )
        answer.warnings = language_warning(question) + answer.warnings
        answer.timings_ms.update(timings)
        answer.timings_ms["answer_ms"] = (time.perf_counter() - t_answer) * 1000
        answer.timings_ms["total_ms"] = (time.perf_counter() - started) * 1000
        return answer

    def _retrieve_part(self, query: str, k: int, part: Filters, user: Filters) -> list[Hit]:
        """One part's evidence: the part's outlet and day, inside whatever the user filtered to."""
        sources = part.sources if not user.sources else [s for s in part.sources or user.sources if s in user.sources]
        if part.sources and not sources:
            return []
        since = max(part.since, user.since) if part.since and user.since else part.since or user.since
        until = min(part.until, user.until) if part.until and user.until else part.until or user.until
        if since and until and since > until:
            return []
        return self.retriever.retrieve(query, k=k, filters=Filters(sources=sources, since=since, until=until))

    def chat(self, **defaults) -> Conversation:
        """A conversation: follow-up questions are read against the earlier turns."""
        return Conversation(self, defaults)

    def close(self) -> None:
        self.store.close()


def without_spans(hits: list[Hit], spans: set[tuple[str, int, int]]) -> list[Hit]:
    """The hits with each given span blanked out (same length, so every other offset still holds): a sentence
    quoted before cannot be picked again, and the rest of its passage still can."""
    out = []
    for hit in hits:
        cut = [(s, e) for aid, s, e in spans if aid == hit.article_id and s < len(hit.article.text)]
        if not cut:
            out.append(hit)
            continue
        text = hit.article.text
        for s, e in cut:
            text = text[:s] + " " * (e - s) + text[e:]
        article = replace(hit.article, text=text)
        chunk = replace(hit.chunk, text=text[hit.chunk.start : hit.chunk.end])
        out.append(replace(hit, chunk=chunk, article=article))
    return out
