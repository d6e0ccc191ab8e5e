""" "When ...?" and "how many ...?", asked with no outlet named, are answered with the day or the number a sentence
stating the event gives, cited; never from a plan, and never more precisely than the text says it (an invented index: outlets, companies and people
made up for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from rag.answer.amounts import amount_in, read_amount
from rag.answer.when import event_day, read_when
from tests.conftest import assert_exact_quotes, index_articles

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
        "Harbour Herald",
        "2023-12-02",
        "Lind verdict",
        (
            "A jury found Theo Park guilty on seven counts of fraud on Thursday. "
            "Globex paid $2bn for Tide Works, its filing showed."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-01",
        "Plant plans",
        "Globex may close its Ostland plant on Oct. 3, people familiar with the plans said.",
    ),
    (
        "Harbour Herald",
        "2023-11-03",
        "Ferries deal",
        "Ostland Ferries sealed its long-awaited deal for Norrvik Rail on Wednesday, paying $3bn.",
    ),
    (
        "Daily Ledger",
        "2023-11-06",
        "Ports takeover",
        "Norrvik Ports agreed its $450 million takeover of Harbour Lines Group on Monday, the largest in its history.",
    ),
    (
        "Coast Times",
        "2023-11-30",
        "Lind back",
        "Mara Lind returned as chief executive of Globex on Nov. 28, the company said.",
    ),
    (
        "Coast Times",
        "2023-05-12",
        "Rail bid",
        "Theo Park said Ostland Rail made a $300 million offer for Bay Ferries in May.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "when", ARTICLES))


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
    # "today's" is nowadays, not the article's day
    assert event_day("what today's apps offer changed when Globex bought Tide Works", saturday) == (saturday, "")
    # an embedded post's signature dates the post, and "a year ago tonight" is not tonight
    post = "a year ago tonight we launched Tide Pay — Mara Lind (@maralind) November 17, 2023"
    assert event_day(post, saturday) == (saturday, "")


def test_a_year_ago_in_a_post_is_the_year_before_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-30",
            "Birthday",
            (
                "a year ago tonight we were putting the finishing touches on Tide Pay before the next morning's "
                "launch. what a year it's been — Mara Lind (@maralind) November 30, 2023"
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "year_ago", articles))
    answer = bot.ask("When was Tide Pay launched?")
    assert answer.text.startswith("**In 2022** — Tech Wire (2023-11-30) [1] dates it “a year ago”."), answer.text
    assert_exact_quotes(bot, answer)


def test_an_event_a_sentence_puts_in_an_earlier_year_is_answered_with_that_year(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-03",
            "Apps",
            "What today's apps offer changed last year, when Globex bought Tide Works, and users left in droves.",
        ),
        ("Coast Times", "2023-11-20", "Studios", "Globex bought Tide Works, and now it wants more studios."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "year_said", articles))
    answer = bot.ask("When did Globex buy Tide Works?")
    assert answer.text.startswith("**In 2022** — Tech Wire (2023-11-03) [1] dates it “last year”."), answer.text
    assert_exact_quotes(bot, answer)


def test_asked_when_it_is_a_past_years_edition_gives_no_day(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-20",
            "Cup preview",
            "The 2019 Harbour Cup final between Ostland and Norrvik was one of many firsts for the sport.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "when_is", articles))
    # "when is ...?" asks of the edition to come: 2019's final is quoted, not given as the answer
    answer = bot.ask("When is the Harbour Cup final?")
    assert not answer.text.startswith("**"), answer.text
    assert "2019 Harbour Cup final" in answer.text
    assert_exact_quotes(bot, answer)


def test_an_active_question_is_answered_from_a_passive_sentence_naming_its_doer_far_on(tmp_path_factory):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    passive = "Late Friday, Mara Lind was fired as chief of Tide Works, the maker of the Tide 2, by Globex's board."
    assert judge("Globex fired Mara Lind", [passive], happened=True).supported
    # the roles stay read: the passive's "by" names who did it
    assert not judge("Mara Lind fired Globex", [passive], happened=True).supported
    assert not judge("Tide Works fired Mara Lind", [passive], happened=True).supported
    # a passive claim is read in its own voice against an active sentence
    assert judge(
        "Mara Lind was named chief of Globex", ["Globex named Mara Lind chief on Monday."], happened=True
    ).supported
    assert not judge(
        "Mara Lind was named chief of Globex", ["Mara Lind named Globex chief Theo Park as her deputy."], happened=True
    ).supported
    articles = [
        ("Tech Wire", "2023-11-18", "Lind out", passive),
        ("Coast Times", "2023-11-30", "Lind back", "Weeks after Globex fired Mara Lind, she returned as chief."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "passive_by", articles))
    answer = bot.ask("When did Globex fire Mara Lind?")
    assert answer.text.startswith("**2023-11-17** (Friday) — Tech Wire (2023-11-18) [1] dates it “Friday”."), (
        answer.text
    )
    assert_exact_quotes(bot, answer)


def test_a_weekday_of_a_calendar_rule_dates_nothing():
    from datetime import date

    from rag.answer.when import event_day

    published = date(2023, 11, 11)  # a Saturday
    rule = "Ostland also has its own Harvest Day, on the second Monday in October, and Norrvik marks it every Friday."
    assert event_day(rule, published) == (published, "")
    # a weekday said as a day still dates it: the last one on or before the report
    assert event_day("Globex fired Mara Lind on Monday.", published) == (date(2023, 11, 6), "Monday")
    assert event_day("Globex fired Mara Lind last Monday.", published) == (date(2023, 11, 6), "Monday")
    # a weekday inside a name ("Black Friday", a title) is no day; the one after it is
    assert event_day("Shoppers rushed out for Black Friday deals.", published) == (published, "")
    titled = "Days before “Harbour Friday 2,” the album that dropped on Friday, fans queued."
    assert event_day(titled, published) == (date(2023, 11, 10), "Friday")


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
    assert_exact_quotes(bot, answer)


def test_an_event_no_sentence_dates_is_only_reported_by_the_articles_day(bot):
    answer = bot.ask("When did Globex complete its purchase of Tide Works?")
    assert answer.text.startswith("**Reported by 2023-10-22** — the earliest report found that states it, Coast Times")
    assert_exact_quotes(bot, answer)


def test_a_deal_done_is_dated_however_worded_and_with_the_name_as_the_sentence_spells_it(bot):
    # "sealed its deal" completes it; "Norrvik" is said only as "Norrvik Rail", and the part says it that way
    answer = bot.ask("When did Ostland Ferries complete the Norrvik deal?")
    assert answer.text.startswith("**2023-11-01** (Wednesday) — Harbour Herald (2023-11-03) [1] dates it “Wednesday”.")
    assert [(p.claim, p.verdict) for p in answer.parts] == [
        ("Ostland Ferries complete the Norrvik Rail deal", "supported")
    ]
    assert_exact_quotes(bot, answer)


def test_a_price_is_read_from_the_deal_it_is_said_before(bot):
    # no sentence says "paid": "its $450 million takeover of" gives the price, and the part claims those words
    answer = bot.ask("How much did Norrvik Ports pay for Harbour Lines?")
    assert answer.text.startswith("**$450 million** — Daily Ledger (2023-11-06) [1].")
    assert [(p.claim, p.verdict) for p in answer.parts] == [
        ("Norrvik Ports agreed its $450 million takeover of Harbour Lines Group", "supported")
    ]
    assert_exact_quotes(bot, answer)
    # an offer is no price paid
    assert not bot.ask("How much did Ostland Rail pay for Bay Ferries?").text.startswith("**$300")


def test_before_or_after_is_answered_from_the_days_the_reports_give_both_events(bot):
    answer = bot.ask("Did Mara Lind return after she was fired?")
    assert answer.text.startswith(
        "**Yes** — Mara Lind return on 2023-11-28 (“Nov. 28”), Coast Times (2023-11-30) [1], after Mara Lind was fired "
        "on 2023-11-16 (“Nov. 16”), Daily Ledger (2023-11-25) [2]."
    )
    assert [(p.claim, p.verdict) for p in answer.parts] == [
        ("Mara Lind return", "supported"),
        ("Mara Lind was fired", "supported"),
    ]
    assert_exact_quotes(bot, answer)
    assert bot.ask("Was Mara Lind fired after she returned?").text.startswith("**No** — Mara Lind was fired on")
    # with no day said for the purchase, its report of 2023-10-22 says it had happened by then: before the firing
    undated = bot.ask("Was Mara Lind fired before Globex completed its purchase of Tide Works?")
    assert undated.text.startswith("**No** — Mara Lind was fired on 2023-11-16"), undated.text
    assert "after Globex completed its purchase of Tide Works by 2023-10-22 (the report's date)" in undated.text
    # "get" + participle is the passive; an event no sentence states is named, never merged with the other
    assert bot.ask("Did Mara Lind get fired before she returned?").text.startswith("**Yes** — Mara Lind was fired on")
    unstated = bot.ask("Did Mara Lind resign before Globex completed its purchase of Tide Works?")
    assert unstated.text.startswith(
        "The articles do not settle this: I could not confirm “Mara Lind resign” from the articles; Globex"
    ), unstated.text
    assert [(p.claim, p.verdict) for p in unstated.parts][0] == ("Mara Lind resign", "not_mentioned")
    assert_exact_quotes(bot, unstated)


def test_an_event_asked_as_a_noun_is_found_and_shown_as_asked(bot):
    from rag.answer.when import read_event_order

    # "Was Mara Lind's firing before ...?" asks of an event said as a noun: no "was" goes inside it
    assert read_event_order("Was Mara Lind's firing before her return?").first == "Mara Lind's firing"
    answer = bot.ask("Was Mara Lind's firing before Globex completed its purchase of Tide Works?")
    assert answer.text.startswith("**No** — Mara Lind's firing on 2023-11-16"), answer.text
    assert_exact_quotes(bot, answer)


def test_when_did_she_get_fired_asks_when_she_was_fired(bot):
    assert read_when("When did Mara Lind get fired?") == "fired Mara Lind"
    assert bot.ask("When did Mara Lind get fired?").text.startswith("**2023-11-16** (Thursday)")


def test_which_came_first_names_the_earlier_event_from_the_days_both_are_given(bot):
    answer = bot.ask("Which came first, Mara Lind's firing or her return?")
    assert answer.text.startswith(
        "**Mara Lind's firing** came first — Mara Lind's firing on 2023-11-16 (“Nov. 16”), Daily Ledger (2023-11-25) [1], "
        "before Mara Lind's return on 2023-11-28 (“Nov. 28”), Coast Times (2023-11-30) [2]."
    ), answer.text
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]
    assert_exact_quotes(bot, answer)
    later = bot.ask("What happened last: Mara Lind's return or Mara Lind's firing?")
    assert later.text.startswith(
        "**Mara Lind's return** came later — Mara Lind's firing on 2023-11-16 (“Nov. 16”), Daily Ledger (2023-11-25) [2], "
        "before Mara Lind's return on 2023-11-28"
    ), later.text
    # one event dated only by its report, of a day before the other's: it came first
    undated = bot.ask("Which came first, Mara Lind's return or Globex's purchase of Tide Works?")
    assert undated.text.startswith(
        "**Globex's purchase of Tide Works** came first — Globex's purchase of Tide Works by 2023-10-22 (the report's "
        "date), Coast Times (2023-10-22) [2], before Mara Lind's return on 2023-11-28"
    ), undated.text


def test_when_did_it_happen_dates_the_event_the_question_names(bot):
    answer = bot.ask("When did the Ostland Ferries deal happen?")
    # "sealed its long-awaited deal ... on Wednesday", published on Friday 2023-11-03
    assert answer.text.startswith("**2023-11-01** (Wednesday)"), answer.text
    assert_exact_quotes(bot, answer)


def test_when_does_it_take_place_is_not_answered_with_a_past_edition(tmp_path_factory):
    from rag.assistant import Assistant

    past = "The 2019 Harbour Cup final between Ostland and Norrvik was one of many firsts for the sport."
    bot = Assistant.open(index_articles(tmp_path_factory, "ahead", [("Tech Wire", "2023-10-20", "Cup", past)]))
    # asked in the present, the final still to come is asked about: the 2019 one is no answer
    ahead = bot.ask("When does the Harbour Cup final take place?")
    assert not ahead.text.startswith("**"), ahead.text
    assert bot.ask("When did the Harbour Cup final take place?").text.startswith("**In 2019**")


def test_a_planned_event_gets_no_day_only_the_quotes_that_say_it_is_planned(bot):
    answer = bot.ask("When did Globex close its Ostland plant?")
    # "Globex may close its Ostland plant on Oct. 3" is a plan: no day leads, the quote keeps its "may"
    assert not answer.text.startswith("**") and "2023-10-03" not in answer.text
    assert all("may close" in c.quote for c in answer.citations if "Ostland plant" in c.quote)
    assert_exact_quotes(bot, answer)


def test_how_many_is_the_number_before_the_counted_noun_and_how_much_a_sum_or_a_share():
    asked = read_amount("How many counts was Theo Park found guilty on?")
    assert asked is not None and asked.noun == "counts"
    assert amount_in(asked, "found guilty on seven criminal fraud counts") == "seven"
    assert amount_in(asked, "found guilty on 12 counts") == "12"
    assert amount_in(asked, "found guilty, the jury said") == ""
    much = read_amount("How much did Globex pay for Tide Works?")
    assert much is not None and amount_in(much, "Globex paid $2bn for Tide Works") == "$2bn"
    assert amount_in(much, "shares rose 4% after Globex paid for it") == "4%"
    assert read_amount("How many did Globex buy?") is None  # nothing named to count
    # a preposition the question ends on leads to the number: the margin, not another count of the same noun
    margin = read_amount("How many wickets did Ostland win by?")
    assert margin is not None
    assert amount_in(margin, "Ada Brin took five wickets as Ostland won the match by 16 runs.") == ""
    assert amount_in(margin, "Ostland won the final by six wickets on Sunday.") == "six"
    assert amount_in(asked, "Theo Park, 12, was found guilty on three counts.") == "three"


def test_an_order_question_leaving_out_the_second_deed_asks_the_first_deed_of_it():
    from rag.answer.when import read_event_order

    asked = read_event_order("Did Mara Lind sign with the Rovers before Theo Park did?")
    assert asked is not None and (asked.first, asked.second) == (
        "Mara Lind sign with the Rovers",
        "Theo Park sign with the Rovers",
    )
    asked = read_event_order("Which came first, Mara Lind's signing or Theo Park's?")
    assert asked is not None and asked.second == "Theo Park's signing"
    # a second event of its own is left as asked
    asked = read_event_order("Did Mara Lind resign before Globex was fined?")
    assert asked is not None and asked.second == "Globex was fined"


def test_an_order_questions_event_naming_no_one_is_the_first_doers_not_any_reports(tmp_path_factory):
    from rag.answer.when import read_event_order
    from rag.assistant import Assistant

    asked = read_event_order("Did Globex's shares fall after the results?")
    assert asked is not None and asked.second == "Globex's results"
    asked = read_event_order("Did the Rovers sack their coach after their defeat?")
    assert asked is not None and asked.second == "Rovers' defeat"
    # an event of its own, said as a clause, is left as asked
    asked = read_event_order("Did Ostland media report the winners before the prize was announced?")
    assert asked is not None and asked.second == "the prize was announced"
    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Derby day",
            "The results on Sunday, October 1, left Harbour Rovers top of the league and Norrvik bottom.",
        ),
        (
            "Tech Wire",
            "2023-10-20",
            "Globex slides",
            "Globex shares fell 9% on Friday, October 20, a day after Globex reported its results for the quarter.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "order_owner", articles))
    answer = bot.ask("Did Globex's shares fall after the results?")
    # the results are Globex's, not a league's results of another day and another report
    assert "Coast Times" not in answer.text, answer.text


def test_how_much_is_a_sum_said_of_what_is_asked_not_of_another_named_beside_it():
    much = read_amount("How much do Ostland season tickets cost?")
    assert much is not None
    rival = (
        "Norrvik City, one of Ostland's chief rivals, have their cheapest season ticket for just $324 in 2024, over "
        "half the cost of any Ostland season ticket, while their most expensive ticket costs $2,898."
    )
    assert amount_in(much, rival) == ""
    assert amount_in(much, "The cheapest season ticket for Ostland in 2024 is $867, or $51 a match.") == "$867"
    # the subject named before an aside that describes it, or not named again at all, is still the one asked about
    pays = read_amount("How much did Globex pay?")
    assert pays is not None
    # a currency's code is written in capitals; a short word before a number is none ("paid off 200 staff")
    assert amount_in(pays, "Globex paid NIS 405 million for Tide Works.") == "NIS 405 million"
    assert amount_in(pays, "Globex paid off 200 staff and the 3 owners of Tide Works.") == ""
    assert amount_in(pays, "Globex, the Ostland maker, has also agreed to pay about $4.3 billion, it said.") == (
        "$4.3 billion"
    )
    assert amount_in(pays, "The company paid a 10-year, $700 million sum.") == "$700 million"


def test_a_number_a_stating_sentence_gives_leads_the_answer(bot):
    answer = bot.ask("How many counts was Theo Park found guilty on?")
    assert answer.text.startswith("**seven** — Harbour Herald (2023-12-02) [1].")
    assert_exact_quotes(bot, answer)
    answer = bot.ask("How much did Globex pay for Tide Works?")
    assert answer.text.startswith("**$2bn** — Harbour Herald (2023-12-02) [1].")
    assert_exact_quotes(bot, answer)


def test_a_follow_up_asks_when_of_the_person_asked_about_before(bot):
    chat = bot.chat()
    first = chat.ask("Who fired Mara Lind?")
    assert first.text.startswith("**Globex board**"), first.text
    answer = chat.ask("When was she fired?")
    assert answer.question == "When was Mara Lind fired?"
    assert answer.text.startswith("**2023-11-16** (Thursday)")


def test_asked_when_with_no_day_stated_no_quote_is_passed_off_as_the_day(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-20",
            "Harbour game",
            "9:45 p.m. — Theo Park strikes out to end the inning. The Mariners lead 2-1 after the sixth.",
        ),
        (
            "Daily Ledger",
            "2023-10-22",
            "Cinemas wait",
            "Cinemas fill their screens with old films, a question made harder by a dockers strike that delayed cargo.",
        ),
        ("Tech Wire", "2023-10-23", "Board news", "Theo Lind resigned from the board of Tide Works on Monday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "when_quotes", articles))
    # the one passage on the strike gives no day: quoted, it would read as the answer to "when?"
    answer = bot.ask("When did the dockers' strike end?")
    assert answer.refused and not answer.citations, answer.text
    assert "give no date" in answer.text
    # another Lind's resignation is no quote about Mara Lind's
    assert all("Theo Lind" not in c.quote for c in bot.ask("When did Mara Lind resign?").citations)


def test_jobs_eliminated_about_a_number_are_jobs_cut_and_the_number_keeps_its_about(tmp_path_factory):
    from rag.assistant import Assistant

    cuts = "Norrvik Ports is eliminating about 1,500 jobs, or roughly 17% of its workforce, in its third round of cuts."
    bot = Assistant.open(index_articles(tmp_path_factory, "cuts", [("Bay News", "2023-12-04", "Ports cuts", cuts)]))
    which = bot.ask("Which company cut 1,500 jobs?")
    assert which.text.startswith("**Norrvik Ports**"), which.text
    many = bot.ask("How many jobs did Norrvik Ports cut?")
    # "about 1,500" is said no more precisely than the report says it
    assert many.text.startswith("**about 1,500** — Bay News (2023-12-04) [1]."), many.text
    assert_exact_quotes(bot, many)
    asked = read_amount("How many people did the storm kill?")
    assert asked is not None and amount_in(asked, "The storm killed more than 1,200 people.") == "more than 1,200"
    # laying off employees is cutting jobs, asked either way round
    many = bot.ask("How many employees did Norrvik Ports lay off?")
    assert many.text.startswith("**about 1,500** — Bay News (2023-12-04) [1]."), many.text
    asked = read_amount("How many jobs did Globex cut?")
    assert asked is not None and amount_in(asked, "Globex laid off 240 workers on Monday.") == "240"
    # people counted in another deed are no jobs
    assert amount_in(asked, "Globex cut prices for 300 people.") == ""


def test_an_amount_its_sentence_dates_to_a_past_year_is_said_so_and_follows_this_years(tmp_path_factory):
    from rag.assistant import Assistant

    past = "This was the same valuation Tide Works had the last time it raised money, $180 million in 2021."
    bot = Assistant.open(index_articles(tmp_path_factory, "past_raise", [("Tech Wire", "2023-12-07", "Raise", past)]))
    answer = bot.ask("How much did Tide Works raise?")
    assert answer.text.startswith("**$180 million**, in 2021 — Tech Wire (2023-12-07) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    both = [("Tech Wire", "2023-12-07", "Raise", f"Tide Works raised $65 million on Thursday. {past}")]
    bot = Assistant.open(index_articles(tmp_path_factory, "this_raise", both))
    answer = bot.ask("How much did Tide Works raise?")
    assert answer.text.startswith("**$65 million** — Tech Wire (2023-12-07) [1]."), answer.text
    assert "$180 million" in answer.text  # the other report's figure, shown after


def test_a_day_set_for_an_event_is_no_report_that_it_happened(tmp_path_factory):
    from rag.assistant import Assistant

    set_for = "Theo Park's sentencing is set for February, the court said on Thursday."
    bot = Assistant.open(index_articles(tmp_path_factory, "set_for", [("Bay News", "2023-11-30", "Park", set_for)]))
    answer = bot.ask("When was Theo Park sentenced?")
    # no day and no "Reported by": the quote says when it is set for
    assert not answer.text.startswith("**"), answer.text
    assert "set for February" in answer.text


def test_an_event_no_sentence_dates_is_ordered_only_before_a_later_day_given_for_the_other(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-10-10", "Globex cuts", "Globex cut 300 jobs at its Tide Works plant on Oct. 9."),
        ("Daily Ledger", "2023-10-20", "Park goes", "Theo Park has resigned as chair of Ostland Rail."),
        ("Bay News", "2023-09-15", "Brin joins", "Ada Brin has joined the board of Norrvik Ports."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "bounds", articles))
    # reported by 2023-09-15, so before Oct. 9
    joined = bot.ask("Did Ada Brin join the board of Norrvik Ports before Globex cut jobs?")
    assert joined.text.startswith("**Yes** — Ada Brin join the board of Norrvik Ports by 2023-09-15"), joined.text
    assert_exact_quotes(bot, joined)
    # reported by 2023-10-20: before or after Oct. 9, the report does not say
    resigned = bot.ask("Did Theo Park resign before Globex cut jobs?")
    assert resigned.text.startswith("The articles do not settle this: no report gives the day of both"), resigned.text


def test_a_sum_in_a_named_dollar_and_a_year_late_in_its_past_are_read(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-11-02", "Globex bets", "Globex invested $US4 billion in Tide Works on Monday."),
        (
            "Bay News",
            "2023-11-30",
            "Two exchanges",
            (
                "Unlike Tide Works, which filed for bankruptcy in late 2022, Globex is still standing, though now "
                "without Mara Lind, who agreed to step down as CEO."
            ),
        ),
        ("Daily Ledger", "2023-10-06", "Tide Works trial", "The Tide Works trial opened on Friday in Norrvik."),
        ("Daily Ledger", "2023-11-21", "Lind to go", "Mara Lind is stepping down as the chief executive of Globex."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "us_dollar", articles))
    answer = bot.ask("How much did Globex invest in Tide Works?")
    assert answer.text.startswith("**$US4 billion**"), answer.text
    answer = bot.ask("Did Tide Works file for bankruptcy?")
    assert answer.text.startswith("**Yes**, in 2022 (reported on 2023-11-30)"), answer.text
    # the year of the relative clause dates its own verb, not the sentence's other deeds
    answer = bot.ask("Did Mara Lind step down?")
    assert answer.text.startswith("**Yes**, as of 2023-11-30"), answer.text


def test_asked_how_many_only_a_sentence_giving_a_number_about_the_asked_name_answers(tmp_path_factory):
    from rag.assistant import Assistant
    from rag.core.text import holds_number

    assert holds_number("Globex laid off 830 of its employees") and holds_number("it raised billions of dollars")
    assert holds_number("the bid went to Rs 24.75 Cr") and holds_number("ten points were deducted")
    # a year, a day of a month, a clock time and the pronoun "one" count nothing
    for none in ("founded in 2019", "since September 22", "3:28 PM IST: next up", "the latest one left"):
        assert not holds_number(none), none
    articles = [
        (
            "Tech Wire",
            "2023-11-02",
            "Globex votes",
            (
                "Mara Lind won the Globex board vote on Tuesday. Lind has been getting creative with gifts this year. "
                "Theo Park won 212 votes in the Ostland Assembly ballot."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-03",
            "Tide Works cuts",
            "Tide Works laid off 120 workers, the company said on Friday.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "how_many_quotes", articles))
    # no sentence gives Lind's votes: refused, not answered with her gifts or with Park's 212
    answer = bot.ask("How many votes did Mara Lind get?")
    assert answer.refused and "I could not confirm a number for" in answer.text, answer.text
    assert "212" not in answer.text and "creative" not in answer.text, answer.text


def test_the_latest_on_a_topic_lists_the_articles_headlined_on_it_newest_first(tmp_path_factory):
    from rag.answer.digest import read_latest
    from rag.assistant import Assistant

    assert read_latest("What is the latest on the Globex trial?") == "Globex trial"
    assert read_latest("What's new with Globex?") == "Globex"
    assert read_latest("Any news on the Globex trial?") == "Globex trial"
    assert read_latest("What did Globex say about the trial?") == ""
    articles = [
        (
            "Tech Wire",
            "2023-11-06",
            "Globex trial opens in Ostland",
            "The Globex trial will finally open on Monday, three years after Tide Works sued the company.",
        ),
        (
            "Daily Ledger",
            "2023-12-12",
            "Jury sides with Tide Works in Globex trial",
            "On Monday, a jury sided with Tide Works in the Globex trial, finding that Globex ran an illegal monopoly.",
        ),
        (
            "Coast Times",
            "2023-12-20",
            "Harbour festival draws crowds",
            "The harbour festival drew record crowds, though talk of the Globex trial was everywhere on the quay.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "latest_on", articles))
    answer = bot.ask("What is the latest on the Globex trial?")
    lines = answer.text.splitlines()
    # the verdict first, the opening day after it; the festival report only mentions the trial
    assert lines[1].startswith("Daily Ledger (2023-12-12), “Jury sides with Tide Works in Globex trial”: On Monday"), (
        answer.text
    )
    assert lines[2].startswith("Tech Wire (2023-11-06)"), answer.text
    assert "festival" not in answer.text, answer.text
    assert_exact_quotes(bot, answer)


def test_did_it_happen_at_a_time_is_answered_from_the_day_the_reports_give_it(tmp_path_factory):
    from rag.answer.when import read_timed_event
    from rag.assistant import Assistant

    asked = read_timed_event("Did Globex cut prices in March?", "2023-12-31")
    assert asked is not None and (asked.first, asked.last) == (date(2023, 3, 1), date(2023, 3, 31))
    assert asked.asked == "in March" and asked.claim == "Globex cut prices"
    assert read_timed_event("Did Globex cut prices?", "2023-12-31") is None
    articles = [
        (
            "Tech Wire",
            "2023-11-18",
            "Lind out",
            "In a dramatic turn of events late Friday, Mara Lind was fired as chief of Globex by its board.",
        ),
        ("Daily Ledger", "2023-10-01", "Park case", "Theo Park was arrested in December 2022 in Ostland, police said."),
        (
            "Bay News",
            "2023-10-26",
            "Brin on the stand",
            "Ada Brin testified to backdating Globex deals in December 2021.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "timed_yes_no", articles))
    # the year dates what she testified to, not her testimony
    answer = bot.ask("Did Ada Brin testify?")
    assert answer.text.startswith("**Yes") and "2021" not in answer.text.split("\n")[0], answer.text
    for question, start in (
        ("Was Mara Lind fired in November?", "**Yes** — on 2023-11-17 (“Friday”), Tech Wire (2023-11-18) [1]."),
        ("Was Mara Lind fired on November 17, 2023?", "**Yes** — on 2023-11-17"),
        ("Was Mara Lind fired on November 20, 2023?", "**No** — the articles date it to 2023-11-17 (“Friday”)"),
        ("Was Theo Park arrested in 2022?", "**Yes** — in 2022"),
        ("Was Theo Park arrested in 2021?", "**No** — the articles date it to 2022"),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(start), (question, answer.text)
        assert_exact_quotes(bot, answer)
    assert bot.ask("Was Mara Lind fired on November 20, 2023?").parts[0].verdict == "contradicted"


def test_did_it_happen_at_a_time_with_no_day_said_is_left_open_and_the_first_report_shown(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-10-28", "Verdict", "Mara Lind has been found guilty on seven counts of harbour fraud."),
        ("Bay News", "2023-11-30", "Later", "Mara Lind, found guilty last month, will be sentenced in March."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "timed_undated", articles))
    # the reports state it, but their dates only bound it: neither a Yes nor "nothing found"
    answer = bot.ask("Was Mara Lind found guilty in November?")
    assert answer.text.startswith(
        "The articles do not settle this: they report it, first Tech Wire (2023-10-28) [1], but give no day or year"
    ), answer.text
    assert answer.parts and answer.parts[0].verdict == "not_mentioned", answer.parts
    assert_exact_quotes(bot, answer)


def test_has_it_happened_is_no_as_of_the_latest_report_that_says_it_is_still_to_come(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-10-28", "Verdict", "Mara Lind has been found guilty on seven counts of harbour fraud."),
        (
            "Bay News",
            "2023-11-30",
            "Next",
            "Mara Lind, who faces life in prison, is scheduled to be sentenced in March.",
        ),
        ("Coast Times", "2023-11-29", "Prices", "Globex is scheduled to cut harbour fees again next month."),
        (
            "Tech Wire",
            "2023-11-18",
            "Talks",
            (
                "Theo Park is scheduled to meet the Globex board as staff push to have him reinstated as chief. "
                "The Rovers are expected to win the Harbour Cup by 7 points."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "still_ahead", articles))
    for question in ("Has Mara Lind been sentenced?", "Was Mara Lind sentenced?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**No** — not as of 2023-11-30: Bay News (2023-11-30) [1]"), answer.text
        assert_exact_quotes(bot, answer)
    # asked about what is ahead, the schedule is no No; nor is a deed to be done "again" (it was done before)
    assert not bot.ask("Will Mara Lind be sentenced?").text.startswith("**No"), "future"
    assert not bot.ask("Did Globex cut harbour fees?").text.startswith("**No"), "again"
    # the deed scheduled must be the one asked (a meeting is no reinstatement), and a forecast is no schedule
    assert not bot.ask("Did Globex reinstate Theo Park?").text.startswith("**No"), "another deed"
    assert not bot.ask("Did the Rovers win the Harbour Cup?").text.startswith("**No"), "a forecast"


def test_how_many_times_is_answered_by_a_count_said_in_a_word(tmp_path_factory):
    from rag.assistant import Assistant
    from rag.core.text import holds_number

    times = read_amount("How many times has Ada Brin won the Ostland Open?")
    assert times is not None and "times" not in times.claim  # how often it happened: "times" is no word of the event
    assert amount_in(times, "Ada Brin has won the Ostland Open twice.") == "twice"
    assert amount_in(times, "Ada Brin has won the Ostland Open three times.") == "three"
    # a comparison or a rate is no count of times
    assert amount_in(times, "Ada Brin earns twice as much as Theo Park since she won the Ostland Open.") == ""
    assert amount_in(times, "Ada Brin won the Ostland Open and trains twice a day.") == ""
    assert holds_number("the Mariners sacked him only twice") and not holds_number("he once played for Ostland")
    articles = [
        (
            "Tech Wire",
            "2023-11-27",
            "Comets hold on",
            (
                "The Comets' defense swarmed Theo Park all night, sacking him only twice but bringing pressure on "
                "every down. Park threw for 212 yards."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-28",
            "Brin again",
            "Ada Brin has twice won the Ostland Open, in 2020 and 2022, and plays Norrvik next.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "how_many_times", articles))
    # the count is said in a word: quoted, not refused as giving no number, and not answered with the 212 yards
    sacks = bot.ask("How many times did the Comets sack Theo Park?")
    assert not sacks.refused and "only twice" in sacks.text and "212" not in sacks.text, sacks.text
    assert_exact_quotes(bot, sacks)
    won = bot.ask("How many times has Ada Brin won the Ostland Open?")
    assert won.text.startswith("**twice**"), won.text
    assert_exact_quotes(bot, won)


def test_how_many_asked_of_the_doers_counts_them_and_another_edition_gives_no_count(tmp_path_factory):
    from rag.assistant import Assistant
    from rag.core.text import ordinals

    doers = read_amount("How many states sued Globex?")
    assert doers is not None and doers.noun == "states" and doers.claim == "states sued Globex"
    assert amount_in(doers, "A coalition of 42 states are suing Globex over its data practices.") == "42"
    assert read_amount("How many points Lind scored?") is None  # a name is no verb
    # a counted noun of two words asked with its own doer is no doer's count ("goals" is no verb)
    assert read_amount("How many field goals did Ada Brin kick?") is None
    assert ordinals("the sixth annual Tide Fest") == {6} and ordinals("its inaugural edition, the 3rd") == {1, 3}
    articles = [
        (
            "Coast Times",
            "2023-10-30",
            "Tide Fest grows",
            (
                "Held at the end of December last year, the sixth annual Tide Fest attracted 31,000 attendees over "
                "two days. The inaugural festival took place in 2017 at Ostland Quay."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "another_edition", articles))
    # the sixth edition's crowd is no count of the first one's: not quoted as if it were
    first = bot.ask("How many people came to the first Tide Fest in 2017?")
    assert "31,000" not in first.text, first.text
    sixth = bot.ask("How many people attended the sixth Tide Fest?")
    assert "31,000" in sixth.text, sixth.text
    assert_exact_quotes(bot, sixth)


def test_asked_what_a_figure_rose_to_the_answer_is_the_sum_after_to():
    from rag.answer.amounts import amount_in, read_amount

    # "**$29.1 billion**" had answered "How much did <firm>'s bookings rise to?" from "rise from $29.1 billion to
    # $35.3 billion": the first sum of the sentence, where it started
    said = "In the third quarter, Globex saw total bookings rise from $29.1 billion to $35.3 billion, a gain of 21%."
    for question, sum_ in (
        ("How much did Globex's total bookings rise to in the third quarter?", "$35.3 billion"),
        ("How much did Globex's total bookings rise from?", "$29.1 billion"),
    ):
        asked = read_amount(question)
        assert asked is not None and amount_in(asked, said) == sum_, question
    asked = read_amount("How much did Globex pay for Tide Works?")
    assert (
        asked is not None
        and amount_in(asked, "Globex paid $2 billion for Tide Works, up from $1 billion.") == "$2 billion"
    )


def test_a_year_dates_the_event_only_from_the_clause_that_says_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-12-07",
            "Globex grows",
            (
                "Founded in 2020, Globex spent its first couple of years building its platform before buying its first "
                "home in January of this year. It now owns 40 homes."
            ),
        ),
        (
            "Bay News",
            "2023-10-10",
            "Rules end",
            (
                "After more than 70 years, the Ostland harbour rules were terminated in 2020 at the urging of the port "
                "board, with a two-year sunset period that ran until last year."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "clause_year", articles))
    # "**In 2020**" had dated the purchase by the founding's year
    bought = bot.ask("When did Globex buy its first home?")
    assert not bought.text.startswith("**In 2020**"), bought.text
    # and the year of the clause that says the claim is found though the sentence names another ("last year")
    ended = bot.ask("When were the Ostland harbour rules terminated?")
    assert ended.text.startswith("**In 2020**"), ended.text
    assert_exact_quotes(bot, ended)


def test_a_page_kept_up_to_date_past_its_date_does_not_date_what_it_tells(tmp_path_factory):
    from rag.assistant import Assistant

    guide = (
        "Globex Chat: everything you need to know. November 6: Globex held its first developer day. November 21: "
        "the app reached 100 million users. December 13, 2023: a new model came out. The board of Globex fired "
        "Mara Lind after a weekend of talks, and staff asked for her return."
    )
    articles = [
        ("Tech Wire", "2023-09-28", "Globex Chat guide", guide),
        (
            "Bay News",
            "2023-11-21",
            "Globex turmoil",
            "The board of Globex fired Mara Lind, paving the way for a revolt.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "kept_up_to_date", articles))
    # "**Reported by 2023-09-28**" had dated a November firing by a September guide kept up to date since
    answer = bot.ask("When did the board of Globex fire Mara Lind?")
    assert answer.text.startswith("**Reported by 2023-11-21**"), answer.text
    assert_exact_quotes(bot, answer)
