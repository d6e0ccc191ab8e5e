""" "Did B report a larger or smaller fall than A?" is answered with the word the question offers, from the figures
the two reports give, each quoted (an invented index: outlets and companies made up for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Daily Ledger",
        "2023-10-02",
        "Globex sued",
        "Regulators sued Globex over its pricing on Monday. Globex shares fell 4% after the lawsuit was filed.",
    ),
    (
        "Tech Wire",
        "2023-10-05",
        "Tide Works recall",
        "Tide Works recalled 20,000 heaters on Thursday. Tide Works shares closed down 2.5% after the recall.",
    ),
    (
        "Coast Times",
        "2023-10-06",
        "Ostland budget",
        "Ostland's budget rose by 7% this year, the finance ministry said on Friday.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "compared", ARTICLES))


def test_the_offered_word_comes_from_the_two_figures_each_quoted(bot):
    answer = bot.ask(
        "After the Daily Ledger reported that Globex shares fell 4% after a lawsuit, did Tech Wire report a larger "
        "or smaller percentage drop for Tide Works shares after a recall?"
    )
    assert answer.text.startswith(
        "**Smaller.** Tech Wire (2023-10-05) gives 2.5% [1], against 4% in Daily Ledger (2023-10-02) [2]."
    ), answer.text
    assert [c.source for c in answer.citations] == ["Tech Wire", "Daily Ledger"]
    assert all(p.verdict == "supported" and p.citations for p in answer.parts)
    assert_exact_quotes(bot, answer)


def test_the_other_way_round_gives_the_other_word(bot):
    answer = bot.ask(
        "Did the Daily Ledger report a higher or lower percentage drop for Globex shares after a lawsuit than Tech "
        "Wire reported for Tide Works shares after a recall?"
    )
    assert answer.text.startswith("**Higher.** Daily Ledger (2023-10-02) gives 4% [1], against 2.5% in Tech Wire")


def test_without_a_figure_on_both_sides_it_is_not_settled(bot):
    answer = bot.ask(
        "Did the Coast Times report a larger or smaller rise in Ostland's budget than the Daily Ledger reported "
        "for regulators suing Globex?"
    )
    assert not answer.text.startswith("**"), answer.text  # no Yes, no word it cannot back with two figures


SAME_FIGURE = [
    ("Daily Ledger", "2023-10-02", "Globex profit", "Globex reported a quarterly profit of $40 million on Monday."),
    ("Tech Wire", "2023-10-03", "Globex results", "Globex made a quarterly profit of $40 million, its best in years."),
    ("Coast Times", "2023-10-04", "Ostland budget", "Ostland's budget rose by 7% this year, the ministry said."),
]


@pytest.fixture(scope="module")
def same_figure_bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "same_figure", SAME_FIGURE))


def test_that_two_reports_each_cover_what_they_are_compared_on_settles_no_agreement(same_figure_bot):
    from evals.metrics import strict_correct
    from rag.answer.compose import UNSETTLED

    # asked about figures, the one sum each passage gives beside the thing is what is compared: both give $40 million
    compared = same_figure_bot.ask(
        "Did the Daily Ledger and Tech Wire give different figures for Globex's quarterly profit?"
    )
    assert compared.text.startswith("**No.** Both give $40 million"), compared.text
    assert_exact_quotes(same_figure_bot, compared)
    # each part is the comparison itself or only its topic: that both reports cover it is no "they differ" and no
    # "they agree" either, which needs what each says compared
    for question in (
        # one part that states the comparison: one passage cannot show two reports differ
        "Did Tech Wire's Globex reports give different figures for its quarterly profit?",
        (
            "Was the reporting of Globex's quarterly profit consistent between the report from Daily Ledger published "
            "on October 2, 2023, and the report from Tech Wire published on October 3, 2023?"
        ),
    ):
        answer = same_figure_bot.ask(question)
        assert answer.text.startswith(UNSETTLED), answer.text
        assert not any(strict_correct(answer.text, answer.refused, gold) for gold in ("Yes", "No"))
        assert "Tech Wire" in {c.source for c in answer.citations}
        assert_exact_quotes(same_figure_bot, answer)
