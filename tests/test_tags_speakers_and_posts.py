"""Questions a sceptical reader types and whose words a quote gives (an invented index: outlets, people and teams
made up for these tests): "..., right?", "So ...?" and "Any truth to the claim that ...?" ask whether a statement is
so; "Who told Tech Wire that ...?" is answered by the name the sentence gives the words to, never by a name merely
near them; a claim said absolutely, a holder named only as the one leaving, a day given to another thing, and
"before the committee" decide nothing they do not say."""

from __future__ import annotations

import pytest

from rag.answer.reading import cleft_asked, statement_asked, without_unordered
from rag.answer.verdicts import judge
from rag.answer.when import event_day
from rag.answer.who_said import read_who_said
from tests.conftest import assert_exact_quotes, index_articles


def test_a_statement_asked_to_be_confirmed_is_a_yes_no_question():
    for typed in (
        "Globex cut prices in May, right?",
        "Globex cut prices in May, didn't it?",
        "So Globex cut prices in May?",
        "Any truth to the claim that Globex cut prices in May?",
        "Is there any truth to reports that Globex cut prices in May?",
    ):
        assert statement_asked(typed) == "Is it true that Globex cut prices in May?", typed
    assert statement_asked("Mara Lind told Tech Wire she would resign — did she really say that?") == (
        "Is it true that Mara Lind told Tech Wire she would resign?"
    )
    # a question of its own after the opening stays one, and is not turned into a statement
    assert statement_asked("So did Globex cut prices?") == "Did Globex cut prices?"
    asked = "so after the whole Globex mess, does the board get to reverse the call?"
    assert statement_asked(asked) == asked


def test_was_it_x_that_someone_said_did_it_asks_what_they_said():
    assert cleft_asked("Wasn't it Globex that Mara Lind said hadn't paid the fee?") == (
        "Is it true that Mara Lind said Globex hadn't paid the fee?"
    )


def test_before_a_committee_and_going_after_a_licence_place_nothing_in_time():
    for question in (
        "Did Mara Lind fail to turn up before the Senate committee?",
        "Is Globex going after a banking licence of its own?",
    ):
        assert "before" not in without_unordered(question) and "after" not in without_unordered(question)
    assert "before" in without_unordered("Did Globex cut prices before the Senate committee met?") or (
        "before" in without_unordered("Did Globex cut prices before Tide Works did?")
    )
    assert "after" in without_unordered("Did Globex cut prices after Tide Works did?")


def test_who_said_it_reads_the_words_and_the_names_offered():
    asked = read_who_said("Who told Tech Wire that the Tide app went viral within three weeks of its launch?")
    assert asked is not None and asked.words.startswith("the Tide app went viral")
    asked = read_who_said('Who said "I don\'t know what that man is doing" - Theo Park or Jon Vale?')
    assert asked is not None and asked.options == ("Theo Park", "Jon Vale")
    asked = read_who_said("Which of the two founders, Ada Brin or Ida Moen, said she was embarrassed by the launch?")
    assert asked is not None and asked.options == ("Ada Brin", "Ida Moen")
    # an author, a maker or a company is no speaker asked for
    assert read_who_said("Who wrote Tide Tales?") is None
    assert read_who_said("Which company said it would cut 10% of its staff?") is None


def test_a_claim_said_absolutely_is_not_held_by_a_passage_that_qualifies_it():
    passage = "The impact of the tyre chemical on salmon is understood, though its effect on people is less clear."
    assert judge("the impact of the tyre chemical is fully understood", [passage]).label != "supported"
    assert judge("the impact of the tyre chemical on salmon is understood", [passage]).label == "supported"
    # denied, "fully" makes a claim weaker, which a passage may say in its own words
    candid = "The board said Mara Lind was not consistently candid with the board."
    assert judge("Mara Lind was not being fully candid with the board", [candid]).label == "supported"


def test_a_holder_named_only_as_the_one_leaving_does_not_hold_the_post():
    leaving = "The board is building a list of coaching candidates to take over from Theo Park as the Rovers coach."
    assert judge("Theo Park is still the Rovers coach", [leaving]).label != "supported"
    holding = "Rovers coach Theo Park has again denied any contact with the Mariners."
    assert judge("Theo Park is still the Rovers coach", [holding]).label == "supported"


def test_a_day_a_participle_gives_to_another_thing_is_not_the_events():
    from datetime import date

    sentence = (
        "Citing Globex's transparency report published on 3 November, the regulator has decided to open formal "
        "proceedings against Globex, it said today."
    )
    day, said = event_day(sentence, date(2023, 12, 18), "the regulator open formal proceedings against Globex")
    assert (day, said) == (date(2023, 12, 18), "today")
    # asked of the report itself, its day is the one said
    day, _ = event_day(sentence, date(2023, 12, 18), "Globex published its transparency report")
    assert day == date(2023, 11, 3)


SAID = [
    (
        "Tech Wire",
        "2023-11-07T12:00:00Z",
        "Tide app bets on live chats",
        (
            "Tide is a social app built around live chats. Tea Rooms, its group chats, drew stars such as Ada Brin "
            "and Ida Moen in its first month. “Tea Rooms reflect the communities we have always said we are here to "
            "serve,” Kenya Lind, Tide’s head of community, told Tech Wire. “We put an invite-only beta in June, and "
            "within three weeks, it went viral,” Vale told Tech Wire. Jon Vale founded Tide in 2022 after leaving "
            "Globex."
        ),
    ),
    (
        "Coast Times",
        "2023-11-25T09:00:00Z",
        "Park vs. Brin: how to watch the title fight",
        (
            "Harbour Arena, Ostland. Start time: 9 p.m. How to watch: Globex PPV ($74.99). Theo Park, like Ada "
            "Brin, hopes a win will earn him a title shot against Norrvik's champion. \"To be honest, I don't know what "
            'that man is doing," Park told Fight Hour last month when asked about the champion.'
        ),
    ),
]


QUOTED = [
    (
        "Bay News",
        "2023-10-02T10:00:00Z",
        "Tide Works takes on Globex in freight",
        (
            'Ida Moen founded Tide Works in 2019. "Globex announced pretty much the same thing that we announced," '
            "Moen said in an interview. Former Ostland envoy Jon Vale told Bay News he believes the Norrvik aid "
            "package will be approved in January."
        ),
    ),
]

POSTS = [
    (
        "Harbour Post",
        "2023-10-16T08:00:00Z",
        "Park stays on",
        "Rovers coach Theo Park has again denied any contact with the Mariners and committed to staying in the job.",
    ),
    (
        "Harbour Post",
        "2023-12-11T08:00:00Z",
        "Rovers look for a coach",
        (
            "Most pressing will be building a list of coaching candidates to take over from Theo Park, with the board "
            "wanting the new Rovers coach in place by March."
        ),
    ),
]


@pytest.fixture(scope="module")
def said(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "who_said", SAID + QUOTED + POSTS))


def test_who_told_an_outlet_is_the_name_the_words_are_given_to(said):
    answer = said.ask(
        "Who told Tech Wire that Tide's invite-only beta went viral within three weeks of its June launch?"
    )
    assert answer.text.startswith("**Jon Vale**"), answer.text
    assert "went viral" in answer.citations[0].quote
    assert_exact_quotes(said, answer)


def test_who_said_the_quoted_words_of_two_offered_is_the_one_they_are_given_to(said):
    answer = said.ask('Who said "I don\'t know what that man is doing" - Theo Park or Ada Brin?')
    assert answer.text.startswith("**Theo Park**"), answer.text
    answer = said.ask(
        'Was the line "Tea Rooms reflect the communities we have always said we are here to serve" from Jon Vale or '
        "from Kenya Lind?"
    )
    assert answer.text.startswith("**Kenya Lind**"), answer.text
    assert_exact_quotes(said, answer)


def test_who_said_words_no_sentence_gives_anyone_guesses_no_name(said):
    answer = said.ask("Who told Tech Wire that Tide would open an office in Norrvik next spring?")
    assert not answer.text.startswith("**"), answer.text


def test_still_holding_a_post_is_not_answered_from_before_a_later_report_the_check_cannot_read(said):
    answer = said.ask("Is Theo Park still the Rovers coach according to the Harbour Post's most recent report?")
    assert not answer.text.startswith("**Yes"), answer.text


def test_the_occasion_of_a_game_between_two_sides_is_not_part_of_the_first_sides_name():
    from rag.answer.results import _topic

    assert _topic("Who won the Harbour Night Football game between the Rovers and the Mariners?") == (
        "Rovers v. Mariners in the Harbour Night Football"
    )
    assert _topic("Who won the game between the Rovers and the Mariners?") == "Rovers v. Mariners"


def test_came_up_with_is_invented_and_a_prenup_is_a_prenuptial_agreement():
    from rag.core.text import same_event_words

    assert "invent" in same_event_words("Who came up with the Tide app?")
    passage = "Mara Lind has revealed why she and her husband Theo Park never signed a prenuptial agreement."
    assert judge("Mara Lind and Theo Park signed a prenup", [passage], happened=True).label == "contradicted"
    fell_short = "Globex's revenue for the quarter fell short of Wall Street's estimates."
    assert judge("Globex hit Wall Street's revenue estimates for the quarter", [fell_short]).label == "contradicted"


def test_a_name_inside_the_quoted_words_is_not_who_said_them(said):
    answer = said.ask("Was it Ida Moen or Ada Brin who said Globex announced pretty much the same thing?")
    assert answer.text.startswith("**Ida Moen**"), answer.text


def test_someone_quoted_on_something_else_did_not_say_what_the_question_says(said):
    answer = said.ask("Did Jon Vale tell Bay News he expected Ostland to drop its support for Norrvik?")
    assert not answer.text.startswith("**Yes"), answer.text
    passage = (
        "Former Ostland envoy Jon Vale told Bay News he believes the Norrvik aid package will be approved in January."
    )
    assert judge("Jon Vale told Bay News he expected Ostland to drop its support for Norrvik", [passage]).label != (
        "supported"
    )
    assert judge("Jon Vale told Bay News he believes the Norrvik aid package will be approved", [passage]).label == (
        "supported"
    )


def test_a_contracted_denial_in_a_question_is_a_denial():
    from rag.answer.reading import read_question
    from rag.core.text import claim_as_matched

    assert claim_as_matched("Globex's chief didn't resign") == "Globex s chief didn't resign"
    reading = read_question(
        "Did the Daily Ledger report that Rovers fans didn't expect Theo Park to be sacked?", ["Daily Ledger"]
    )
    assert "didn't" in reading.clauses[0].claim
    passage = "Rovers fans said they do not expect the board to sack Theo Park before the season ends."
    assert judge("Rovers fans didn't expect the board to sack Theo Park before the season ended", [passage]).label == (
        "supported"
    )


def test_its_second_report_is_the_outlet_named_first():
    from rag.answer.reading import which_first_asked

    asked = which_first_asked(
        "Which came first: Tech Wire's report that Globex cut prices, or its piece arguing Globex has a pricing problem?",
        ["Tech Wire", "Bay News"],
    )
    assert asked is not None and "Tech Wire's piece arguing" in asked[0]


NAMESAKES = [
    (
        "Coast Times",
        "2023-10-10T08:00:00Z",
        "Ostland's record chase",
        (
            "Considering how many goals Theo Lind scores for the Rovers, he could score six goals this break to move "
            "level with the record. Theo Lind has scored 50 goals this year. Tide Therapeutics won approval in May."
        ),
    ),
]


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "namesakes", NAMESAKES))


def test_a_surname_the_passages_give_someone_else_does_not_name_the_one_asked(namesakes):
    from rag.answer.quoting import _unnamed

    text = NAMESAKES[0][3]
    quote = "Considering how many goals Lind scores for the Rovers, he could score six goals this break."
    assert _unnamed("How many goals did Jorund Lind score for Ostland?", [quote], [text], []) == ["Jorund Lind"]
    assert _unnamed("How many goals did Theo Lind score for Ostland?", [quote], [text], []) == []
    answer = namesakes.ask("How many goals did Jorund Lind score for Ostland?")
    assert answer.refused and "six" not in answer.text, answer.text


def test_a_refusal_never_says_the_passages_name_someone_they_do_not():
    from rag.answer.quoting import named_in as _named_in

    text = NAMESAKES[0][3]
    # said to name someone, the passages must say the first name too, and not give the surname to another in full
    assert not _named_in("Globex Therapeutics", text, first_too=True)
    assert not _named_in("Jorund Lind", text, first_too=True)
    assert _named_in("Theo Lind", text, first_too=True) and _named_in("Tide Therapeutics", text, first_too=True)
    # a title before the name may be any title ("Judge Lind" for a text naming Justice Theo Lind)
    assert _named_in("Judge Lind", "Justice Theo Lind ruled on Monday.", first_too=True)


def test_a_stranded_to_and_an_infinitive_left_off_are_no_blank():
    from rag.answer.reading import left_blank

    assert left_blank("what drug was mara linds death tied to") == ""
    assert left_blank("Did Globex plan to sell Tide Works but decided not to?") == ""
    # a blank is still one
    assert left_blank("What happened to?") == "to"
    assert left_blank("Did Mara Lind resign from?") == "from"


def test_were_there_no_asks_of_the_story_not_how_reports_relate():
    from rag.answer.reading import read_question

    reading = read_question("In the Tide trial, were there no serious side effects in the first three patients?", [])
    assert reading.relation == "" and "no serious side effects" in reading.clauses[0].claim
    compared = read_question(
        "Between the Tech Wire report and the Bay News report, was there consistency in the portrayal of Globex?",
        ["Tech Wire", "Bay News"],
    )
    assert compared.relation == "agree"


PRICES = [
    (
        "Tech Wire",
        "2023-12-05T08:00:00Z",
        "Tide Chat launches",
        "Tide Chat is competitively priced at $1.99 per month, with a seven-day free trial.",
    ),
    (
        "Tech Wire",
        "2023-12-11T08:00:00Z",
        "Tide Chat is back",
        (
            "Upon the discovery of a new way in, Tide set out to build an app called Tide Chat for $1.99 per month. "
            "Tide Chat will be free for the time being."
        ),
    ),
]


@pytest.fixture(scope="module")
def prices(tmp_path_factory):
    from rag import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "prices", PRICES))


def test_still_is_not_answered_by_a_sentence_of_the_past(prices):
    answer = prices.ask("Is Tide Chat still $1.99 a month, going by Tech Wire's most recent report?")
    assert not answer.text.startswith("**Yes"), answer.text
