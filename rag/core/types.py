"""The data types every stage shares: Article -> Chunk -> Hit -> Citation/Answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass
class Article:
    """One news article, normalised. `text` is what chunks and citations point into."""

    id: str
    title: str
    text: str
    source: str = ""
    author: str = ""
    published_at: str = ""  # ISO date "YYYY-MM-DD", "" when unknown
    published_ts: int = 0  # epoch seconds of published_at (00:00 UTC), 0 when unknown; Chroma filters need numbers
    url: str = ""
    origin: str = ""  # the file or URL it was loaded from; `ingest --sync` removes articles whose origin is gone
    published_instant: int = 0  # epoch seconds of the publication time when one is given (orders a day's reports)


@dataclass
class Chunk:
    """A passage of an article; `article.text[start:end] == text` always holds."""

    id: str
    article_id: str
    text: str
    start: int
    end: int


@dataclass
class Hit:
    """A retrieved chunk with its article and the score that ranked it."""

    chunk: Chunk
    article: Article
    score: float

    @property
    def text(self) -> str:
        return self.chunk.text

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def source(self) -> str:
        return self.article.source


@dataclass
class Citation:
    """An exact span of an article backing one answer sentence: `quote == article.text[start:end]`."""

    n: int
    article_id: str
    title: str
    source: str
    published_at: str
    url: str
    quote: str
    start: int
    end: int
    score: float

    @classmethod
    def of_span(cls, n: int, article: Article, start: int, end: int, score: float) -> Citation:
        """Citation [n] of article.text[start:end]: the quote is cut from the article itself, so it is exact."""
        return cls(
            n=n,
            article_id=article.id,
            title=article.title,
            source=article.source,
            published_at=article.published_at,
            url=article.url,
            quote=article.text[start:end],
            start=start,
            end=end,
            score=round(float(score), 4),
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Part:
    """One part of the question, its verdict (supported | contradicted | not_mentioned) and the citations [n] behind it."""

    claim: str
    verdict: str
    citations: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"claim": self.claim, "verdict": self.verdict, "citations": list(self.citations)}


@dataclass
class Answer:
    """What `Assistant.ask` returns; `to_dict()` is the `newsrag ask --json` object."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    refused: bool = False
    hits: list[Hit] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    @property
    def answer(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "parts": [p.to_dict() for p in self.parts],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "warnings": list(self.warnings),
        }


@dataclass
class Filters:
    """Hard filters, pushed down to both the dense and the keyword side."""

    sources: list[str] = field(default_factory=list)
    since: str = ""  # inclusive ISO date
    until: str = ""  # inclusive ISO date

    def ts_range(self) -> tuple[int | None, int | None]:
        lo = _epoch(self.since) if self.since else None
        hi = _epoch(self.until) + 86399 if self.until else None
        return lo, hi

    def is_empty(self) -> bool:
        return not (self.sources or self.since or self.until)


def _epoch(iso: str) -> int:
    return int(datetime.strptime(iso, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
