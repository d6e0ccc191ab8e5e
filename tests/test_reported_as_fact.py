"""'Did <outlet> report that X?' asks whether the outlet said X as a fact: X is judged the way a bare 'did X happen?'
is, inside that outlet's articles, so a topic shared, a plan or a different deed is no Yes. And an outlet whose index
name carries a strapline ("Wbn | World Business News") is found by its short name, in capitals too. Invented articles
and outlets."""

from __future__ import annotations

import pytest

from rag.answer.compose import UNSETTLED
from rag.answer.reading import read_question
from rag.query import mentioned_sources, outlet_short_name
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-11-02",
        "Globex buys Tide Works",
        (
            "Globex bought Tide Works on Wednesday. Globex chief executive Mara Lind said the deal closed after "
            "regulators approved it."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-01",
        "Tide Works talks",
        "Globex may buy Tide Works next year, analysts said. Tide Works shares rose on the talks.",
    ),
    (
        "Coast Times",
        "2023-10-04",
        "Markets steady",
        "Markets are also absorbing the ouster of Ada Brin as chair of the harbour council. Shares closed flat.",
    ),
    (
        "Coast Times",
        "2023-11-01",
        "Lind out",
        "Mara Lind will not return to Globex, the board said on Wednesday. Lind left Globex after a vote in October.",
    ),
    (
        "Coast Times",
        "2023-11-20",
        "Lind back",
        "Mara Lind returned to Globex as chief executive on Monday after investors pressed the board.",
    ),
    (
        "Bay News",
        "2023-10-12",
        "Mill sold",
        "Tide Works bought Norrvik Mills on Friday. Unlike the Globex case, regulators raised no objection.",
    ),
    (
        "Harbour Sport",
        "2023-11-19",
        "Cup final",
        "Norrvik beat Ostland 3-1 in the final of the Harbour Cup on Sunday, a year after losing it.",
    ),
    (
        "Harbour Sport",
        "2023-11-22",
        "Globex board",
        "Globex has appointed Theo Park, its finance chief, as interim chief executive while the board meets.",
    ),
    (
        "Bay News",
        "2023-10-20",
        "Cup history",
        "Norrvik won the first Harbour Cup in 1979, beating Ostland in the final before a home crowd.",
    ),
    (
        "Wbn | World Business News",
        "2023-11-03",
        "Deal closes",
        "Globex completed the purchase of Tide Works, the company said on Thursday.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "reported", ARTICLES))


KNOWN = ["Tech Wire", "Daily Ledger", "Coast Times", "Bay News", "Wbn | World Business News"]


def test_reported_that_asks_the_claim_as_a_fact_and_suggests_does_not():
    stated = read_question("Did Tech Wire report that Globex bought Tide Works?", KNOWN)
    assert [(c.source, c.claim, c.stated) for c in stated.clauses] == [("Tech Wire", "Globex bought Tide Works", True)]
    # "both ... report that X": the claim each outlet borrows is asked as a fact too
    both = read_question("Did both Tech Wire and Daily Ledger report that Globex bought Tide Works?", KNOWN)
    assert [(c.source, c.stated) for c in both.clauses] == [("Tech Wire", True), ("Daily Ledger", True)]
    # "according to <outlet>, did X?" and "wrote that X" ask it too, and the asking verb is no word of the claim
    according = read_question("According to Tech Wire, did Globex buy Tide Works?", KNOWN)
    assert [(c.source, c.stated) for c in according.clauses] == [("Tech Wire", True)]
    wrote = read_question("Did Tech Wire write that Globex bought Tide Works?", KNOWN)
    assert [(c.claim, c.stated) for c in wrote.clauses] == [("Globex bought Tide Works", True)]
    said = read_question("Did the Tech Wire article say Globex bought Tide Works?", KNOWN)
    assert [(c.claim, c.stated) for c in said.clauses] == [("Globex bought Tide Works", True)]
    topic = read_question("Did Tech Wire say anything about Globex buying Tide Works?", KNOWN)
    assert [c.stated for c in topic.clauses] == [False]
    # a denial or a plan is asked as written, not as a deed that happened
    for claim in ("Globex did not buy Tide Works", "Globex would buy Tide Works"):
        assert [c.stated for c in read_question(f"Did Tech Wire report that {claim}?", KNOWN).clauses] == [False]
    # words that only begin like a verb of reading ("seeking", "framework") ask nothing of how a report reads
    seeking = read_question("Did Tech Wire report that Globex was seeking a buyer for its framework unit?", KNOWN)
    assert [c.stated for c in seeking.clauses] == [True]
    suggests = read_question("Does the Tech Wire article suggest that Globex bought Tide Works?", KNOWN)
    assert [c.stated for c in suggests.clauses] == [False]
    # a noun after the verb is a topic, not a statement
    noun = read_question("Did Tech Wire report Mara Lind's comments on the deal?", KNOWN)
    assert [c.stated for c in noun.clauses] == [False]


def test_an_outlet_that_reported_it_as_a_fact_is_a_yes(bot):
    answer = bot.ask("Did Tech Wire report that Globex bought Tide Works?")
    assert answer.text.startswith("**Yes")
    assert {c.source for c in answer.citations} == {"Tech Wire"}
    assert_exact_quotes(bot, answer)


@pytest.mark.parametrize(
    "question",
    [
        # the outlet only reported it as possible
        "Did the Daily Ledger report that Globex bought Tide Works?",
        # the other way round
        "Did Tech Wire report that Tide Works bought Globex?",
        "According to the Daily Ledger, did Globex buy Tide Works?",
        # the same words about another deed: an ouster is no election
        "Did the Coast Times report that Ada Brin was elected chair of the harbour council?",
    ],
)
def test_a_report_that_does_not_say_it_as_a_fact_is_no_yes(bot, question):
    answer = bot.ask(question)
    assert not answer.text.startswith("**Yes")
    assert [p.verdict for p in answer.parts] != ["supported"]


def test_both_outlets_asked_and_one_only_says_it_may_happen_is_not_settled(bot):
    answer = bot.ask("Did both Tech Wire and the Daily Ledger report that Globex bought Tide Works?")
    assert answer.text.startswith(UNSETTLED)
    assert [(p.verdict) for p in answer.parts] == ["supported", "not_mentioned"]
    assert "Daily Ledger" in answer.text


def test_an_outlet_with_a_strapline_is_named_by_its_short_name_in_capitals_too(bot):
    assert outlet_short_name("Wbn | World Business News") == "Wbn"
    assert outlet_short_name("The Daily Ledger - Health") == "Daily Ledger"
    assert mentioned_sources("Did WBN report the deal?", KNOWN) == ["Wbn | World Business News"]
    assert mentioned_sources("Did Wbn report the deal?", KNOWN) == ["Wbn | World Business News"]
    # in lower case inside a capitalised question it is an ordinary word
    assert mentioned_sources("Is wbn a word?", KNOWN) == []
    answer = bot.ask("Did WBN report that Globex completed the purchase of Tide Works?")
    assert answer.text.startswith("**Yes")
    assert {c.source for c in answer.citations} == {"Wbn | World Business News"}


def test_asked_how_a_report_reads_a_deed_it_says_only_of_someone_else_is_no_yes(bot):
    # the window shares every word of the claim, but its buyer is another company
    other = bot.ask("Does the Bay News article suggest that Globex bought Norrvik Mills?")
    assert not other.text.startswith("**Yes")
    assert [p.verdict for p in other.parts] == ["not_mentioned"]
    same = bot.ask("Does the Bay News article suggest that Tide Works bought Norrvik Mills?")
    assert same.text.startswith("**Yes")
    assert_exact_quotes(bot, same)


def test_only_a_doer_named_by_name_can_be_someone_else():
    from rag.answer.deeds import done_only_by_others

    assert done_only_by_others("Globex bought Norrvik Mills", "Tide Works bought Norrvik Mills on Friday.")
    assert not done_only_by_others("Globex bought Norrvik Mills", "Globex bought Norrvik Mills on Friday.")
    # the post names its holder, whom the passage calls by name
    assert not done_only_by_others(
        "Globex's chief executive is stepping down",
        "Globex is still standing, though now without Lind, who agreed to step down as chief executive.",
    )


def test_a_part_an_earlier_report_denied_and_a_later_one_reports_is_supported_by_the_later(bot):
    # the one-part answer leads with the latest report; a part of a longer question is decided the same way
    answer = bot.ask(
        "Did the Coast Times report that Ada Brin was ousted as chair, and did the Coast Times report that Mara Lind "
        "returned to Globex?"
    )
    assert answer.text.startswith("**Yes")
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]
    assert "returned to Globex as chief executive" in answer.text
    assert_exact_quotes(bot, answer)


def test_an_outlet_asked_whether_it_reported_a_win_answers_from_its_latest_final(bot):
    # the bare question's reader of results, inside the outlet: the final it reports names the winner
    answer = bot.ask("Did Harbour Sport report that Ostland won the Harbour Cup?")
    assert answer.text.startswith("**No**")
    assert "Norrvik beat Ostland 3-1 in the final" in answer.text
    assert_exact_quotes(bot, answer)
    # an outlet whose only final is a past edition's says nothing about this one: no No from its history
    history = bot.ask("Did Bay News report that Ostland won the Harbour Cup?")
    assert not history.text.startswith(("**No", "**Yes"))


def test_an_outlet_asked_whether_it_reported_a_post_taken_up_answers_from_the_holder_it_names(bot):
    # "appointed ... as interim chief executive" says "became interim chief executive" in news words
    answer = bot.ask("Did Harbour Sport report that Theo Park became interim chief executive of Globex?")
    assert answer.text.startswith("**Yes**")
    assert "appointed Theo Park" in answer.text
    assert_exact_quotes(bot, answer)
    # only inside the outlet asked: Tech Wire never names him
    elsewhere = bot.ask("Did Tech Wire report that Theo Park became interim chief executive of Globex?")
    assert not elsewhere.text.startswith("**Yes")


def test_a_later_clause_whose_subject_is_a_pronoun_asks_about_the_name_before():
    reading = read_question(
        "Did Tech Wire report that Mara Lind was fired before Coast Times reported that she returned?", KNOWN
    )
    assert [(c.source, c.claim) for c in reading.clauses] == [
        ("Tech Wire", "Mara Lind was fired"),
        ("Coast Times", "Mara Lind returned"),
    ]
    # "before it reported": the same outlet again, its two reports ordered
    again = read_question("Did Coast Times report that Mara Lind quit before it reported that she returned?", KNOWN)
    assert again.shape == "order"
    assert [(c.source, c.claim) for c in again.clauses] == [
        ("Coast Times", "Mara Lind quit"),
        ("Coast Times", "Mara Lind returned"),
    ]


def test_one_outlet_asked_the_order_of_its_own_two_reports_answers_with_both_dates(bot):
    question = "Did the Coast Times report that Mara Lind left Globex {} it reported that she returned?"
    before = bot.ask(question.format("before"))
    assert before.text.startswith("**Yes")
    assert "2023-11-01" in before.text and "2023-11-20" in before.text
    assert "returned to Globex as chief executive" in before.text
    assert_exact_quotes(bot, before)
    after = bot.ask(question.format("after"))
    assert after.text.startswith("**No — the other way round")


def test_an_order_asked_of_two_reports_takes_the_report_that_said_it_though_a_later_one_says_otherwise(bot):
    # the Coast Times said she would not return, and later that she returned: both reports were made, in that order
    answer = bot.ask(
        "Did the Coast Times report that Mara Lind will not return to Globex before it reported that she returned?"
    )
    assert answer.text.startswith("**Yes")
    assert "will not return to Globex" in answer.text and "returned to Globex as chief executive" in answer.text
    assert_exact_quotes(bot, answer)


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        ("Did Tech Wire report that he was fired?", "he"),
        ("According to the Coast Times, did she return?", "she"),
        ("When did Tech Wire report that?", "that"),
        ("Did the Coast Times report on it?", "it"),
    ],
)
def test_an_outlet_named_beside_a_pointing_word_still_names_no_one_it_points_at(bot, question, pointer):
    # any sentence of the outlet's with "fired" would otherwise be cited for "he was fired"
    answer = bot.ask(question)
    assert answer.refused and not answer.citations
    assert answer.text.startswith(f"Who or what is “{pointer}”? The question names no one but the outlet")


def test_a_reporter_the_index_does_not_hold_is_said_to_be_missing_and_the_claim_answered_from_the_articles(bot):
    from rag.answer.reading import unheld_reporter

    # an outlet of the index, by its short name, is no missing reporter
    assert unheld_reporter("Did WBN report that Globex bought Tide Works?", KNOWN) is None
    assert unheld_reporter("Did Wirepost report that Globex bought Tide Works?", KNOWN) == (
        "Wirepost",
        "Globex bought Tide Works",
    )
    answer = bot.ask("Did Wirepost report that Globex bought Tide Works?")
    first, *rest = answer.text.split("\n")
    assert first == (
        f"{UNSETTLED}: none of the articles is from Wirepost, and none says that Wirepost reported it. What the "
        "articles themselves report:"
    ), answer.text
    # the claim itself, as "Did Globex buy Tide Works?" is answered: Tech Wire says so
    assert rest[0].startswith("**Yes"), answer.text
    assert answer.parts[0].verdict == "not_mentioned"
    assert_exact_quotes(bot, answer)
    answer = bot.ask("Did Wirepost report that Ostland bought Globex?")
    assert answer.text.startswith(
        f"{UNSETTLED}: none of the articles is from Wirepost, and none says that Wirepost reported it; of the claim "
        "itself, "
    ), answer.text


@pytest.mark.parametrize(
    "question",
    [
        (
            "Did the Tech Wire report on Globex after the vote and the subsequent Tech Wire report on the fine portray "
            "Globex inconsistently?"
        ),
        (
            "Did the Tech Wire article on Mara Lind leaving after the vote align with the same source's report on her "
            "return?"
        ),
    ],
)
def test_two_reports_of_one_outlet_asked_how_they_relate_is_no_question_of_their_order(question):
    # "after" and "subsequent" place the reports; the question asks whether they agree
    assert read_question(question, KNOWN).shape != "order"
    assert (
        read_question(
            "Did Tech Wire report that Mara Lind was fired before it reported that she returned?", KNOWN
        ).shape
        == "order"
    )


def test_a_second_that_clause_is_the_same_outlets_second_claim(bot):
    # read as two claims of one outlet, each with the verb it was asked with, the second's "she" being the first's name
    reading = read_question(
        "Did the Coast Times report that Ada Brin was ousted as chair, and that she returned?", KNOWN
    )
    assert [(c.claim, c.source, c.stated) for c in reading.clauses] == [
        ("Ada Brin was ousted as chair", "Coast Times", True),
        ("Ada Brin returned", "Coast Times", True),
    ]
    reading = read_question("Does Tech Wire suggest that Globex cut prices and that Tide Works followed?", KNOWN)
    assert [(c.claim, c.stated) for c in reading.clauses] == [
        ("Globex cut prices", False),
        ("Tide Works followed", False),
    ]
    answer = bot.ask(
        "Did the Coast Times report that Ada Brin was ousted as chair, and that Mara Lind returned to Globex?"
    )
    assert answer.text.startswith("**Yes"), answer.text
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]
    assert_exact_quotes(bot, answer)
    # the second claim is not in that outlet's articles: no Yes from the first alone
    answer = bot.ask(
        "Did the Coast Times report that Ada Brin was ousted as chair, and that Ostland won the Harbour Cup?"
    )
    assert not answer.text.startswith("**Yes"), answer.text


def test_a_yes_no_question_left_open_quotes_the_closest_passage_for_the_reader(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-10",
            "Derby preview",
            "Ostland hope to beat Norrvik on Saturday at Harbour Park, their coach Theo Park said on Friday.",
        ),
        ("Bay News", "2023-11-09", "Odds", "Norrvik (-2.5) at Ostland"),
        (
            "Harbour Herald",
            "2023-11-08",
            "Round-up",
            "Tide City hope to beat Norrvik next week. Ostland play at home on Sunday in the Harbour Cup.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "left_open", articles))
    answer = bot.ask("Did Ostland beat Norrvik?")
    assert answer.text.startswith(
        f"{UNSETTLED}: I could not confirm or rule out “Ostland beat Norrvik”; the closest passage, Coast Times "
        "(2023-11-10), is quoted below.\nOstland hope to beat Norrvik"
    ), answer.text
    assert [c.source for c in answer.citations] == ["Coast Times"]
    assert_exact_quotes(bot, answer)
    assert [p.verdict for p in answer.parts] == ["not_mentioned"]
    # a line that names both sides but says nothing of the deed is no closest report of it, nor two sentences that
    # name one side each
    assert "Bay News" not in answer.text and "Harbour Herald" not in answer.text
    answer = bot.ask("Did Ostland beat Tide City?")
    assert not answer.citations, answer.text
    # nothing that shares the claim: nothing quoted
    answer = bot.ask("Did Globex buy Tide Works?")
    assert not answer.citations, answer.text
