"""Events a why- or when-question takes as given, spans between two events, which of two did something first,
sentences opening with "he" or "she", and sums of dollars in words, found by the fifty-fifth session's testers. Each
test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.verdicts import judge
from rag.answer.when import kind_asked, read_asked_event, read_event_order
from rag.core.text import PAIRED_VALUE, plain_form, plain_of_gerund


def test_a_sentence_opening_with_he_or_she_is_about_the_one_person_named_before_it():
    from rag.answer.names import pronouns_named

    passage = "On Monday, coach Jon Vale met reporters at Norrvik. He has denied knowledge of the scheme."
    assert pronouns_named(passage).endswith("Jon Vale has denied knowledge of the scheme.")
    assert judge("Jon Vale denied knowledge of the scheme", [passage], happened=True, spare=True).supported
    # an owner, or two people, leave the pronoun as said: "he" may be the father, or either of them
    owned = "Mara Lind's father called on Friday. He said no."
    assert pronouns_named(owned) == owned
    two = "Theo Park met Ada Brin on Friday. She left early."
    assert pronouns_named(two) == two


def test_a_sum_of_dollars_in_words_is_compared_with_one_in_figures():
    sold = ["Mara Lind started Globex Dating, which sold in 2007 for $500 million."]
    assert judge("Globex Dating sold for more than a billion dollars", sold, happened=True, spare=True).label == (
        "contradicted"
    )
    assert judge("Globex Dating sold for less than a billion dollars", sold, happened=True, spare=True).supported
    assert judge("Globex Dating sold for 500 million dollars", sold, happened=True, spare=True).supported


def test_going_bankrupt_is_filing_for_bankruptcy():
    filed = ["Tide Trucks filed for bankruptcy proceedings in Ostland as supplier troubles hindered its fundraising."]
    assert judge("Tide Trucks went bankrupt", filed, happened=True, spare=True).supported
    assert judge("Did Tide Trucks declare bankruptcy", filed, happened=True, spare=True).supported


def test_the_plain_form_of_an_unstressed_er_verb_and_a_short_double_letter():
    # "offering" read as "offere" and "adding" as "ad": the event asked of was searched with a word no report has
    assert [plain_of_gerund(w) for w in ("offering", "covering", "adding", "using")] == ["offer", "cover", "add", "use"]
    assert [plain_of_gerund(w) for w in ("sharing", "trading", "winning", "bringing")] == [
        "share",
        "trade",
        "win",
        "bring",
    ]
    assert [plain_form(w) for w in ("offered", "ordered", "added", "stored")] == ["offer", "order", "add", "store"]


def test_the_events_of_spans_and_of_which_did_it_first_are_read():
    who = read_event_order("Who testified earlier, Ada Brin or Jon Vale?")
    assert (who.first, who.relation, who.second) == ("Ada Brin testified", "first", "Jon Vale testified")  # type: ignore[union-attr]
    firm = read_event_order("Which company went bankrupt first, Globex or Tide Works?")
    assert (firm.first, firm.second) == ("Globex went bankrupt", "Tide Works went bankrupt")  # type: ignore[union-attr]
    # a second event told with no doer is the first's doer's
    left = read_event_order("Did Mara Lind criticise the board before leaving Globex?")
    assert left.second == "Mara Lind leaving Globex"  # type: ignore[union-attr]
    either = read_event_order("Did Mara Lind resign before or after the merger?")
    assert (either.first, either.relation) == ("Mara Lind resign", "before or after")  # type: ignore[union-attr]
    span = read_event_order("How long after the merger did Mara Lind resign?")
    assert span is not None and span.span and span.relation == "after" and span.first == "Mara Lind resign"
    # the one done to, when a name only starts it, and two done to, are left as asked
    assert read_asked_event("Why was Tide Works' finance chief arrested?") == "Tide Works' finance chief arrested"
    assert read_asked_event("Why were Ada Brin and the board kept away?") == "Ada Brin and the board kept away"
    assert kind_asked("What was the final score when Ostland beat Norrvik?") == "a number"


ARTICLES = [
    (
        "Tech Wire",
        "2030-10-20",
        "Globex trial, day two",
        "On October 19, Ada Brin, a former Globex executive, testified in the Ostland court about the harbour deal.",
    ),
    (
        "Bay News",
        "2030-11-02",
        "Globex trial, day nine",
        "On November 1, Jon Vale testified that the harbour deal was signed in haste.",
    ),
    (
        "Coast Times",
        "2030-11-03",
        "Globex opens a lab",
        (
            "For background, Globex announced its plans in 2029 and this May launched Harbour Lab, a research unit "
            "for ferry engines. Smaller firms and Globex have also set up their own labs."
        ),
    ),
    (
        "Daily Ledger",
        "2030-11-04",
        "Rovers let Theo Park go",
        "Theo Park was released by the Rovers in September due to a dispute with the coach over his contract.",
    ),
    (
        "Harbour Post",
        "2030-11-05",
        "Cup preview",
        (
            "The 2029 Harbour Cup final between Mariners and Rovers was one of many firsts, and by full-time the "
            "32-12 score in the Mariners' favour sealed their third title. It's feasible that Tide Works takes over "
            "$1 billion in Harbour Cup bets by the end of the year."
        ),
    ),
]


DEALS = [
    (
        "Tech Wire",
        "2030-12-09",
        "Globex Pad deals this weekend",
        "This Globex Pad deal lacks a free case, but there are still plenty of sales to save on the Globex Pad.",
    ),
    (
        "Bay News",
        "2030-10-10",
        "The best October deals",
        "Here are the best Globex Pad deals we found during the October sale, on the Globex Pad and its case.",
    ),
]


def test_one_deal_cheaper_than_another_needs_the_two_prices(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "deals", DEALS))
    # each report has a Globex Pad deal, and neither gives a price: no Yes to which is cheaper
    cheaper = bot.ask("Was Tech Wire's Globex Pad deal cheaper than the Globex Pad deal Bay News listed in October?")
    assert not cheaper.text.startswith("**Yes"), cheaper.text


def test_events_asked_spans_and_scores_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "events_asked", ARTICLES))
    # how long between two dated events, in days; and said to be the other way round when it was
    before = bot.ask("How long before Jon Vale testified did Ada Brin testify?")
    assert before.text.startswith("**13 days** — Ada Brin testify on 2030-10-19"), before.text
    after = bot.ask("How long after Jon Vale testified did Ada Brin testify?")
    assert after.text.startswith("**Not after**"), after.text
    # "before or after?" asks which, of the events (not of the reports), and is answered by it
    which = bot.ask("Did Ada Brin testify before or after Jon Vale testified?")
    assert which.text.startswith("**Before** — Ada Brin testify on 2030-10-19"), which.text
    first = bot.ask("Who testified earlier, Ada Brin or Jon Vale?")
    assert first.text.startswith("**Ada Brin testified** came first"), first.text
    assert_exact_quotes(bot, before)
    # a lab's launch is no closing of it: quoted as the closest passages, under a lead saying so
    shut = bot.ask("Why did Globex shut down Harbour Lab?")
    assert shut.text.startswith("The articles do not settle this: I could not confirm “Globex shut down Harbour Lab”")
    assert [p.verdict for p in shut.parts] == ["not_mentioned"]
    fire = bot.ask("What caused the fire at Harbour Lab?")
    assert fire.text.startswith("The articles do not settle this: I could not confirm “the fire at Harbour Lab”")
    # the release is said ("was released ... due to"): the quotes answer, with no such lead
    released = bot.ask("Why did the Rovers release Theo Park?")
    assert "due to a dispute" in released.text and not released.text.startswith("The articles do not settle")
    # another final's score, and a sum only said to be feasible, are no answer to the ones asked
    score = bot.ask("What was the final score when Ostland beat Norrvik in the Harbour Cup?")
    assert score.text.startswith("The articles do not settle this: I could not confirm a number"), score.text
    bets = bot.ask("By how much did Tide Works' monthly Harbour Cup bets rise from October to November?")
    assert bets.text.startswith("The articles do not settle this: I could not confirm a number"), bets.text


def test_a_climb_is_not_denied_by_a_loss_beside_a_soaring_figure():
    # the sentence's one percentage is a loss ("lost 86%"), whatever else soars in it: no size of a climb
    lost = [
        (
            "For early holders, the rebound eases the pain of 2029, when Globex lost 86% of its value as soaring "
            "inflation pushed investors out of tech."
        )
    ]
    assert judge("Globex climbed more than 250% in the first 11 months of 2030", lost, happened=True).label != (
        "contradicted"
    )
    # "in 2029," is a year before a comma ("2029," was read as a value to pair with "11 months", and denied the claim)
    asked = "Globex's stock gain in the first 11 months of 2030 outstrip what it lost in 2029, in percentage terms"
    assert [m.group(0) for m in PAIRED_VALUE.finditer(asked)] == ["11", "2030", "2029"]
    assert [m.group(0) for m in PAIRED_VALUE.finditer("paid $1,000 for 45 goals in 33 matches")] == [
        "$1,000",
        "45",
        "33",
    ]
    span = read_event_order("How many days after the merger did Mara Lind resign?")
    assert span is not None and span.span


SECOND_ROUND = [
    (
        "Tech Wire",
        "2030-10-13",
        "Startups at war",
        (
            "Jon Vale, whose firm Tide Works advises many startups, says staff help however they can. "
            '"Looking at our clients, 10-25% of team members have been called up to reserve duty," he said.'
        ),
    ),
    (
        "Bay News",
        "2030-10-14",
        "A founder's story",
        (
            "This is the story of Theo Park, who set up Globex in 2026 and three years later was rolling in money. "
            "The family came under scrutiny after Ada Brin shot a man who tried to rob her at the farm."
        ),
    ),
    (
        "Coast Times",
        "2030-11-11",
        "Rovers at home",
        "Rovers tight end Jon Vale returned to the field for the home game only 26 days after ankle surgery.",
    ),
]


def test_second_round_finds_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "second_round", SECOND_ROUND))
    # Mara Vale is not Jon Vale: one surname, two first names
    other = bot.ask("Was it Mara Vale who told Tech Wire that 10-25% of team members had been called up?")
    assert other.text.startswith("**No.**") and "Jon Vale" in other.text, other.text
    # "three years later" counts no years in prison
    prison = bot.ask("How many years in prison did Theo Park get?")
    assert prison.text.startswith("The articles I have do not answer this question"), prison.text
    # a why-question of two clauses presumes its first: no one was convicted
    convicted = bot.ask("Why was Ada Brin convicted after she shot the man who tried to rob her?")
    assert convicted.text.startswith("The articles do not settle this: I could not confirm"), convicted.text
    # a span the sentence states itself, with neither day given
    back = bot.ask("How many days after his ankle surgery was Jon Vale back on the field?")
    assert back.text.startswith("**26 days** — Coast Times (2030-11-11) [1]"), back.text
    assert_exact_quotes(bot, back)
