"""What a reader's yes/no question is checked against, word by word (an invented index: outlets, people, teams and
companies made up for these tests): "rather than" says what was not done, "unimpressed" is the opposite of
"impressed", a score the passage gives otherwise is not said, "denied the request" refuses a request rather than
denying anything, an outlet's possessive or initials are the outlet, and a which-question offering two answers is
answered by one of them or not at all."""

from __future__ import annotations

import pytest

from rag.answer.reading import names_offered, read_question, unknown_outlets
from rag.answer.verdicts import judge
from rag.verify.lexical import contrast_denies, negation_flipped
from tests.conftest import assert_exact_quotes, index_articles

INSTEAD = "Globex invested in Tide Works rather than directly in Norrvik Freight, to partner with Tide on later deals."


def test_what_follows_rather_than_is_what_was_not_done():
    assert judge("Globex invest directly in Norrvik Freight", [INSTEAD], happened=True).label == "contradicted"
    assert judge("Globex invest in Norrvik Freight rather than in Tide Works", [INSTEAD]).label == "contradicted"
    # said the way the passage says it, or denied as it denies it, the claim holds
    assert judge("Globex invest in Tide Works rather than directly in Norrvik Freight", [INSTEAD]).supported
    assert judge("Globex not invest in Norrvik Freight directly", [INSTEAD]).supported
    assert not contrast_denies("Globex invest in Tide Works", INSTEAD)
    assert contrast_denies("Globex invested in Norrvik Freight", "Globex bought Tide Works instead of Norrvik Freight.")


def test_rather_than_does_not_split_a_question_into_two_reports():
    reading = read_question("Did Globex invest in Tide Works rather than directly in Norrvik Freight?", [])
    assert [c.claim for c in reading.clauses] == ["Globex invest in Tide Works rather than directly in Norrvik Freight"]


def test_unimpressed_is_the_opposite_of_impressed():
    passage = "Senator Mara Lind said she was impressed by the breadth of the order, though not its depth."
    assert judge("Mara Lind unimpressed by the breadth of the order", [passage]).label == "contradicted"
    assert judge("Mara Lind impressed by the breadth of the order", [passage]).supported
    # a word that only starts with "un" is no denial of another
    assert judge("Globex unveiled its ferry in May", ["Globex unveiled its ferry in May."]).supported


def test_a_score_the_passage_gives_otherwise_is_not_said():
    passage = "The most deflating element of this 1-0 defeat to Norrvik was how routine it felt for the Rovers."
    assert not judge("the Rovers go out after a 2-0 home defeat to Norrvik", [passage]).supported
    assert judge("the Rovers suffer a 1-0 defeat to Norrvik", [passage]).supported


def test_denying_a_request_is_a_refusal_not_a_denial_of_the_request():
    passage = "Around then, the governor told Ada Brin that Jon Vale had made a request: he wanted a new waiver."
    # the passage says a request was made; it says nothing of her answer, so nothing is contradicted
    assert not negation_flipped("Ada Brin denied Jon Vale's request for a waiver", passage)
    assert judge("Ada Brin denied Jon Vale's request for a waiver", [passage], happened=True).label != "contradicted"
    # a denial of a deed still denies it
    assert negation_flipped("Globex denied cutting prices", "Globex cut prices in May.")


def test_an_outlets_possessive_initials_and_a_title_with_in_are_no_unknown_outlet():
    known = ["The Daily Ledger - Sports", "Tech Wire"]
    assert unknown_outlets("According to The Daily Ledger's report on the final, who scored?", known) == []
    assert unknown_outlets("Does the DL article say the Rovers won?", known) == []
    assert unknown_outlets("Does Tech Wire's Week in Review report say Globex cut prices?", known) == []
    assert unknown_outlets("Did a Harbour Post report say Globex cut prices?", known) == ["Harbour Post"]


def test_the_two_answers_a_which_question_offers_are_read():
    assert names_offered("Which company grew faster, Globex or Tide Works?") == ("Globex", "Tide Works")
    assert names_offered("Which game was won by more: Game 2 in the Daily Ledger, or Game 3 in Tech Wire?") == (
        "Game 2 in the Daily Ledger",
        "Game 3 in Tech Wire",
    )
    # "or" inside a description offers nothing
    assert names_offered("Which company, reported by Tech Wire, sued Globex or Norrvik?") is None


GAMES = [
    (
        "Daily Ledger",
        "2023-10-28T22:00:00Z",
        "Game 2: Mariners level the series",
        (
            "The Mariners win Game 2 of the Harbour Series! The series is now tied 1-1. Mariners 9-1 Rovers, FINAL. "
            "The Mariners hit four home runs and the Mariners bullpen held the Rovers to one run."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-31T22:00:00Z",
        "Game 3: Rovers edge the Mariners",
        "The Rovers took a 2-1 series lead after defeating the Mariners in Game 3 of the Harbour Series, 3-1.",
    ),
]


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "offered_games", GAMES))


def test_a_which_question_offering_two_answers_never_leads_with_a_third(games):
    answer = games.ask(
        "Which Harbour Series game was won by the wider margin: Game 2 as covered in the Daily Ledger, or Game 3 as "
        "covered by Tech Wire?"
    )
    assert "**Mariners**" not in answer.text and "**Rovers**" not in answer.text, answer.text
    assert_exact_quotes(games, answer)
