"""The retriever plugs into llama-index: a query engine built from it gets our ranked, exact-offset passages."""

from __future__ import annotations

from llama_index.core.llms.mock import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine

from rag.llama import NewsragRetriever
from tests.conftest import CANONICAL_QUESTION


def test_nodes_match_assistant_retrieve(seed_assistant):
    retriever = NewsragRetriever(seed_assistant, k=3)
    nodes = retriever.retrieve(CANONICAL_QUESTION)
    hits = seed_assistant.retrieve(CANONICAL_QUESTION, k=3)
    assert [n.node.node_id for n in nodes] == [h.chunk.id for h in hits]
    for n in nodes:
        article = seed_assistant.store.article(n.node.metadata["article_id"])
        assert article.text[n.node.metadata["start"] : n.node.metadata["end"]] == n.node.text


def test_query_engine_from_llama_index_uses_our_passages(seed_assistant):
    # MockLLM is llama-index's own offline LLM: the engine, prompt building and node handling are all real.
    engine = RetrieverQueryEngine.from_args(NewsragRetriever(seed_assistant, k=2), llm=MockLLM(max_tokens=8))
    response = engine.query(CANONICAL_QUESTION)
    assert len(response.source_nodes) == 2
    assert any("Keane" in n.node.text for n in response.source_nodes)


def test_filters_reach_the_retriever(seed_assistant):
    assert NewsragRetriever(seed_assistant, since="2024-01-01").retrieve(CANONICAL_QUESTION) == []
