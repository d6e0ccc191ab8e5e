"""Questions as new users type them and amounts as news writes them (an invented index: outlets, people and teams
made up for these tests): "wait", "really", "??" and a remark after the question ask nothing; "Was it X who ...?" asks
whether X did it; a share is no bare number and a claim's amount must be in the passage that supports it; a number
naming a game, a score on the way to the final one, a year-old meeting or a correction decide nothing; "according
to <outlet>" is no subject asked about."""

from __future__ import annotations

import pytest

from rag.answer.reading import cleft_asked, plainly_asked, unknown_outlets
from rag.answer.results import read_did_lose
from rag.answer.verdicts import judge
from rag.answer.when import read_event_order
from rag.verify.lexical import analyse, without_retracted
from tests.conftest import assert_exact_quotes, index_articles


def test_words_typed_around_a_question_ask_nothing():
    assert plainly_asked("wait did the rovers really lose 5-1 to the mariners?? thought it was a typo lol") == (
        "Did the rovers lose 5-1 to the mariners?"
    )
    assert plainly_asked("is tide (the app once called Wave) actually shutting down??") == "Is tide shutting down?"
    assert plainly_asked("I read that Globex cut prices — is that true?") == "Globex cut prices — is that true?"
    # what may say what is asked stays: a remark naming something, an aside that excludes, a quote's own words
    assert plainly_asked("did Globex win? Tech Wire said so") == "did Globex win? Tech Wire said so"
    assert plainly_asked("why did Tide fail? like what did the founders blame") == (
        "why did Tide fail? like what did the founders blame"
    )
    asked = "Who was hailed as a genius (but not by Tech Wire) before the collapse?"
    assert plainly_asked(asked) == asked
    asked = 'Did Mara Lind say "I really love this club"?'
    assert plainly_asked(asked) == asked


def test_was_it_x_who_asks_whether_x_did_it():
    assert cleft_asked("Was it Theo Park who got the win in his fight with Jon Vale?") == (
        "Is it true that Theo Park got the win in his fight with Jon Vale?"
    )
    assert cleft_asked("Was Globex the party that sued Tide Works in September?") == (
        "Is it true that Globex sued Tide Works in September?"
    )
    # no name, no such question: "Was it clear that ...?" asks something else
    assert cleft_asked("Was it clear that Globex won?") == "Was it clear that Globex won?"


def test_a_share_is_no_bare_number():
    claim = "Globex's new media deal as roughly a 50% increase over its current deal"
    assert analyse(claim)[1][-5:][0][0] != "50"  # the share is matched as one: "50%"
    top = "Two more drivers to feature in Globex's 2023 season and the Top 50 Drivers list are Theo Park and Jon Vale."
    assert judge(claim, [top]).label != "supported"
    said_otherwise = "Globex secured almost a 40% increase over their current media deal, yet something does not fit."
    assert judge(claim, [said_otherwise]).label != "supported"
    assert judge("Globex's new media deal as almost a 40% increase over its current deal", [said_otherwise]).label == (
        "supported"
    )
    assert {"4%", "10%"} <= set(analyse("cuts the fee by 4 percentage points, a 10 per cent saving")[0])


def test_an_amount_the_passage_never_gives_is_not_supported_by_its_other_words():
    claim = "Globex's new media deal as roughly a 50% increase over its current deal"
    drawback = "Ada Brin points out a key potential drawback with Globex's new media deal"
    assert judge(claim, [drawback]).label != "supported"
    # the amount as the passage writes it ("700K PPV sales") is held
    assert judge(
        "the Rovers fight drew 700K pay-per-view buys", ["The Rovers fight collected 700K PPV sales."]
    ).label == ("supported")


def test_a_number_naming_a_game_pairs_with_nothing():
    claim = "Ostland beat Norrvik City by more than 30 points in their Week 11 game"
    heading = "Norrvik City vs. Ostland results, highlights from Week 11 game"
    assert judge(claim, [heading], happened=True).label != "contradicted"


def test_a_correction_retracts_what_it_corrects():
    passage = (
        "Ada Brin was originally described as working at the University of Ostland. This was incorrect, and has now "
        "been corrected to say she works at Norrvik Hospital."
    )
    assert judge("Ada Brin works at the University of Ostland", [passage]).label != "supported"
    plain = "Globex bought Tide Works. That is wrong, said Mara Lind."
    assert without_retracted(plain) == plain  # an opinion that a deed was wrong corrects no sentence


def test_coming_close_is_no_opposite_of_an_opening():
    passage = (
        "Though “Harbour” did not come close to matching the $92.8 million debut of “Globex: The Tour” in October, "
        "it’s still a very good start for a concert film."
    )
    claim = "Globex's Tour film had a bigger opening than Harbour"
    assert judge(claim, [passage]).label != "contradicted"


def test_a_count_as_of_an_event_is_no_order_of_two_events():
    assert read_event_order("Had Mara Lind scored 12 goals for the Rovers after the Mariners draw?") is None
    assert read_event_order("Did Mara Lind resign before Globex was fined?") is not None


def test_a_score_before_to_is_the_meeting_with_that_side():
    assert read_did_lose("Did the Rovers lose 5-1 to the Mariners?") == (
        "the Rovers",
        "Who won the Rovers v. Mariners 5-1?",
    )


def test_coverage_of_a_person_names_no_outlet():
    known = ["Bay News", "Tech Wire"]
    assert unknown_outlets("Did the league overdo it with the Mara Lind coverage?", known) == []
    assert unknown_outlets("Did the Harbour Post's coverage say Globex won?", known) != []


TYPED = [
    (
        "Bay News",
        "2023-12-09T18:00:00Z",
        "Mariners thrash Rovers 5-1",
        (
            "The Mariners pulverised the Rovers 5-1 with a sensational first-half performance to end their unbeaten run. "
            "Ada Brin put the ball in the net again after the restart to make it 4-1, beating the keeper for her second "
            "goal of the afternoon. Theo Park then slotted in to make it 5-1 on the hour."
        ),
    ),
    (
        "Tech Wire",
        "2023-12-05T09:00:00Z",
        "Rovers v Mariners head to head",
        (
            "The Rovers host the Mariners at Harbour Park on Wednesday, 6 December. Jon Vale scored the only goal "
            "when the Rovers beat the Mariners in the final after extra time in 2007. The Mariners won last season's "
            "home meeting 4-1."
        ),
    ),
    (
        "Coast Times",
        "2023-11-11T22:00:00Z",
        "Ostland vs. Norrvik results, highlights from Week 11 game",
        (
            "Ostland dominated against ninth-ranked Norrvik, coming up with a 52-17 win in Week 11.\n\n"
            "Norrvik 17, Ostland 52\n\nEnd of first quarter: Norrvik 7, Ostland 14"
        ),
    ),
]


@pytest.fixture(scope="module")
def typed(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "typed", TYPED))


def test_a_typed_question_with_a_score_on_the_way_gets_the_final_result(typed):
    # "her second goal" and "to make it 4-1" once made this question raise ValueError out of ask()
    for question in (
        "Did the Rovers lose 5-1 to the Mariners?",
        "wait did the rovers really lose 5-1 to the mariners?? thought it was a typo lol",
    ):
        answer = typed.ask(question)
        assert answer.text.startswith("**Yes**"), answer.text
        assert_exact_quotes(typed, answer)


def test_a_meeting_of_a_past_year_does_not_answer_for_the_month_asked(typed):
    answer = typed.ask("Did the Rovers beat the Mariners at Harbour Park in December?")
    assert not answer.text.startswith("**Yes**"), answer.text
    assert "2007" not in answer.text.split("\n")[0]


def test_the_outlet_a_question_names_is_no_subject_it_asks_about(typed):
    answer = typed.ask("What was the final score when Ostland hosted Norrvik in Week 11, according to Coast Times?")
    assert not answer.refused, answer.text
    assert "52" in answer.text
    assert_exact_quotes(typed, answer)


def test_words_said_by_a_player_named_after_a_role_and_an_owner_are_theirs():
    from rag.extractive import said_by

    quote = "“There is no need for an explanation,” said Ostland’s midfielder Théo Park."
    assert said_by("Théo Park", quote)
    assert said_by("Theo Park", quote)  # typed without the accent
    assert not said_by("Jon Vale", quote)


def test_a_name_typed_without_its_accents_is_written_as_the_passages_write_it():
    from rag.core.text import restore_case

    texts = ["“We have to congratulate them,” said the Rovers’ midfielder Théo Müller after the derby."]
    assert (
        restore_case("what did theo muller say after the derby?", texts) == "what did Théo Müller say after the derby?"
    )


def test_a_report_or_an_outlet_framing_a_yes_no_question_is_who_says_it():
    assert plainly_asked("In Tech Wire's Sunday football roundup, did Theo Park throw for 300 yards?") == (
        "According to Tech Wire, did Theo Park throw for 300 yards?"
    )
    assert plainly_asked("Bay News' Nobel piece: did Mara Lind develop the method in 1983?") == (
        "According to Bay News, did Mara Lind develop the method in 1983?"
    )
    assert plainly_asked("Did the Rovers beat the Mariners 31-24 on Thursday, per Coast Times?") == (
        "According to Coast Times, did the Rovers beat the Mariners 31-24 on Thursday?"
    )
    assert plainly_asked("Did Ostland win by 30 points, as Coast Times reported?") == (
        "According to Coast Times, did Ostland win by 30 points?"
    )
    # a view is no report, and a question word keeps its place
    assert plainly_asked("In Tech Wire's view, did Globex win?") == "In Tech Wire's view, did Globex win?"
    assert plainly_asked("What was the score, per Coast Times?") == "What was the score, per Coast Times?"


def test_a_bound_is_not_held_by_the_same_number_said_as_almost():
    passage = "A new report shows that Globex's pre-tax losses ballooned to almost £300m in the year to 3 September."
    assert judge("Globex's pre-tax loss for the year to 3 September came in above £300m", [passage]).label != (
        "supported"
    )
    assert judge("Globex's pre-tax loss for the year to 3 September came in above £250m", [passage]).label == (
        "supported"
    )


def test_a_preposition_a_relative_clause_strands_is_no_blank():
    from rag.answer.reading import left_blank

    assert left_blank("Was it a 3-3 draw in the derby game Tech Wire wrote about?") == ""
    assert left_blank("Is this the deal Tide Works talked about?") == ""
    assert left_blank("What happened to?") == "to"
    assert left_blank("Did Mara Lind resign from?") == "from"


def test_what_he_said_after_a_statement_naming_him_is_what_that_person_said():
    from rag.answer.reading import question_after_premise

    assert question_after_premise("Mara Lind met the board on Monday — what did she say about the merger") == (
        "What did Mara Lind say about the merger?"
    )
    # another question after a statement is left whole: "Which bank?" needs the statement to mean anything
    asked = "Bay News says one bank settled for $75 million in September. Which bank?"
    assert question_after_premise(asked, ["Bay News"]) == asked
