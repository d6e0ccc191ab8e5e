"""What a reader's yes/no question is checked against, word by word (an invented index: outlets, people, teams and
companies made up for these tests): "rather than" says what was not done, "unimpressed" is the opposite of
"impressed", a score the passage gives otherwise is not said, "denied the request" refuses a request rather than
denying anything, an outlet's possessive or initials are the outlet, and a which-question offering two answers is
answered by one of them or not at all."""

from __future__ import annotations

import pytest

from rag.answer.reading import names_offered, read_question, unknown_outlets, with_auxiliary_first, without_aside
from rag.answer.verdicts import judge
from rag.verify.lexical import contrast_denies, hedged_words, negation_flipped
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
    assert unknown_outlets("Is it right that the Daily Ledger's Person of the Year article says so?", known) == []
    assert unknown_outlets("Did a Harbour Post report say Globex cut prices?", known) == ["Harbour Post"]


def test_a_phrase_setting_the_scene_before_the_auxiliary_leaves_a_yes_no_question():
    for typed, asked in (
        ("Despite the strike, did Globex cut prices?", "Did Globex cut prices despite the strike?"),
        (
            "Going into the final, had the Rovers never lost at home?",
            "Had the Rovers never lost at home going into the final?",
        ),
        (
            "Three days after Ostland's win, did Norrvik sack its coach?",
            "Did Norrvik sack its coach three days after Ostland's win?",
        ),
    ):
        assert with_auxiliary_first(typed) == asked
        assert read_question(typed, []).shape == "yesno", typed
    # a name the question then points back to, a statement asked about and a time that orders reports stay where
    # they are; "Going by X," is "According to X,"; an event set before the question is asked as the order it is
    assert with_auxiliary_first("Mara Lind, did she resign?") == "Mara Lind, did she resign?"
    assert with_auxiliary_first("Mara Lind resigned, is that true?") == "Mara Lind resigned, is that true?"
    assert with_auxiliary_first("Going by Tech Wire's coverage, did Globex cut prices?") == (
        "According to Tech Wire's coverage, did Globex cut prices?"
    )
    assert with_auxiliary_first("Under Mara Lind's plan, did Globex cut prices?") == (
        "Did Globex cut prices under Mara Lind's plan?"
    )
    assert with_auxiliary_first("After Tech Wire reported the vote, did Globex cut prices?") == (
        "After Tech Wire reported the vote, did Globex cut prices?"
    )
    assert with_auxiliary_first("After the vote, did Globex cut prices?") == "Did Globex cut prices after the vote?"


def test_a_figure_in_another_order_of_magnitude_denies_the_claims():
    passage = "Though the $69 billion Tide Works deal was the biggest in Globex's history, it was not its first."
    assert judge("Globex's purchase of Tide Works in a $69 million deal", [passage]).label == "contradicted"
    assert judge("Globex's purchase of Tide Works in a $69 billion deal", [passage]).label != "contradicted"
    # another amount of another thing in the same sentence denies nothing
    assert judge("Globex lost $5 million in May", ["Globex, valued at $5 billion, lost $5 million in May."]).supported


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


PIECES = [
    (
        "Tech Wire",
        "2023-12-07T10:00:00Z",
        "Early impressions of Globex's Lumen model",
        "Globex released only the lighter Lumen Lite model this week, not the full Lumen Max, which is due next year.",
    ),
    (
        "Tech Wire",
        "2023-12-09T10:00:00Z",
        "Week in review: Globex's Lumen",
        "Harbour ferries ran late all week. In other news, Norrvik opened a new bridge to traffic on Friday.",
    ),
]


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "offered_games", GAMES + PIECES))


def test_two_reports_asked_of_are_not_both_supported_by_one_article(games):
    answer = games.ask(
        "Did Tech Wire report in both of its December stories that Globex released only the lighter Lumen Lite model?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
    assert "two reports" in answer.text.split("\n")[0]
    assert_exact_quotes(games, answer)


def test_a_which_question_offering_two_answers_never_leads_with_a_third(games):
    answer = games.ask(
        "Which Harbour Series game was won by the wider margin: Game 2 as covered in the Daily Ledger, or Game 3 as "
        "covered by Tech Wire?"
    )
    assert "**Mariners**" not in answer.text and "**Rovers**" not in answer.text, answer.text
    assert_exact_quotes(games, answer)


def test_according_to_an_outlet_asks_whether_it_happened_there():
    known = ["Tech Wire", "Daily Ledger"]
    reading = read_question("According to Tech Wire, have Ada Brin and Jon Vale divorced?", known)
    assert [(c.source, c.stated) for c in reading.clauses] == [("Tech Wire", True)]
    # how a report reads is still asked as that
    reading = read_question("Does the Tech Wire article suggest that Ada Brin and Jon Vale divorced?", known)
    assert not reading.clauses[0].stated
    # "its October story" is another report of the outlet named before, with a claim of its own
    reading = read_question(
        "Is it right that the Daily Ledger's profile credits Ada Brin with a 40% rise in sales, while its October "
        "story says Globex averaged 29 million users?",
        known,
    )
    assert [c.source for c in reading.clauses] == ["Daily Ledger", "Daily Ledger"]
    assert "29 million" in reading.clauses[1].claim and "40%" in reading.clauses[0].claim


def test_a_first_name_that_is_also_a_modal_opens_a_statement():
    assert hedged_words("Will Vale and Ada Brin divorced") == frozenset()
    assert hedged_words("Will Globex cut prices?") and hedged_words("If Globex cuts prices, rivals will follow.")


def test_a_number_the_sentence_gives_another_measure_is_not_the_claims():
    passage = (
        "Per a trade report, Tech Wire TV drew an average of 27m viewers, with a total of 29m tuning in at the peak."
    )
    assert not judge("Tech Wire TV averaged 29 million viewers for the final", [passage]).supported
    assert judge("Tech Wire TV drew an average of 27 million viewers", [passage]).supported


def test_a_denial_said_only_under_a_condition_denies_nothing():
    # a heading line, a blank line, then an "if": the condition reaches as far as in any sentence
    passage = (
        "Rovers (12-1) vs. Mariners (13-0)\n\nIf Lind cannot win the argument with Ostland, would she try the Mariners?"
    )
    assert judge("Ostland's win over the Rovers", [passage]).label == "not_mentioned"
    assert judge("Globex won the case", ["If Globex cannot win the case, it will appeal."]).label == "not_mentioned"
    # said outright, or as what will not be, a denial still denies
    assert judge("Globex won the case", ["Globex did not win the case."]).label == "contradicted"
    will_not = ["Mara Lind will not return to Globex, the board said."]
    assert judge("Mara Lind come back to Globex", will_not, happened=True).label == "contradicted"


def test_a_who_question_with_a_description_aside_is_one_deed():
    assert without_aside("Who founded Tide, one of the apps Tech Wire listed?") == "Who founded Tide?"
    assert without_aside("According to Mara Lind, who built Tide — the app Tech Wire praised?") == "Who built Tide?"
    # a riddle's clauses are not an aside
    assert without_aside("Which company, reported by Tech Wire, bought Tide Works?") == ""


APPS = [
    (
        "Tech Wire",
        "2023-10-24T10:00:00Z",
        "Tide shuts down",
        (
            "Tide's founding team included co-founder Ada Brin, a former trust adviser. There are many apps to try, "
            "including smaller startups like Spilltop, Larkly and Post."
        ),
    ),
]


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "aside_apps", APPS))


def test_a_founder_no_passage_states_is_not_guessed_from_a_name_nearby(apps):
    answer = apps.ask("Who founded Larkly, one of the Twitter alternatives Tech Wire mentioned?")
    assert "**Ada Brin**" not in answer.text, answer.text
    assert answer.refused or "could not confirm" in answer.text
