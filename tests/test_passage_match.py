"""The reranker's lexical features: the passage with the sentence that restates the question scores highest."""

from __future__ import annotations

import os

import numpy as np

from rag.passage_match import MATCH_FEATURES, clauses, match_features, passage_terms, stem_sequence

QUESTION = (
    "Do the articles from 'Science News For Students' and 'Fortune' both suggest that scientists made no "
    "advances, with one manufacturing quantum dots in a lab?"
)
EVIDENCE = (
    "The prize went to three chemists. But it wasn't until several decades later that scientists could "
    "manufacture quantum dots in a lab. Their colour depends on size."
)
# As many of the question's words, but spread over sentences that each say something else.
SAME_TOPIC = (
    "Scientists study physics. Quantum computing is hard. A lab opened in Fortune Bay. Dots appear on "
    "screens. Nobody manufactures them."
)
OFF_TOPIC = "The Chiefs beat the Bills on Sunday night."


def column(name: str, rows: np.ndarray) -> np.ndarray:
    return rows[:, MATCH_FEATURES.index(name)]


def test_the_restating_sentence_beats_scattered_words() -> None:
    rows = match_features(QUESTION, [EVIDENCE, SAME_TOPIC, OFF_TOPIC], ["a", "b", "c"])
    assert rows.shape == (3, len(MATCH_FEATURES))
    best = column("sentence_best", rows)
    assert best[0] > best[1] > best[2] == 0.0
    assert abs(column("idf_cover", rows)[0] - column("idf_cover", rows)[1]) < 0.2  # the passages alone tie
    assert column("bigram_cover", rows)[0] > column("bigram_cover", rows)[1]  # "quantum dot", "dot lab"


def test_values_stay_in_unit_range_and_empty_inputs_work() -> None:
    rows = match_features(QUESTION, [EVIDENCE, "", OFF_TOPIC, EVIDENCE], ["a", "b", "c", "a"])
    assert np.isfinite(rows).all() and (rows >= 0).all() and (rows <= 1).all()
    assert not rows[1][:-1].any()  # an empty passage matches nothing (it is still the best of its own article)
    assert match_features("", [EVIDENCE], ["a"]).tolist() == [[0.0] * 6 + [0.0, 1.0]]  # no question words
    assert match_features(QUESTION, [], []).shape == (0, len(MATCH_FEATURES))


def test_the_best_passage_of_an_article_is_marked() -> None:
    rows = match_features(QUESTION, [EVIDENCE, SAME_TOPIC], ["same", "same"])
    assert column("article_sentence_best", rows).tolist() == [column("sentence_best", rows)[0]] * 2
    assert column("is_article_best", rows).tolist() == [1.0, 0.0]


def test_a_multi_part_question_splits_into_its_parts() -> None:
    parts = clauses(
        "Does the TechCrunch article on Israel's tech employees suggest a larger impact, compared to "
        "the TechCrunch article on GitLab's workforce reduction?"
    )
    assert len(parts) == 2
    assert "gitlab" in parts[1] and "gitlab" not in parts[0]
    assert clauses("What did Keane say, then?") == [
        frozenset(stem_sequence("What did Keane say then"))
    ]  # short part joins


def test_sentences_and_bigrams_of_a_passage() -> None:
    terms = passage_terms("Dr. Smith met Keane. They talked about Beijing.")
    assert len(terms.sentences) == 2  # "Dr." does not end a sentence
    assert ("smith", "met") in terms.bigrams and stem_sequence("They talked") == ("talk",)


def test_stems_come_from_the_c_stemmer_and_equal_fts5_porter() -> None:
    import Stemmer

    from rag.core.text import _PORTER, stem

    # PyStemmer (a dependency) is what snowballstemmer hands out when installed: same algorithm, ~13x faster
    assert isinstance(_PORTER, Stemmer.Stemmer)
    assert [stem(w) for w in ("reported", "manufacturing", "relational", "ponies", "generously")] == [
        "report",
        "manufactur",
        "relat",
        "poni",
        "gener",
    ]


def test_the_features_are_the_same_bits_in_every_process_whatever_its_hash_seed():
    # a set's order differs between processes; summed in that order, two passages that tie could swap places
    import subprocess
    import sys

    script = (
        "from rag.passage_match import match_features\n"
        "q = 'Did the Daily Ledger report that Globex cut prices, raised fees and hired Mara Lind in Ostland?'\n"
        "texts = ['Globex cut prices in Ostland and raised fees.', 'Mara Lind was hired by Globex in Ostland.',\n"
        "         'The Daily Ledger reported fees, prices and a hire at Globex.']\n"
        "print(match_features(q, texts, ['a', 'b', 'c']).tobytes().hex())\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert len(runs) == 1


def test_the_get_of_a_passive_question_is_not_searched_for():
    from rag.core.text import query_terms
    from rag.passage_match import MATCH_FEATURES, match_features

    assert query_terms("Did Mara Lind get fired?") == ["mara", "lind", "fired"]
    # "get" is the rarest word of a pool about Mara Lind, but not what is asked: the sentence saying she was fired
    # restates the question, not the one that gets something for $60
    passages = [
        "Mara Lind opened the plant. You can get it for $60.",
        "Mara Lind was fired on Friday.",
        "Mara Lind fired up the crowd at the forum.",
        "Mara Lind said rivals fired staff.",
        "Mara Lind met Theo Park.",
    ]
    rows = match_features("Did Mara Lind get fired?", passages, ["a", "b", "c", "d", "e"])
    best = rows[:, MATCH_FEATURES.index("sentence_best")]
    assert best[1] > best[0], best
