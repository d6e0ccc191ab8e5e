"""Thresholds, ranks and who said it, found by the fifty-second session's testers: an amount on either side of the
bound a question sets, a place in a ranking against "the largest", the words asked about given to someone else, a
"which executive informed ...?" read as who said it, a report's topic framing a question, and a claim that only
points back at what the question said before it. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.reading import plainly_asked, read_question
from rag.answer.verdicts import _bound_read, place_swapped
from rag.answer.who_said import read_said_by_one, read_who_said
from rag.core.text import ordinal_places


def test_an_amount_on_either_side_of_a_bound_settles_it():
    carriers = "the biggest carriers made more than $300 million in combined net income in 2030"
    said = "The biggest carriers posted net income totaling $364 million in 2030, figures showed."
    assert _bound_read(carriers, said) == "met"
    bridge = "it will cost more than 20% extra to cross the Norrvik bridge next year"
    assert _bound_read(bridge, "Crossing the Norrvik bridge next year will be 15% costlier, the authority said.") == (
        "missed"
    )
    # the amount equal to the bound, two amounts of the thing, or a sentence about something else settle nothing
    assert _bound_read(bridge, "Crossing the Norrvik bridge next year will be 20% costlier, the authority said.") == ""
    assert _bound_read(bridge, "Crossing the Norrvik bridge next year will be 15% or 25% costlier, it said.") == ""
    assert _bound_read(bridge, "Tide Works cut fares by 15% on Monday.") == ""
    # the amount must be of what the bound is set on: cash is no revenue, one earlier round no total
    revenue = "Globex reported more than $600 million in revenue for its latest quarter"
    assert _bound_read(revenue, "Globex ended the latest quarter with $3 billion in cash, it reported.") == ""
    assert _bound_read(revenue, "Globex reported revenue of $596 million for its latest quarter.") == "missed"
    # the clause that says most of what it is of decides: the net income, not the net loss a year before
    income = "Globex's third-quarter net income was more than $200 million"
    both = "Globex reported net income of $221 million in the third quarter, compared with a net loss of $1.2 billion."
    assert _bound_read(income, both) == "met"
    total = "Tide Works has raised over $300 million in total so far"
    round_before = "This was the same valuation Tide Works had the last time it raised money — $180 million in 2029."
    assert _bound_read(total, round_before) == ""


def test_a_superlative_is_the_first_place_and_another_place_denies_it():
    assert ordinal_places("Is Globex the world's biggest employer?") == {(1, "largest")}
    assert ordinal_places("the second most common kind") == {(2, "most common")}
    assert place_swapped(
        "Globex is the largest employer in Ostland",
        "Globex is the second-largest employer in Ostland, after Tide Works.",
    )
    assert place_swapped(
        "Lind's illness is the most common kind of fever", "Lind's illness is the second most common kind of fever."
    )
    # a passage that also puts something first says nothing against it; "most" of another word is another ranking
    assert not place_swapped(
        "Globex is the largest employer in Ostland",
        "Tide Works is the largest employer in Ostland, and Globex the second-largest.",
    )
    assert not place_swapped(
        "Lind's illness is the most common kind of fever", "Lind's illness is the second most feared kind of fever."
    )


def test_a_name_between_an_ordinal_and_its_noun_leaves_the_noun_a_place():
    # "the second Harbour Cup title" counts titles, as "the third title" does: they are places in one series
    assert (2, "titl") in ordinal_places("Was that the Rovers' second Harbour Cup title?")
    assert place_swapped(
        "The 2-0 win was the Rovers' second Harbour Cup title",
        "The 2-0 win sealed a record third title for the Rovers.",
    )
    assert not place_swapped(
        "The 2-0 win was the Rovers' third Harbour Cup title", "The 2-0 win sealed a record third title for the Rovers."
    )
    # a function word after the name is no noun of the place
    assert ordinal_places("the first Ostland and Norrvik team") == {(1, "ostland")}


def test_who_said_reads_more_verbs_of_telling_and_an_aside_before_the_verb():
    informed = read_who_said("Which Globex executive informed Mara Lind that her resignation had not been accepted?")
    assert informed is not None and informed.words == "her resignation had not been accepted"
    aside = read_who_said("Who, after attending the launch in Norrvik, remarked that Globex copied Tide Works?")
    assert aside is not None and aside.words == "that Globex copied Tide Works".removeprefix("that ")
    testified = read_who_said("Which investor testified that Globex had assured him the money would go to Tide Works?")
    assert testified is not None and testified.words == "Globex had assured him the money would go to Tide Works"
    father = read_who_said("Which grieving father, who did not join the suit, described the deal as a success?")
    assert father is not None and father.words == "the deal as a success"


def test_people_agreeing_is_the_claim_not_a_boundary_between_two_reports():
    reading = read_question("Did Mara Lind agree with Theo Park that the Rovers have gone backwards?", ["Tech Wire"])
    assert [c.claim for c in reading.clauses] == ["Mara Lind agree with Theo Park that the Rovers have gone backwards"]
    both = read_question("Does Tech Wire agree with Bay News that Globex cut prices?", ["Tech Wire", "Bay News"])
    assert [(c.claim, c.source) for c in both.clauses] == [
        ("Globex cut prices", "Tech Wire"),
        ("Globex cut prices", "Bay News"),
    ]


def test_the_nouns_a_name_opens_are_the_subject_the_be_goes_after():
    def claims(question):
        return [c.claim for c in read_question(question, ["Tech Wire"]).clauses]

    assert claims("Are Ostland regulators expected to finish the review by March?") == [
        "Ostland regulators are expected to finish the review by March"
    ]
    assert claims("Is Tide body armour, which Mara Lind wore, the lightest armour?") == [
        "Tide body armour is the lightest armour"
    ]
    # an adverb after the name is no part of it, nor a participle
    assert claims("Is Mara Lind still the chief executive?") == ["Mara Lind is still the chief executive"]
    assert claims("Was Mara Lind fired?") == ["Mara Lind was fired"]
    # "Bank of Ostland" is one name: its "of" is no place for the "be"
    assert claims("Is Bank of Ostland warning that a crash is coming?") == [
        "Bank of Ostland warning that a crash is coming"
    ]


def test_one_person_asked_whether_they_said_it():
    one = read_said_by_one("Was it Mara Lind who admitted she would not have had the nerve to buy Tide Works?")
    assert one is not None and one.person == "Mara Lind"
    assert one.words == "she would not have had the nerve to buy Tide Works"
    told = read_said_by_one("Did Globex CEO Ada Brin tell Tech Wire that 10% of staff were called up?")
    assert told is not None and told.person == "Ada Brin" and told.words == "10% of staff were called up"
    # a company, or words too few to find, ask no person's words
    assert read_said_by_one("Did Globex say it would cut prices?") is None
    assert read_said_by_one("Did Mara Lind say so?") is None


def test_a_reports_topic_frames_the_question_and_asks_nothing():
    assert plainly_asked("In Tech Wire's story on the harbour strike, did Theo Park call it a disgrace?") == (
        "According to Tech Wire, did Theo Park call it a disgrace?"
    )


ARTICLES = [
    (
        "Bay News",
        "2030-11-12",
        "Carriers' profits",
        "The biggest carriers posted net income totaling $364 million in 2029 and 2030, according to figures from Ostland.",
    ),
    (
        "Bay News",
        "2030-11-13",
        "Bridge tolls",
        "Crossing the Norrvik bridge next year will be 15% costlier, the bridge authority said on Monday.",
    ),
    (
        "Coast Times",
        "2030-11-14",
        "Employers",
        "Today, Globex is the second-largest employer in Ostland, following Tide Works.",
    ),
    (
        "Tech Wire",
        "2030-11-15",
        "Tide Works deal",
        (
            "Theo Park praised the deal on Monday. “I'm very lucky because I would not have had the nerve to buy Tide "
            "Works, but all the credit goes to Mara Lind,” Jon Vale said."
        ),
    ),
    (
        "Tech Wire",
        "2030-11-16",
        "Lind's exit",
        (
            "On Monday, Globex's legal chief, Ada Brin, called Mara Lind. Brin told her that her resignation had not "
            "been accepted, a person familiar said. Many of Lind's allies were later fired by Theo Park."
        ),
    ),
    (
        "Daily Ledger",
        "2030-11-20",
        "Globex trial",
        (
            "The second week's standout testimony came from Ida Moen, who said she took $14 million from customers. "
            "Theo Park testified about his fund's checks on Globex, and he told the court that Globex assured him "
            "that the money would go to Tide Works and not to Norrvik."
        ),
    ),
    (
        "Bay News",
        "2030-11-21",
        "Search trial",
        (
            "Earlier this month, the chiefs of Tidewell and Norrlabs testified that their search engines would "
            "have done far better with a Globex deal."
        ),
    ),
    ("Tech Wire", "2030-11-17", "Court talk", "Mara Lind spoke to Theo Park about the fund on a tennis court."),
    (
        "Coast Times",
        "2030-11-19",
        "Tide Works riders",
        (
            "Jon Vale runs growth at Tide Works. Tide Works has “not paid for a single rider to date,” Vale said. "
            "Ada Brin said she was not thinking about the tolls when she started the bridge work."
        ),
    ),
    (
        "Bay News",
        "2030-11-18",
        "Court talk",
        "Mara Lind and Theo Park talked about the fund at the pickleball court in Norrvik, court filings show.",
    ),
]


def test_bounds_ranks_and_who_said_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "bounds_ranks", ARTICLES))
    more = bot.ask(
        "Did the biggest container carriers make more than $300 million in combined net income over 2029 and 2030?"
    )
    assert more.text.startswith("**Yes"), more.text
    assert_exact_quotes(bot, more)
    toll = bot.ask("Will it cost more than 20% extra to cross the Norrvik bridge next year?")
    assert toll.text.startswith("**No"), toll.text
    second = bot.ask("Is Globex the largest employer in Ostland?")
    assert second.text.startswith("**No"), second.text
    # the words are Jon Vale's, crediting Mara Lind: No, citing his sentence
    credit = bot.ask("Was it Mara Lind who admitted she would not have had the nerve to buy Tide Works?")
    assert credit.text.startswith("**No.**") and "Jon Vale" in credit.text, credit.text
    assert_exact_quotes(bot, credit)
    # the words given to the one asked about, in a sentence that denies as the question does: Yes; one that denies
    # what the question says in other words is no Yes
    paid = bot.ask("Did Jon Vale say Tide Works hasn't paid for a single rider so far?")
    assert paid.text.startswith("**Yes.**") and "Vale said" in paid.text, paid.text
    tolls = bot.ask("Did Ada Brin say the tolls were on her mind when she started the bridge work?")
    assert not tolls.text.startswith("**Yes"), tolls.text
    # who told her is the one the telling sentence names, not the one a later deed of the question's names
    told = bot.ask("Which Globex executive informed Mara Lind that her resignation had not been accepted?")
    assert told.text.startswith("**Ada Brin**"), told.text
    testified = bot.ask(
        "Which investor testified that Globex had assured him the money would go to Tide Works and not to Norrvik?"
    )
    assert testified.text.startswith("**Theo Park**"), testified.text
    # asked which executive, a company the sentence gives the words to is no answer
    company = bot.ask("Which Globex executive testified that Globex had been quietly building its own search engine?")
    assert not company.text.startswith("**"), company.text
    # no sentence gives the words to anyone: said so before the closest passages, and no name guessed
    nobody = bot.ask("Which Globex board member said publicly that Mara Lind deserved a second chance?")
    assert nobody.text.startswith("The articles do not settle this: no sentence found gives"), nobody.text
    # "the same kind of court" means what the question said before: no passage's own words can say it
    court = bot.ask(
        "Tech Wire says Mara Lind spoke to Theo Park on a tennis court. Does Bay News describe that conversation "
        "happening on the same kind of court?"
    )
    assert not court.text.startswith("**Yes"), court.text
