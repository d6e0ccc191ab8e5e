"""Whose deed a claim states and which report a question asks about (an invented index: outlets, people and products
made up for these tests): a noun owned by one name describes the next ("Globex's drug Zolvan"), a "he" after a
statement is the surname it named, the sentence that holds a claim decides a denial its neighbour does not lift, a
denial "for 13 years" denies no years, and "which came first?" asks the order whatever else its reports' names say."""

from __future__ import annotations

import pytest

from rag.answer.reading import question_after_premise, read_question
from rag.answer.verdicts import judge
from tests.conftest import assert_exact_quotes, index_articles


def test_a_noun_owned_by_one_name_describes_the_next_and_is_no_verb():
    passage = (
        "Zolvan (zolvanumab), developed by Tide Works in collaboration with Norrvik Labs, was the first approved drug "
        "for Globex's disease in July."
    )
    claim = "Globex's drug Zolvan developed by Tide Works in collaboration with Norrvik Labs"
    assert judge(claim, [passage], happened=True).label == "supported"
    # the roles still count: the drug made by someone else is no drug Tide Works made
    other = "Zolvan (zolvanumab), developed by Ostland Pharma, was the first approved drug for Globex's disease."
    assert judge(claim, [other], happened=True).label != "supported"


def test_a_he_after_a_statement_is_the_surname_the_statement_named():
    outlets = ["Tech Wire", "Bay News"]
    question = "Tech Wire says Vale-Moen is facing seven counts; does Bay News report that he pleaded guilty?"
    assert question_after_premise(question, outlets) == "Does Bay News report that Vale-Moen pleaded guilty?"
    # a full name still wins over a single word
    question = "Tech Wire says Mara Lind joined Globex after Vale left; does Bay News report that she resigned?"
    assert question_after_premise(question, outlets) == "Does Bay News report that Mara Lind resigned?"


def test_the_pleas_of_others_do_not_answer_for_the_one_the_pronoun_meant():
    passage = "Globex co-founder Ida Moen and its former chief, Theo Park, both pleaded guilty in December 2022."
    question = "Tech Wire says Vale-Moen is facing seven counts; does Bay News report that he pleaded guilty?"
    claim = question_after_premise(question, ["Tech Wire", "Bay News"]).split("that ", 1)[1].rstrip("?")
    assert judge(claim, [passage], happened=True).label != "supported"


def test_the_sentence_holding_the_claim_decides_a_denial_its_neighbour_does_not_lift():
    passage = (
        "The result was the appointment of some money-minded guys (Ada Brin and Jon Vale), who are sharp but not AI "
        "experts by a long shot. If a panel of experts makes a recommendation, will this board feel empowered?"
    )
    assert judge("new board members Ada Brin and Jon Vale as AI experts", [passage]).label == "contradicted"
    # a claim that itself denies is not flipped by a neighbour that says the word outright
    passage = (
        "On Monday, coach Mara Lind said the people that know us think the most of us. She has denied knowledge of "
        "the alleged scouting."
    )
    assert judge("Mara Lind has denied knowing about the alleged scouting", [passage]).label != "contradicted"


def test_a_denial_that_lasted_years_denies_no_years():
    passage = (
        "Lind, a superstar, ends up legally denied her freedom for 13 years, under a conservatorship controlled by her "
        "father."
    )
    claim = "Mara Lind spent 13 years under a conservatorship controlled by her father"
    assert judge(claim, [passage]).label == "supported"


def test_which_came_first_asks_only_the_order():
    sources = ["Coast Times - Homes", "Coast Times - Money", "Film Weekly", "Bay News"]
    reading = read_question(
        "Between the Coast Times column arguing home sales changed for the worse and Bay News' piece on the Tide "
        "Glass, which one was published later?",
        sources,
    )
    assert (reading.shape, reading.order, reading.relation, reading.which_came) == ("order", "before", "", "later")


def test_a_question_framed_by_per_or_a_purpose_is_read_as_a_yes_no_question():
    sources = ["Tech Wire", "Bay News"]
    reading = read_question("Per Tech Wire, did Globex cut the price of the Tide Pad to $299?", sources)
    assert reading.shape == "yesno" and reading.sources == ["Tech Wire"]
    assert [c.claim for c in reading.clauses] == ["Globex cut the price of the Tide Pad to $299"]
    reading = read_question("To earn the 500-point bonus, do you need to spend $600 in the first month?", sources)
    assert reading.shape == "yesno"
    assert reading.clauses[0].claim.endswith("to earn the 500-point bonus")
    # only a yes/no question is turned round: a question word keeps its place
    from rag.answer.reading import with_auxiliary_first

    assert with_auxiliary_first("Per Tech Wire, which studio did Globex buy?") == (
        "Per Tech Wire, which studio did Globex buy?"
    )


def test_not_yet_done_is_denied_and_contradicted_by_done():
    passage = "With Ada Brin having now completed her investment into the club, the pressure will be piled on."
    assert judge("Ada Brin's investment as not yet completed", [passage]).label == "contradicted"
    assert judge("Ada Brin's investment as completed", [passage]).label == "supported"


def test_a_later_report_asked_to_still_describe_someone_is_asked_what_it_says_of_them():
    outlets = ["Tech Wire", "Bay News"]
    question = (
        "In October Tech Wire described Ada Brin's bid for the Rovers as heading to a vote. Did Bay News' December "
        "piece on possible Mariners managers still describe his investment as not yet completed?"
    )
    asked = question_after_premise(question, outlets)
    assert asked == (
        "Did Bay News' December piece on possible Mariners managers still describe Ada Brin's investment as not yet "
        "completed?"
    )
    reading = read_question(asked, outlets)
    assert [c.claim for c in reading.clauses] == ["Ada Brin s investment as not yet completed"]
    # a name the question's own clause says is the one its pronoun means
    question = "Tech Wire billed Jon Vale against Theo Park; does Bay News report that Park won his fight?"
    assert question_after_premise(question, outlets) == "Does Bay News report that Park won his fight?"


def test_a_dollar_named_by_its_country_is_a_dollar_amount():
    from rag.core.text import amounts_said

    assert amounts_said("valued at $US240 million") == [("$", 240e6, False, "")]
    assert amounts_said("a US$27.6 million fine") == [("$", 27.6e6, False, "")]


def test_a_list_giving_the_claims_amount_to_another_name_contradicts_it():
    passage = (
        "Harbour House Globex's valuation (2021): $US612.1 million, Tide Works valuation (2023): $US240 million, "
        "Ostland's valuation (2021): $US27.6 million"
    )
    assert judge("Ostland's 2021 valuation of the estate at $240 million", [passage]).label == "contradicted"
    assert judge("Tide Works valuation of the estate at $240 million", [passage]).label == "supported"


BYLINED = [
    (
        "Bay News",
        "2023-10-01T09:00:00Z",
        "Rovers and Mariners meet in the derby",
        "The Rovers face the Mariners in Saturday's derby at Harbour Park, with Theo Park fit again.",
        "Jon Vale",
    ),
    (
        "Tech Wire",
        "2023-10-03T09:00:00Z",
        "Derby report: Rovers beat Mariners",
        "The Rovers beat the Mariners 2-1 in the derby at Harbour Park, Theo Park scoring twice.",
        "Ada Brin",
    ),
    (
        "Bay News",
        "2023-10-05T09:00:00Z",
        "The derby told us the Rovers are back",
        "The derby showed the Rovers are back: Theo Park ran the Mariners ragged at Harbour Park.",
        "Ida Moen",
    ),
    (
        "Bay News",
        "2023-11-01T09:00:00Z",
        "Ostland v Norrvik: Harbour Cup final preview",
        "Ostland meet Norrvik in the Harbour Cup final on Saturday, with both sides at full strength.",
    ),
    (
        "Tech Wire",
        "2023-11-05T09:00:00Z",
        "Ostland beat Norrvik to win the Harbour Cup",
        "Ostland beat Norrvik 3-1 in the Harbour Cup final on Saturday.",
    ),
    (
        "Bay News",
        "2023-11-09T09:00:00Z",
        "Ostland v Norrvik, explained",
        "Why Ostland and Norrvik reached the Harbour Cup final, and what their meeting means for next season.",
    ),
]


@pytest.fixture(scope="module")
def bylined(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "bylined", BYLINED))


def test_a_report_named_by_its_writer_is_the_one_they_wrote(bylined):
    answer = bylined.ask(
        "Did Ida Moen's Bay News column on the derby at Harbour Park come out before Tech Wire's report on the Rovers beating the Mariners?"
    )
    assert answer.text.startswith("**No — the other way round:** Tech Wire reported on 2023-10-03"), answer.text
    assert "2023-10-05" in answer.text.split("\n")[0]
    assert_exact_quotes(bylined, answer)


def test_a_report_named_by_its_kind_is_the_one_whose_headline_says_it(bylined):
    # "explainer": of Bay News' two reports on Ostland v Norrvik, the one headlined "explained", not the preview
    answer = bylined.ask(
        "Did Tech Wire's report on Ostland beating Norrvik run before Bay News' explainer on Ostland v Norrvik?"
    )
    assert answer.text.startswith("**Yes.** Tech Wire reported it on 2023-11-05"), answer.text
    assert "Bay News on 2023-11-09" in answer.text.split("\n")[0]
    assert_exact_quotes(bylined, answer)


def test_a_name_written_with_a_double_space_before_the_pronoun_is_no_crash():
    question = "Tech Wire says Mara Lind faces counts; does Bay News report that Jon  Vale said he resigned?"
    assert question_after_premise(question, ["Tech Wire", "Bay News"]) == (
        "Does Bay News report that Jon  Vale said he resigned?"
    )
