"""Sentence-aware chunking sized to what the embedder really reads, with exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.text import split_sentences
from rag.core.types import Article, Chunk


def _split_long(text: str, span: tuple[int, int], n_tokens: int, budget: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than the budget at word boundaries into roughly equal pieces."""
    s, e = span
    pieces = -(-n_tokens // budget)
    words = [m.span() for m in re.finditer(r"\S+", text[s:e])]
    per_piece = -(-len(words) // pieces)
    out = []
    for i in range(0, len(words), per_piece):
        group = words[i : i + per_piece]
        out.append((s + group[0][0], s + group[-1][1]))
    return out


class Chunker:
    """Packs whole sentences into chunks of at most `max_tokens` word pieces, overlapping by one short sentence."""

    def __init__(self, count_tokens: Callable[[list[str]], list[int]], max_tokens: int = 230, overlap_tokens: int = 48):
        self.count_tokens = count_tokens
        self.max_tokens = max_tokens
        self.overlap_tokens = overlap_tokens

    def chunk(self, article: Article) -> list[Chunk]:
        text = article.text
        spans = split_sentences(text)
        if not spans:
            return []
        counts = self.count_tokens([text[s:e] for s, e in spans])
        sentences: list[tuple[int, int, int]] = []
        for span, n in zip(spans, counts):
            if n > self.max_tokens:
                pieces = _split_long(text, span, n, self.max_tokens)
                sentences += [(s, e, n) for (s, e), n in zip(pieces, self.count_tokens([text[s:e] for s, e in pieces]))]
            else:
                sentences.append((span[0], span[1], n))

        groups: list[list[tuple[int, int, int]]] = []
        current: list[tuple[int, int, int]] = []
        used = 0
        for sentence in sentences:
            # +1 per sentence: joining whitespace can merge or split word pieces at the seams
            if current and used + sentence[2] + 1 > self.max_tokens:
                groups.append(current)
                tail = current[-1]
                carry = tail[2] <= self.overlap_tokens and tail[2] + sentence[2] + 2 <= self.max_tokens
                current, used = ([tail], tail[2] + 1) if carry else ([], 0)
            current.append(sentence)
            used += sentence[2] + 1
        groups.append(current)

        chunks = []
        for i, group in enumerate(groups):
            s, e = group[0][0], group[-1][1]
            chunks.append(Chunk(id=f"{article.id}:{i}", article_id=article.id, text=text[s:e], start=s, end=e))
        return chunks
