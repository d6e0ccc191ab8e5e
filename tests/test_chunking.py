"""Chunking: exact offsets, the embedder's real token budget, sentence boundaries, small overlap."""

from __future__ import annotations

import pytest

from ingest.chunking import Chunker
from rag.core.embedder import MAX_TOKENS, get_tokenizer_counter
from rag.core.text import split_sentences
from rag.core.types import Article
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def chunker() -> Chunker:
    return Chunker(get_tokenizer_counter())


def test_sentences_keep_abbreviations_and_quotes_together():
    text = 'He said the U.S. was ready. Mr. Smith left at 5 p.m. on Jan. 3. "Really?" she asked.\nNew para! J. K. Rowling wrote.'
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "He said the U.S. was ready.",
        "Mr. Smith left at 5 p.m. on Jan. 3.",
        '"Really?" she asked.',
        "New para!",
        "J. K. Rowling wrote.",
    ]


def test_a_one_letter_word_ends_a_sentence_when_a_sentence_opener_follows_it():
    # "Model Y. Yet ..." is two sentences; a claim about the second must not be read into the first
    text = "Globex started delivering the Model Y. Yet, its Tide truck came later. Mara J. Lind said so. Plan B. The board agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Globex started delivering the Model Y.",
        "Yet, its Tide truck came later.",
        "Mara J. Lind said so.",
        "Plan B.",
        "The board agreed.",
    ]


def test_initials_joined_by_dots_stay_inside_the_sentence():
    # "M.J. Lind threw ..." is one sentence: a claim about what Lind did must find its doer in it
    text = "Ostland QB M.J. Lind threw for 300 yards. Signed by A.B. The board agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Ostland QB M.J. Lind threw for 300 yards.",
        "Signed by A.B.",
        "The board agreed.",
    ]


def test_sentence_spans_cover_every_word_once():
    text = "One. Two!  Three?\n\nFour"
    spans = split_sentences(text)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_offsets_invariant_and_budget_on_the_seed_article(chunker):
    text = next(CORPUS.glob("*.md")).read_text().split("---\n", 2)[2]
    article = Article(id="seed", title="t", text=text)
    chunks = chunker.chunk(article)
    count = get_tokenizer_counter()
    assert len(chunks) >= 3
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert count([c.text])[0] <= chunker.max_tokens < MAX_TOKENS
    # every sentence is in some chunk
    for s, e in split_sentences(text):
        assert any(c.start <= s and e <= c.end for c in chunks)
    # neighbours overlap by at most one short sentence, never by more than the overlap budget
    for a, b in zip(chunks, chunks[1:]):
        assert b.start >= a.start
        if b.start < a.end:
            assert count([text[b.start : a.end]])[0] <= chunker.overlap_tokens


def test_a_sentence_longer_than_the_budget_is_cut_at_words(chunker):
    words = " ".join(f"word{i}" for i in range(600)) + "."
    article = Article(id="long", title="t", text=words)
    chunks = chunker.chunk(article)
    count = get_tokenizer_counter()
    assert len(chunks) > 2
    assert all(count([c.text])[0] <= chunker.max_tokens for c in chunks)
    assert all(words[c.start : c.end] == c.text and not c.text.startswith(" ") for c in chunks)


def test_chunk_ids_are_stable(chunker):
    article = Article(id="abc", title="t", text="First sentence here. Second one.")
    assert [c.id for c in chunker.chunk(article)] == [c.id for c in chunker.chunk(article)] == ["abc:0"]


def test_empty_text_gives_no_chunks(chunker):
    assert chunker.chunk(Article(id="e", title="t", text="   \n ")) == []
