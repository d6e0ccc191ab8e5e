"""Sums quoted as if they answered, names said only as someone else's owner, the cost of a deed that was not done, and
"it" after an owner's deed, found by the fifty-sixth session's testers. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.names import pronouns_named
from rag.answer.verdicts import judge
from rag.core.text import is_caption


def test_a_name_said_only_as_the_owner_of_another_is_not_that_name():
    compared = ["Tide Works compared the speed of Harbour One to Globex Pad’s predecessor, the Globex Mini."]
    # the predecessor was compared, not the Globex Pad
    assert not judge("Tide Works compared Harbour One against Globex Pad", compared).supported
    assert not judge(
        "Tide Works compared Harbour One against Globex Pad", compared, happened=True, spare=True
    ).supported
    assert judge("Tide Works compared Harbour One against Globex Mini", compared).supported
    # a claim about the predecessor itself is read as said
    assert judge("Tide Works compared Harbour One against Globex Pad's predecessor", compared).supported
    # an owner of the deed's own words is still the doer: "Mara Lind's plan" is hers
    assert judge("Mara Lind cut the budget", ["Under Mara Lind’s plan, Mara Lind cut the budget."]).supported


def test_the_cost_of_a_deed_is_no_report_that_it_was_done():
    weighed = [
        (
            "Both are free agents after 2031, and given the added payroll of signing Theo Park, it's possible the "
            "Mariners would view keeping the other two as too pricey."
        )
    ]
    assert not judge("Theo Park sign with the Mariners", weighed, happened=True).supported
    assert not judge("Theo Park sign with the Mariners", weighed, happened=True, spare=True).supported
    assert judge(
        "Theo Park sign with the Mariners", ["Theo Park signed with the Mariners on Friday."], happened=True
    ).supported


def test_it_after_an_owners_deed_is_the_owner():
    plea = "As a part of Globex’s guilty plea, it has also reached agreements with the Ostland regulator."
    assert (
        pronouns_named(plea)
        == "As a part of Globex’s guilty plea, Globex has also reached agreements with the Ostland regulator."
    )
    assert judge("Globex reached an agreement with the Ostland regulator", [plea], happened=True, spare=True).supported
    # a sentence without such an opening is left as said
    other = "When the regulator called, it answered at once."
    assert pronouns_named(other) == other


def test_words_something_is_billed_as_by_someone_are_theirs():
    from rag.extractive import attributions

    billed = "Jon Vale, who ran two ferry lines, is billed as the “wizard of the harbour” by Globex’s chief executive, Mara Lind."
    assert [name for name, _ in attributions(billed)] == ["Mara Lind"]
    described = 'Tide Works was described as "a fortress" by analyst Ada Brin.'
    assert [name for name, _ in attributions(described)] == ["Ada Brin"]


def test_two_named_candidates_compared_on_a_count_are_read():
    from rag.answer.amounts import read_figure_choice

    first = read_figure_choice("Theo Park or Jon Vale — which one has played more games for the Mariners?")
    assert first is not None and first.candidates == ("Theo Park", "Jon Vale") and first.noun == "games"
    assert first.more and first.deed == ("played",)
    fewer = read_figure_choice("Who scored fewer goals this season, Mara Lind or Ada Brin?")
    assert fewer is not None and not fewer.more and fewer.noun == "goals"
    # no count named, or no two names offered: not this reading
    assert read_figure_choice("Which was cheaper, the Globex Pad or the Tide Tab?") is None
    assert read_figure_choice("Who has played more games for the Mariners?") is None


def test_an_outlet_asked_in_a_second_question_is_not_an_outlet_question():
    from rag.answer.outlets import read_outlet_question

    assert read_outlet_question("Who found the flaw in Globex Pay, and which paper published his findings?", []) is None
    assert read_outlet_question("Which paper published the findings about the flaw in Globex Pay?", []) is not None


def test_a_company_figure_asked_with_what_was_is_a_number():
    from rag.answer.when import kind_asked

    assert kind_asked("What was Globex's revenue in its latest quarter?") == "a number"
    assert kind_asked("What were Tide Works' quarterly earnings?") == "a number"
    assert kind_asked("What was Mara Lind's job?") == ""


def test_a_photo_caption_is_no_passage():
    assert is_caption("Globex Pad 3-in-1 Charger Photograph: Globex")
    assert is_caption("Mara Lind at the launch. Photo: Daily Ledger")
    assert not is_caption("Globex sold 3 million Pads this year, the company said in a photograph-heavy filing.")


ARTICLES = [
    (
        "Tech Wire",
        "2030-11-21",
        "Globex settles with the regulator",
        (
            "Globex will pay $4.3 billion to settle the regulator's inquiry. Separately, in February, Tide Works "
            "settled a past suit with the regulator after agreeing to pay $30 million in penalties. The regulator "
            "sued Tide Works again in November over its ferry tickets."
        ),
    ),
    (
        "Bay News",
        "2030-12-07",
        "Deals of the year",
        (
            "Harbour Labs was sold to Norrvik Group for $300 million in February; Ostland Records was 51%-acquired "
            "by Globex in September."
        ),
    ),
    (
        "Coast Times",
        "2030-10-01",
        "Markets in September",
        "The Ostland 100 index dropped 4.9 per cent in September, its worst month of the year.",
    ),
    (
        "Harbour Post",
        "2030-12-05",
        "Messaging apps",
        (
            "Tide Chat costs $1.99 per month, compared with $15 per month for Globex Text, the rival app bought by "
            "Norrvik Group."
        ),
    ),
    (
        "Daily Ledger",
        "2030-08-20",
        "August deals on chargers",
        "Globex 3-in-1 Charger Photograph: Globex",
    ),
    (
        "Coast Times",
        "2030-12-25",
        "A new chief at Norrvik",
        (
            "Norrvik hired Jon Vale this week. Vale, who ran two ferry lines, is billed as the “wizard of the "
            "harbour” by Globex’s chief executive, Mara Lind."
        ),
    ),
    (
        "Harbour Post",
        "2030-11-05",
        "Mariners honour two legends",
        (
            "Before the game, Jon Vale and Theo Park were recognised on the big screen. The two are Mariners "
            "legends, with Vale having played in the most games as a Mariner (216 games) and Park ranking fourth "
            "(202 games)."
        ),
    ),
    (
        "Bay News",
        "2030-11-10",
        "Globex Glasses review",
        (
            "The purpose of the Globex Glasses is obvious: to provide quick access to the assistant. Lenamab, made "
            "by Globex, and donamab, made by Tide Works, are the first drugs to slow the disease."
        ),
    ),
    (
        "Daily Ledger",
        "2030-12-01",
        "Globex stock's year",
        "Globex has been one of the best bets all year, its stock climbing more than 250% in the first 11 months of 2030.",
    ),
    (
        "Tech Wire",
        "2030-11-30",
        "A new drug for memory loss",
        (
            "Last year dementia took the lives of 66,000 people in Ostland. Tide Works is testing its drug in an "
            "early-stage clinical trial."
        ),
    ),
]


def test_sums_the_quotes_give_of_other_deeds_are_not_given_as_the_answer(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "sums_of_other_deeds", ARTICLES))
    unconfirmed = "The articles do not settle this: I could not confirm"
    # the only sum beside Ostland Records is another deal's; Globex Text's price is a subscription's
    stake = bot.ask("How much did Globex pay for its stake in Ostland Records?")
    assert stake.text.startswith(unconfirmed), stake.text
    bought = bot.ask("What price did Norrvik Group pay to buy Globex Text?")
    assert bought.text.startswith(unconfirmed), bought.text
    # the suit settled in February is not the one filed in November
    november = bot.ask("How much is Tide Works paying to settle the regulator's November lawsuit?")
    assert "$30 million" not in november.text.partition("\n")[0] and not november.text.startswith("Separately"), (
        november.text
    )
    assert november.text.startswith(("The articles do not settle this", "The articles I have do not answer")), (
        november.text
    )
    # a caption gives no discount
    discount = bot.ask("How big a discount was the Globex 3-in-1 Charger in August?")
    assert "Photograph" not in discount.text, discount.text
    # "took the lives of 66,000 people" says nothing of how many took part in a trial
    trial = bot.ask("How many people took part in the Tide Works clinical trial?")
    assert trial.text.startswith(("The articles do not settle this", "The articles I have do not answer")), trial.text
    # who called him that: the one the words are billed as being by
    called = bot.ask("Who called Jon Vale the 'wizard of the harbour'?")
    assert called.text.startswith("**Mara Lind**"), called.text
    # two named candidates compared on a count: the one the sentence giving both counts puts ahead
    more = bot.ask("Theo Park or Jon Vale — which one has played more games for the Mariners?")
    assert more.text.startswith("**Jon Vale** — 216 games, against 202 games for Theo Park"), more.text
    assert [p.verdict for p in more.parts] == ["supported", "supported"]
    fewer = bot.ask("Who has played fewer games for the Mariners, Jon Vale or Theo Park?")
    assert fewer.text.startswith("**Theo Park** — 202 games"), fewer.text
    goals = bot.ask("Who scored more goals for the Mariners, Jon Vale or Theo Park?")
    assert not goals.text.startswith("**"), goals.text
    assert_exact_quotes(bot, more)
    # a climb over eleven months is no climb in November
    november = bot.ask("How much did Globex stock climb during November 2030?")
    assert not november.text.startswith("Globex has been"), november.text
    # quotes that never say the kind of thing asked for ("chip") do not answer it
    chip = bot.ask("What chip powers the Globex Glasses?")
    assert chip.text.startswith("The articles do not settle this: I could not confirm the chip"), chip.text
    # quotes choose neither of two answers offered
    cheaper = bot.ask("Which drug costs less per year, Globex's lenamab or Tide Works' donamab?")
    assert cheaper.text.startswith("The articles do not settle this: I could not confirm which of"), cheaper.text
    # the deed said in another word of the same move still answers: "dropped" is a loss
    lost = bot.ask("How much did the Ostland 100 index lose in September?")
    assert not lost.text.startswith(unconfirmed) and "4.9 per cent" in lost.text, lost.text
    assert_exact_quotes(bot, lost)
