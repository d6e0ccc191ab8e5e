"""Benchmarks and reports: MultiHop-RAG retrieval and answers, the seed gold set, and the faithfulness scorer."""

from __future__ import annotations

__all__ = ["FaithfulnessScorer"]


def __getattr__(name: str):
    # Lazy: `import evals` (and evals.metrics) must not pull in torch; only the scorer needs MiniLM.
    if name == "FaithfulnessScorer":
        from evals.faithfulness import FaithfulnessScorer

        return FaithfulnessScorer
    raise AttributeError(f"module 'evals' has no attribute {name!r}")
