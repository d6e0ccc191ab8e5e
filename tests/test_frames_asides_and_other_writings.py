"""The outlets a question names at its end ("..., according to Tech Wire and Bay News?"), an outlet named in an aside
("does Bay News say, like Tech Wire, that ...?"), a preposition ending a clause inside the question, a likeness that
names no value ("give the same number"), a name the articles write another way ("Sen." for "Senator"), a yes/no
question after a who-question, another competition of the same kind, and "stunned" as a win: found by the sixty-second session's testers. Each test fails on the code before its
fix."""

import pytest

from rag.answer.compose import REFUSAL
from rag.answer.reading import left_blank, read_question
from rag.answer.verdicts import judge
from tests.conftest import assert_exact_quotes, index_articles

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]

ARTICLES = [
    (
        "Tech Wire",
        "2023-10-10",
        "Globex trial, day six",
        (
            "The day started off well for the defence as it questioned Theo Park, the chief engineer of Globex and "
            "co-owner of Tide Works. Park spoke for most of the afternoon."
        ),
    ),
    (
        "Bay News",
        "2023-10-11",
        "Park's deal with prosecutors",
        "Theo Park hadn't been arrested or charged; he offered to cooperate with prosecutors at once.",
    ),
    (
        "Tech Wire",
        "2023-12-18",
        "Open apps grow",
        "Ostland Media set up its own servers, and Globex backed a harbour app called Tide Pad, too.",
    ),
    (
        "Bay News",
        "2023-12-19",
        "Why open apps matter",
        (
            "The best thing about open apps is that they let many small products grow, for lots of reasons but one in "
            "particular: there can be so many more of them."
        ),
    ),
    (
        "Coast Times",
        "2023-09-28",
        "Lind charged",
        "Sen. Mara Lind, charged with bribery in September, said she would not step down from the harbour committee.",
    ),
    (
        "Coast Times",
        "2023-12-12",
        "Ostland out",
        "Ostland have again gone out of the Coast League at the group stage, their earliest exit since 2005.",
    ),
    (
        "Bay News",
        "2023-12-13",
        "Ostland exit",
        "Ostland crashed out of the Coast League after a 1-0 loss to Norrvik, and will not play in any other cup.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "frames", ARTICLES))


def test_outlets_named_at_the_end_each_frame_the_question_as_a_deed_they_report():
    # "..., according to A and B?" read only A's clause, and judged it as loosely as "does A suggest ...?"
    for question in (
        "Was Theo Park arrested before he started cooperating with prosecutors, according to Tech Wire and Bay News?",
        "Was Theo Park arrested before he started cooperating with prosecutors, per Tech Wire or Bay News?",
        "According to Tech Wire and Bay News, was Theo Park arrested before he started cooperating with prosecutors?",
    ):
        reading = read_question(question, OUTLETS)
        assert [c.source for c in reading.clauses] == ["Tech Wire", "Bay News"], question
        assert all(c.stated for c in reading.clauses), question
        assert all(c.claim.startswith("Theo Park was arrested") for c in reading.clauses), question


def test_a_passage_naming_the_person_is_no_report_of_his_arrest(bot):
    answer = bot.ask(
        "Was Theo Park arrested before he started cooperating with prosecutors, according to Tech Wire and Bay News?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
    assert "supported" not in {p.verdict for p in answer.parts}, answer.parts
    assert_exact_quotes(bot, answer)


def test_an_outlet_named_in_an_aside_is_asked_the_same_claim(bot):
    # "say, like Tech Wire, that ..." made Bay News's claim "piece say, like", which its passage about open apps
    # "supported": a Yes though Bay News never names Globex
    question = "Does Bay News's open apps piece say, like Tech Wire, that Globex backed Tide Pad?"
    reading = read_question(question, OUTLETS)
    assert [(c.source, c.claim) for c in reading.clauses] == [
        ("Bay News", "Globex backed Tide Pad"),
        ("Tech Wire", "Globex backed Tide Pad"),
    ]
    answer = bot.ask(question)
    assert not answer.text.startswith("**Yes"), answer.text
    verdicts = {p.claim: p.verdict for p in answer.parts}
    assert list(verdicts.values()).count("supported") <= 1, answer.parts
    assert_exact_quotes(bot, answer)


@pytest.mark.parametrize(
    "question",
    [
        "Do Tech Wire and Bay News agree on how many counts Mara Lind was found guilty of?",
        "Did the Globex film open with the $100 million theaters were bracing for?",
    ],
)
def test_a_preposition_ending_a_clause_inside_the_question_is_no_blank(question):
    assert left_blank(question) == ""


def test_a_likeness_naming_no_value_or_only_a_verb_of_giving_is_not_supported_by_a_passage_sharing_the_verb():
    # "give the same number" was "give number", supported by any passage with "gives"; "give the same valuation for
    # Globex" by any passage where Globex gives something
    assert judge("give the same number", ["The new robot gives it the edge in corners over rounder bots."]).label != (
        "supported"
    )
    offer = "Globex would be willing to give him a block of 2 million shares if he signed a separation agreement."
    assert judge("give the same valuation for Globex", [offer]).label != "supported"
    assert judge("give the same valuation for Globex", ["Globex's valuation stayed at $8 billion."]).supported


def test_a_name_written_another_way_is_not_said_to_be_missing(bot):
    # the refusal said "the closest articles never mention Senator Mara Lind" beside an article on "Sen. Mara Lind"
    answer = bot.ask("Was Senator Mara Lind convicted of bribery?")
    assert "never mention" not in answer.text, answer.text
    assert not answer.text.startswith("**Yes"), answer.text
    if answer.refused:
        assert answer.text.startswith(REFUSAL) or "do not settle" in answer.text


def test_a_yes_no_question_after_a_who_question_is_a_second_question():
    from rag.answer.quoting import SECOND_QUESTION

    # a second question is answered by the closest passages, not by the name they share most (a club named as
    # "who scored the winner")
    assert SECOND_QUESTION.search("Who scored Ostland's winner on Dec 12, and do Bay News and Coast Times agree on it?")
    assert not SECOND_QUESTION.search("Which club beat Ostland and did not concede?")


def test_a_plan_said_of_one_competition_needs_that_competition_not_another_league(bot):
    # "gone out of the Coast League" held a word ("League") of "the Harbour League", so both outlets "said" Ostland
    # would drop into it
    answer = bot.ask(
        "After their Coast League group-stage exit, did Coast Times and Bay News say Ostland would drop into the "
        "Harbour League?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
    assert "supported" not in {p.verdict for p in answer.parts}, answer.parts


def test_stunning_a_named_side_is_beating_it():
    passage = "Kiwi heavyweight Theo Park stunned former champ Jon Vale in Riyadh to ruin his hopes of a title fight."
    assert judge("Theo Park beat Jon Vale", [passage], happened=True).supported
    assert not judge("Jon Vale beat Theo Park", [passage], happened=True).supported


def test_two_deeds_in_the_same_month_under_a_frame_are_judged_as_a_report_reads():
    # a relation of two deeds a report may word across sentences ("Both pleaded guilty in December") is no deed to
    # find said outright in one sentence: the frame's outlets are asked how their reports read, as before
    reading = read_question(
        "According to both Tech Wire and Bay News, did Mara Lind and Theo Park enter their pleas in the same month?",
        OUTLETS,
    )
    assert [c.source for c in reading.clauses] == ["Tech Wire", "Bay News"]
    assert not any(c.stated for c in reading.clauses)
