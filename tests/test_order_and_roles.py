"""Which report came first when the question names a report by its title, quotes its words or points back at the
event; an event's order asked "according to" one outlet; one outlet asked what it says; a name asked for by its role
("which judge ...?") — on a small invented index (outlets and names made up for these tests)."""

from __future__ import annotations

import pytest

from evals.metrics import strict_correct
from rag.answer.compose import UNSETTLED, agent_nouns, role_asked, titled_names
from rag.answer.reading import read_question, without_outlet
from rag.answer.when import read_event_order
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Coast Times",
        "2023-11-27",
        "Harbour Rovers face the Mariners with high hopes",
        "We previewed the match: the Harbour Rovers host the Mariners on Wednesday night in the cup group.",
    ),
    (
        "Bay News",
        "2023-11-29",
        "Rovers throw away a lead again",
        "The Harbour Rovers drew 3-3 with the Mariners in the cup group, throwing away a two-goal lead.",
    ),
    (
        "Coast Times",
        "2023-12-12",
        "Comets v Norrvik: cricket live",
        "The Comets won the match with eleven balls to spare after two late sixes.",
    ),
    (
        "Tech Wire",
        "2023-09-28",
        "Globex Pay: everything you need to know",
        (
            "Globex Pay is the payment app everyone is talking about. Tech Wire keeps this page on the app up to date, "
            "and Globex Pay is still growing a year later."
        ),
    ),
    (
        "Tech Wire",
        "2023-11-30",
        "One year later, Globex Pay is still alive and kicking",
        "A year after its launch, the payment app has more users than ever.",
    ),
    (
        "Daily Ledger",
        "2023-11-29",
        "Globex Pay at one",
        "On the first anniversary of Globex Pay, a look back at the year of the payment app.",
    ),
    (
        "Sports Desk",
        "2023-10-16",
        "Jon Vale committed to the Comets",
        (
            "Comets coach Jon Vale has again denied any contact with Norrvik and committed to staying in the job. "
            "“That is the intention,” he said, adding he had a “100 percent” passion to keep coaching the Comets."
        ),
    ),
    ("Sports Desk", "2023-10-28", "Comets win the final", "The Comets beat the Mariners 12-11 in the final."),
    ("Tech Wire", "2023-10-01", "Norrvik Mills layoffs", "Norrvik Mills cut 200 jobs at its paper plant."),
    (
        "Tech Wire",
        "2023-12-01",
        "Norrvik Mills comes out of the slump",
        "Norrvik Mills came out of its slump as jobs came back.",
    ),
    ("Bay News", "2023-11-15", "Paper prices", "Paper prices rose 8% in November, traders said."),
    (
        "Film Weekly",
        "2023-10-20",
        "Films to stream for free",
        (
            "Praised for its haunting score courtesy of the late composer Jon Vale, Night Harbour follows a fisherman "
            "who hunts the cult that took his wife (Ida Moen). Ida Moen has never been better. Cast: Theo Park, Ida "
            "Moen."
        ),
    ),
    (
        "Sports Desk",
        "2023-12-11",
        "Comets look for a coach",
        (
            "Jon Vale was saying he was committed to coaching the Comets, but the board is building a list of "
            "candidates to take over from him."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-18",
        "Theo Park stays in the race",
        "“We will keep working on it,” Theo Park said after the vote, vowing to stay in the race for chair.",
    ),
    (
        "Daily Ledger",
        "2023-10-20",
        "Ostland Party drops Park",
        "The Ostland Party dropped Theo Park on Friday as its nominee for chair after a third failed vote.",
    ),
    (
        "Bay News",
        "2023-10-10",
        "Globex Watch deals",
        "The new Globex Watch is down to $269 for the autumn sale, the lowest price yet.",
    ),
    (
        "Harbour Post - Sports",
        "2023-10-02",
        "Rovers sign a striker",
        "The Harbour Rovers signed a striker from Norrvik.",
    ),
    (
        "Tech Wire",
        "2023-10-04",
        "Fantasy lineup calls",
        "Tech Wire published its fantasy lineup calls for the week: start Jon Vale, who had 13 targets last game.",
    ),
    ("Tech Wire", "2023-11-30", "Week 13 fantasy lineup calls", "Our Week 13 fantasy lineup calls: start Ida Moen."),
    ("Bay News", "2023-12-13", "Week 15 fantasy picks", "Our Week 15 fantasy picks: start Ada Brin."),
    (
        "Harbour Post - Travel",
        "2023-10-03",
        "Ferry strike ends",
        "The Ostland ferry strike ended on Monday after the crews accepted a new pay offer.",
    ),
    (
        "Coast Times",
        "2023-10-11",
        "Globex Watch on sale",
        "The Globex Watch is on sale for $249 this week, its best sale price since launch.",
    ),
    (
        "Coast Times",
        "2023-10-26",
        "Theo Park proved Ada Brin wrong",
        (
            "In 2021, Ada Brin defended her intention to make just 10 films and retire. That view is squarely at odds "
            "with Theo Park's body of work."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-24",
        "Globex prices climb",
        (
            "Ostland Energy raised its prices again in October, and Ostland Energy customers saw bills climb. Ostland "
            "Energy said the talks on its supply deal with Globex had failed. Some saw it coming, for instance Tide "
            "Works, which warned in May that Globex prices would climb if the talks failed."
        ),
    ),
    (
        "Bay News",
        "2023-10-25",
        "Globex bills",
        "Ostland Energy bills climbed after Ostland Energy talks with Globex failed, and Ostland Energy blamed Globex.",
    ),
    (
        "Bay News",
        "2023-09-26",
        "Globex ruled to have inflated its assets",
        (
            "The decision, days before the trial in Attorney General Ida Moen's lawsuit, is the strongest rebuke yet "
            "of Globex. “A discrepancy of this size can only be considered fraud,” Judge Mara Lind wrote in a "
            "September ruling."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "order_roles", ARTICLES))


def test_an_order_word_before_an_outlets_name_asks_the_order_of_the_reports_whatever_the_verb():
    known = ["Coast Times", "Bay News", "Tech Wire"]
    reading = read_question(
        "Did Bay News report the Rovers' 3-3 draw with the Mariners before Coast Times previewed that match?", known
    )
    assert (reading.shape, reading.order) == ("order", "before")
    reading = read_question("Did Bay News's report on the draw come after Coast Times called it a classic?", known)
    assert (reading.shape, reading.order) == ("order", "after")


def test_a_part_that_points_back_is_found_by_the_names_of_the_part_before_it(bot):
    answer = bot.ask(
        "Did Bay News report the Harbour Rovers' 3-3 draw with the Mariners before Coast Times previewed that match?"
    )
    # the cricket report of Coast Times shares no name with the match: the preview is the report dated
    assert answer.text.startswith(
        "**No — the other way round:** Coast Times reported on 2023-11-27 [2], before Bay News on 2023-11-29 [1]."
    ), answer.text
    assert strict_correct(answer.text, answer.refused, "No")
    assert_exact_quotes(bot, answer)


def test_a_title_the_question_quotes_is_the_report_dated(bot):
    answer = bot.ask(
        "Did Daily Ledger publish its piece on Globex Pay's first year before Tech Wire published "
        "“One year later, Globex Pay is still alive and kicking”?"
    )
    # the page Tech Wire keeps up to date on the app is dated 2023-09-28: it is not the report asked about
    assert answer.text.startswith("**Yes.** Daily Ledger reported it on 2023-11-29 [1], before Tech Wire on 2023-11-30")
    assert_exact_quotes(bot, answer)


def test_words_the_question_quotes_find_the_report_and_a_negation_elsewhere_in_it_denies_nothing(bot):
    answer = bot.ask(
        "Did Sports Desk report the Comets beating the Mariners 12-11 in the final before it reported Jon Vale "
        'saying he was "100 percent" committed to coaching the Comets?'
    )
    assert answer.text.startswith(
        "**No — the other way round:** Sports Desk reported on 2023-10-16 [2], before Sports Desk on 2023-10-28 [1]."
    ), answer.text
    assert "“100 percent”" in answer.citations[1].quote
    assert_exact_quotes(bot, answer)


def test_an_outlet_that_only_frames_an_event_order_is_where_the_events_are_dated():
    assert (
        without_outlet("According to Tech Wire, did Mara Lind resign before Globex fired Theo Park?", "Tech Wire")
        == "Did Mara Lind resign before Globex fired Theo Park?"
    )
    assert (
        without_outlet("Did the Daily Ledger report Mara Lind resigning after Globex fired her?", "Daily Ledger")
        == "Did Mara Lind resigning after Globex fired her?"
    )
    assert (
        without_outlet("Did Bay News publish its story on Globex's prices after Globex cut jobs?", "Bay News")
        == "Did Globex's prices after Globex cut jobs?"
    )
    # an outlet that is part of what is asked is no frame
    assert without_outlet("Did Tech Wire and Bay News both report the fire?", "Tech Wire") == ""


def test_an_event_order_asked_of_one_outlet_is_answered_from_the_days_its_articles_state(bot):
    answer = bot.ask(
        "Did Daily Ledger report Theo Park vowing to stay in the race after the Ostland Party dropped him?"
    )
    assert answer.text.startswith("**No** — "), answer.text
    assert "2023-10-18" in answer.text and "2023-10-20" in answer.text
    assert strict_correct(answer.text, answer.refused, "No")
    assert_exact_quotes(bot, answer)


def test_he_or_she_after_a_team_and_a_person_is_the_person():
    order = read_event_order("Did the Rovers stop chasing Theo Park after he had already signed with them?")
    assert order is not None and order.second == "Theo Park had already signed with them"
    order = read_event_order("Did Mara Lind resign before she was charged?")
    assert order is not None and order.second == "Mara Lind was charged"


@pytest.mark.parametrize(
    "question",
    [
        # the passage names the film-maker's vow, but of another film-maker
        "Did Coast Times say Theo Park had vowed to make only 10 films and then retire?",
        # the passage gives another price
        "Did Bay News list the Globex Watch at $199 for the autumn sale?",
    ],
)
def test_one_outlet_asked_what_it_says_gets_no_yes_from_a_passage_that_only_shares_words(bot, question):
    answer = bot.ask(question)
    assert not answer.text.startswith("**Yes"), answer.text


def test_a_name_asked_for_by_its_role_is_the_one_the_passages_give_that_role(bot):
    assert role_asked("Which judge wrote that?") == "judge"
    assert role_asked("Who is the Globex CEO who resigned?") == "CEO"
    assert role_asked("Which company bought Tide Works?") == ""  # a kind of thing, no office
    assert role_asked("Which quarterback threw it?") == ""  # a position several hold
    assert titled_names("CEO", "owned by Globex CEO Mara Lind. Then") == {"Mara Lind"}
    assert titled_names("judge", "Theo Park, the presiding judge, said") == {"Theo Park"}
    answer = bot.ask(
        "Which judge, who ruled in September that Globex had inflated its assets in its filings, wrote that the "
        "discrepancy in Globex's assets “can only be considered fraud”?"
    )
    assert answer.text.startswith("**Mara Lind**"), answer.text
    assert_exact_quotes(bot, answer)
    assert UNSETTLED not in answer.text


def test_the_words_that_say_a_report_appeared_are_not_what_the_report_is_asked_to_say(bot):
    # "come out" is how the question says the story appeared: the story on the job cuts is the October one, not the
    # December one that says "came out of its slump"
    question = "Did Tech Wire's story on the Norrvik Mills job cuts come out before Bay News reported the rise in paper prices?"
    claims = [c.claim for c in read_question(question, ["Tech Wire", "Bay News"]).clauses]
    assert claims == ["about Norrvik Mills job cuts", "rise in paper prices"], claims
    story = read_question(
        "Was Tech Wire's story on the job cuts published before Bay News wrote about prices?", ["Tech Wire", "Bay News"]
    )
    assert story.clauses[0].claim == "about job cuts", story.clauses
    answer = bot.ask(question)
    assert answer.text.startswith("**Yes.** Tech Wire reported it on 2023-10-01 [1], before Bay News on 2023-11-15"), (
        answer.text
    )
    assert_exact_quotes(bot, answer)


def test_who_did_the_deed_asked_is_the_name_the_passage_gives_its_doer_noun(bot):
    # "Who composed ...?": the composer the passage names, not the actor it names most often
    assert "composer" in agent_nouns("Who composed the score?")
    assert "director" in agent_nouns("Who directed Night Harbour?")
    assert agent_nouns("Which film did Jon Vale score?") == []
    answer = bot.ask("Who composed the score for Night Harbour, the film on Film Weekly's list of free films?")
    assert answer.text.startswith("**Jon Vale** — named in Film Weekly (2023-10-20) [1]."), answer.text
    assert_exact_quotes(bot, answer)


def test_an_order_the_reading_lost_when_it_joined_two_events_into_one_claim_is_not_answered_yes_or_no(bot):
    # the two events read as one claim ("... in the race the Ostland Party dropped him ..."): a verdict on it would say
    # nothing of which came first
    answer = bot.ask(
        "Did Daily Ledger write its piece on whether Theo Park would stay in the race for chair after the Ostland "
        "Party had dropped Theo Park as its nominee for chair?"
    )
    assert answer.text.startswith(f"{UNSETTLED}: the question asks whether one thing came after another"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_name_that_did_the_asked_deed_in_a_clause_of_its_own_is_the_answer(bot):
    # "Tide Works, which warned in May ...": the doer of the deed asked about, though Ostland Energy is named far more
    # often
    answer = bot.ask(
        "Which company warned back in May that Globex prices would climb if the talks on the supply deal failed, as "
        "the reports on the price rise later said?"
    )
    assert answer.text.startswith("**Tide Works**"), answer.text
    assert_exact_quotes(bot, answer)


def test_two_pieces_of_one_outlet_are_put_in_order_by_their_dates(bot):
    # one outlet's two pieces, "its piece on X before its piece on Y": each is found, and their days order them
    answer = bot.ask(
        "Did Daily Ledger publish its piece looking back at the first year of the Globex Pay payment app before its "
        "piece on Theo Park staying in the race for chair?"
    )
    assert answer.text.startswith(
        "**No — the other way round:** Daily Ledger reported on 2023-10-18 [2], before Daily Ledger on 2023-11-29 [1]."
    ), answer.text
    assert_exact_quotes(bot, answer)


def test_another_day_of_the_same_month_supports_no_claim_of_that_day():
    from rag.answer.verdicts import judge

    passage = "The parade, which takes place on 25 November, will start at the harbour."
    assert judge("the parade would take place on 23 November", [passage]).label != "supported"
    assert judge("the parade would take place on November 25", [passage]).label == "supported"


def test_a_pages_advertisement_label_is_no_name():
    from rag.answer.names import names_in

    assert names_in("ADVERTISEMENT Article continues below this ad. Globex fired Theo Park.") == ["Globex", "Theo Park"]


def test_an_outlet_written_with_other_spaces_or_capitals_or_without_its_web_ending_is_that_outlet():
    from rag.query import mentioned_sources

    known = ["BayNews.com", "Harbour World", "TideWire", "Fortune"]
    assert mentioned_sources("Did Bay News report that Globex cut prices?", known) == ["BayNews.com"]
    assert mentioned_sources("According to HarbourWorld, did rates rise?", known) == ["Harbour World"]
    assert mentioned_sources("Do tideWIRE and Bay News agree on it?", known) == ["BayNews.com", "TideWire"]
    # an ordinary word is no outlet, however a one-word outlet is spelled
    assert mentioned_sources("Did the fortune teller say so?", known) == []


def test_agree_that_is_the_question_of_the_reports_not_a_word_of_their_claim():
    reading = read_question(
        "Do Tech Wire and Bay News agree that Mara Lind resigned?", ["Tech Wire", "Bay News", "Coast Times"]
    )
    assert [c.claim for c in reading.clauses] == ["Mara Lind resigned", "Mara Lind resigned"]


def test_the_same_price_asked_of_two_outlets_is_not_a_yes_from_each_naming_a_price(bot):
    # Bay News gives $269, Coast Times $249: each listing the watch at a price is no Yes; the two prices compared are
    # a No, each cited
    answer = bot.ask("Did Bay News and Coast Times list the Globex Watch at the same sale price?")
    assert answer.text.startswith("**No.**") and "$269" in answer.text and "$249" in answer.text, answer.text
    assert_exact_quotes(bot, answer)


def test_an_outlet_named_by_its_name_is_searched_in_each_of_its_sections(bot):
    # the question says "Harbour Post"; the index keeps its Sports and Travel sections apart, and the strike is Travel's
    answer = bot.ask(
        "Did Harbour Post report the end of the Ostland ferry strike before Bay News reported Globex bills climbing?"
    )
    assert answer.text.startswith("**Yes.** Harbour Post - Travel reported it on 2023-10-03 [1], before Bay News on"), (
        answer.text
    )
    assert_exact_quotes(bot, answer)


def test_an_order_word_inside_quoted_words_is_no_order_asked(bot):
    answer = bot.ask('Did Mara Lind say "Price rises after a while hurt not only those who start them but everyone"?')
    assert "the question asks whether one thing came" not in answer.text, answer.text


def test_a_numbered_part_of_a_series_dates_the_report_that_writes_it(bot):
    # "13 targets" is no Week 13: the report of Week 13's lineup calls is the one dated
    answer = bot.ask(
        "Did Bay News publish its Week 15 fantasy picks before or after Tech Wire published its Week 13 fantasy "
        "lineup calls?"
    )
    assert answer.text.startswith("**After.** Bay News reported it on 2023-12-13 [1], after Tech Wire on 2023-11-30"), (
        answer.text
    )
    assert_exact_quotes(bot, answer)


def test_a_denial_does_not_reach_a_second_deed_joined_by_and():
    from rag.answer.verdicts import judge

    passage = "Comets coach Jon Vale has again denied any contact with Norrvik and committed to staying in the job."
    assert judge("Jon Vale was committed to staying on as Comets coach", [passage]).label == "supported"
    # the first deed is still denied
    assert judge("Globex paid the fine", ["Globex did not pay the fine and appealed."]).label == "contradicted"


def test_a_question_split_at_its_order_word_is_no_yes_for_two_events_that_both_happened(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-12-20", "Norrvik's best", "Norrvik's list of the top 20 players of 2023 came out today."),
        ("Bay News", "2023-10-10", "Globex Watch deals", "Bay News covered the Globex Watch sale: it is down to $269."),
        (
            "Bay News",
            "2023-10-12",
            "Ferry news",
            "The Ostland ferry strike ended after the crews took a new pay offer.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "split_order", articles))
    answer = bot.ask(
        "Did Norrvik's list of the top 20 players of 2023 come out before Bay News covered the Globex Watch sale?"
    )
    # each part is said, and the list came out two months after the sale was covered: "each part is supported" would
    # be a Yes to an order nothing checked
    assert answer.text.startswith(UNSETTLED), answer.text
    assert "came before another" in answer.text.split("\n")[0]
    assert not strict_correct(answer.text, answer.refused, "Yes")


def test_one_article_holding_both_parts_is_not_called_two_reports_at_the_same_time(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-10-05",
            "Harbour notes",
            "The harbour ferry was late again. The harbour cafe closed for winter.",
        ),
        (
            "Coast Times",
            "2023-10-06",
            "Ferry news",
            "The Ostland ferry strike ended after the crews took a new pay offer.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "one_article_order", articles))
    answer = bot.ask("Did Bay News report the harbour ferry being late before it reported the harbour cafe closing?")
    # one article dates neither report against the other: not "both reports are dated 2023-10-05, at the same time"
    assert answer.text.startswith(UNSETTLED), answer.text
    assert "one article" in answer.text.split("\n")[0] and "same time" not in answer.text
    assert_exact_quotes(bot, answer)


def test_an_earlier_count_that_later_reports_go_past_is_no_no(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Sports Desk",
            "2023-11-29",
            "Comets' leaky defence",
            "The Comets have conceded 14 goals in the cup group, a record that could get worse in the last game.",
        ),
        (
            "Bay News",
            "2023-12-12",
            "Comets finish bottom",
            "The Comets finished bottom of the cup group, shipping 15 goals, more than any side before them.",
        ),
    ]
    articles += [
        ("Tech Wire", "2023-12-05", "Globex Pay launches", "Globex Pay is priced at $1.99 a month in Ostland."),
        (
            "Tech Wire",
            "2023-12-11",
            "Globex Pay is back",
            "Globex Pay, priced monthly, is back online in Ostland after the outage, a month on.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "stale_count", articles))
    answer = bot.ask("Did the Comets concede 15 goals in the cup group?")
    # the 14 of November denies nothing of December's 15, which the check cannot read ("shipping"): no bold No
    assert answer.text.startswith(f"{UNSETTLED}: as of 2023-11-29, Sports Desk [1] said otherwise"), answer.text
    assert "Bay News" in answer.text.split("\n")[0]
    assert not strict_correct(answer.text, answer.refused, "No")
    assert_exact_quotes(bot, answer)
    # a price is no count so far: the earlier report's "$1.99" still says No to "$2.99"
    answer = bot.ask("Does Tech Wire say Globex Pay costs $2.99 a month?")
    assert answer.text.startswith("**No**, as of 2023-12-05: Tech Wire [1]"), answer.text
