""" "Do both <report> and <report> <do something>?" asks each report to do it, not only the last one described (an
invented index: outlets, people and places made up for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-10-02",
        "Globex raises prices",
        (
            "Globex raised prices on its Tide Pay plans on Monday. Mara Lind, a licensed financial planner at "
            "Norrvik Advisers, said customers would shop around. Mara Lind expects rivals to follow. Globex chief "
            "Theo Park said the prices reflect higher costs."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-03",
        "Harbour jobs",
        (
            "The harbour lost 300 jobs this autumn, the port authority said. Dock workers said the cuts came "
            "without warning."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-06",
        "Planner on prices",
        "Mara Lind said Globex prices could rise again. Mara Lind advises households on savings.",
    ),
    (
        "Daily Ledger",
        "2023-10-07",
        "Savings advice",
        "Mara Lind told the Daily Ledger that household savings are falling as Globex prices rise.",
    ),
    (
        "Coast Times",
        "2023-10-04",
        "Savings squeeze",
        (
            "Households are cutting back on savings as bills rise. Ida Moen, a licensed financial planner in "
            "Ostland, said families should review their budgets. Globex chief Theo Park said bills would stay high."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "both-reports", ARTICLES))


def test_what_both_reports_are_asked_to_do_is_asked_of_the_first_report_too(bot):
    # the Daily Ledger report is on its topic, but quotes no planner: no Yes from the topic alone
    answer = bot.ask(
        "Do both the Tech Wire piece on Globex prices and the Daily Ledger report on harbour jobs quote a licensed "
        "financial planner?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
    verdicts = {p.claim: p.verdict for p in answer.parts}
    assert list(verdicts.values()) == ["supported", "not_mentioned"], verdicts
    assert all(claim.startswith("licensed financial planner") for claim in verdicts), verdicts
    assert "in Daily Ledger" in answer.text
    assert_exact_quotes(bot, answer)


def test_both_reports_doing_it_answer_yes_with_each_cited(bot):
    answer = bot.ask(
        "Do both the Tech Wire piece on Globex prices and the Coast Times article on household savings quote a "
        "licensed financial planner?"
    )
    assert answer.text.startswith("**Yes.** Each part is supported: Tech Wire (2023-10-02) [1]; Coast Times"), (
        answer.text
    )
    assert {c.source for c in answer.citations} == {"Tech Wire", "Coast Times"}
    assert_exact_quotes(bot, answer)


def test_a_name_asked_of_both_reports_is_one_both_give(bot):
    # Mara Lind is named most, but only by Tech Wire: the person both reports name is Theo Park
    answer = bot.ask(
        "Which person is named in both the Tech Wire piece on Globex prices and the Coast Times article on "
        "household savings?"
    )
    assert answer.text.startswith("**Theo Park** — named in Tech Wire (2023-10-02) [1], Coast Times"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_report_described_by_its_kind_alone_is_asked_the_shared_deed_too(bot):
    # "<outlet>'s jobs preview and <outlet>'s savings roundup mention X": no topic after the report's kind
    answer = bot.ask(
        "Do both the Daily Ledger's harbour jobs preview and Coast Times' household savings piece mention Globex?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
    assert answer.parts[0].verdict == "not_mentioned", answer.parts
    assert all(p.claim.startswith("Globex, ") for p in answer.parts), answer.parts
    # "refer to" asks it as "mention" does
    answer = bot.ask(
        "Do both the Daily Ledger's report on harbour jobs and the Tech Wire article on prices refer to a licensed "
        "financial planner?"
    )
    assert not answer.text.startswith("**Yes"), answer.text
