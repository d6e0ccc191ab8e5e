"""A moment a deed is timed by ("after halftime"), a year a passage gives otherwise, what a claim calls something ("a
down round"), a result said in another word ("beat" against "lost"), the likeness two reports are asked about ("the
same amount", "the same size"), a change asked of later coverage, another edition's result, a minute said of another
game, the same words quoted by two reports, a yes/no question after a statement, "had said" and "wrote that": found
by the sixty-first session's testers. Each test fails on the code before its fix."""

import pytest

from rag.answer.compose import REFUSAL
from rag.answer.reading import asked_of_another_outlet, without_unordered
from rag.answer.verdicts import judge
from rag.answer.when import kind_asked
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Bay News",
        "2023-10-12",
        "Ostland edge Norrvik",
        "Mara Lind came off the bench shortly after halftime and hit the post twice as Ostland drew with Norrvik.",
    ),
    (
        "Tech Wire",
        "2023-12-07",
        "Globex raises again",
        (
            "Globex pulled in $65 million this month. This was the same valuation Globex had the last time it raised "
            "money, a round led by Tide Works in 2021."
        ),
    ),
    ("Daily Ledger", "2023-10-30", "Harbour Cup history", "Ostland won the 2022 Harbour Cup with a late goal."),
    (
        "Tech Wire",
        "2023-11-17",
        "Globex shake-up",
        "Globex's leadership change will see Jon Vale step down as chair but remain as its president, the company said.",
    ),
    (
        "Tech Wire",
        "2023-11-18",
        "Globex turmoil",
        "Then Globex's longtime president Jon Vale resigned, and more staff followed him out.",
    ),
    (
        "Coast Times",
        "2023-11-29",
        "Ostland keep a clean sheet",
        (
            "Ostland have not conceded since Theo Park's dramatic 118th minute equaliser in the 2022 Harbour Cup "
            "final, a record run for their goalkeeper."
        ),
    ),
    (
        "Tech Wire",
        "2023-11-20",
        "Globex backs Tide Works",
        "Globex had put $13 billion into Tide Works by the start of the year, the company said.",
    ),
    (
        "Bay News",
        "2023-11-18",
        "Tide Works turmoil",
        (
            "Globex has invested billions of dollars in Tide Works. Shoppers can redeem cash back once they earn a "
            "specific amount in the Tide Works app."
        ),
    ),
    (
        "Coast Times",
        "2023-11-24",
        "Rovers appeal",
        (
            "The Rovers' appeal against the 10-point deduction will be heard by a different three-person panel before "
            "the end of the season."
        ),
    ),
    ("Daily Ledger", "2023-11-25", "Rovers docked", "The Rovers were handed a ten point deduction by the league."),
    (
        "Tech Wire",
        "2023-11-21",
        "Globex stands by Tide Works",
        (
            "Globex gave this statement from its spokesperson Ada Brin: “We have a long-term partnership with Tide "
            "Works and remain committed to Mara and her team as we ship the next harbour app.”"
        ),
    ),
    (
        "Bay News",
        "2023-11-22",
        "Tide Works keeps its backer",
        (
            "“We have a long-term partnership with Tide Works and remain committed to Mara and her team as we ship "
            "the next harbour app,” said an emailed Globex statement."
        ),
    ),
    (
        "Tech Wire",
        "2023-12-11",
        "Globex Mini returns",
        "Globex Mini launched at $1.99 per month. The Globex Mini app is back on phones this week.",
    ),
    (
        "Coast Times",
        "2023-12-12",
        "Rovers out of the Harbour Cup",
        (
            "Go back a couple of months and Jon Vale had said the Rovers could win the Harbour Cup. On a night when "
            "Mara Lind seemed to revise her opinion of the Rovers, Mara Lind may need a rethink. Mara Lind said little."
        ),
    ),
    (
        "Bay News",
        "2023-12-13",
        "Ostland win the first match",
        (
            "A total of 171 was thirty or more shy of where the Rovers would have liked to have ended up. Theo Park and "
            "Ada Brin found the stands with ease at the end."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "moments_years", ARTICLES))


def test_a_deed_timed_after_a_moment_is_not_said_at_it_and_no_order_of_two_events_is_asked():
    after = ["Mara Lind came off the bench shortly after halftime and hit the post twice."]
    # not supported, and not denied either: a preview's "set to come off the bench at halftime" says no time it happened
    assert judge("Mara Lind came on at halftime", after).label == "not_mentioned"
    assert judge("Mara Lind came off the bench after halftime", after).supported
    planned = ["Mara Lind is set to come off the bench at halftime."]
    assert judge("Mara Lind came off the bench after halftime", planned, happened=True).label != "contradicted"
    # "after halftime" places the deed in the game; it is no second event to order it against
    assert "after" not in without_unordered("Did Mara Lind come off the bench after halftime?")
    assert "after" in without_unordered("Did Mara Lind resign after Globex was fined?")


def test_a_moment_in_a_question_is_answered_as_when_not_as_which_came_first(bot):
    answer = bot.ask("Did Bay News report that Mara Lind came on at halftime?")
    assert not answer.text.startswith("**Yes"), answer.text
    assert "came after another" not in bot.ask("Did Mara Lind come off the bench after halftime?").text


def test_what_a_claim_calls_something_must_be_said(bot):
    flat = ["This was the same valuation Globex had the last time it raised money, a round led by Tide Works."]
    assert not judge("Globex's round as a down round", flat).supported
    assert judge("Globex's round as a down round", ["Globex raised a down round, at a lower valuation."]).supported
    answer = bot.ask("Did Tech Wire describe Globex's round as a down round?")
    assert not answer.text.startswith("**Yes"), answer.text
    assert_exact_quotes(bot, answer)


def test_another_year_given_for_the_deed_supports_nothing_and_denies_nothing():
    later = ["Jon Vale stopped drinking altogether in 2013, four years after his wife died."]
    for happened in (True, False):
        assert judge("Jon Vale stopped drinking in 2009", later, happened=happened).label == "not_mentioned"
        assert judge("Jon Vale stopped drinking in 2013", later, happened=happened).supported


def test_a_loss_said_with_lost_denies_a_win_said_with_beat():
    lost = ["The Rovers lost 27-13 to the Mariners in Week 9."]
    for happened in (True, False):
        assert judge("the Rovers beat the Mariners 27-13 in Week 9", lost, happened=happened).label == "contradicted"
    # a win said outright still denies a loss, whoever else the passage says was beaten ("despite suffering defeat"
    # reads as a beating to the verifier)
    # (and "FC Coast" said again by its initials, "FC", is still the side that won)
    won = [
        "FC Coast won the Sailors' Shield as the regular season champion, confirmed on Wednesday despite suffering defeat."
    ]
    assert judge("FC Coast lost the Sailors Shield", won).label == "contradicted"
    # a beating by another side says the loss, not its opposite
    beaten = ["The Comets beat the Mariners 2-1 in the final."]
    assert judge("the Mariners lost the final", beaten, happened=True).label != "contradicted"
    # a sentence of two scores tells of two games: no denial
    both = ["The Rovers beat the Mariners 3-1 in May, then lost 2-1 at home to them."]
    assert judge("the Rovers lost 3-1 at home to the Mariners", both).label != "contradicted"


def test_the_likeness_two_reports_are_asked_about_is_no_claim_of_either(bot):
    # "the same size" compares the two reports; one report's "a different panel" does not deny it
    panel = ["The Rovers' appeal against the 10-point deduction will be heard by a different three-person panel."]
    assert judge("give the same size for the Rovers' points deduction", panel).label != "contradicted"
    answer = bot.ask("Did the Coast Times and the Daily Ledger give the same size for the Rovers' points deduction?")
    assert not answer.text.startswith("**No"), answer.text
    # "the same amount" after another outlet's figure asks whether this outlet gives that figure
    outlets = ["Tech Wire", "Bay News"]
    asked = "Tech Wire says Globex had put $13 billion into Tide Works. Did Bay News report the same amount?"
    assert asked_of_another_outlet(asked, outlets) == (
        "Do both Tech Wire and Bay News report that Globex had put $13 billion into Tide Works?"
    )
    assert judge("same amount", ["Shoppers redeem cash back once they earn a specific amount."]).label == (
        "not_mentioned"
    )
    answer = bot.ask(asked)
    assert not answer.text.startswith("**Yes"), answer.text


def test_a_change_asked_of_later_coverage_is_not_shown_by_one_report(bot):
    answer = bot.ask(
        "Tech Wire's first story on the shake-up said Jon Vale would stay on as Globex's president. Did Tech Wire's "
        "later coverage change that?"
    )
    cited_articles = {c.article_id for c in answer.citations}
    assert not answer.text.startswith("**Yes") or len(cited_articles) >= 2, answer.text
    assert all(p.verdict != "supported" or "change that" not in p.claim for p in answer.parts or [])


def test_another_editions_result_does_not_answer_who_won_this_one(bot):
    answer = bot.ask("Who won the 2023 Harbour Cup?")
    assert answer.text.startswith(REFUSAL), answer.text
    assert bot.ask("Who won the 2022 Harbour Cup?").text.startswith("**Ostland**")


def test_a_minute_said_of_another_game_is_not_given_as_the_minute_asked(bot):
    assert kind_asked("In which minute did Theo Park score?") == "a number"
    answer = bot.ask("In which minute did Theo Park score his equaliser against Norrvik in Tide Park?")
    # refused, or the passage shown as the closest under a lead saying no minute was confirmed
    assert answer.refused or answer.text.startswith("The articles do not settle this: I could not confirm"), answer.text
    assert_exact_quotes(bot, answer)


def test_two_reports_quoting_the_same_words_quote_the_same_statement(bot):
    answer = bot.ask(
        "Did Tech Wire and Bay News quote the same Globex statement about staying committed to Mara and her team?"
    )
    assert answer.text.startswith("**Yes.**"), answer.text
    assert {c.source for c in answer.citations} == {"Tech Wire", "Bay News"}
    assert_exact_quotes(bot, answer)


def test_a_yes_no_question_after_a_statement_is_never_answered_with_quotes_alone(bot):
    answer = bot.ask(
        "Globex Mini launched at $1.99 a month. Was it still charging that as of Tech Wire's December 11 report?"
    )
    assert answer.text.startswith("The articles do not settle this"), answer.text
    assert_exact_quotes(bot, answer)


def test_who_had_said_words_is_whom_a_sentence_gives_them_to(bot):
    answer = bot.ask(
        "Which Rovers player had said, a couple of months before the final, that the Rovers could win the Harbour Cup?"
    )
    assert answer.text.startswith("**Jon Vale**"), answer.text


def test_words_written_in_a_reports_own_voice_are_given_to_no_one_named_beside_them(bot):
    answer = bot.ask("Who wrote that the Rovers' 171 was thirty or more shy of where they wanted to be?")
    # neither a name beside them (Theo Park, Ada Brin) nor the bare quote: no one is named as writing them
    assert answer.text.startswith("The articles do not settle this: no sentence found gives these words"), answer.text
    # typed in a hurry, a score is still asked for
    assert kind_asked("whats the final score of the Rovers game") == "a number"
