"""A bare "did it happen?" about one article's sentence gets its Yes or No (an invented index: outlets, people and
places made up for these tests): a deed said in a relative clause of the name's description, words someone said
that deny something, an amount with its currency written out, and quoted words given to someone else."""

from __future__ import annotations

import pytest

from rag.answer.deeds import someone_else_did_it
from rag.extractive import said_by
from rag.verify.lexical import analyse
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-11-09",
        "Startups in Ostland",
        (
            "Investors are circling the region's young companies. And if you look at the founders of Globex, the "
            "Norrvik chip startup working on low-power sensors that raised a €105 million seed round last spring, "
            "all three previously worked at Tide Works."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-10",
        "Rates on hold",
        (
            "Following remarks from other bank officials on Monday, Harbour Bank President Mara Lind said the Ostland "
            "central bank did not need to raise interest rates any further, as long as prices keep cooling."
        ),
    ),
    (
        "Coast Times",
        "2023-10-31",
        "Reaction to the port plan",
        (
            "The port plan drew mixed reviews in the capital. Senator Theo Park of Ostland said he was “impressed by "
            "the breadth” of the plan, though not its depth. Unions said they would study it."
        ),
    ),
    (
        "Bay News",
        "2023-11-02",
        "Harbour wall fund",
        (
            "Ida Moen met the harbour board on Friday. “She put the fund at our disposal. She said, 'Whatever you "
            "need, just say the word',” the board's chair recalled. While Ada Brin said she could not choose a side "
            "in the harbour dispute, Jon Vale joked: “Remember who built the harbour wall.” Jon Vale said the fund "
            "was welcome. Ida Moen could have kept the fund for the harbour, “and she chose not to do so,” he added."
        ),
    ),
    (
        "Film Weekly",
        "2023-11-25",
        "Brothers on air",
        (
            "“I'm just out here saying nonsense, I gave a gull some bread and spelled gull like a fool,” Theo Park "
            "said. His brother Jon Park mocked him for the spelling. “I'm only spelling gull like that from now on,” "
            "he joked."
        ),
    ),
    (
        "Harbour Post",
        "2023-10-16",
        "Ferry parts scandal",
        (
            "Regulators are checking every ferry engine. A spokesman for Tide Works said: “We are working "
            "collaboratively with operators, so they can promptly remove the parts.” Pastor Ada Brin spoke to the "
            "crews on Sunday. He said it was not “denial and pretending,” he said. “Hope is not flattery and "
            "frivolous compliments.” “That is why we keep him,” said Mariners coach Ida Moen after the win."
        ),
    ),
    (
        "Sports Desk",
        "2023-12-01",
        "Brothers on the podcast",
        (
            "Every week, Theo Kelby and his brother Jon Kelby host a podcast together. “I was just using the app like a diary,” "
            "Kelby said of his old posts."
        ),
    ),
    (
        "Bay News",
        "2023-11-06",
        "Harbour Day opening hours",
        (
            "Here are when stores open and close on Harbour Day this year. Once Harbour Day comes to a close, many "
            "stores will be reopening on Friday. From there, shops will be operating on their usual hours.\n\n"
            "Shoppers queued early last year for the doorbuster deals. Ostland Mills posted record sales.\n\n"
            "Tide Works will be closed on Harbour Day. Globex will also be closed on Harbour Day."
        ),
    ),
    (
        "Norrvik Globe English | Business Arena",
        "2023-10-12",
        "Shekel plan",
        "On Monday, the Bank of Norrvik announced a plan to sell $30 billion of its reserves to steady the crown.",
    ),
    (
        "Tech Wire",
        "2023-10-26",
        "Fair season",
        (
            "Community sentiment toward the fair at this year's Harbour Fair in Ostland was far more positive than "
            "last year. Ida Moen, chief marketing officer at Globex, confirmed to Tech Wire that next year's fair will "
            "not be in Ostland."
        ),
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "single-claims", ARTICLES))


def test_a_deed_in_the_relative_clause_of_a_names_description_is_the_names(bot):
    sentence = "Globex, the Norrvik chip startup that raised a €105 million seed round, is hiring."
    assert not someone_else_did_it("Globex raised a €105 million seed round", sentence)
    # the description's own name did not do it: the name it describes did
    assert someone_else_did_it("Norrvik raised a €105 million seed round", sentence)
    answer = bot.ask("Did Globex raise a 105 million euro seed round?")
    assert answer.text.startswith("**Yes"), answer.text
    assert "€105 million seed round" in answer.citations[0].quote
    assert_exact_quotes(bot, answer)


def test_a_currency_written_after_its_amount_is_the_symbol_before_it():
    assert analyse("raised 105 million euros")[1] == analyse("raised €105 million")[1]
    assert analyse("paid 5 billion dollars")[1] == analyse("paid $5 billion")[1]
    # a currency that is no amount's is a word of its own
    assert ("euro", 1.0, "word") in analyse("the euro fell")[1]


def test_someone_saying_that_something_was_not_needed_is_what_they_said(bot):
    # what she said names the bank another way, and denies the deed itself: neither makes it someone else's or undone
    answer = bot.ask(
        "Did Harbour Bank President Mara Lind say Harbour Bank did not need to raise interest rates any further?"
    )
    assert answer.text.startswith("**Yes"), answer.text
    assert "did not need to raise interest rates" in answer.citations[0].quote
    assert_exact_quotes(bot, answer)


def test_quoted_words_said_by_the_one_asked_about_answer_yes(bot):
    answer = bot.ask("Did Theo Park say he was 'impressed by the breadth' of the port plan?")
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote.startswith("Senator Theo Park of Ostland said he was")
    assert_exact_quotes(bot, answer)


def test_quoted_words_someone_else_said_answer_no_and_name_who_said_them(bot):
    # the one asked about is named nowhere in the index: the quote is still found, and it is Theo Park's
    answer = bot.ask('Was Senator Ada Brin the one who said she was "impressed by the breadth" of the port plan?')
    assert answer.text.startswith(
        "**No.** Coast Times (2023-10-31) gives the words the question quotes to Senator Theo Park of Ostland, not to "
        "Senator Ada Brin [1]."
    ), answer.text
    assert "“impressed by the breadth”" in answer.citations[0].quote
    assert [p.verdict for p in answer.parts] == ["contradicted"]
    assert_exact_quotes(bot, answer)


def test_a_title_two_people_share_does_not_make_ones_words_the_others():
    sentence = "Senator Theo Park of Ostland said he was “impressed by the breadth” of the plan."
    assert said_by("Senator Theo Park", sentence)
    assert not said_by("Senator Ada Brin", sentence)


@pytest.mark.parametrize(
    "question",
    [
        # "She said" gives the words to a pronoun, who may be the one asked about
        'Did Ida Moen say "Whatever you need, just say the word"?',
        # the name before "said" gives other words; the quoted ones are Jon Vale's, which "joked" is not read as giving
        'Did Theo Park say "Remember who built the harbour wall"?',
    ],
)
def test_quoted_words_given_by_a_pronoun_or_by_a_name_further_off_are_no_one_elses(bot, question):
    answer = bot.ask(question)
    assert not answer.text.startswith("**No"), answer.text
    assert "gives the words" not in answer.text


def test_words_a_pronoun_adds_are_the_ones_of_the_name_that_spoke_before_not_of_the_sentences_subject(bot):
    answer = bot.ask('Did Jon Vale say "she chose not to do so" about the harbour fund?')
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote.startswith("Ida Moen could have kept the fund")
    # the sentence is about Ida Moen, but "he added" gives the words to Jon Vale, who spoke before
    answer = bot.ask('Did Ida Moen say "she chose not to do so" about the harbour fund?')
    assert not answer.text.startswith("**Yes"), answer.text


def test_a_passage_sharing_other_words_of_the_speaker_does_not_say_the_words_quoted(bot):
    # Theo Park said something about spelling "gull"; the quoted words are his brother's, and no name gives them
    answer = bot.ask('Did Theo Park say "I\'m only spelling gull like that from now on"?')
    assert not answer.text.startswith("**Yes"), answer.text


def test_an_altered_quote_gets_no_yes_whoever_is_named_as_saying_it(bot):
    answer = bot.ask('Did a Tide Works spokesman say "We are working independently of operators" on the parts?')
    assert not answer.text.startswith("**Yes"), answer.text
    answer = bot.ask('Did a Tide Works spokesman say "We are working collaboratively with operators"?')
    assert answer.text.startswith("**Yes"), answer.text


def test_a_pronoun_giving_words_is_no_other_speaker(bot):
    # "He said ..., he said" after Pastor Ada Brin is named: the words are never given to "He"
    answer = bot.ask('Did Pastor Ada Brin say "Hope is not flattery and frivolous compliments"?')
    assert not answer.text.startswith("**No"), answer.text
    assert "to He" not in answer.text


def test_was_it_x_who_said_is_asked_as_did_x_say_and_a_role_may_stand_before_the_name(bot):
    answer = bot.ask('Was it Ida Moen who said "That is why we keep him"?')
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote.endswith("said Mariners coach Ida Moen after the win.")
    # the role before the name is no part of it, and "after the win" is when she spoke, not an order of reports
    answer = bot.ask('Did Mariners coach Ida Moen say "That is why we keep him" after the win?')
    assert answer.text.startswith("**Yes"), answer.text
    answer = bot.ask('Is Theo Park the one who said "That is why we keep him"?')
    assert answer.text.startswith(
        "**No.** Harbour Post (2023-10-16) gives the words the question quotes to Ida Moen"
    ), answer.text


def test_a_surname_two_people_of_the_article_share_gives_the_words_to_neither(bot):
    for question in (
        'Did Jon Kelby say "I was just using the app like a diary"?',
        'Did Theo Kelby say "I was just using the app like a diary"?',
    ):
        answer = bot.ask(question)
        assert not answer.text.startswith(("**Yes", "**No")), answer.text


def test_a_place_denied_and_another_years_event_contradict_or_support_nothing(bot):
    answer = bot.ask(
        "Did Tech Wire report that Globex's marketing chief confirmed next year's Harbour Fair will be held in Ostland "
        "again?"
    )
    assert answer.text.startswith("**No"), answer.text
    assert "will not be in Ostland" in answer.citations[0].quote
    assert_exact_quotes(bot, answer)


def test_a_report_of_this_years_event_says_nothing_of_next_years():
    from rag.answer.verdicts import judge

    sentence = "Community sentiment at this year's Harbour Fair in Ostland was far more positive than last year."
    assert judge("sentiment at this year's Harbour Fair in Ostland was positive", [sentence]).supported
    assert not judge("sentiment at next year's Harbour Fair in Ostland was positive", [sentence]).supported


def test_an_outlet_called_by_the_words_its_name_opens_with_is_no_outlet_missing_from_the_index(bot):
    answer = bot.ask(
        "Did Norrvik Globe report that the Bank of Norrvik announced a plan to sell $30 billion of reserves?"
    )
    assert "none of the articles is from" not in answer.text, answer.text


def test_a_plan_an_outlet_is_asked_to_have_reported_is_found_in_one_sentence_not_in_its_words_spread_about(bot):
    # stores opening that day, and a sentence naming Ostland Mills elsewhere, are no report that its stores will open
    answer = bot.ask("Did Bay News report that Ostland Mills stores will open on Harbour Day this year?")
    assert not answer.text.startswith("**Yes"), answer.text
    answer = bot.ask("Did Bay News report that Tide Works and Globex will be open on Harbour Day this year?")
    assert answer.text.startswith("**No"), answer.text
    answer = bot.ask("Did Bay News report that Globex will be closed on Harbour Day?")
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote == "Globex will also be closed on Harbour Day."
