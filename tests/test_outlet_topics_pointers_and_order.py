"""Outlets asked what they say, claims that still point back at what they are about, reports of one outlet put in
order: found by the fifty-ninth session's testers. Each test fails on the code
before its fix."""

import pytest

from rag.answer.reading import outlet_topic_asked, read_question
from rag.answer.verdicts import judge, points_back
from tests.conftest import assert_exact_quotes, index_articles

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]


def test_the_word_before_the_outlet_placed_against_sets_the_order_not_a_verbs_after():
    # "go after" is pursuing, not a time: the piece published *before* Bay News's report is asked about
    reading = read_question(
        "Was the Tech Wire piece doubting that the Rovers would go after Jon Vale published before Bay News reported "
        "his Rovers deal?",
        OUTLETS,
    )
    assert (reading.shape, reading.order) == ("order", "before")


def test_two_reports_of_one_outlet_are_put_in_order():
    reading = read_question(
        "Did Tech Wire publish its Harbour Cup preview before its interview with Mara Lind?", OUTLETS
    )
    assert (reading.shape, reading.order) == ("order", "before")
    assert [c.source for c in reading.clauses] == ["Tech Wire", "Tech Wire"]
    assert "interview with Mara Lind" in reading.clauses[1].claim


def test_a_claim_pointing_back_at_what_it_is_about_is_neither_supported_nor_denied():
    # which pick, which outlets: not in the claim, so a passage sharing its other words says nothing of it
    assert points_back("afterwards bear that pick out")
    assert points_back("two outlets agree")
    draft = "The teenager was a projected lottery pick, and soon afterwards he bore out his promise with a dunk."
    assert judge("afterwards bear that pick out", [draft]).label == "not_mentioned"
    sockets = "This power cube boasts three AC outlets and two USB ports; reviewers agree it is a bargain."
    assert judge("two outlets agree", [sockets]).label == "not_mentioned"
    # a time is no pointer, nor is a claim that names what it is about, nor an event the part before names
    assert not points_back("prices rose this quarter")
    assert not points_back("Mara Lind said that too")
    assert not points_back("previewed that match")


def test_an_outlet_asked_what_it_says_is_asked_about_the_topic_not_as_a_speaker():
    assert outlet_topic_asked("What did Tech Wire say about the Globex strike?", OUTLETS) == "the Globex strike"
    # its report described by a name: the name is part of the topic
    assert (
        outlet_topic_asked("What did Tech Wire's Globex explainer say about the strike's cost?", OUTLETS)
        == "Globex the strike's cost"
    )
    # a person at the outlet is a speaker, and so is anyone else
    assert outlet_topic_asked("What did Tech Wire's editor Mara Lind say about the strike?", OUTLETS) == ""
    assert outlet_topic_asked("What did Mara Lind say about the strike?", OUTLETS) == ""
    assert read_question("What did Tech Wire say about the Globex strike?", OUTLETS).speech is None
    assert read_question("What did Mara Lind say about the Globex strike?", OUTLETS).speech == (
        "Mara Lind",
        "the Globex strike",
    )


COUNTS = [
    ("Tech Wire", "2023-10-02", "Globex cuts jobs", "Globex laid off 830 workers on Monday, the company said."),
    ("Bay News", "2023-10-03", "Globex layoffs", "Globex cut 870 workers this week as orders slowed."),
    ("Coast Times", "2023-10-04", "Globex job cuts", "Globex let go of eight hundred and thirty staff."),
    ("Daily Ledger", "2023-10-05", "Globex trims staff", "Globex laid off 830 workers, a filing shows."),
    ("Tech Wire", "2023-11-24", "Box deals", "The Globex Box price is $300 at Tide Mart and $350 at Ostland Store."),
    ("Bay News", "2023-11-25", "Box sale", "The Globex Box price fell to $300 this week, from $400 in October."),
]


@pytest.fixture(scope="module")
def counts_bot(tmp_path_factory):
    from rag.assistant import Assistant

    assistant = Assistant.open(index_articles(tmp_path_factory, "same_count", COUNTS))
    yield assistant
    assistant.close()


def test_two_outlets_asked_for_the_same_count_are_answered_from_each_ones_number(counts_bot):
    differ = counts_bot.ask("Do Tech Wire and Bay News give the same number of workers laid off at Globex?")
    assert differ.text.startswith("**No.** Tech Wire gives 830 [1]; Bay News gives 870 [2]."), differ.text
    assert [c.source for c in differ.citations] == ["Tech Wire", "Bay News"]
    assert_exact_quotes(counts_bot, differ)
    same = counts_bot.ask("Do Tech Wire and the Daily Ledger agree on how many workers Globex laid off?")
    assert same.text.startswith("**Yes.** Both give 830: Tech Wire [1], Daily Ledger [2]."), same.text
    assert [c.source for c in same.citations] == ["Tech Wire", "Daily Ledger"]
    # a count one of them does not give is no Yes and no No
    missing = counts_bot.ask("Do Tech Wire and the Coast Times give the same number of workers laid off at Globex?")
    assert not missing.text.startswith("**"), missing.text


def test_unlikely_denies_and_a_denial_ends_at_its_comma():
    # "unlikely to be sold" says it will not be, as the report sees it
    unlikely = judge(
        "the Globex Box will be sold in Ostland",
        ["The Globex Box is unlikely to be sold in Ostland, which has stricter rules."],
    )
    assert unlikely.label == "contradicted"
    # "no liar" denies the liar, not the lawyers named after the comma
    lawyers = judge(
        "identify Mara Lind as one of Jon Vale's defense lawyers",
        ["But Vale was no liar, according to Mara Lind, one of his lawyers."],
    )
    assert lawyers.label != "contradicted"


def test_values_asked_alike_are_not_a_yes_when_they_were_not_compared(counts_bot):
    # each report gives two prices: which one is the one asked about is not read, so the parts found answer nothing
    answer = counts_bot.ask("Is the Globex Box price the same in Tech Wire's Box deals and Bay News's Box price story?")
    assert answer.text.startswith("The articles do not settle this: the question compares the values"), answer.text


def test_a_change_between_two_reports_is_not_read_from_one_article(counts_bot):
    answer = counts_bot.ask(
        "Did Tech Wire's price for the Globex Box change between its Box deals post and its Box sale post?"
    )
    assert answer.text.startswith("The articles do not settle this: the question compares reports"), answer.text
