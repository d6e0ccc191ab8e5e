"""Questions as analysts join and frame them, found by the fiftieth session's testers: two questions in one, a
statement then "Was he ...?", an event set before the question, a "be" before a noun, what a wh-question asks for,
and the kind of name a "which company?" asks for. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.compose import _THING_ASKED, _another_kind, _without_opening_word
from rag.answer.names import names_in
from rag.answer.reading import (
    plainly_asked,
    question_after_premise,
    read_question,
    unknown_outlets,
    with_auxiliary_first,
)
from rag.answer.verdicts import judge
from rag.answer.when import gives_what_is_asked, kind_asked
from rag.core.text import plain_of_gerund

OUTLETS = ["Tech Wire", "Bay News"]


def test_a_statement_then_was_he_asks_of_the_person_it_names():
    # the auxiliary that opens the question is no name the pronoun could already point to
    assert question_after_premise("Mara Lind went on trial in May. Was she convicted?", OUTLETS) == (
        "Was Mara Lind convicted?"
    )
    assert question_after_premise("Theo Park joined Globex in May. Has he left since?", OUTLETS) == (
        "Has Theo Park left since?"
    )
    # "he" is the player, not the side he scored for, nor a competition the statement names
    assert question_after_premise(
        "Jon Vale was the Rovers' top scorer in May. Was he still their leading scorer in June?", OUTLETS
    ) == ("Was Jon Vale still their leading scorer in June?")
    assert question_after_premise(
        "Tech Wire's Harbour Series blog had Jon Vale down to start Game 3. Did he get the win?", OUTLETS
    ) == ("Did Jon Vale get the win?")
    # an owner is still the one meant when no one else is named
    assert question_after_premise("Mara Lind's bid failed. Did she appeal?", OUTLETS) == "Did Mara Lind appeal?"


def test_eventually_and_ultimately_ask_only_whether_it_happened():
    assert plainly_asked("Was Mara Lind ultimately convicted?") == "Was Mara Lind convicted?"
    assert plainly_asked("Did Globex eventually sell the plant?") == "Did Globex sell the plant?"
    # as do the verbs that only say the deed after them was done
    assert plainly_asked("Did the Rovers manage to beat the Mariners?") == "Did the Rovers beat the Mariners?"
    assert plainly_asked("Did Lind go on to win the seat?") == "Did Lind win the seat?"
    assert plainly_asked("Did Globex end up selling the plant?") == "Did Globex sell the plant?"
    assert plainly_asked("Did Globex go through with trading Jon Vale?") == "Did Globex trade Jon Vale?"
    assert plainly_asked("Which side did Globex end up winning against?") == "Which side did Globex win against?"
    assert [plain_of_gerund(w) for w in ("winning", "trading", "bringing", "firing", "opening", "sing")] == [
        "win",
        "trade",
        "bring",
        "fire",
        "open",
        "",
    ]


def test_a_study_an_indexed_outlet_cites_is_no_outlet_asked_about():
    known = ["Tech Wire", "Bay News"]
    assert unknown_outlets("Per the Harbour Watch report Tech Wire cited, did Globex cut prices?", known) == []
    assert unknown_outlets("Did a Harbour Watch report quoted by Tech Wire say prices fell?", known) == []
    # named on its own, it is an outlet the index does not hold
    assert unknown_outlets("Did the Harbour Watch report say prices fell?", known) == ["Harbour Watch"]


def test_an_event_set_before_the_question_is_asked_as_an_order_and_a_report_stays():
    assert with_auxiliary_first("After the board fired her, did Mara Lind sue?") == (
        "Did Mara Lind sue after the board fired her?"
    )
    # a report's order, and a lead before two joined questions, stay where they are
    assert with_auxiliary_first("After Tech Wire's article, did Globex cut prices?") == (
        "After Tech Wire's article, did Globex cut prices?"
    )
    assert with_auxiliary_first("Before the vote, was Mara Lind chair, and did she resign?") == (
        "Before the vote, was Mara Lind chair, and did she resign?"
    )


def test_two_questions_joined_are_two_parts():
    reading = read_question("Did Globex cut prices in May, and did Tide Works raise its fees?", [])
    assert [c.claim for c in reading.clauses] == ["Globex cut prices in May", "Tide Works raise its fees"]


def test_a_role_between_the_name_and_the_person_is_one_subject():
    reading = read_question("Was Rovers captain Jon Vale sent off in the final?", [])
    assert [c.claim for c in reading.clauses] == ["Rovers captain Jon Vale was sent off in the final"]


def test_a_be_before_a_noun_says_what_the_subject_is_not_a_deed_done_to_it():
    passage = "I'll note that Globex isn't a member of the Harbour Alliance, either, an odd absence for a chip maker."
    assert judge("Globex is a member of the Harbour Alliance", [passage], similarity=None).label == "contradicted"
    assert (
        judge("Globex is a member of the Harbour Alliance", [passage], similarity=None, happened=True).label
        == "contradicted"
    )
    said = "Mara Lind became the first modern mayor to visit a picket line this week when she joined the dockers."
    assert judge("Mara Lind was the first modern mayor to visit a picket line", [said], happened=True).supported


def test_what_a_wh_question_asks_for():
    assert kind_asked("How many homes lost power in the storm?") == "a number"
    assert kind_asked("At what rate did the bank set its rate?") == "a number"
    assert kind_asked("When did Globex cut prices?") == "a date"
    assert kind_asked("On what date does Mara Lind take charge?") == "a date"
    assert kind_asked("How long did the strike last?") == "a number or a date"
    assert kind_asked("When the Rovers played, did Jon Vale start?") == ""
    assert kind_asked("Who chairs the board?") == ""
    assert gives_what_is_asked("a date", "Lind takes charge on Monday.")
    assert gives_what_is_asked("a date", "The strike ended last week.")
    assert not gives_what_is_asked("a date", "Lind will take over after the cup.")
    assert not gives_what_is_asked("a number", "The programme was first set up in 2020, on October 23.")
    assert gives_what_is_asked("a number or a date", "The strike lasted since 2019.")


def test_a_name_of_another_kind_than_the_one_asked_for():
    texts = ["Sir Mara Lind, chairman of Globex Music, said the label would license its catalogue."]
    assert _another_kind("Mara Lind", "company", texts)
    assert _another_kind("Lind", "label", texts + ["Lind added that fans would hear more."])
    assert _another_kind("Harbour Cup", "club", texts)
    assert _another_kind("North American", "film", texts)
    assert not _another_kind("Globex Music", "company", texts)
    assert not _another_kind("Harbour Series", "series", texts)
    # a full name after a post is a person's ("Tide Works CEO Theo Park")
    assert _another_kind("Theo Park", "company", ["Tide Works CEO Theo Park said the deal was done."])
    # asked for a side's owner or a company's chief, a person is the answer, not another kind
    assert _THING_ASKED.match("Which company bought Tide Works?")
    assert not _THING_ASKED.match("Which Harbour League team owner sold his stake?")
    assert not _THING_ASKED.match("Which company's chief executive resigned?")


def test_an_auxiliary_opening_a_question_after_a_statement_is_no_name():
    assert names_in("Globex had already cut jobs in May. Did it cut more in June?") == ["Globex"]
    assert names_in("Was Theo Park there? Has Mara Lind left?") == ["Theo Park", "Mara Lind"]


def test_a_word_that_only_opens_sentences_is_no_part_of_the_name():
    passages = ["Watch Globex take on Tide Works tonight.", "Globex beat Tide Works last year."]
    articles = passages + ["You can watch the game on any screen."]
    assert _without_opening_word("Watch Globex", passages, articles) == "Globex"
    # a verb's form opening a line, written in lower case elsewhere, is no name at all; a one-word name is kept
    assert _without_opening_word("Announced", ["Announced job cuts on May 4."], ["Globex announced cuts."]) == ""
    assert _without_opening_word("Snap", ["Snap cut jobs."], ["a snap election"]) == "Snap"
    # a first name opening every sentence that names her is her name
    people = ["Mara Lind resigned.", "Lind said she was proud."]
    assert _without_opening_word("Mara Lind", people, people) == "Mara Lind"


ARTICLES = [
    ("Tech Wire", "2023-11-10", "Globex files", "Globex has filed for bankruptcy, listing over $18 billion of debt."),
    ("Tech Wire", "2023-11-12", "Tide Works chief", "Tide Works named Mara Lind as its chief executive on Friday."),
    (
        "Bay News",
        "2023-10-20",
        "Storm",
        "The storm brought down trees across the harbour district and closed the coast road for a day.",
    ),
    (
        "Bay News",
        "2023-10-22",
        "Harbour cup",
        "The Rovers and the Mariners drew 2-2 in the Harbour Cup semi-final after the Rovers trailed 2-0 at half-time.",
    ),
]


def test_joined_questions_and_asked_kinds_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "joined_kinds", ARTICLES))
    both = bot.ask("Did Globex file for bankruptcy, and did Tide Works name Mara Lind its chief executive?")
    assert both.text.startswith("**Yes.**"), both.text
    assert [p.verdict for p in both.parts] == ["supported", "supported"]
    assert_exact_quotes(bot, both)
    # two parts one sentence says: the sentence quoted, and its outlet named, once
    once = bot.ask("Did Globex file for bankruptcy, and did Globex list over $18 billion of debt?")
    assert once.text.startswith("**Yes.**") and once.text.count("Tech Wire") == 1, once.text
    assert once.text.count("Globex has filed for bankruptcy") == 1, once.text
    # one part no article says: not a Yes, and the part that holds is shown
    half = bot.ask("Did Globex file for bankruptcy, and did Tide Works sell its harbour plant?")
    assert not half.text.startswith("**Yes"), half.text
    assert sorted(p.verdict for p in half.parts) == ["not_mentioned", "supported"]
    # asked how many, a passage on the storm with no number is no answer
    storm = bot.ask("At what cost did the storm close the coast road?")
    assert storm.refused and "give no number" in storm.text, storm.text
    road = bot.ask("On what date did the storm close the coast road?")
    assert road.refused and "give no date" in road.text, road.text
