"""Answers that answer: read the question's shape, judge each part on its own evidence, compose the direct answer.

`StructuredAnswerer.answer(question, hits)` returns an `Answer` with `parts`; open and quote questions go to the
extractive answerer (exact quotes), with a check that a quote question's topic is actually in the quotes.
"""

from rag.answer.answerer import StructuredAnswerer

__all__ = ["StructuredAnswerer"]
