"""newsrag's retriever as a llama-index `BaseRetriever`, to plug into a llama-index query engine or agent."""

from __future__ import annotations

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.assistant import Assistant


class NewsragRetriever(BaseRetriever):
    """Hybrid BM25 + dense retrieval with the trained reranker, filters included; nodes carry exact offsets."""

    def __init__(
        self,
        assistant: Assistant,
        k: int = 10,
        source: str | list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
    ):
        super().__init__()
        self.assistant = assistant
        self.k = k
        self.source, self.since, self.until = source, since, until

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self.assistant.retrieve(
            query_bundle.query_str, k=self.k, source=self.source, since=self.since, until=self.until
        )
        return [
            NodeWithScore(
                node=TextNode(
                    id_=h.chunk.id,
                    text=h.text,
                    metadata={
                        "article_id": h.article_id,
                        "title": h.title,
                        "source": h.source,
                        "published_at": h.article.published_at,
                        "url": h.article.url,
                        "start": h.chunk.start,
                        "end": h.chunk.end,
                    },
                    # the text a node shows an LLM: title, outlet and date first, as in our own prompts
                    excluded_llm_metadata_keys=["article_id", "url", "start", "end"],
                    excluded_embed_metadata_keys=["article_id", "url", "start", "end"],
                ),
                score=h.score,
            )
            for h in hits
        ]
