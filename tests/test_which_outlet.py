""" "Which outlet reported it?" is answered with the outlet whose own passages say it, the earliest or latest when
asked, each cited with its date (an invented index: outlets, companies and teams made up for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Daily Ledger",
        "2023-10-02",
        "Globex cuts jobs",
        "Globex cut 300 jobs at its Tide Works plant on Monday, the company said. Shares rose 2% in early trading.",
    ),
    (
        "Tech Wire",
        "2023-10-05",
        "Tide Works layoffs confirmed",
        "Globex has cut 300 jobs at the Tide Works plant, a spokesperson confirmed on Thursday. The plant opened in 1998.",
    ),
    (
        "Daily Ledger",
        "2023-10-08",
        "Globex weekly",
        "Globex cut 300 jobs at Tide Works last week. More cuts may follow, analysts said.",
    ),
    (
        "Coast Times",
        "2023-10-03",
        "Derby day",
        "The Mariners beat the Rovers 2-0 in the harbour derby. Coach Ada Brin praised the defence after the match.",
    ),
    (
        "Harbour Herald",
        "2023-10-04",
        "Globex prices",
        "Globex raised the price of its Tide Pay service by 5% for new customers, starting in November.",
    ),
    (
        "Coast Times",
        "2023-10-09T08:15:00+00:00",
        "Mariners sign Park",
        "Theo Park signed a two-year deal with the Mariners on Monday morning. He joins from the Rovers.",
    ),
    (
        "Harbour Herald",
        "2023-10-09T17:40:00Z",
        "Park joins the Mariners",
        "Theo Park signed a two-year deal with the Mariners, the club announced on Monday evening.",
    ),
    (
        "Harbour Herald",
        "2023-10-10",
        "Trial opens",
        "Globex's opening statements seemed to paint a clearer picture for the jury than those from Ostland Bank.",
    ),
    (
        # a live page: dated before everyone else, but kept up to date with what happened after its date
        "Bay News",
        "2023-09-20",
        "Globex: everything you need to know",
        (
            "Globex cut 300 jobs at its Tide Works plant. On October 2 the company confirmed the cuts. On October 5 "
            "shares recovered. On October 12 the union met the board. On October 19 talks ended."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "outlets", ARTICLES))


def test_the_earliest_outlet_leads_and_the_later_one_follows_with_its_date(bot):
    answer = bot.ask("Which outlet reported that Globex cut jobs at Tide Works first?")
    assert answer.text.startswith("**Daily Ledger** reported it first, on 2023-10-02 [1]")
    assert "later: Tech Wire (2023-10-05) [2]" in answer.text
    assert [c.source for c in answer.citations] == ["Daily Ledger", "Tech Wire", "Bay News"]
    assert_exact_quotes(bot, answer)


def test_a_page_updated_after_its_date_does_not_come_first_on_its_date(bot):
    answer = bot.ask("Which outlet was the first to report that Globex cut jobs at Tide Works?")
    assert answer.text.startswith("**Daily Ledger** reported it first, on 2023-10-02 [1]")
    # it is shown, with why its date does not order it
    assert "Bay News (2023-09-20; the page names days up to 2023-10-19, so it may have said this later)" in answer.text
    assert_exact_quotes(bot, answer)


def test_a_page_is_updated_when_it_names_several_days_after_its_own():
    from rag.answer.when import updated_until

    look_ahead = "The trial opens on October 3. A verdict is due by October 20."
    assert updated_until(look_ahead, "2023-09-28") is None
    assert str(updated_until(look_ahead + " On November 2 the jury was sent home.", "2023-09-28")) == "2023-11-02"
    # days before the page's own date, or "Dec. 30" in a January page (last year's), are not later days
    assert updated_until("On Dec. 30 and Dec. 31 and Jan. 1 it snowed.", "2024-01-02") is None


def test_the_latest_outlet_leads_when_asked_who_reported_it_most_recently(bot):
    # the Daily Ledger's latest report, not its closest-worded (earlier) one, decides when it reported it
    answer = bot.ask("Which news source reported most recently that Globex cut 300 jobs?")
    assert answer.text.startswith("**Daily Ledger** reported it most recently, on 2023-10-08")
    assert "earlier: Tech Wire (2023-10-05)" in answer.text
    assert_exact_quotes(bot, answer)


def test_of_the_outlets_named_the_one_saying_it_is_the_answer_and_the_other_is_counted_not_quoted(bot):
    answer = bot.ask(
        "Between the Daily Ledger report on Globex and the Coast Times report on the derby, which news source "
        "reported job cuts at a plant?"
    )
    assert answer.text.startswith("**Daily Ledger** (2023-10-02) [1]; 1 other outlet checked does not state it.")
    assert "Coast Times" not in answer.text  # checked, but no quote of it answers anything
    assert [p.verdict for p in answer.parts] == ["supported", "not_mentioned"]
    assert answer.parts[0].citations == [1] and answer.parts[1].citations == []
    assert_exact_quotes(bot, answer)


def test_a_report_no_outlet_makes_leaves_the_question_unsettled(bot):
    answer = bot.ask("Which outlet reported that Globex opened a factory on the Moon?")
    assert answer.text.startswith("The articles do not settle this: none of the"), answer.text
    assert not answer.citations and all(p.verdict == "not_mentioned" for p in answer.parts)
    # the report is said as the question wrote it: "Globex's", not the "Globex s" it is matched by
    answer = bot.ask("Which outlet reported that Globex's founder opened a factory on the Moon?")
    assert "found to say Globex's founder opened a factory on the Moon." in answer.text, answer.text
    assert {p.claim for p in answer.parts} == {"Globex's founder opened a factory on the Moon"}


def test_the_question_reading_keeps_only_the_report_asked_for():
    from rag.answer.outlets import read_outlet_question

    asked = read_outlet_question("Which outlet was the first to report that Globex cut jobs?", [])
    assert asked is not None and asked.claim == "Globex cut jobs" and asked.order == "earliest" and asked.stated
    asked = read_outlet_question(
        "Between the Daily Ledger report and the Tech Wire article, which of the two publications said the plant "
        "closed, the Daily Ledger or Tech Wire?",
        ["Daily Ledger", "Tech Wire"],
    )
    assert asked is not None and asked.claim == "plant closed" and asked.order == ""
    assert read_outlet_question("Which company cut jobs at Tide Works?", []) is None
    # "who reported that ...?" asks for the outlets too; "who reported the theft?" asks for a person
    asked = read_outlet_question("Who first reported that Globex cut jobs?", [])
    assert asked is not None and asked.claim == "Globex cut jobs" and asked.order == "earliest"
    assert read_outlet_question("Who reported the theft to the police?", []) is None


def test_who_reported_it_first_is_answered_with_the_outlet(bot):
    answer = bot.ask("Who reported that Globex cut jobs at Tide Works first?")
    assert answer.text.startswith("**Daily Ledger** reported it first, on 2023-10-02 [1]"), answer.text
    assert_exact_quotes(bot, answer)


def test_two_reports_of_one_day_are_ordered_by_their_times(bot):
    answer = bot.ask("Which outlet reported first that Theo Park signed a two-year deal with the Mariners?")
    assert answer.text.startswith("**Coast Times** reported it first, on 2023-10-09 08:15 UTC [1]")
    assert "later: Harbour Herald (2023-10-09 17:40 UTC) [2]" in answer.text
    order = bot.ask("Did the Harbour Herald report that Theo Park signed a two-year deal before the Coast Times did?")
    assert order.text.startswith(
        "**No — the other way round:** Coast Times reported on 2023-10-09 08:15 UTC [2], before Harbour Herald on "
        "2023-10-09 17:40 UTC [1]."
    ), order.text
    assert_exact_quotes(bot, order)


def test_stating_it_means_one_sentence_saying_the_deed_outright_of_everyone_it_names():
    from rag.answer.verdicts import states_deed

    assert states_deed("Mara Lind was convicted", "A jury found Mara Lind guilty on Friday.")  # one event, other words
    assert not states_deed("Mara Lind was found guilty", "The trial will decide whether Mara Lind is found guilty.")
    assert not states_deed("Globex opened a factory on the Moon", "Globex cut jobs. The plant opened in 1998.")
    assert not states_deed("Theo Park fired Mara Lind", "Globex fired Mara Lind, Theo Park said.")


def test_the_earliest_report_is_quoted_by_its_stating_sentence_alone(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-10-03",
            "Ports",
            "Norrvik Ports shares fell on Tuesday. Norrvik Ports cut 200 jobs at its Ostland terminal, the company said.",
        ),
        ("Coast Times", "2023-10-06", "Ports week", "Norrvik Ports cut 200 jobs at its Ostland terminal last week."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "stating_alone", articles))
    answer = bot.ask("Which outlet reported first that Norrvik Ports cut jobs?")
    assert answer.text.startswith("**Bay News** reported it first, on 2023-10-03 [1]"), answer.text
    # the sentence before the stating one says nothing of the cut: it is not shown as the report
    assert answer.citations[0].quote == "Norrvik Ports cut 200 jobs at its Ostland terminal, the company said."
    assert "shares fell" not in answer.text
    assert_exact_quotes(bot, answer)


def test_which_outlets_asks_for_every_outlet_that_says_it_in_the_order_they_said_it(bot):
    answer = bot.ask("Which outlets reported that Globex cut jobs at Tide Works?")
    lead = answer.text.split("\n")[0]
    # each one saying it is an answer, not only the closest-worded ("passages sharing fewer of its words")
    assert lead.startswith("**Bay News** (2023-09-20) [1], **Daily Ledger** (2023-10-02) [2] and **Tech Wire**")
    assert "report it" in lead and "sharing fewer" not in lead
    assert "Coast Times" not in answer.text and "Harbour Herald" not in answer.text
    assert_exact_quotes(bot, answer)
    counted = bot.ask("How many outlets reported that Globex cut jobs at Tide Works?")
    assert counted.text.startswith("**3** of the ")
    assert_exact_quotes(bot, counted)


def test_only_a_plural_or_how_many_asks_for_every_outlet():
    from rag.answer.outlets import read_outlet_question

    assert read_outlet_question("Which outlets reported that Globex cut jobs?", []).every
    assert read_outlet_question("How many news sources said that Globex cut jobs?", []).counted
    assert not read_outlet_question("Which outlet reported that Globex cut jobs?", []).every
    assert not read_outlet_question("Which of the two outlets reported that Globex cut jobs?", []).every


def test_when_an_outlet_reported_it_is_the_day_of_its_earliest_report_saying_it(bot):
    # the Daily Ledger said it on October 2 and again on October 8: the first is the answer
    answer = bot.ask("When did the Daily Ledger report that Globex cut jobs at Tide Works?")
    assert answer.text.startswith("**2023-10-02** — the earliest report of it found in Daily Ledger [1].")
    assert [c.source for c in answer.citations] == ["Daily Ledger"]
    assert_exact_quotes(bot, answer)
    assert bot.ask("When did Tech Wire report that Globex cut jobs?").text.startswith("**2023-10-05**")
    # an outlet that never said it has no day for it, though another outlet said it
    never = bot.ask("When did Tech Wire report that the Mariners beat the Rovers?")
    assert never.text.startswith("The articles do not settle this: nothing found in Tech Wire that says")
    assert not never.citations
    # two outlets asked: each one's earliest day, and an outlet that never said it is named as such
    both = bot.ask("When did Tech Wire and the Coast Times report that Globex cut jobs at Tide Works?")
    assert both.text.startswith("The earliest report of it found in each — Tech Wire: **2023-10-05** [1]; nothing")
    assert "nothing found in Coast Times that says Globex cut jobs at Tide Works." in both.text
    assert_exact_quotes(bot, both)


def test_reported_that_asks_for_a_sentence_saying_it_as_a_fact(bot):
    # the names and "jury" are there, the jury siding with anyone is not
    answer = bot.ask("Which outlet reported that the jury sided with Globex?")
    assert answer.text.startswith("The articles do not settle this: none of the"), answer.text
    assert not answer.citations


def test_of_two_outlets_offered_the_one_whose_passage_clearly_comes_closest_answers(bot):
    # no sentence says it word for word ("put up" for "raised", "subscribers" for "customers"), but of the two outlets
    # offered one has it nearly all and the other next to none of it
    answer = bot.ask(
        "Which outlet reported that Globex put up the price of its Tide Pay service by 5% for new subscribers, the "
        "Harbour Herald or the Coast Times?"
    )
    assert answer.text.startswith("**Harbour Herald** (2023-10-04) [1] — of the outlets named, its passage comes"), (
        answer.text
    )
    assert "1 other outlet checked does not state it." in answer.text
    assert [c.source for c in answer.citations] == ["Harbour Herald"]
    assert_exact_quotes(bot, answer)
    # asked without offering the outlets, the same words are not enough: no outlet says it outright
    alone = bot.ask(
        "Which outlet reported that Globex put up the price of its Tide Pay service by 5% for new subscribers?"
    )
    assert alone.text.startswith("The articles do not settle this: none of the"), alone.text
    # and when the offered outlets both come close, neither is picked
    tied = bot.ask(
        "Which outlet reported that Globex got rid of 300 workers at Tide Works, the Daily Ledger or Tech Wire?"
    )
    assert tied.text.startswith("The articles do not settle this: none of the 2 outlets checked was found to say"), (
        tied.text
    )


def test_an_outlet_offered_is_not_picked_for_words_it_never_quotes(bot):
    # someone's words are shown only by the words themselves: a passage holding most of what the question says is
    # no quote of anyone (a misattributed quote is the worst answer)
    answer = bot.ask(
        "Which outlet quoted Globex saying it put up the price of its Tide Pay service by 5% for new subscribers, the "
        "Harbour Herald or the Coast Times?"
    )
    assert answer.text.startswith("The articles do not settle this: none of the 2 outlets checked was found to say"), (
        answer.text
    )
    assert not answer.citations
