"""Words quoted as someone's, numbers a passage does not give, "avoid", a startup named by apposition, an adverb before
the asked verb, an "it" a statement before the question names, a speaker named before their title, "the same way":
found by the sixtieth session's testers. Each test fails on the code before its fix."""

import pytest

from rag.answer.reading import question_after_premise
from rag.answer.stated import read_slot
from rag.answer.verdicts import judge
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Daily Ledger",
        "2023-11-03",
        "Search startups",
        (
            "Ada Brin, an investor, said her startup wanted to fix shopping search. She said the main problem is "
            "fundraising. “The problem with competing with big stores is not just about user experience, it’s also "
            "about supply chains. So a startup has to invest a lot of money,” Brin told the Daily Ledger."
        ),
    ),
    (
        "Coast Times",
        "2023-12-19",
        "What the report found",
        (
            "Experts weighed in on the findings. “The dose found in the sample was enough to cause harm,” Mara Lind, "
            "chair of the Department of Harbour Medicine and chief of medical toxicology at Norrvik Coast Medical School, "
            "said in a statement provided to Coast Times."
        ),
    ),
    ("Bay News", "2023-09-04", "Strike ends", "The Globex strike ended on Monday after pay talks at the harbour."),
    ("Tech Wire", "2023-09-05", "Strike grows", "The Globex strike grew on Monday as more harbour workers walked out."),
    (
        "Bay News",
        "2023-11-07",
        "Rovers rout Mariners",
        "The Rovers beat the Mariners 4-1 on Monday, Jon Vale scoring three.",
    ),
    (
        "Tech Wire",
        "2023-11-12",
        "Rovers look ahead",
        "The Rovers had dented the Mariners' title hopes with a wild 4-1 win on Monday and face Ostland next.",
    ),
    (
        "Tech Wire",
        "2023-10-06",
        "Creatives meet the regulator",
        (
            "At a roundtable hosted by the regulator this week, artists from many industries met. "
            "“I know that generative tools pose a unique set of challenges to creative industries,” chair Mara Lind said. "
            "“Art is fundamentally human,” commissioner Ada Brin said."
        ),
    ),
    (
        "Bay News",
        "2023-12-07",
        "Early impressions of the Globex Pro model",
        (
            "Using an automated method to change the context of prompts until the model's guardrails failed, security "
            "researchers at Tide Works, a startup selling auditing tools, managed to get Globex Pro to suggest ways to "
            "steal from a charity. Globex Pro is not the most capable version; Globex Ultra is set to launch next year "
            "in Norrvik and other products. Norrvik users can try Globex Pro today; Norrvik will get Ultra later."
        ),
    ),
    (
        "Bay News",
        "2023-12-08",
        "Globex Pro arrives in Norrvik",
        (
            "Globex Pro now powers Norrvik, the company's chatbot. Norrvik answers faster with Globex Pro, and Norrvik "
            "can suggest ways to plan a trip."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "quoted_words", ARTICLES))


def test_words_quoted_as_a_persons_are_checked_when_an_outlet_is_asked_whether_it_reported_them(bot):
    # "saying" gives words to someone as "said" does; another person's sentence of hers is no report of these words
    wrong = bot.ask('Did Tech Wire report chair Mara Lind saying "Art is fundamentally human"?')
    assert wrong.text.startswith("**No.**"), wrong.text
    assert "Ada Brin" in wrong.text
    assert_exact_quotes(bot, wrong)
    right = bot.ask('Did Tech Wire report Ada Brin saying "Art is fundamentally human"?')
    assert right.text.startswith("**Yes.**"), right.text
    assert "Art is fundamentally human" in right.citations[0].quote


def test_a_startup_is_the_name_a_passage_calls_a_startup(bot):
    answer = bot.ask(
        "Which security startup, according to Bay News, got Globex Pro to suggest ways to steal from a charity?"
    )
    assert answer.text.startswith("**Tide Works**"), answer.text
    assert_exact_quotes(bot, answer)


def test_avoiding_something_is_not_said_by_a_passage_saying_it_will_happen():
    entered = ["Investor Jon Vale predicted Ostland will enter into a recession early next year."]
    assert judge("Jon Vale predicted Ostland would avoid a recession", entered).label != "supported"
    avoided = ["Investor Jon Vale predicted Ostland would avoid a recession next year."]
    assert judge("Jon Vale predicted Ostland would avoid a recession", avoided).label == "supported"


def test_a_number_the_passage_does_not_give_beside_its_own_is_not_supported():
    storm = ["The report came weeks after the 7 October storm that the Ostland government said killed 1,400 people."]
    assert judge("the Ostland government's 7 October storm toll as 1,200", storm).label != "supported"
    assert judge("the Ostland government's 7 October storm toll as 1,400", storm).label == "supported"
    # a passage holding some of the claim's numbers is read as before
    cuts = ["Globex cut 300 jobs at its plants, the company said on 4 May."]
    assert judge("Globex cut 300 jobs at 2 plants", cuts).supported


def test_an_adverb_before_the_asked_verb_is_said_back_as_an_adverb():
    slot = read_slot("Which actor did Globex Pro wrongly name as last year's winner?")
    assert slot is not None
    assert slot.asked == "which actor Globex Pro wrongly named as last year's winner"
    # a verb ending as adverbs do is still the verb
    relied = read_slot("Which bank did Globex rely on?")
    assert relied is not None and relied.verb == "rely"


def test_an_it_after_a_statement_is_what_the_statement_names(bot):
    outlets = ["Bay News", "Tech Wire"]
    asked = "Bay News reported the Rovers' win over the Mariners as 4-1 — did Tech Wire describe it as a 3-1 win?"
    assert question_after_premise(asked, outlets) == "Did Tech Wire describe it as a 3-1 win? (Rovers)"
    answer = bot.ask(asked)
    assert answer.text.startswith("**No.**"), answer.text
    assert answer.citations[0].source == "Tech Wire" and "4-1" in answer.citations[0].quote
    # a "he" is still the person the statement names
    assert question_after_premise("Bay News said Jon Vale scored three — did Tech Wire say he did?", outlets) == (
        "Did Tech Wire say Jon Vale did?"
    )


def test_the_speaker_is_the_person_whose_title_ends_in_the_name_before_said(bot):
    answer = bot.ask('Who said the dose found in the sample was "enough to cause harm"?')
    assert answer.text.startswith("**Mara Lind**"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_claim_asked_the_same_way_as_a_statement_is_not_read_from_its_own_words(bot):
    # what "the same way" is, the statement says, not the claim: a passage sharing "strike" says nothing of it
    answer = bot.ask("Bay News said the Globex strike ended on Monday. Did Tech Wire describe the strike the same way?")
    assert not answer.text.startswith("**Yes"), answer.text


def test_another_place_in_a_series_denies_only_in_a_sentence_about_the_claim():
    # the first leg is named for an injury, not for who won: no contradiction of a second-leg result
    notes = (
        "90 min until kickoff: the Rovers will be without striker Jon Vale, who suffered an injury in the first leg.  "
        "2 hours until kickoff: Welcome to tonight's coverage of the Harbour Cup quarterfinal between the Mariners and "
        "the Rovers in Norrvik."
    )
    preview = [notes]
    assert judge("the Rovers beat the Mariners 2-1 in the second leg in Norrvik", preview).label != "contradicted"
    # a sentence saying the claim's deed of another place does deny it
    result = ["The Rovers beat the Mariners 2-1 in the first leg in Norrvik."]
    assert judge("the Rovers beat the Mariners 2-1 in the second leg in Norrvik", result).label == "contradicted"


def test_words_of_a_quotation_that_closes_a_sentence_later_are_given_where_it_closes(bot):
    answer = bot.ask('Did Ada Brin say competing with big stores is "not just about user experience"?')
    assert answer.text.startswith("**Yes.**"), answer.text
    # the citation runs to the sentence that names her, so that a reader sees whose words they are
    assert "Brin told" in " ".join(c.quote for c in answer.citations)
    assert_exact_quotes(bot, answer)
