"""'Did Mara Lind say that she would return?' asks about her words: a passage that reports the event without giving
her words — a source's, a report's, someone else's — neither answers Yes nor No. Invented articles."""

from __future__ import annotations

import pytest

from rag.answer.verdicts import judge
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-11-18",
        "Lind out",
        (
            "Mara Lind won't be returning as chief executive, according to a report in the Daily Ledger citing a memo "
            "sent by Theo Park. Globex named an interim chief on Sunday."
        ),
    ),
    (
        "Coast Times",
        "2023-11-02",
        "Harbour plans",
        (
            "On March 24, the Daily Ledger reported that more layoffs could be on the way at Tide Works, quoting chief "
            "operating officer Ada Brin, who indicated that the company could be adding to its job cuts."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "said_by", ARTICLES))


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Mara Lind said that she would resign", "Mara Lind will not resign, a source said."),
        ("Mara Lind said that she would return", "Mara Lind won't return, according to a memo sent by Theo Park."),
        # a quoted word is no one's words
        ("Mara Lind said she would return", "Tap the “return” icon. Mara Lind might return, but it's complicated."),
    ],
)
def test_a_passage_without_the_speakers_words_neither_supports_nor_denies_what_she_said(claim, passage):
    assert judge(claim, [passage], happened=True).label == "not_mentioned"


@pytest.mark.parametrize(
    "claim, passage, label",
    [
        ("Mara Lind said that she would resign", "Mara Lind said on Monday that she would resign.", "supported"),
        ("Mara Lind said that she would resign", "“I will resign,” Lind told reporters.", "supported"),
        ("Mara Lind said that she would not resign", "Mara Lind said on Monday that she would resign.", "contradicted"),
        (
            "Ada Brin said job cuts could grow",
            "The Ledger reported more cuts, quoting Ada Brin: job cuts could grow.",
            "supported",
        ),
    ],
)
def test_her_own_words_still_decide(claim, passage, label):
    assert judge(claim, [passage], happened=True).label == label


def test_asked_whether_she_said_it_a_report_of_others_words_is_no_answer(bot):
    answer = bot.ask("Did Mara Lind say that she would return?")
    assert not answer.text.startswith(("**No", "**Yes")), answer.text
    # asked whether it happened, the same report does answer
    assert bot.ask("Did Mara Lind return as chief executive?").text.startswith("**No"), answer.text


def test_the_words_of_someone_quoted_are_theirs(bot):
    answer = bot.ask("Did Ada Brin say that the company could be adding to its job cuts?")
    assert answer.text.startswith("**Yes"), answer.text
    assert_exact_quotes(bot, answer)


def test_words_a_body_gives_are_not_the_named_persons():
    from rag.extractive import gives_words_of, said_by

    claimed = (
        "Using Ada Brin, his partner and the head of Tide Works, as a front, Lind had “secret access” to customer "
        "money, the government claimed."
    )
    # the quotation marks are the government's, about Lind: not his words
    assert not gives_words_of("Theo Lind", claimed)
    assert not said_by("Theo Lind", claimed)
    # asked what the government said, they are its words
    assert gives_words_of("the government", claimed)
    assert gives_words_of("Theo Lind", "“We never touched customer money,” Lind said.")
