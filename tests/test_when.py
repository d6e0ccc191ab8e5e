""" "When ...?", asked with no outlet named, is answered with the day a sentence stating the event gives it, cited;
never from a plan, and never more precisely than the text dates it (an invented index: outlets, companies and people
made up for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from rag.answer.when import event_day, read_when
from tests.conftest import index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-11-18",
        "Globex ousts its chief",
        "In a surprise move late Friday, the Globex board fired Mara Lind after a review of the accounts.",
    ),
    (
        "Daily Ledger",
        "2023-11-25",
        "Lind's week",
        "Globex fired Mara Lind on Nov. 16, a filing shows, a day earlier than first reported.",
    ),
    (
        "Coast Times",
        "2023-10-22",
        "Deal done",
        "Globex has completed its purchase of Tide Works, the company said in a statement.",
    ),
    (
        "Tech Wire",
        "2023-10-01",
        "Plant plans",
        "Globex may close its Ostland plant on Oct. 3, people familiar with the plans said.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "when", ARTICLES))


def _exact(bot, answer) -> None:
    for c in answer.citations:
        assert bot.store.article(c.article_id).text[c.start : c.end] == c.quote
    assert {n for p in answer.parts for n in p.citations} <= {c.n for c in answer.citations}


def test_a_sentence_dates_its_event_by_what_it_says_against_the_articles_own_date():
    saturday = date(2023, 11, 18)
    assert event_day("fired late Friday, the board said", saturday) == (date(2023, 11, 17), "Friday")
    assert event_day("fired on Saturday", saturday) == (saturday, "Saturday")  # the article's own day
    assert event_day("fired yesterday", saturday) == (date(2023, 11, 17), "yesterday")
    assert event_day("fired on Nov. 16", saturday) == (date(2023, 11, 16), "Nov. 16")
    assert event_day("fired on October 7, 2022", saturday) == (date(2022, 10, 7), "October 7, 2022")
    # a day and month months after the article's date are last year's; weeks after are this year's (an update)
    assert event_day("fired on Dec. 30", date(2024, 1, 2))[0] == date(2023, 12, 30)
    assert event_day("the final on November 19", saturday)[0] == date(2023, 11, 19)
    assert event_day("held its first conference on November 6", date(2023, 9, 28))[0] == date(2023, 11, 6)
    assert event_day("Globex fired Mara Lind", saturday) == (saturday, "")


def test_a_when_question_is_read_as_its_event():
    assert read_when("When was Mara Lind fired?") == "fired Mara Lind"
    assert read_when("When did Globex close its Ostland plant?") == "Globex close its Ostland plant"
    assert read_when("What happened when Globex fired Mara Lind?") is None
    assert read_when("When did the board, which met twice, fire Mara Lind?") is None  # several clauses


def test_the_earliest_day_a_report_gives_leads_and_another_reports_day_is_shown(bot):
    answer = bot.ask("When was Mara Lind fired?")
    assert answer.text.startswith("**2023-11-16** (Thursday) — Daily Ledger (2023-11-25) [1] dates it “Nov. 16”.")
    assert "Other reports give 2023-11-17 (Tech Wire (2023-11-18) [2], “Friday”)" in answer.text
    assert [(p.claim, p.verdict) for p in answer.parts] == [("fired Mara Lind", "supported")]
    _exact(bot, answer)


def test_an_event_no_sentence_dates_is_only_reported_by_the_articles_day(bot):
    answer = bot.ask("When did Globex complete its purchase of Tide Works?")
    assert answer.text.startswith("**Reported by 2023-10-22** — the earliest report that states it, Coast Times")
    _exact(bot, answer)


def test_a_planned_event_has_no_day_and_the_answer_says_none_states_it(bot):
    answer = bot.ask("When did Globex close its Ostland plant?")
    assert answer.refused and "no passage states the event it asks about, so none says when" in answer.text
    assert "2023-10-03" not in answer.text
