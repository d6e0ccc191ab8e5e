"""A Yes or No must say what its cited sentences say (an invented index: outlets, people and places made up for these
tests): "not in spite of" and "not only" deny nothing, a place "of stoppage time" is no place in the match's minutes,
one player's "didn't score" denies no other player's goal, a figure that fell short or went down is no figure that came
in ahead or climbed, two reports of one minute are ordered by their seconds, and "…, according to <outlet>?" is one
plain question, not a riddle answered by whichever name the passages repeat."""

from __future__ import annotations

import pytest

from rag.answer.compose import UNSETTLED
from rag.answer.names import named_by_surname
from rag.answer.verdicts import judge
from rag.verify.lexical import negated_words
from tests.conftest import assert_exact_quotes, index_articles


@pytest.mark.parametrize(
    "text",
    [
        "Her films came not in spite of her age but because of it.",
        "Globex not only raised prices but also cut jobs.",
        "Tide Works didn't just raise prices, it cut jobs too.",
        "The delay was not due to the storm.",
    ],
)
def test_not_only_and_not_in_spite_of_deny_nothing_that_follows(text):
    assert negated_words(text) == frozenset()


def test_a_plain_not_still_denies():
    assert "rais" in negated_words("Globex did not raise prices.")


def test_an_age_said_beside_not_in_spite_of_it_supports_the_age():
    passage = (
        "She is now 80 years old, and her 27th film, Tide, is a strong argument that directors are still capable of "
        "greatness late in life — and in Lind's case, continued experimentation. Since the year 2000, Lind has curated "
        "a 23-year career within a career, and the quality of her films has come not in spite of her age and "
        "experience, but because of it."
    )
    assert judge("give Mara Lind's age as 80", [passage]).label == "supported"


def test_a_minute_of_stoppage_time_is_no_other_minute_of_the_match():
    passage = "Theo Park scored a penalty in the fifth minute of stoppage time as the Mariners drew 4-4."
    claim = "Theo Park's equaliser in the 4-4 draw was a 95th-minute penalty"
    assert judge(claim, [passage], happened=True, spare=True).label != "contradicted"
    # another place of the same series still says the claim's opposite
    other = "Theo Park scored a penalty in the 85th minute as the Mariners drew 4-4."
    assert judge(claim, [other], happened=True, spare=True).label == "contradicted"


def test_one_players_didnt_score_denies_no_other_players_goal():
    passage = (
        "They were quite low-intensity themselves, Mara Lind's winning goal coming from the forward almost walking "
        "through the middle of their team. Theo Park, for so long billed as a potential Rovers player, didn't score "
        "but did set it up."
    )
    claim = "Mara Lind scored the Mariners' winner at Harbour Park after being set up by Theo Park"
    assert judge(claim, [passage]).label != "contradicted"
    denied = "Mara Lind did not score the Mariners' winner at Harbour Park, which Theo Park set up for Ada Brin."
    assert judge(claim, [denied]).label == "contradicted"


def test_revenue_that_fell_short_of_estimates_did_not_come_in_ahead_of_them():
    passage = (
        "Globex reported revenue of $9.3 billion, an 11% increase year over year. Investors had expected Globex to "
        "report revenues of around $9.5 billion, meaning that despite the company's growth, it fell short of estimates."
    )
    claim = "Globex's $9.3 billion in third-quarter revenue came in ahead of what investors had expected"
    assert judge(claim, [passage]).label == "contradicted"


def test_a_results_score_pairs_no_values_with_what_follows_it():
    claim = "Rovers beat the Mariners 11-7 in Game 4 of the Harbour Series"
    header = "Harbour Series results. highlights from Rovers vs. Mariners Game 4"
    assert judge(claim, [header], happened=True, spare=True).label != "contradicted"


def test_a_surname_after_a_number_is_a_models_name_not_a_persons():
    assert not named_by_surname("Tide Max Pro", ["Reviewers liked the new Tide 15 Pro and its screen."])
    assert named_by_surname("Mara Lind", ["The board, said Lind, had no choice."])


ARTICLES = [
    (
        "Sports Desk",
        "2023-10-28T21:30:00+00:00",
        "Vale answers his critics",
        (
            "Jon Vale has disagreed with Ida Moen's comments that the Mariners are going backwards this season, "
            "saying the statistics show his team has improved."
        ),
    ),
    (
        "Harbour Post",
        "2023-10-28T21:30:25+00:00",
        "Vale on his goalkeeper",
        "Jon Vale smiles when asked if Ada Brin can be the holding midfielder for the Mariners ahead of the derby.",
    ),
    (
        "Tech Wire",
        "2023-11-11",
        "Week in review",
        (
            "Reviewers liked the new Tide 15 Pro laptop. Tide Pro owners can upgrade next month. Globex announced a "
            "doozy this week: it is replacing founder CEO Mara Lind with Norrvik CEO Theo Park. Tide Pro sales rose."
        ),
    ),
    (
        "Sports Desk",
        "2023-10-30",
        "Ada Brin at the Mariners again",
        (
            "On 22 October, Ada Brin returned to Harbour Park. The occasion marked Ada Brin's fourth time attending "
            "one of Jon Vale's Mariners games."
        ),
    ),
    (
        "Bay News",
        "2023-10-24",
        "Ada Brin and Jon Vale: a timeline",
        "Oct. 22: Ada Brin attends fifth Mariners game, watching Jon Vale score twice.",
    ),
    (
        "Film Weekly",
        "2023-10-20T14:00:00+00:00",
        "The Tide Glass smart glasses make the future look cool",
        "I was impressed by the $299 Tide Glass. They take good photos and look cool.",
    ),
    (
        "Film Weekly",
        "2023-12-07T15:00:00+00:00",
        "Globex Frames are more style than substance",
        (
            "In this review of smart glasses, Globex Frames play music. Successors like the Tide Glass smart glasses "
            "have leaned heavily into content creation, which Globex Frames do not."
        ),
    ),
    (
        "Sports Desk",
        "2023-11-06",
        "Park takes the Harbour Cup again",
        (
            "Winning the title is about showing off the Tide car, with which Theo Park won his second Harbour Cup "
            "championship on Friday night."
        ),
    ),
    (
        "Coast Times",
        "2023-10-20T20:30:00+00:00",
        "Home sales sink",
        "Existing-home sales in Ostland dropped to their lowest level since 2010, the housing board said.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "cited_words", ARTICLES))


def test_two_reports_of_one_minute_are_ordered_by_their_seconds(bot):
    answer = bot.ask(
        "Was the Sports Desk piece on Jon Vale answering Ida Moen's criticism published before the Harbour Post piece "
        "on Jon Vale asking if Ada Brin can be the holding midfielder?"
    )
    lead = answer.text.split("\n")[0]
    assert lead.startswith("**Yes.**"), lead
    assert "21:30:00" in lead and "21:30:25" in lead
    assert_exact_quotes(bot, answer)


def test_who_was_picked_according_to_an_outlet_is_not_the_name_the_passages_repeat(bot):
    answer = bot.ask("Whom did Globex pick to replace founder Mara Lind as CEO, according to Tech Wire?")
    assert "Tide" not in answer.text.split("\n")[0]


def test_reports_in_agreement_on_how_many_are_not_settled_by_each_covering_it(bot):
    answer = bot.ask(
        "Are Sports Desk and Bay News in agreement on how many Mariners games Ada Brin had attended as of October 22?"
    )
    assert answer.text.startswith(UNSETTLED), answer.text
    assert_exact_quotes(bot, answer)


def test_the_report_on_something_is_the_article_whose_headline_names_it(bot):
    answer = bot.ask(
        "Did the Coast Times report on home sales sinking to their lowest level since 2010 come out before Film "
        "Weekly's review of the Tide Glass smart glasses?"
    )
    lead = answer.text.split("\n")[0]
    assert lead.startswith("**No"), lead
    assert "2023-10-20 14:00" in lead and "2023-12-07" not in lead
    assert_exact_quotes(bot, answer)


def test_a_place_said_before_a_comma_is_the_claims_place_though_not_before_its_word():
    passage = (
        "Mara Lind had made her 10th feature-length film by 1986. She is now 80, and her 27th, Tide, is a strong "
        "argument for late greatness."
    )
    assert judge("Mara Lind calls Tide her 27th feature", [passage]).label != "contradicted"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned — are both of those accurate?",
            "Is it true that Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned?",
        ),
        (
            "Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned. Is that right on both counts?",
            "Is it true that Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned?",
        ),
        (
            (
                "Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned — is that what the two "
                "outlets report?"
            ),
            "Is it true that Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned?",
        ),
    ],
)
def test_two_statements_then_are_both_right_ask_whether_both_are_so(question, asked):
    from rag.answer.reading import statement_asked

    assert statement_asked(question) == asked


def test_a_question_after_a_statement_is_asked_alone_with_its_pronoun_the_statements_person():
    from rag.answer.reading import question_after_premise

    question = "Tech Wire said Mara Lind was expected to decide soon — does Bay News report she then resigned?"
    assert (
        question_after_premise(question, ["Tech Wire", "Bay News"]) == "Does Bay News report Mara Lind then resigned?"
    )
    # a statement ended by a full stop leads to its question too: "Did Bay News" is no name to look for
    question = (
        "Before the vote, Tech Wire described Mara Lind as facing seven counts. Did Bay News later report she won?"
    )
    assert question_after_premise(question, ["Tech Wire", "Bay News"]) == "Did Bay News later report Mara Lind won?"
    # a question about the statement itself asks nothing alone
    assert question_after_premise("Tech Wire said Mara Lind resigned; is that so?") == (
        "Tech Wire said Mara Lind resigned; is that so?"
    )


def test_a_statement_before_the_question_leaves_the_question_answered(bot):
    answer = bot.ask(
        "Bay News lists Ada Brin at the Mariners' games in a timeline; does Sports Desk report that she returned to "
        "Harbour Park on 22 October?"
    )
    assert answer.text.startswith("**Yes.**"), answer.text
    assert "Sports Desk" in {c.source for c in answer.citations}
    assert_exact_quotes(bot, answer)


def test_which_of_two_reports_came_first_is_asked_of_reports_only():
    from rag.answer.reading import which_first_asked

    assert which_first_asked("Which came first, the chicken or the egg?") is None
    assert which_first_asked(
        "Between the Tech Wire review of the Tide Pad and the Bay News piece on Globex, which appeared later?"
    ) == ("Was the Tech Wire review of the Tide Pad published before the Bay News piece on Globex?", False)


def test_which_report_came_first_leads_with_the_report_that_did(bot):
    answer = bot.ask(
        "Which was published first: the Coast Times report on home sales sinking to their lowest level since 2010, "
        "or Film Weekly's review of the Tide Glass smart glasses?"
    )
    lead = answer.text.split("\n")[0]
    assert lead.startswith("**Film Weekly first.**"), lead
    assert "2023-10-20 14:00" in lead
    later = bot.ask(
        "Of the Coast Times report on home sales sinking to their lowest level since 2010 and Film Weekly's review "
        "of the Tide Glass smart glasses, which one was published later?"
    )
    assert later.text.startswith("**Coast Times later.**"), later.text
    assert_exact_quotes(bot, answer)


def test_which_came_first_leads_with_the_report_even_when_its_words_say_changed(bot):
    answer = bot.ask(
        "Which was published first: the Coast Times report on how home sales changed, sinking to their lowest level "
        "since 2010, or Film Weekly's review of the Tide Glass smart glasses?"
    )
    assert answer.text.startswith("**Film Weekly first.**"), answer.text
    assert_exact_quotes(bot, answer)


def test_more_than_a_number_bounds_an_amount_and_splits_no_claim():
    from rag.answer.reading import read_question

    reading = read_question("Has the Ostland board received more than 200 reports of the illness since August?", [])
    assert [c.claim for c in reading.clauses] == [
        "Ostland board received more than 200 reports of the illness since August"
    ]


def test_a_win_at_another_place_of_the_series_is_no_yes_to_the_place_asked(bot):
    answer = bot.ask("Did Theo Park win his first Harbour Cup championship in 2023?")
    assert answer.text.startswith("**No.**"), answer.text
    assert "second Harbour Cup" in answer.citations[0].quote
    assert_exact_quotes(bot, answer)


def test_a_denial_of_knowledge_is_the_denial_of_knowing_not_its_opposite():
    passage = (
        "On Monday, coach Mara Lind said “the people that know us the most think the most of us” as the Mariners face "
        "the inquiry. She has denied knowledge of the alleged scouting."
    )
    assert judge("Mara Lind has denied knowing about the alleged scouting", [passage]).label != "contradicted"


def test_is_each_of_those_accurate_asks_whether_both_are_so_and_its_frame_is_no_claim():
    from rag.answer.reading import read_question, statement_asked

    question = "Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned. Is each of those accurate?"
    asked = statement_asked(question)
    assert asked == "Is it true that Tech Wire says Globex sold Tide Works, and Bay News says Mara Lind resigned?"
    claims = [c.claim for c in read_question(asked, ["Tech Wire", "Bay News"]).clauses]
    assert claims == ["Globex sold Tide Works", "Mara Lind resigned"]


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Which Ostland chairman, who the Bay News says acted on stage, was honoured before the match?", "chairman"),
        ("Which Tide Sports executive told staff that the closure was not a reflection of their work?", "executive"),
        ("Which crypto venture firm saw its Globex investment of $275 million wiped out?", "firm"),
        # a kind of thing many share is no role a name is written with
        ("Which company, described by Tech Wire as a chip maker, bought Norrvik Mills?", ""),
    ],
)
def test_the_role_asked_is_the_noun_the_asked_phrase_ends_with(question, role):
    from rag.answer.compose import role_asked, titled_names

    assert role_asked(question) == role
    if role:
        assert titled_names(role, f"said Globex {role} Mara Lind in a statement.") == {"Mara Lind"}
