"""Questions whose premise the articles contradict, reports put in order, outlets compared in a user's own words and
follow-ups that drill in, found by the fifty-eighth session's testers. Each test fails on the code before its fix."""

from rag.answer.reading import read_question

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]


def test_a_yes_no_question_joined_to_any_second_question_claims_only_its_own_words():
    # "who scored" and "how large" take no auxiliary after the question word; they were left in the claim
    for question, claim in [
        ("Did the Rovers beat the Mariners in May, and who scored for them?", "Rovers beat the Mariners in May"),
        ("Did Globex close its deal for Tide Works, and how large was it?", "Globex close its deal for Tide Works"),
    ]:
        assert [c.claim for c in read_question(question, OUTLETS).clauses] == [claim]
    told = read_question("Did Tech Wire report that Globex closed its deal, and how large was it?", OUTLETS)
    assert [(c.source, c.claim) for c in told.clauses] == [("Tech Wire", "Globex closed its deal")]


def test_labelled_reports_on_topics_are_each_asked_a_thing_named_in_what_both_say():
    # the labels' topics ("story on the merger") only point at the reports: the Globex Box is what both must mention
    named = read_question(
        "Do Tech Wire's story on the Globex merger and Bay News's piece on angry sellers both bring up the Globex Box?",
        OUTLETS,
    )
    assert [(c.source, c.claim) for c in named.clauses] == [
        ("Tech Wire", "about Globex Box"),
        ("Bay News", "about Globex Box"),
    ]


def test_a_comparative_said_of_another_thing_neither_supports_nor_denies():
    from rag.answer.verdicts import judge

    # "earning less" against "more investment": nothing said of earnings either way
    elsewhere = judge(
        "Mara Ann Lind blames media coverage for women's sport earning less",
        ["Mara Ann Lind is still travelling the world in support of more investment and equity in women's sports."],
    )
    assert elsewhere.label == "not_mentioned"
    # ... while "less money" against "more money" is the opposite
    assert judge("Globex earned more money this year", ["Globex earned less money this year."]).label == (
        "contradicted"
    )


def test_any_outlet_reporting_whether_it_happened_asks_whether_it_happened():
    from rag.answer.reading import plainly_asked

    assert (
        plainly_asked("Did Tech Wire or any other outlet report whether a judge granted Mara Lind a seat on the board?")
        == "Is it true that a judge granted Mara Lind a seat on the board?"
    )
    assert plainly_asked("Has any outlet reported that Globex won its case?") == "Is it true that Globex won its case?"
    assert plainly_asked("Did Tech Wire report whether Globex won?") == "Did Tech Wire report that Globex won?"


def test_how_it_ended_after_a_report_is_asked_without_the_report():
    from rag.answer.reading import plainly_asked

    ended = "After Tech Wire reported on May 1 that the Rovers could still win the group, did the Rovers end up topping"
    assert plainly_asked(f"{ended} their group?") == "Did the Rovers top their group?"
    # "it" is the report's group: the report stays
    assert plainly_asked(f"{ended} it?").startswith("After Tech Wire reported")


def test_a_follow_up_on_an_event_asks_about_that_event():
    from rag.conversation import Conversation
    from rag.core.types import Answer

    chat = Conversation(None)  # type: ignore[arg-type]
    first = "How did the Rovers' cup final against the Mariners go?"
    chat.turns.append((first, Answer(first, "The Mariners won 1-0.")))
    assert chat.resolve("Who scored the goal?") == "Who scored the goal in the Rovers' cup final against the Mariners?"
    assert (
        chat.resolve("Did Jon Vale play in it?") == "Did Jon Vale play in the Rovers' cup final against the Mariners?"
    )
    assert chat.resolve("How many shots did the Rovers have in that match?") == (
        "How many shots did the Rovers have in the Rovers' cup final against the Mariners?"
    )
    assert chat.resolve("Did the Rovers sack their coach?") == "Did the Rovers sack their coach?"


LIVE_PAGE = (
    "An inquiry into the club's scouting continues to evolve by the hour. The league suspended coach Theo Park for "
    "three games on Friday with the team on a bus to Norrvik.\n\nFriday, Nov. 17\n\nThe club dropped its appeal.\n\n"
    "Friday, Nov. 10\n\nThe league's ruling came late in the day.\n\nThursday, Nov. 9\n\nThe hearing ended.\n\nMonday, Nov. 6\n\nThe club said nothing.\n\n"
    "Saturday, Nov. 4\n\nAnalyst Jon Vale, the focus of the inquiry, resigned on Friday night, the club confirmed."
)
ARTICLES = [
    (
        "Tech Wire",
        "2031-05-02",
        "Cheap cars we lost",
        (
            "Beyond e-bikes, few cheap cars remain. The Fiat Nova is coming to North America in 2032, and its launch "
            "will be held in Norrvik."
        ),
    ),
    (
        "Bay News",
        "2031-06-01",
        "Globex trims staff",
        (
            "On Friday, Globex announced plans to let go of 1,300 Ostland-based staff following the completion of its "
            "purchase of Tide Works."
        ),
    ),
    ("Coast Times", "2031-10-12", "Rovers beat Mariners", "Hardi came off the bench shortly after halftime."),
    (
        "Coast Times",
        "2031-10-19",
        "Punt returns",
        "The punt returner was ready, but his own hardy teammate came in and took him out.",
    ),
    ("Daily Ledger", "2031-11-06", "Scouting inquiry: the latest", LIVE_PAGE),
    (
        "Bay News",
        "2031-09-30",
        "Trade shows",
        "GlobexCon drew 10,000 visitors this year. Its stands were busy all week.",
    ),
]


def test_quotes_and_reports_about_something_else_answer_nothing(tmp_path_factory):
    from conftest import index_articles

    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "premises_order", ARTICLES))
    # another thing in North America is no place for GlobexCon
    expo = bot.ask("Where will GlobexCon 2032 in North America be held?")
    assert not any("Fiat" in c.quote for c in expo.citations), expo.text
    # "was Globex letting go" asks what it was set to do: a plan gives the number
    staff = bot.ask("How many Ostland staff was Globex letting go?")
    assert any("1,300" in c.quote for c in staff.citations) and "could not confirm" not in staff.text, staff.text
    # "his own hardy teammate came in" is no later report on Hardi coming on ("hardy" stems as "Hardi" does)
    came_on = bot.ask("Did Hardi come on?")
    assert came_on.text.startswith("**Yes") and "later reports" not in came_on.text, came_on.text
    # a live page's "on Friday" above its dated entries is not the Friday before the page's first date
    first = bot.ask("Which happened first, Jon Vale resigning or the league suspending Theo Park?")
    assert "same day" not in first.text, first.text
    bot.close()


def test_a_question_about_the_two_outlets_just_named_keeps_what_they_said():
    from rag.answer.reading import question_after_premise

    told = "Tech Wire says Globex Pad tickets cost $19, but Bay News gives $21 for the show. "
    for asked in ["Do the two outlets contradict each other?", "Do the outlets agree?"]:
        assert question_after_premise(told + asked, OUTLETS) == told + asked


def test_an_outlet_an_article_credits_is_none_of_ours():
    from rag.answer.outlets import credited_outlet_asked, read_outlet_question

    credited = "According to Tech Wire, which outlet reported that Globex bought tickets to 35 games?"
    assert credited_outlet_asked(credited) and read_outlet_question(credited, ["Tech Wire"]) is None
    plain = "Which outlet reported that Globex bought tickets to 35 games?"
    assert not credited_outlet_asked(plain) and read_outlet_question(plain, []) is not None


def test_going_after_a_win_is_no_win():
    from rag.answer.verdicts import judge

    preview = "It will be the Rovers' 49th final, as they seek a first win in the Harbour Cup final in 20 years."
    assert not judge("the Rovers win the Harbour Cup final", [preview], happened=True).supported


def test_a_follow_up_takes_the_final_and_they_from_the_question_before():
    from rag.conversation import Conversation
    from rag.core.types import Answer

    chat = Conversation(None)  # type: ignore[arg-type]
    first = "How did the Rovers get into the Harbour Cup final?"
    chat.turns.append((first, Answer(first, "They beat the Mariners.")))
    assert chat.resolve("Did the Rovers win the final?") == "Did the Rovers win the Harbour Cup final?"
    assert chat.resolve("Who are they up against?") == "Who are the Rovers up against?"
    toured = "What happened with the Rovers' tour of Ostland?"
    chat.turns.append((toured, Answer(toured, "It was called off.")))
    assert chat.resolve("What did they play instead?") == "What did the Rovers play instead?"


def test_a_value_asked_needs_a_number_not_a_names_digits():
    from rag.answer.when import gives_what_is_asked, kind_asked

    assert kind_asked("What revenue did Globex report for the third quarter?") == "a number"
    assert not gives_what_is_asked("a number", "Tide and 04.TW have raised sizeable sums at lofty valuations.")
    assert gives_what_is_asked("a number", "Tide raised $112 million at a $240 million valuation.")


def test_the_outlet_a_question_was_told_by_is_not_what_a_follow_up_is_about():
    from rag.conversation import Conversation
    from rag.core.types import Answer

    chat = Conversation(None)  # type: ignore[arg-type]
    told = "According to Tech Wire, which port did she single out as the busiest?"
    chat.turns.append((told, Answer(told, "Quotes.")))
    assert "According" not in chat.resolve("Did it reopen that day?")
    # a statement naming what "that" is stands alone
    stated = "Back then the Globex Act was still in talks. Is that still the case?"
    assert chat.resolve(stated) == stated


def test_what_both_say_of_their_own_topics_keeps_the_labels_topics():
    # "their respective products" are the labels' own: the topics stay in each claim
    respective = read_question(
        "Did the article from Tech Wire about the Globex Pad and the article from Bay News about the Tide Phone both "
        "report a discount on their respective products during the Black Friday sales at Ostmart?",
        OUTLETS,
    )
    assert "Globex Pad" in respective.clauses[0].claim and "Tide Phone" in respective.clauses[1].claim, [
        c.claim for c in respective.clauses
    ]


def test_a_deed_said_by_a_gerund_after_before_is_the_subjects():
    from rag.answer.verdicts import judge

    plea = (
        "Mara Lind stood shackled in gray jail clothing as she closed her eyes and took a deep breath before "
        "pleading guilty to each of her first three charges."
    )
    assert judge("Mara Lind plead guilty", [plea], happened=True).supported
    # "without" pleading says she did not
    assert not judge(
        "Mara Lind plead guilty", ["Mara Lind spoke for an hour without pleading guilty to any charge."], happened=True
    ).supported


def test_how_someone_reacted_asks_for_their_words():
    from rag.extractive import speech_parts

    assert speech_parts("How did Mara Lind react to Globex's sale of Tide Works?") == (
        "Mara Lind",
        "Globex's sale of Tide Works",
    )
    assert speech_parts("How did Theo Park respond to the ruling?") == ("Theo Park", "the ruling")
    # a thing reacting is no one speaking
    assert speech_parts("Globex reported a profit — how did its shares react?") is None
