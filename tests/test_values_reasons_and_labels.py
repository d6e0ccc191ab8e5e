"""Reports compared on a value, labelled reports asked to agree, a name asked of a role, a reason asked of quotes that
give none, and a figure set against another, found by the fifty-seventh session's second round of testers. Each test
fails on the code before its fix."""

from conftest import index_articles

from rag.answer.reading import read_question
from rag.answer.verdicts import judge

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]


def test_a_topic_asking_a_value_needs_a_passage_giving_one():
    price = "about the retail price of the Globex Pad"
    assert not judge(
        price, ["In a lot of ways, the Globex Pad reminds me of my favorite 2D tablet: the Globex Mini."]
    ).supported
    assert judge(price, ["The Globex Pad sells for $499 at launch, a fair retail price."]).supported
    count = "about how many people Globex laid off"
    assert not judge(count, ["A comprehensive list of 2030 layoffs at Globex and Tide Works."]).supported
    assert judge(count, ["Globex laid off roughly 830 people this year, or 16 percent of its staff."]).supported


def test_labelled_reports_asked_to_agree_are_each_asked_the_topic():
    agree = read_question(
        "Do Tech Wire's running list of layoffs and Bay News's games recap agree on how many people Globex laid off?",
        OUTLETS,
    )
    assert [(c.source, c.claim) for c in agree.clauses] == [
        ("Tech Wire", "about how many people Globex laid off"),
        ("Bay News", "about how many people Globex laid off"),
    ]
    agree_that = read_question(
        "Do Tech Wire's review of the Globex Pad and Bay News's review agree that the tablet has six cameras?", OUTLETS
    )
    assert [c.claim for c in agree_that.clauses] == ["tablet has six cameras", "tablet has six cameras"]
    # a thing both are asked to state, its owner named only in the labels
    stated = read_question(
        "Do Tech Wire's and Bay News's reviews of the Globex Pad both state the tablet's price?", OUTLETS
    )
    assert [c.claim for c in stated.clauses] == ["about tablet s price of Globex Pad"] * 2


def test_a_number_word_in_a_title_counts_nothing():
    from rag.answer.when import gives_what_is_asked

    assert not gives_what_is_asked("a number", "The horror game Five Nights at the Harbour is less than a decade old.")
    assert gives_what_is_asked("a number", "Five people were hurt at the Harbour Ground.")


ARTICLES = [
    (
        "Tech Wire",
        "2030-11-11",
        "Globex coach in sign scandal",
        (
            "Theo Park made a name for himself. In a statement, Park's lawyer said that his client hoped to avoid "
            "creating more distractions for the Mariners and denied any wrongdoing."
        ),
    ),
    (
        "Bay News",
        "2030-11-30",
        "Globex truck deliveries begin",
        (
            "The cheapest Globex truck, a single-motor version with 250 miles of range, won't be available until "
            "2032. Globex threatened to punish early truck resellers, but it walked back its rules in a November "
            "update."
        ),
    ),
    (
        "Coast Times",
        "2030-10-01",
        "Bonds slide",
        "The yield on the 10-year Ostland bond rose to 4.58 per cent as traders sold.",
    ),
    (
        "Coast Times",
        "2030-10-24",
        "Markets rise before results",
        (
            "Shares rose 0.7 per cent ahead of Globex and Tide Works reporting their results. Their earnings are "
            "projected to jump 34 per cent from a year earlier on average. The yield on the 10-year Ostland bond "
            "climbed to 4.85 per cent."
        ),
    ),
]


def test_quotes_that_name_no_one_in_the_role_or_give_no_reason_are_the_closest_passages(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "values_reasons", ARTICLES))
    unsettled = "The articles do not settle this: I could not confirm"
    lawyer = bot.ask("What is the name of Theo Park's lawyer?")
    assert lawyer.text.startswith(f"{unsettled} the name of the lawyer"), lawyer.text
    why = bot.ask("Why is Globex holding back the cheapest Globex truck until 2032?")
    assert why.text.startswith(f"{unsettled} a reason for"), why.text
    # a figure asked to be above another: no part compares the two
    above = bot.ask("Did Coast Times report Globex's sales coming in above the consensus estimate?")
    assert not above.text.startswith("**Yes"), above.text


def test_what_one_could_already_do_is_not_said_by_a_date_ahead():
    ahead = ["The Globex Pad will be available Nov. 16 to purchase through the Globex store."]
    assert not judge("Could you buy the Globex Pad when reviewed it", ahead).supported
    # the same words with nothing ahead still support it
    assert judge(
        "Could you buy the Globex Pad when reviewed it", ["You could buy the Globex Pad when we reviewed it."]
    ).supported


def test_two_figures_set_against_each_other_far_apart_are_read_as_compared():
    from rag.answer.answerer import _A_NUMBER_NEXT, _COMPARED_FIGURES

    question = (
        "Was the Ostland bond yield higher in Coast Times' October 24 market report than in its October 1 report?"
    )
    than = _COMPARED_FIGURES.search(question)
    assert than is not None and not _A_NUMBER_NEXT.match(question, than.end())
    # a bound is no second figure: "higher than $5 billion" is checked by the parts themselves
    bound = "Was Globex's revenue in the third quarter higher than $5 billion?"
    assert _A_NUMBER_NEXT.match(bound, _COMPARED_FIGURES.search(bound).end())


def test_a_sites_promotion_is_no_passage():
    from rag.core.text import is_caption

    assert is_caption("Subscribe to Harbour Talk with Mara Lind for the best analysis and in-depth news.")
    assert is_caption("Pick Six Newsletter Get the day's big stories + fun stuff you love like mock drafts.")
    assert is_caption("Visit Tide Bets now to get detailed picks on every fight.")
    assert not is_caption("Globex asked fans to subscribe to its new ferry pass, which sold 3,000 copies.")
