"""Questions as a new user types them and as a reader dates them, found by the fifty-first session's testers: chat
around the question, a tag without its comma, "whether" asked of the assistant, a negated object ("found no ..."),
"before" against an "after" of another event, a page's link line read as a name, a doer asked of one outlet, and a
time no article reaches. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.deeds import doers
from rag.answer.names import names_in
from rag.answer.reading import asked_of_another_outlet, plainly_asked, statement_asked, with_auxiliary_first
from rag.answer.verdicts import _flips, judge
from rag.core.text import holds_number, months_of_years
from rag.query import earliest_time_named


def test_chat_around_a_question_asks_nothing():
    assert plainly_asked("hey quick one - did Globex cut prices") == "Did Globex cut prices"
    assert plainly_asked("Just wondering, did Tide Works open the plant?") == "Did Tide Works open the plant?"
    assert plainly_asked("whos the chief executive of Globex") == "Who is the chief executive of Globex"
    assert plainly_asked("whats the name of the Rovers' coach?") == "What is the name of the Rovers' coach?"
    assert plainly_asked("can you tell me who scored for the Rovers?") == "Who scored for the Rovers?"
    # a denial typed without its apostrophe still denies; thanks, and where the reader saw it, ask nothing
    assert plainly_asked("did Globex say Lind wasnt candid thanks!") == "Did Globex say Lind wasn't candid"
    assert plainly_asked("did Globex cut prices? Tech Wire had a piece on it") == "Did Globex cut prices?"
    # a question that only starts like a greeting is left as it is
    assert plainly_asked("Did Hill Street open?") == "Did Hill Street open?"


def test_a_claim_asked_to_be_confirmed_in_chat_words_is_a_yes_no_question():
    assert statement_asked("can you tell me whether Globex cut prices") == "Is it true that Globex cut prices?"
    assert statement_asked("Do you know if Tide Works opened the plant?") == (
        "Is it true that Tide Works opened the plant?"
    )
    # a tag typed without its comma, or without its question mark when it denies
    assert statement_asked("globex cut prices right?") == "Is it true that globex cut prices?"
    assert statement_asked("the Rovers have won the cup before haven't they") == (
        "Is it true that the Rovers have won the cup before?"
    )
    assert statement_asked("Mara Lind leaving Globex for Tide Works, is that confirmed") == (
        "Is it true that Mara Lind leaving Globex for Tide Works?"
    )
    # "right" is a tag only at the end of a question; a question of its own stays one
    assert statement_asked("Did the Rovers bus turn right?") == "Did the Rovers bus turn right?"
    # "Are both claims correct?" asks whether each outlet says what it is said to, not whether "both claims" are
    assert (
        statement_asked(
            "Tech Wire says Globex cut prices, and Bay News says Tide Works opened a plant. Are both claims correct?"
        )
        == "Is it true that Tech Wire says Globex cut prices, and Bay News says Tide Works opened a plant?"
    )
    assert statement_asked("Globex turned right") == "Globex turned right"
    assert statement_asked("a Tide Pass is $2.99 a month right?") == "Is it true that a Tide Pass is $2.99 a month?"
    assert statement_asked("Tech Wire says Lind was not candid, is that what they said?") == (
        "Is it true that Tech Wire says Lind was not candid?"
    )


def test_what_one_outlet_says_asked_of_another_is_asked_of_both():
    outlets = ["Tech Wire", "Bay News", "Coast Times"]
    assert asked_of_another_outlet("Tech Wire says Globex cut prices. Does Bay News report that too?", outlets) == (
        "Do both Tech Wire and Bay News report that Globex cut prices?"
    )
    assert (
        asked_of_another_outlet(
            "Tech Wire reports Globex will cut 300 jobs — does Bay News's story give that figure as well?", outlets
        )
        == "Do both Tech Wire and Bay News report that Globex will cut 300 jobs?"
    )
    assert asked_of_another_outlet("Coast Times said Mara Lind quit. Does Tech Wire contradict that?", outlets) == (
        "Does Tech Wire contradict Coast Times's report that Mara Lind quit?"
    )
    # two outlets a statement names, then "do they both say ...?"; the index's long name said as people say it
    assert (
        asked_of_another_outlet(
            "Coast Times and Bay News both covered the sale — do they both say Globex paid $40 million?",
            ["Coast Times | Harbour News Leader", "Bay News"],
        )
        == "Do both Coast Times and Bay News report that Globex paid $40 million?"
    )
    # "do they agree on where it ranks?" and "... that it takes ..." state no claim of their own
    for question in (
        "Coast Times and Bay News both rank Globex among banks — do they agree on where it ranks?",
        "Coast Times and Bay News both discuss the Tide Pass — do they agree that it costs $5?",
    ):
        assert asked_of_another_outlet(question, ["Coast Times", "Bay News"]) == question
    # an outlet the index does not hold, or one outlet twice, is no such question
    assert asked_of_another_outlet("Harbour Post says Globex cut prices. Does Bay News say the same?", outlets) == (
        "Harbour Post says Globex cut prices. Does Bay News say the same?"
    )
    # "... as well" at the end asks what the question asks without it
    assert plainly_asked("Does Bay News mention the Tide Works deal as well?") == (
        "Does Bay News mention the Tide Works deal?"
    )


def test_a_time_set_before_the_question_is_asked_at_its_end():
    assert with_auxiliary_first("In early March, did Globex cut prices?") == "Did Globex cut prices in early March?"
    assert with_auxiliary_first("By March 2031, had Mara Lind resigned?") == "Had Mara Lind resigned by March 2031?"
    # an event before a question of what two outlets both say sets the scene, and is no part each must state
    assert with_auxiliary_first("After the vote, do Tech Wire and Bay News both say Globex cut prices?") == (
        "Do Tech Wire and Bay News both say Globex cut prices?"
    )
    assert with_auxiliary_first("After the vote, did Tech Wire report that Globex cut prices?") == (
        "Did Tech Wire report that Globex cut prices after the vote?"
    )
    # a place or a report before the question is no time
    assert with_auxiliary_first("In Tech Wire's piece, did Globex cut prices?") == (
        "In Tech Wire's piece, did Globex cut prices?"
    )


def test_a_negated_object_denies_what_the_claim_says_was_found():
    passage = "The inquiry found no errors in the Globex accounts."
    claim = "inquiry find errors in the Globex accounts"
    assert judge(claim, [passage], happened=True, spare=True).label == "contradicted"
    # with a second sentence naming more of the claim, still no support
    longer = passage + " Mara Lind, who led Globex, thanked the inquiry's staff."
    assert judge(claim + " of Mara Lind", [longer], happened=True, spare=True).label != "supported"
    # said outright, it supports
    assert judge(claim, ["The inquiry found errors in the Globex accounts."], happened=True).label == "supported"


def test_a_scale_word_is_no_amount_held():
    # "$535 million" shares only "million" with "$700 million": the amount claimed is not said
    predicted = "Mara Lind's predicted $535 million for 11 years will cost the Rovers $48.6 million a year."
    assert judge("Mara Lind's $700 million signing with the Rovers", [predicted]).label != "supported"
    signed = "Mara Lind agreed to a 10-year, $700 million contract with the Rovers."
    assert judge("Mara Lind's $700 million signing with the Rovers", [signed]).label == "supported"


def test_before_opposes_after_only_of_the_same_event():
    assert _flips("Mara Lind left before the vote", "Mara Lind left after the vote.")
    # "not long after releasing its model" is another event than her leaving
    assert not _flips(
        "Mara Lind chaired the board before leaving in 2018",
        "That changed in 2018, not long after releasing its first model. Around then Mara Lind, who had chaired "
        "the board, resigned.",
    )


def test_a_page_link_line_is_no_name():
    names = names_in("GO DEEPER Globex's Tide Works deal could create a problem for the Rovers")
    assert not any("GO" in n or "DEEPER" in n for n in names), names
    assert "Tide Works" in names


def test_who_did_it_according_to_an_outlet_reads_the_doer():
    text = "Sporting director Theo Park made the final decision to hire Lind after a long search."
    assert doers("According to Tech Wire, who made the final decision to hire Mara Lind?", text) == {"Theo Park"}
    assert doers("Who made the final decision to hire Mara Lind?", text) == {"Theo Park"}


def test_the_time_a_question_names_with_its_year():
    assert earliest_time_named("What did Tech Wire report in January 2031 about Globex?") == "2031-01-01"
    assert earliest_time_named("How did shares close on 27 December 2030?") == "2030-12-27"
    assert earliest_time_named("What happened on December 27, 2030, and in March 2031?") == "2030-12-27"
    # no year, a bound, or a time still to come is no time asked about
    assert earliest_time_named("What did Tech Wire report in January?") == ""
    assert earliest_time_named("Did Globex cut prices before January 2031?") == ""
    assert earliest_time_named("Had Lind resigned by the end of March 2031?") == ""
    assert earliest_time_named("Will Globex cut prices in March 2031?") == ""


def test_numbers_and_months_of_years_in_text():
    assert months_of_years("ridership peaked in July 2020 and on March 3, 2021") == {(7, 2020), (3, 2021)}
    assert not holds_number("It dropped its two-wheeled scooters this year.")
    assert holds_number("It kept two scooters.") and holds_number("a three-time champion")


ARTICLES = [
    (
        "Bay News",
        "2030-12-02",
        "Tower sale",
        "Globex sold the Harbour tower for $40 million on Monday. Separately, Globex was fined $2 million for late filings.",
    ),
    ("Coast Times", "2030-12-03", "Tower deal", "The Harbour tower was sold by Globex for $45 million, the city said."),
    (
        "Daily Ledger",
        "2030-12-03",
        "Tower buyer",
        "The Harbour tower went to Norrvik Holdings for $40 million this week.",
    ),
    (
        "Tech Wire",
        "2030-11-10",
        "Tide Works scooters",
        (
            "Tide Works said its scooter ridership peaked in July 2020, at nearly 600,000 rides that month. "
            "Tide Works dropped its two-wheeled scooters this year in favour of cars."
        ),
    ),
    ("Tech Wire", "2030-12-01", "Globex deal", "Globex agreed to buy the Harbour Post for $40 million on Monday."),
    (
        "Bay News",
        "2030-12-05",
        "Lab result",
        "The lab found no traces of lead in the Norrvik water supply, the council said on Friday.",
    ),
]


def test_casual_and_dated_questions_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "casual_dated", ARTICLES))
    # a time after every article: refused, saying so, not answered from another time
    later = bot.ask("What did Tech Wire report in January 2031 about Globex?")
    assert later.refused and "on or after 2031-01-01" in later.text, later.text
    # a month of another year is no count of the one asked
    rides = bot.ask("How many rides did Tide Works log in July 2023?")
    assert rides.refused and "600,000" not in rides.text, rides.text
    # two outlets' one sum each for the thing asked about, compared; a sum of something else beside it is no price
    same = bot.ask("Do Bay News and the Daily Ledger give the same price for the Harbour tower?")
    assert same.text.startswith("**Yes.** Both give $40 million"), same.text
    assert_exact_quotes(bot, same)
    other = bot.ask("Do Bay News and the Coast Times give the same price for the Harbour tower?")
    assert other.text.startswith("**No.**") and "$45 million" in other.text and "$2 million" not in other.text, (
        other.text
    )
    # "found no traces of lead" is no Yes to "did it find lead?"
    lead = bot.ask("Did the lab find traces of lead in the Norrvik water supply?")
    assert not lead.text.startswith("**Yes"), lead.text
