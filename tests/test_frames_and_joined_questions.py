"""Questions framed by an outlet ("According to Tech Wire, ...?"), questions joined to a second one, reports described
by a label, someone asked for "in place of" another, a reason asked of what never happened, and a follow-up after a
who-question left unanswered, found by the fifty-seventh session's testers. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.reading import read_question
from rag.answer.verdicts import judge
from rag.verify.lexical import hedged_only

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]


def test_a_topic_is_about_what_it_names_not_about_its_month():
    other_game = [
        (
            "In 2020-21, they lost their final two group games and were eliminated. Ada Brin celebrates scoring the "
            "winner for Norrvik in their 3-2 win at the Harbour Ground in early October."
        )
    ]
    topic = "about the final score when the Mariners hosted the Rovers on 21 October"
    assert not judge(topic, other_game).supported
    own_game = ["The Mariners beat the Rovers 2-0 at home on 21 October, a final score nobody expected."]
    assert judge(topic, own_game).supported


def test_reports_described_by_a_label_are_asked_what_both_report():
    asked = read_question(
        "Did Tech Wire's Sunday roundup and Bay News's Week 13 tracker both report the Mariners beating the Rovers?",
        OUTLETS,
    )
    assert [(c.source, c.claim) for c in asked.clauses] == [
        ("Tech Wire", "Mariners beating the Rovers"),
        ("Bay News", "Mariners beating the Rovers"),
    ]
    # a report described by its topic keeps it
    topical = read_question(
        "Did the Tech Wire piece on Globex's profit and the Bay News article on ferry fares both report an increase?",
        OUTLETS,
    )
    assert "profit" in topical.clauses[0].claim


def test_a_story_a_deed_was_done_for_and_a_cost_covered_are_no_topics():
    declined = read_question("Did Globex comment to Tech Wire for its story about sellers' anger over fees?", OUTLETS)
    assert not declined.clauses[0].claim.startswith("about "), declined.clauses[0].claim
    raised = read_question(
        "Did the Ostland seller quoted by Tech Wire raise his prices to cover the new fees?", OUTLETS
    )
    assert not raised.clauses[0].claim.startswith("about "), raised.clauses[0].claim
    # who the outlet quoted is the subject; the quoting is no deed of theirs
    quoted = read_question("Did the Globex engineer Tech Wire quoted claim the fee alone would stop bots?", OUTLETS)
    assert "quoted" not in quoted.clauses[0].claim, quoted.clauses[0].claim
    # still a topic: "Did Tech Wire's story about the strike run before ...?"
    assert (
        read_question("Does Tech Wire's story about the harbour strike mention Mara Lind?", OUTLETS)
        .clauses[0]
        .claim.startswith("about ")
    )


def test_a_yes_no_question_joined_to_a_second_question_is_judged_on_its_own_words():
    joined = read_question("Did Globex file for bankruptcy, and how much debt did it list?", OUTLETS)
    assert [c.claim for c in joined.clauses] == ["Globex file for bankruptcy"]


def test_the_cost_of_a_thing_is_no_hedge_but_the_cost_of_doing_it_is():
    ticket = "The average cost of a ticket for the tour was $380, a 240% increase from her 2028 tour."
    assert not hedged_only("By what percentage did the average ticket price rise?", ticket)
    signing = "Given the added payroll of signing Theo Park, it's possible the Mariners would trade two players."
    assert hedged_only("Theo Park signed with the Mariners", signing)


def test_numbers_asked_after_an_outlet_or_with_any_adjective_are_numbers():
    from rag.answer.amounts import asked_deed
    from rag.answer.when import kind_asked

    assert kind_asked("What is the retail price of the Globex Watch?") == "a number"
    assert kind_asked("According to Tech Wire, how many fans attended the Harbour Cup final?") == "a number"
    assert kind_asked("What was Mara Lind's job?") == ""
    assert asked_deed("According to Tech Wire, how many fans attended the Harbour Cup final?") == ["attended"]


def test_the_latest_on_a_topic_with_a_description_beside_it_is_the_topic():
    from rag.answer.digest import read_latest

    assert read_latest("What's the latest on Tide Pay, the app that brought ferry tickets to phones?") == "Tide Pay"
    assert read_latest("What is the latest on the harbour strike?") == "harbour strike"


def test_it_after_a_deed_done_to_a_named_thing_is_that_thing():
    from rag.answer.when import read_event_order

    order = read_event_order("Did Globex actually cut off Tide Pay after it launched?")
    assert order is not None and order.second.startswith("Tide Pay"), order
    # with no thing named after the verb, "it" is the doer
    own = read_event_order("Did Globex cut jobs after it lost the contract?")
    assert own is not None and own.second.startswith("Globex"), own


ARTICLES = [
    (
        "Tech Wire",
        "2030-11-18",
        "Globex shakes up its leadership",
        (
            "Globex fired its chief executive, Theo Park, on Friday. Mara Lind, Globex's chief technology officer, "
            "will take over as interim chief executive, the company said. Theo Park founded Tide Works in 2019."
        ),
    ),
    (
        "Bay News",
        "2030-11-20",
        "Globex lab to stay open",
        (
            "Globex's harbour lab will stay open through the winter, Mara Lind said. The harbour lab employs 40 "
            "engineers."
        ),
    ),
    (
        "Coast Times",
        "2030-12-09",
        "Ada Brin waits for a new liver",
        (
            "Ada Brin was born with a rare liver condition. In July 2027, Ada Brin received the liver of a donor in "
            "Norrvik. As of now, Ada Brin is still at home and managing her symptoms."
        ),
    ),
    (
        "Coast Times",
        "2030-10-29",
        "Harbour Series Game 2: Mariners v Rovers – live",
        (
            "29 Oct 2030 03.07 GMT Mariners 9-1 Rovers, FINAL Jon Vale's only goal here is to not make the final out "
            "of a Harbour Series game."
        ),
    ),
]


def test_quotes_answering_who_took_someones_place_must_say_a_replacement(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "frames_and_joined", ARTICLES))
    unsettled = "The articles do not settle this: I could not confirm"
    # the only interim chief named is the one the question rules out
    replaced = bot.ask("Who did Globex name as interim chief executive in place of Mara Lind, and what had he founded?")
    assert replaced.text.startswith(f"{unsettled} who took the place of Mara Lind"), replaced.text
    assert_exact_quotes(bot, replaced)
    # a reason asked for a deed no article reports: the deed is what is missing
    reason = bot.ask("What reason did Bay News give for Globex closing the harbour lab?")
    assert reason.text.startswith(unsettled) and "which the question takes as given" in reason.text, reason.text
    # a date asked of a second transplant: the first one's date is no answer
    second = bot.ask("On what date did Ada Brin receive her second liver transplant?")
    assert second.text.startswith(f"{unsettled} a date"), second.text
    # a game named by its number is no side of the score: the final score stands as the answer's quote
    score = bot.ask("What was the final score of Game 2 of the Harbour Series?")
    assert not score.text.startswith(("The articles do not settle", "The articles I have")), score.text
    assert "9-1" in score.text.partition("\n")[0], score.text
    # an outlet's plain who-question that no passage answers names no one
    unnamed = bot.ask("According to Tech Wire, who shut down the Globex harbour lab?")
    assert not unnamed.text.startswith("**"), unnamed.text


def test_a_follow_up_after_an_unanswered_who_question_does_not_take_a_name_it_gave(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "frames_and_joined", ARTICLES))
    chat = bot.chat()
    first = chat.ask("Who did the Globex board put in charge as interim chief when it fired Theo Park, a founder?")
    assert not first.text.startswith("**"), first.text
    # "she" is the one asked for, whom no answer named: never Theo Park
    follow = chat.ask("Did she stay in that interim role while they searched for a permanent chief?")
    assert not follow.question.startswith("Did Theo Park"), follow.question
    assert "Theo Park stay" not in follow.text, follow.text
    # after "Which ... minister ...?" left unanswered, "he" is that minister
    chat = bot.chat()
    chat.ask("Which Ostland minister wrote to Globex about the harbour lab?")
    asked = chat.ask("How long did he give Globex to reply?")
    assert asked.question == "How long did the Ostland minister give Globex to reply?", asked.question
