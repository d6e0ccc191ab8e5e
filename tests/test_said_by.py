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


WHOSE_WORDS = [
    (
        "Harbour Post",
        "2023-10-10",
        "Lind scores twice",
        (
            "Theo Lind scored twice for the Comets on Sunday. His sister, Ida Lind, watched the game from the stands. "
            "“It was the best game of my life,” Lind said after the game. Theo Lind has now scored nine goals this "
            "season, and Theo Lind leads the league."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-12",
        "Ostland flats",
        (
            "Rent-controlled flats in Ostland are often valued at a fraction of their market price, said Jon Vale, "
            "president of the appraiser Vale Partners."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-20",
        "Globex board",
        (
            "Globex chief Ada Brin learned of the board's decision on Thursday. While Brin waited for news of the "
            "board's decision, she responded to a fan with a small smile. Board member Jon Park said the decision "
            "was final."
        ),
    ),
]


@pytest.fixture(scope="module")
def words_bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "whose_words", WHOSE_WORDS))


def test_words_given_to_a_surname_are_the_familys_best_named_not_a_relatives(words_bot):
    from rag.answer.compose import REFUSAL

    # "Lind said" is Theo Lind's, whom the article names in full most: not his sister's
    answer = words_bot.ask("What did Ida Lind say about the game?")
    assert answer.refused and answer.text.startswith(REFUSAL), answer.text
    theirs = words_bot.ask("What did Theo Lind say about the game?")
    assert not theirs.refused and "best game of my life" in theirs.text, theirs.text
    assert_exact_quotes(words_bot, theirs)
    # nor are words "said Jon Vale" gives Ada Vale's
    other = words_bot.ask("What did Ada Vale say about rent-controlled flats in Ostland?")
    assert other.refused and "Jon Vale" not in other.text, other.text


def test_a_sentence_that_only_names_the_speaker_beside_a_speech_word_gives_none_of_their_words(words_bot):
    answer = words_bot.ask("What did Ada Brin say about the board's decision?")
    assert answer.refused and "small smile" not in answer.text, answer.text


def test_words_someone_reports_another_said_are_the_others():
    from rag.extractive import said_by

    passage = "“It was an accident, I'm sorry,” Mara Brin said the comedian responded after the show."
    assert not said_by("Mara Brin", passage)
    assert judge("Mara Brin said that it was an accident", [passage], happened=True).label == "not_mentioned"
    # a "he" before the name is someone else, who speaks of him
    contrast = "He is annoyed that anyone thinks his era was less open than Lind's was: “We have reams!” he told me."
    assert not said_by("Theo Lind", contrast)
    assert said_by("Theo Lind", "Lind left the stage early, and he said he was tired.")
    # her own words, and words she says of the board, are hers
    assert said_by("Mara Brin", "“I am sorry,” Mara Brin said after the show.")
    assert said_by("Mara Brin", "Mara Brin said the board would meet on Monday.")


@pytest.mark.parametrize(
    "passage",
    [
        "“This draft reads as if Globex wrote it,” former minister Mara Brin posted on Monday.",
        "“I can't tell you how many times he came onstage,” Mara Brin recalled.",
        "Globex gave this statement from Mara Brin, its chief communications officer: “We remain committed.”",
        "Mara Brin, a spokesperson for the Ostland Animal and Plant Health Inspection Service (OAPHIS), said so.",
    ],
)
def test_words_posted_recalled_or_given_in_a_statement_are_the_named_persons(passage):
    from rag.extractive import said_by

    assert said_by("Mara Brin", passage)
    assert not said_by("Theo Park", passage)


def test_a_surname_in_an_article_that_never_gives_the_asked_first_name_is_someone_elses():
    from rag.answer.speakers import a_namesake
    from rag.extractive import said_by

    # a timeline that names no Lind in full; elsewhere Theo Lind is the Lind most named
    timeline = "In July, speaking on his podcast, Lind said he would give Ada a bracelet. Theo was left waiting."
    assert a_namesake("Ed Lind", "Lind", timeline, family="Theo Lind")  # no "Ed" in it, but "Theo": his words
    assert not a_namesake("Theo Lind", "Lind", timeline, family="Theo Lind")
    # with no other Lind named anywhere, "Lind" may be the asked one
    assert not a_namesake("Mara Lind", "Lind", "Lind told reporters the plants were on schedule.")

    # an owner named before "he" is not the one who speaks
    assert not said_by("Mara Lind", "Park denied the claims from Lind's father, before he added: “There is no need.”")
