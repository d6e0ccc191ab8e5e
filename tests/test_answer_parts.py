"""Answers that answer: Yes/No from per-part verdicts, the order of two reports with both dates, the entity, and
refusals that name the missing part — on a small invented index (outlets and names made up for these tests)."""

from __future__ import annotations

import json

import pytest

from evals.metrics import strict_correct
from rag.answer.compose import UNSETTLED
from rag.answer.reading import read_question
from tests.conftest import assert_exact_quotes, index_articles, run_cli

ARTICLES = [
    (
        "Daily Ledger",
        "2023-10-02",
        "Globex earnings",
        (
            "Globex reported a quarterly profit of $40 million on Monday. Chief executive Mara Lind said the company would "
            "open two new factories next year."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-20",
        "Globex inquiry",
        (
            "Globex shares fell after regulators opened an inquiry into the company's accounting. The inquiry is led by the "
            "Securities Board, which declined to comment."
        ),
    ),
    (
        "Daily Ledger",
        "2023-11-15",
        "Globex chief resigns",
        "Globex chief executive Mara Lind resigned on Tuesday. The board named Theo Park as interim chief executive.",
    ),
    (
        "Tech Wire",
        "2023-11-20",
        "Lind returns",
        "Mara Lind returned as chief executive of Globex after investors pressed the board to reverse its decision.",
    ),
    (
        "Sports Desk",
        "2023-10-10",
        "Derby report",
        (
            "Tensions soon hit boiling point as the two rivals traded tackles in the second half. Robbie Keane said the team "
            "must stay calm before the return leg."
        ),
    ),
    (
        "Tech Wire",
        "2023-10-05",
        "Payment app risks",
        "There is no legislative remedy for the risks of the new payment app, analysts warned on Thursday.",
    ),
    (
        "Daily Ledger",
        "2023-10-25",
        "Payment app rules",
        "Lawmakers in both houses began drafting legislation to regulate payment apps after a string of frauds.",
    ),
]


@pytest.fixture(scope="module")
def parts_index(tmp_path_factory):
    return index_articles(tmp_path_factory, "parts", ARTICLES)


@pytest.fixture(scope="module")
def bot(parts_index):
    from rag.assistant import Assistant

    return Assistant.open(parts_index)


def test_reading_finds_the_shape_and_the_outlets_from_the_index():
    known = ["Daily Ledger", "Tech Wire", "Sports Desk"]
    r = read_question(
        "Does the Daily Ledger article say profits rose, while the Tech Wire article says sales fell?", known
    )
    assert r.shape == "comparison" and r.sources == ["Daily Ledger", "Tech Wire"]
    assert [(c.source, c.claim) for c in r.clauses] == [("Daily Ledger", "profits rose"), ("Tech Wire", "sales fell")]
    assert (
        read_question("Did Tech Wire report the inquiry before the Daily Ledger reported the profit?", known).order
        == "before"
    )
    assert read_question("Who is the chief executive that resigned?", known).shape == "entity"
    assert read_question("Who is Mara Lind?", known).shape == "open"
    # "Is it true that X?" asks X
    assert [c.claim for c in read_question("Is it true that Mara Lind was fired?", known).clauses] == [
        "Mara Lind was fired"
    ]
    # "was X fired?" asks whether it was done to X: the claim keeps its "was" (without it, it reads as X's own deed)
    assert [c.claim for c in read_question("Was Mara Lind fired by Globex?", known).clauses] == [
        "Mara Lind was fired by Globex"
    ]
    # and so does "did X get fired?"; "get" with a thing after it is a plain verb
    assert [c.claim for c in read_question("Did Mara Lind get fired by Globex?", known).clauses] == [
        "Mara Lind was fired by Globex"
    ]
    assert [c.claim for c in read_question("Did Globex get a new chief?", known).clauses] == ["Globex get a new chief"]
    # "agree" asks how reports relate only in a question about reports; otherwise it is the deed asked about
    agreed = read_question("Did Globex and Ostland agree to a truce?", known)
    assert (agreed.shape, agreed.relation) == ("yesno", "")
    assert [c.claim for c in agreed.clauses] == ["Globex and Ostland agree to a truce"]
    assert read_question("Do the reports agree that Globex cut prices?", known).relation == "agree"
    assert [c.claim for c in read_question("Is Mara Lind leaving Globex?", known).clauses] == [
        "Mara Lind leaving Globex"
    ]
    assert read_question("What did Keane say about Beijing?", known).shape == "quote"
    assert read_question("Does the Bloomberg article say profits rose?", known).unknown_outlets == ["Bloomberg"]
    # coverage a claim is about is no outlet asked: "criticise the Globex Pay coverage"
    assert read_question("Did Mara Lind criticise the Ostland Cup coverage?", known).unknown_outlets == []
    assert read_question("Is Mara Lind quoted in the Bloomberg report?", known).unknown_outlets == ["Bloomberg"]
    assert read_question("Between the two Tech Wire reports, was there a change in tone?", known).relation == "differ"
    assert read_question("Did the Tech Wire report contradict the Daily Ledger report?", known).relation == "contradict"
    assert read_question("Was there no change in how Tech Wire covered it?", known).relation == "unchanged"
    q = "Did both the Tech Wire report on the inquiry and the Daily Ledger report on the profit indicate no change?"
    assert read_question(q, known).relation == "unchanged"


def _parts(question: str, known: list[str]) -> list[tuple[str, str, str]]:
    return [(c.source, c.day, c.claim) for c in read_question(question, known).clauses]


def test_reading_splits_later_reports_and_keeps_the_asking_text_out_of_the_parts():
    known = ["Daily Ledger", "Tech Wire", "Wire - Health"]
    # "indicates" is a verb of the frame, not "in" + "dicates"
    assert _parts("Does the Tech Wire article indicate that Globex shares fell?", known) == [
        ("Tech Wire", "", "Globex shares fell")
    ]
    # the same outlet again on another day is a second part; the order stated up front is a premise, and the
    # trailing ", was there consistency in ..." names the topic both parts are compared on
    q = (
        "After Tech Wire reported on October 5, 2023, about risks of the payment app, and then reported on "
        "October 20, 2023, about an inquiry into Globex, was there consistency in the portrayal of regulators?"
    )
    r = read_question(q, known)
    assert (r.shape, r.relation) == ("comparison", "agree")
    assert [(c.source, c.day) for c in r.clauses] == [("Tech Wire", "2023-10-05"), ("Tech Wire", "2023-10-20")]
    assert all(c.claim.endswith("regulators") and "consistency" not in c.claim for c in r.clauses)
    # a report with no words of its own takes the compared topic
    q = (
        "Was the reporting of Globex's accounting consistent between the report from Tech Wire published on "
        "October 20, 2023, and the report from Daily Ledger published on November 15, 2023?"
    )
    assert [c.claim for c in read_question(q, known).clauses] == ["about Globex's accounting"] * 2
    # "or do both articles imply ..." is another reading of the question, not part of the second claim
    # "the report from <outlet> on <topic>" names what the report covers: "report from" is a noun, not "reports"
    q = (
        "Between the report from Tech Wire on the Globex v. Tide Works case and the later report from Daily Ledger "
        "on the same case, was there disagreement on Globex's arguments?"
    )
    assert [c.claim.startswith("about ") for c in read_question(q, known).clauses] == [True, True]
    # "the reporting on X by <outlet>" covers X as well
    q = "Is the reporting on the Globex strike by Tech Wire consistent with the picket lines reported by Daily Ledger?"
    assert read_question(q, known).clauses[0].claim == "about Globex strike"
    # ", indicating a difference in X", ", or is there a discrepancy ...": the question's conclusion, no report's claim
    q = (
        "Does the Tech Wire article suggest that Globex cut prices, while the Daily Ledger article reports that "
        "Tide Works raised fees, indicating a difference in their pricing strategies?"
    )
    assert [c.claim for c in read_question(q, known).clauses] == ["Globex cut prices", "Tide Works raised fees"]
    q = "Does Tech Wire expect Mara Lind to play on Sunday, similar to Daily Ledger, or is there a discrepancy in it?"
    assert "discrepancy" not in read_question(q, known).clauses[0].claim
    # "the <outlet> report regarding X" covers X; a date with its comma before the verb still asks the relation
    q = "Did Tech Wire's report on December 12, 2023, contradict the Daily Ledger report regarding Globex's outlook?"
    r = read_question(q, known)
    assert r.relation == "contradict"
    assert [c.claim for c in r.clauses] == ["about Globex s outlook"] * 2
    # "According to <outlet>, has X changed between ...?" asks the relation; the outlet up front names both reports
    q = (
        "According to Tech Wire, has the view on Globex changed between the article published on October 6, 2023, "
        "which said that Globex would grow, and the article published on October 20, 2023, which said it shrank?"
    )
    r = read_question(q, known)
    assert (r.shape, r.relation) == ("comparison", "differ")
    assert [(c.source, c.day) for c in r.clauses] == [("Tech Wire", "2023-10-06"), ("Tech Wire", "2023-10-20")]
    # a name ending in a verb's spelling ("Ostland State") asserts nothing: the report still only covers its topic
    q = (
        "Between the Tech Wire report on Mara Lind's injury published on November 6, 2023, and the later report on "
        "the Mariners' loss against Ostland State published on November 11, 2023, was there a change in her role?"
    )
    assert [c.claim.startswith("about ") for c in read_question(q, known).clauses] == [True, True]
    q = "Does the Daily Ledger article say profits rose, while the Tech Wire article says shares fell, or do both imply trouble?"
    assert _parts(q, known)[1] == ("Tech Wire", "", "shares fell")
    # an "after" that only sets the scene asks about the later report, not about the order
    assert read_question("After Daily Ledger reported the profit, did Tech Wire report an inquiry?", known).shape != (
        "order"
    )
    assert read_question("Did Tech Wire report the inquiry after Daily Ledger reported the profit?", known).shape == (
        "order"
    )


def test_reading_drops_the_words_that_only_point_at_an_outlet_or_a_day():
    known = ["Daily Ledger", "Tech Wire", "Sports Desk"]
    # "published on <day>", "the report by <outlet> on <day>, regarding": pointers, not what the report says; the
    # report "regarding" X covers X ("about X")
    q = (
        "After the report by Daily Ledger on October 7, 2023, regarding a strike at Globex, and the subsequent "
        "report by Tech Wire on October 13, 2023, concerning the end of the strike, is the sequence consistent?"
    )
    assert _parts(q, known) == [
        ("Daily Ledger", "2023-10-07", "about strike at Globex"),
        ("Tech Wire", "2023-10-13", "about end of the strike"),
    ]
    # "discussed X" asks whether the report covers X ("about X"); "suggests that X" asks whether X holds
    assert _parts("Was Mara Lind's promotion discussed in the Daily Ledger?", known) == [
        ("Daily Ledger", "", "about Mara Lind s promotion")
    ]
    assert _parts("Does the Daily Ledger suggest that Mara Lind was promoted?", known) == [
        ("Daily Ledger", "", "Mara Lind was promoted")
    ]
    # "when reporting on <another day>" is that outlet's next report; "..., maintain consistency in X" asks, not claims
    q = (
        "Did Tech Wire, after reporting on October 5, 2023, that Globex cut prices, maintain consistency in its view "
        "when reporting on October 20, 2023, about an inquiry into Globex?"
    )
    assert _parts(q, known) == [
        ("Tech Wire", "2023-10-05", "Globex cut prices"),
        ("Tech Wire", "2023-10-20", "about inquiry into Globex"),  # "reporting ... about X" covers X
    ]
    # every form of an asserting verb frames the claim, as does the possessive left of an outlet's name
    q = "Is the Daily Ledger's claim that Globex cut prices right, while the Tech Wire article is claiming Lind quit?"
    assert [c[2] for c in _parts(q, known)] == ["Globex cut prices right", "Lind quit"]
    q = "Does the Daily Ledger suggest Globex grew, while Tech Wire implies that Globex shrank?"
    assert [c[2] for c in _parts(q, known)] == ["Globex grew", "Globex shrank"]
    # "published before <day>" bounds the day, it does not name it; "on the same day" is the day named just before
    q = "Did the Tech Wire report published before December 5, 2023, say shares fell, while Sports Desk said fans left?"
    assert _parts(q, known)[0][:2] == ("Tech Wire", "")
    q = (
        "Did the Tech Wire report on November 18, 2023, say the board met, while the Daily Ledger report on the same "
        "day said the chief executive left?"
    )
    assert [c[1] for c in _parts(q, known)] == ["2023-11-18", "2023-11-18"]
    # ... and like a date, it leaves the claim; "the two news sources" is no part of the compared topic
    assert _parts(q, known)[1][2] == "chief executive left"
    q = (
        "After the Tech Wire report on Globex's board published on November 18, 2023, and the Daily Ledger report on "
        "the same day, was there agreement between the two news sources on the portrayal of Mara Lind's standing?"
    )
    assert [c[2] for c in _parts(q, known)] == [
        "about Globex s board, Mara Lind's standing",
        "about Mara Lind's standing",
    ]


def test_reading_takes_what_a_described_report_says_as_its_claim():
    known = ["Daily Ledger", "Tech Wire", "Sports Desk"]
    # "<outlet>'s column says X", "<outlet>'s account says X": X is the claim, not "column says X"
    q = "Does Tech Wire's Week in Review say Mara Lind was pushed out as Globex chief, while Sports Desk says Ostland won?"
    assert [c[2] for c in _parts(q, known)] == ["Mara Lind was pushed out as Globex chief", "Ostland won"]
    q = "Does the Daily Ledger's account say that Theo Park quit Globex, while Tech Wire says Ostland won?"
    assert _parts(q, known)[0][2] == "Theo Park quit Globex"
    # a topic naming what the report is about stays, when what it says leaves that name out
    q = "Did the Tech Wire article about Tide Works report a legal win against Globex, while Sports Desk says Ostland won?"
    assert "Tide Works" in _parts(q, known)[0][2]
    # a report described after an order word is a second report of the outlet, not what this one says: the two are
    # put in order
    q = "Did Tech Wire report early views of the Globex Pad before its Week in Review said Globex faked a demo?"
    assert _parts(q, known) == [
        ("Tech Wire", "", "early views of the Globex Pad"),
        ("Tech Wire", "", "Globex faked a demo"),
    ]
    assert read_question(q, known).shape == "order"
    # a perfect said in full keeps its "have": "pledged" is no question's "Has X been pledged?"
    q = "Does Tech Wire say jets have been pledged by Ostland, while Sports Desk says Norrvik won?"
    assert _parts(q, known)[0][2] == "jets have been pledged by Ostland"


def test_reading_gives_each_named_outlet_its_part():
    known = ["Daily Ledger", "Tech Wire", "Sports Desk"]
    # two outlets with no clause boundary between them
    q = "Does the Daily Ledger describe the merger in a similar way that Tech Wire implies regulators approved it?"
    assert [c[0] for c in _parts(q, known)] == ["Daily Ledger", "Tech Wire"]
    # "Do the articles from A and B both say X?" asks X of each
    q = "Do the articles from Daily Ledger and Tech Wire both suggest that Globex cut prices?"
    assert _parts(q, known) == [("Daily Ledger", "", "Globex cut prices"), ("Tech Wire", "", "Globex cut prices")]


@pytest.mark.parametrize(
    "question",
    [
        # the last outlet named only by its report asks the same thing of it, not nothing
        "Is the Daily Ledger report about Globex's profit consistent with Tech Wire's report?",
        "Is the Daily Ledger report about Globex's profit consistent with the Tech Wire report on it?",
        # "agree about X": X is what both are asked to cover, and "agree" is no word of it
        "Do the Daily Ledger and Tech Wire agree about Globex's profit?",
    ],
)
def test_a_relation_asks_each_named_outlet_about_the_same_thing(question):
    known = ["Daily Ledger", "Tech Wire", "Sports Desk"]
    assert _parts(question, known) == [
        ("Daily Ledger", "", "about Globex s profit"),
        ("Tech Wire", "", "about Globex s profit"),
    ]


def test_both_parts_supported_is_a_yes_with_one_cited_line_per_part(bot):
    answer = bot.ask(
        "Does the Daily Ledger article suggest that Globex made a quarterly profit of $40 million, "
        "while the Tech Wire article says regulators opened an inquiry into Globex's accounting?"
    )
    assert answer.text.startswith("**Yes.**") and not answer.refused
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]
    assert {c.source for c in answer.citations} == {"Daily Ledger", "Tech Wire"}
    assert_exact_quotes(bot, answer)


def test_asked_whether_nothing_changed_the_same_evidence_gives_the_opposite_answer(bot):
    reports = (
        "between the Daily Ledger report on Globex's quarterly profit published on October 2, 2023, and the Tech Wire "
        "report on the inquiry into Globex's accounting published on October 20, 2023?"
    )
    changed = bot.ask("Was there a change in the coverage of Globex " + reports)
    unchanged = bot.ask("Was there no change in the coverage of Globex " + reports)
    assert [p.verdict for p in changed.parts] == [p.verdict for p in unchanged.parts] == ["supported", "supported"]
    assert changed.text.startswith("**Yes.**") and unchanged.text.startswith("**No.**")
    assert_exact_quotes(bot, unchanged)


def test_a_part_the_article_negates_makes_the_answer_no(bot):
    answer = bot.ask(
        "Does the Tech Wire article suggest that there is a legislative remedy for the risks of the "
        "payment app, while the Daily Ledger article says lawmakers began drafting legislation?"
    )
    assert answer.text.startswith("**No.**")
    assert answer.parts[0].verdict == "contradicted" and answer.parts[0].citations
    assert_exact_quotes(bot, answer)


def test_a_report_dated_to_a_day_its_outlet_published_nothing_on_is_contradicted_by_the_dates(bot):
    from evals.runner import failing_verdicts

    answer = bot.ask("Did the Daily Ledger report on October 3, 2023, that Globex made a quarterly profit?")
    assert answer.text.startswith("**No.** Daily Ledger published nothing we found on 2023-10-03")
    assert answer.parts[0].claim.startswith("published on 2023-10-03: ") and answer.parts[0].verdict == "contradicted"
    assert answer.citations[0].published_at == "2023-10-02"
    assert failing_verdicts(answer.parts, answer.citations) == 0
    assert_exact_quotes(bot, answer)


def test_the_order_of_two_reports_comes_from_their_dates(bot):
    answer = bot.ask(
        "Did Tech Wire report the inquiry into Globex's accounting before the Daily Ledger reported "
        "Globex's quarterly profit?"
    )
    assert answer.text.startswith("**No — the other way round:**")
    assert "2023-10-02" in answer.text and "2023-10-20" in answer.text
    assert strict_correct(answer.text, answer.refused, "No")
    assert_exact_quotes(bot, answer)


def test_asked_whether_two_reports_came_on_one_day_the_answer_is_their_dates(bot):
    answer = bot.ask(
        "Did Tech Wire report the inquiry into Globex's accounting on the same day the Daily Ledger reported "
        "Globex's quarterly profit?"
    )
    assert answer.text.startswith("**No.** Tech Wire reported it on 2023-10-20 [1], Daily Ledger on 2023-10-02 [2].")
    assert strict_correct(answer.text, answer.refused, "No")
    assert_exact_quotes(bot, answer)


def test_asked_before_or_after_the_answer_is_the_order_not_a_yes(bot):
    answer = bot.ask(
        "Did Tech Wire report the inquiry into Globex's accounting before or after the Daily Ledger reported "
        "Globex's quarterly profit?"
    )
    assert answer.text.startswith(
        "**After.** Tech Wire reported it on 2023-10-20 [1], after Daily Ledger on 2023-10-02"
    )
    assert_exact_quotes(bot, answer)
    # two reports of one outlet the reading cannot part: no Yes or No, which would answer nothing
    answer = bot.ask("Did Tech Wire publish its Globex inquiry piece before or after its piece on Lind's return?")
    assert not answer.text.startswith(("**Yes", "**No")), answer.text


def test_an_order_question_whose_part_is_contradicted_is_answered_no(bot):
    answer = bot.ask(
        "Did Tech Wire report that regulators did not open an inquiry into Globex's accounting after the Daily "
        "Ledger reported Globex's quarterly profit?"
    )
    # the dates are in the stated order, but Tech Wire says the opposite of what the question says it reported
    # the part is said as the question's, in plain words (a phrase would not read after "the claim that"); the
    # citation follows the outlet, not the claim it contradicts
    assert answer.text.startswith(
        "**No.** What Tech Wire (2023-10-20) reports [1] contradicts what the question says: regulators did not open "
        "an inquiry into Globex's accounting."
    )
    assert [p.verdict for p in answer.parts] == ["contradicted", "supported"]
    assert_exact_quotes(bot, answer)


def test_an_entity_question_leads_with_the_name(bot):
    answer = bot.ask(
        "Who is the chief executive that the Daily Ledger says resigned and Tech Wire says returned to Globex?"
    )
    assert answer.text.startswith("**Mara Lind**")
    assert all("Mara Lind" in c.quote for c in answer.citations[:2])
    assert_exact_quotes(bot, answer)


def test_an_entity_is_named_as_the_passages_spell_it_out():
    from rag.answer.names import full_form, names_in

    # a sentence's first word or a description before the name is not part of it
    assert names_in("Whereas Globex kept its prices.") == ["Globex"]
    assert names_in("Second-year Globex engineer Mara Lind left.") == ["Globex", "Mara Lind"]
    # a possessive ends a name: the question asks about Globex and about Tide Pay, each found on its own
    assert names_in("so Globex's Tide Pay beat the Rovers' app") == ["Globex", "Tide Pay", "Rovers"]
    # a middle initial is part of the name; an initialism before a title is not, one that opens a name is
    assert names_in("Globex named Mara J. Lind as chair.") == ["Globex", "Mara J. Lind"]
    assert names_in("The U.S. President Theo Park said.") == ["U.S.", "President Theo Park"]
    assert names_in("The U.K. Rowing board and U.S. officials met.") == ["U.K. Rowing", "U.S."]
    # a word that counts or sets apart what follows opens a sentence, not a name ("Other Globex tools", a page's
    # "Loading" left before a sentence)
    assert names_in("Other Globex tools, like Tide Search, were cited.") == ["Globex", "Tide Search"]
    assert names_in("Loading Globex rejected this. Several Tide Works staff left.") == ["Globex", "Tide Works"]
    # a short form or initials become the full name the passages also use; another word starting alike does not
    found = {"Fed Chair", "Federal Reserve", "FedEx Ground", "Globex Songs Fund"}
    assert full_form("Fed", found) == "Federal Reserve"
    assert full_form("GSF", found) == "Globex Songs Fund"
    assert full_form("Lind", found) == "Lind"


def test_a_part_also_reads_the_whole_questions_passages_from_its_outlet_and_day():
    from rag.answer.parts import QUESTION_HITS_PER_PART, part_hits
    from rag.answer.reading import Clause
    from rag.core.types import Article, Chunk, Hit

    def hit(n: int, source: str, day: str) -> Hit:
        text = f"Passage {n} from {source}."
        return Hit(Chunk(f"c{n}", f"a{n}", text, 0, len(text)), Article(f"a{n}", "t", text, source, "", day), 1.0)

    own = [hit(1, "Tech Wire", "2023-10-05")]
    question = [hit(1, "Tech Wire", "2023-10-05"), hit(2, "Daily Ledger", "2023-10-05")]
    question += [hit(n, "Tech Wire", "2023-10-05" if n % 2 else "2023-10-06") for n in range(3, 12)]

    def retrieve(query, k, filters):
        return own

    clause = Clause(text="the Tech Wire report on the layoffs", source="Tech Wire", day="2023-10-05", claim="layoffs")
    found, dropped_day = part_hits(clause, retrieve, question)
    # its own passages first, then the question's from the same outlet and day, each once and at most a few
    assert [h.chunk.id for h in found] == ["c1", "c3", "c5", "c7"][: 1 + QUESTION_HITS_PER_PART]
    assert not dropped_day


def test_a_person_question_prefers_names_the_passages_also_use_by_surname():
    from rag.answer.names import named_by_surname, names_in

    texts = [
        "Mara Lind told the Harbour Bank board she would stay. The bank said on Monday that Lind had agreed.",
        "Harbour Bank shares rose. Analysts at Harbour Bank expect more. The Chiefs won. Well, Theo Park said little.",
        "Regulators at the Securities Board met Theo Park; the Board declined to comment.",
    ]
    # a person: "Lind had agreed"; a company, team or board is not named by its last word alone in these ways
    assert named_by_surname("Mara Lind", texts)
    assert not named_by_surname("Harbour Bank", texts)
    assert not named_by_surname("Securities Board", texts)
    assert not named_by_surname("Kansas Chiefs", texts)
    # "Park" only ever follows "Theo"; "Bank of Ostland" is a company's way of naming
    assert not named_by_surname("Theo Park", texts)
    assert not named_by_surname("Bank of Ostland", ["Ostland said"])
    # a surname alone is the person its article spells out, but a capitalised sentence start is no first name
    from rag.answer.names import in_full

    article = "Globex chief executive Mara Lind resigned. Other Globex staff stayed. Lind said little."
    assert in_full("Lind", article) == "Mara Lind"
    assert in_full("Globex", article) == "Globex"
    assert in_full("Park", article) == "Park"
    # nor does a word across a line break (a heading, a caption) or the name itself repeated
    assert in_full("Globex", "Search only on Tech\n\nGlobex announced it. Photo: Globex Globex sells.") == "Globex"
    # a heading's question word ends no name
    assert names_in("Thunder Road What? Lind spoke.") == ["Thunder Road", "Lind"]
    # an initialism keeps its last stop
    assert names_in("Ostland and D.C. sued Globex.") == ["Ostland", "D.C.", "Globex"]


def test_unsettled_parts_say_so_instead_of_guessing(bot):
    answer = bot.ask(
        "Does the Daily Ledger article say Globex's bakery sold cupcakes at a discount, while the Tech Wire "
        "article reports an inquiry into Globex's accounting?"
    )
    assert answer.text.startswith("The articles do not settle this")
    assert not strict_correct(answer.text, answer.refused, "Yes") and not strict_correct(
        answer.text, answer.refused, "No"
    )
    assert "not_mentioned" in [p.verdict for p in answer.parts]


@pytest.mark.parametrize(
    "question, missing",
    [
        ("What is the boiling point of mercury?", "mercury"),
        ("What did Keane say about Beijing?", "Beijing"),
        ("Does the Bloomberg article say Globex's profit rose?", "Bloomberg"),
        # quotes about another Mara, another Robbie, are no answer about this one
        ("Who is Mara Holt?", "Mara Holt"),
        ("What did Robbie Stone say about the team?", "Robbie Stone"),
    ],
)
def test_questions_whose_part_the_articles_lack_are_refused_naming_it(bot, question, missing):
    answer = bot.ask(question)
    assert answer.refused and answer.citations == []
    assert "do not answer" in answer.text and missing in answer.text
    # a refusal asserts no part: what it lists is what was not found, never a verdict without its quote
    assert answer.parts and all(p.verdict == "not_mentioned" and not p.citations for p in answer.parts)


def test_quotes_must_name_the_asked_person_but_a_post_written_after_a_name_is_no_name():
    from rag.answer.quoting import _unnamed

    cites = ["Globex striker Mara Lind scored twice for the Mariners."]
    assert _unnamed("Who passed to Mara Holt?", cites, cites, []) == ["Mara Holt"]
    assert _unnamed("Who passed to Mara Lind?", cites, cites, []) == []
    # "the Mariners QB" names the Mariners (one word, not checked); "QB" is the post, which no quote need spell out
    assert _unnamed("Which striker was linked with the Mariners QB?", cites, cites, []) == []
    assert _unnamed("Which striker was linked with the Comets QB Theo Park?", cites, cites, []) == [
        "Comets QB Theo Park"
    ]


def test_a_question_whose_names_no_article_mentions_lists_them_as_its_missing_parts(bot):
    answer = bot.ask("Did the Daily Ledger report that Zorblat Quence hired Vemmo Trask as chief executive?")
    assert answer.refused and "Zorblat Quence" in answer.text
    assert [(p.verdict, p.citations) for p in answer.parts] == [("not_mentioned", [])] * 2
    # one name found, the other not: a passage about another chief executive does not support it, however close
    # its wording ("the board named Theo Park as interim chief executive")
    answer = bot.ask("Did the Daily Ledger report that Globex hired Zorblat Quence as chief executive?")
    assert not answer.text.startswith("**Yes") and answer.parts[0].verdict == "not_mentioned"


def test_ask_json_carries_the_parts(parts_index):
    result = run_cli(
        "ask",
        "Does the Daily Ledger article suggest that Globex made a quarterly profit of $40 "
        "million, while the Tech Wire article says regulators opened an inquiry into Globex's "
        "accounting?",
        "--index",
        str(parts_index),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [set(p) for p in data["parts"]] == [{"claim", "verdict", "citations"}] * 2
    numbers = {c["n"] for c in data["citations"]}
    assert all(set(p["citations"]) <= numbers and p["verdict"] == "supported" for p in data["parts"])


def test_the_strict_rule_takes_the_first_yes_or_no_word():
    assert strict_correct("**No.** It says there is no remedy [1].", False, "No")
    assert not strict_correct("**Yes.** But there is no remedy [1].", False, "No")
    assert strict_correct("**Yes.** But there is no remedy [1].", False, "Yes")
    assert not strict_correct("The articles do not settle this.", False, "Yes")
    assert strict_correct("Sam Altman [1]", False, "Sam Altman") and strict_correct(
        "", True, "Insufficient information."
    )


def test_news_that_changed_leads_with_the_latest_report(bot):
    answer = bot.ask("Did Mara Lind return as chief executive of Globex?")
    assert answer.text.startswith("**Yes**, as of 2023-11-20")
    first = answer.citations[0]
    assert first.published_at == "2023-11-20" and "returned" in first.quote
    assert any(c.published_at == "2023-11-15" and "resigned" in c.quote for c in answer.citations[1:])
    # the earlier report is context, said not to decide it, and the part cites only the report that says it
    assert (
        "; earlier reports, which this check could not decide: Daily Ledger (2023-11-15) [2]"
        in answer.text.splitlines()[0]
    )
    assert [(p.verdict, p.citations) for p in answer.parts] == [("supported", [1])]
    assert_exact_quotes(bot, answer)


def test_the_sources_panel_shows_each_part_with_its_verdict_escaped():
    from rag.core.types import Answer, Part
    from ui.render import parts_html

    answer = Answer(
        question="q",
        text="**No.** …",
        parts=[Part("<b>a</b> remedy exists", "contradicted", [1]), Part("lawmakers draft rules", "supported", [2])],
    )
    shown = parts_html(3, answer)
    assert "✗ contradicted" in shown and "✓ supported" in shown and "&lt;b&gt;a&lt;/b&gt;" in shown
    assert shown.index("remedy") < shown.index("lawmakers") and 'href="#' in shown


def test_the_answer_eval_reports_strict_accuracy_the_constant_yes_prior_unsettled_and_wrong_answers():
    from evals.runner import summarize

    def row(kind, strict, official, const_yes, unsettled=False, answerable=True, refused=False):
        return {
            "kind": kind,
            "accuracy": official,
            "strict": strict,
            "const_yes": const_yes,
            "unsettled": unsettled,
            "answerable": answerable,
            "refused": refused,
            "faithfulness": None,
            "citation_precision": None,
            "citation_recall": None,
            "bad_spans": 0,
        }

    rows = [
        row("comparison", 1.0, 1.0, 1.0),
        row("comparison", 0.0, 1.0, 0.0),  # "Yes ... no": official only
        row("comparison", 0.0, 0.0, 1.0, unsettled=True),
        row("comparison", 0.0, 0.0, 0.0, refused=True),  # open, not wrong
        row("null", 1.0, 1.0, 0.0, answerable=False, refused=True),
        row("null", 0.0, 0.0, 0.0, answerable=False),  # an answer where the articles hold none
    ]
    summary = summarize("answers", rows)
    comparison = summary["by_type"]["comparison"]
    assert comparison["strict"] == pytest.approx(1 / 4) and comparison["accuracy"] == pytest.approx(2 / 4)
    assert comparison["const_yes"] == pytest.approx(2 / 4) and comparison["unsettled"] == 1
    assert summary["overall"]["unsettled"] == 1 and summary["overall"]["refusal_f1"] == pytest.approx(1 / 2)
    # only the answer that says both and the answer to an unanswerable question settle anything the wrong way
    assert comparison["wrong"] == 1 and summary["by_type"]["null"]["wrong"] == 1 and summary["overall"]["wrong"] == 2


def test_a_verdict_its_cited_quote_does_not_give_is_counted_as_failing():
    from evals.runner import failing_verdicts
    from rag.core.types import Citation, Part

    quote = "Globex reported a quarterly profit of $40 million on Monday."
    cites = [Citation(1, "a", "t", "Daily Ledger", "2023-10-02", "", quote, 0, len(quote), 1.0)]
    assert failing_verdicts([Part("Globex made a quarterly profit of $40 million", "supported", [1])], cites) == 0
    assert failing_verdicts([Part("Lawmakers drafted rules for payment apps", "supported", [1])], cites) == 1
    assert failing_verdicts([Part("anything at all", "not_mentioned", [])], cites) == 0
    # a part dated to a day its outlet published nothing on rests on the cited article's date, not its words
    assert failing_verdicts([Part("published on 2024-10-02: Globex made a profit", "contradicted", [1])], cites) == 0
    assert failing_verdicts([Part("published on 2023-10-02: Globex made a profit", "contradicted", [1])], cites) == 1


def test_a_part_said_in_other_words_is_supported_but_not_with_a_number_the_passage_lacks():
    from rag.answer.verdicts import judge

    passages = [
        "Lawmakers in both houses began drafting legislation to regulate payment apps after a string of frauds.",
        "Tensions soon hit boiling point as the two rivals traded tackles in the second half.",
    ]
    claim = "Congress members started writing rules for payment applications following several scams"
    # hardly a word in common: the words alone find nothing, the paraphrase check finds the first passage
    assert judge(claim, passages, similarity=None).label == "not_mentioned"
    assert (judge(claim, passages).label, judge(claim, passages).index) == ("supported", 0)
    # a number the passage does not hold is never forgiven as paraphrase, nor a person it never names
    assert judge(claim.replace("several", "12"), passages).label == "not_mentioned"
    assert judge("Senator Zorblat Quence " + claim[8:], passages).label == "not_mentioned"
    # a passage on another subject stays silent
    assert judge("the referee sent off two players for fighting", passages[:1]).label == "not_mentioned"
    # a passage naming everyone a part is about covers that topic in its own words, but names alone never make a
    # claim about those people true
    names = [
        "Globex chief executive Mara Lind resigned on Tuesday. The board named Theo Park as interim chief executive."
    ]
    assert judge("about Mara Lind and Theo Park's leadership changes", names).label == "supported"
    assert judge("Mara Lind and Theo Park founded a rival company", names).label == "not_mentioned"
    # a byline names her and says nothing of what the topic is
    assert judge("about Mara Lind's focus on a corporate merger", ["— Mara Lind"]).label == "not_mentioned"
    # after its first mention a report names a person by surname: "Lind" holds "Mara Lind", "Mara" alone does not
    by_surname = ["Prosecutors told the jury that Lind stole customer money from the Globex exchange."]
    assert judge("about Mara Lind's fraud trial", by_surname).label == "supported"
    assert judge("about Mara Lind's fraud trial", [by_surname[0].replace("Lind", "Mara")]).label == "not_mentioned"


def test_a_denial_is_supported_only_by_a_passage_that_words_what_it_denies():
    from rag.answer.verdicts import _denial_unheld, judge

    # shares the scientists, the lab and the dots, but says nothing of advances, let alone of their absence
    silent = ["This year the prize honours three scientists who made quantum dots in a lab at Norrvik."]
    denial = "scientists at Norrvik have made no advances in their field"
    assert judge(denial, silent).label == "not_mentioned"
    # the passage that says the thing denied decides, either way
    assert judge(denial, silent + ["At Norrvik scientists have made no advances in quantum dots."]).index == 1
    said = ["Mara Lind said Globex never seriously considered switching to another supplier than Tide Works."]
    assert judge("Globex has not considered switching from Tide Works as its supplier", said).label == "supported"
    # a denial after the main statement often says what a report leaves out, which silence shows: not read
    assert judge("Globex bought Tide Works, without naming a price", ["Globex bought Tide Works."]).label == "supported"
    # nor is a denial said only as possible ("might not") a claim that the thing is absent
    assert not _denial_unheld("the Mariners might not pursue Theo Park", "The Mariners weigh Theo Park.")
    assert _denial_unheld("the Mariners did not pursue Theo Park", "The Mariners weigh Theo Park.")
    # "was there no change in ...?" asks how two reports relate: the relation is judged, not an absence
    assert not _denial_unheld("there was no change in the portrayal of Globex", "Globex raised its prices.")


def test_asked_whether_it_happened_a_long_claim_may_have_one_plain_word_said_otherwise():
    from rag.answer.verdicts import judge

    passage = ["Mara Lind said Globex has sent close to 10,000 takedowns to sites hosting fake copies of its songs."]
    claim = "Globex sent close to 10,000 takedown requests to sites hosting fake copies of its songs"
    assert judge(claim, passage, happened=True, spare=True).supported
    # a named answer checks every word of its claim; and no word is spared from a short claim, nor the deed, nor a
    # number, nor a word with an opposite ("new" songs, not old ones)
    assert not judge(claim, passage, happened=True).supported
    assert not judge("Globex sent 10,000 takedown requests", passage, happened=True, spare=True).supported
    assert not judge(claim.replace("sent", "filed"), passage, happened=True, spare=True).supported
    assert not judge(claim.replace("10,000", "12,000"), passage, happened=True, spare=True).supported
    newer = "Globex sent close to 10,000 takedowns to sites hosting fake copies of its new songs"
    assert not judge(newer, passage, happened=True, spare=True).supported


def test_another_place_in_the_same_series_contradicts_a_claim():
    from rag.answer.verdicts import judge
    from rag.core.text import ordinal_places

    assert ordinal_places("Norrvik is the third-largest port, and the 2nd busiest") == {(3, "largest"), (2, "busiest")}
    passage = ["Norrvik is the third largest city north of the Ostland border."]
    second = "Norrvik is the second largest city north of the Ostland border"
    for happened in (False, True):
        assert judge(second, passage, happened=happened).label == "contradicted"
    assert judge(second.replace("second", "third"), passage).supported
    # a passage that names both places names the claim's too: "the second half" against "the first half and the
    # second half"
    both = ["The Comets scored in the first half and again in the second half."]
    assert judge("the Comets scored in the second half", both).supported


def test_a_passage_with_the_two_sides_the_other_way_round_supports_nothing():
    from rag.answer.verdicts import judge

    # the names share "United"; only "Harbour" and "Coast" tell them apart, and "defeating" is "beat"
    final = "Coast United are the holders of the cup after defeating Harbour United in the 2023 final."
    assert judge("Harbour United defeated Coast United in the cup", [final]).label == "not_mentioned"
    assert judge("Coast United defeated Harbour United in the cup final", [final]).label == "supported"
    # one event in one word on every claim, not only a "did it happen?" one: "a victory" is "a win"
    win = "Audio maker Tide Works scored a big $32.5 million win against Globex a while back."
    assert judge("Tide Works report a legal victory against Globex", [win]).label == "supported"
    # a passive keeps the roles: "Harbour United were beaten by Coast United" says Coast United won
    passive = "Harbour United were beaten by Coast United in the 2023 cup final."
    assert judge("Coast United beat Harbour United in the cup final", [passive]).label == "supported"
    # a second use of the verb that names neither side does not undo the first: Globex bought Tide Works
    bought = "When Globex bought Tide Works, it bought the whole studio."
    assert not judge("Tide Works buy Globex", [bought], happened=True).supported
    assert judge("Globex buy Tide Works", [bought], happened=True).supported


def test_a_passage_that_words_no_outcome_supports_no_win_or_defeat():
    from rag.answer.verdicts import judge

    # a preview names both sides and the week, and says nothing of who won
    preview = 'When the Rovers and the Mariners meet in Bay Park to open Week 13 on "Thursday Night", it will be close.'
    result = "The Mariners opened Week 13 by rallying to beat the Rovers on Thursday night."
    for claim in ("a victory for the Mariners over the Rovers in Week 13", "a defeat for the Rovers in Week 13"):
        assert judge(claim, [preview], similarity=None).label == "not_mentioned", claim
        # any wording of the outcome will do: "beat" for "victory" and "defeat"
        assert (judge(claim, [preview, result]).label, judge(claim, [preview, result]).index) == ("supported", 1)
    # the sides the other way round in the match the claim pins by a number: the passage says the opposite
    for claim in (
        "a defeat for the Mariners against the Rovers in Week 13",
        "defeat for the Mariners against the Rovers in Week 13",  # a part may lose its article
        "a victory for the Rovers over the Mariners in Week 13",
    ):
        assert judge(claim, [result]).label == "contradicted", claim
    assert judge("the Rovers lost to the Mariners in Week 13", [result]).label == "supported"
    # without a number it may be another meeting of the two: nothing is said of it
    assert judge("the Rovers beat the Mariners", [result]).label == "not_mentioned"
    # a final is one match too; a semi-final and "the final minute" are not that match
    final = "With the final of the Harbour Cup won by the Mariners beating the Rovers on Sunday, fans celebrated."
    assert (
        judge("the Rovers beat the Mariners in the Harbour Cup final", [final], happened=True).label == "contradicted"
    )
    assert judge("the Mariners beat the Rovers in the Harbour Cup final", [final], happened=True).supported
    # a long name is one thing between the claim's words: the final is as close to its winner as in a short one
    long_name = (
        "With just the final of the Harbour Open Challenge Cup 2023 won by the Mariners beating the Rovers by six "
        "runs on Sunday, the whole town is ready."
    )
    assert judge("the Mariners beat the Rovers in the final", [long_name], happened=True).supported
    semi = "The Mariners beat the Rovers in the semi-final on Saturday."
    assert judge("the Rovers beat the Mariners in the final", [semi], happened=True).label == "not_mentioned"
    # a defeat named as a thing, its loser only implied, says neither way who won
    noun = "Wounds are still to heal for Ostland, as the defeat in the 2003 final against Norrvik still feels fresh."
    for claim in (
        "Norrvik beat Ostland in the final",
        "Ostland beat Norrvik in the final",
        "Norrvik beat Ostland in 2003",
    ):
        assert judge(claim, [noun], happened=True).label == "not_mentioned", claim
        assert judge(claim, [noun]).label == "not_mentioned", claim
    late = "The Mariners beat the Rovers with a goal in the final minute."
    assert judge("the Rovers beat the Mariners in the final minute", [late], happened=True).label == "not_mentioned"
    # a streak up to the report's day denies no later win, and its deed is no outcome of that game
    streak = "The Rovers haven't beaten the Mariners since 2011, when the coach was fired."
    assert judge("a win for the Rovers against the Mariners on Sunday", [streak]).label == "not_mentioned"
    # a deed named further on is part of a topic, which a passage may cover without repeating it
    probe = "The Commission opened a probe into Coast Times on Monday, weeks after it cleared the Tide Works deal."
    claim = "the Commission opened a probe into Coast Times after the Tide Works purchase"
    assert judge(claim, [probe], similarity=None).label == "supported"
    # the same holds for the other deeds that make a claim what it is
    assert (
        judge("Globex fired Mara Lind", ["Globex and Mara Lind met on Monday."], similarity=None).label
        == "not_mentioned"
    )


def test_a_passage_naming_someone_else_by_the_same_first_name_supports_nothing():
    from rag.answer.verdicts import judge

    claim = "Mara Lind approved the budget for the new stadium"
    other = "Mara Quist approved the budget for the new stadium on Monday."
    # all the plain words match; the person does not
    assert judge(claim, [other]).label == "not_mentioned"
    # her surname alone names her, and that passage is the one cited
    verdict = judge(claim, [other, "Lind approved the budget for the new stadium."])
    assert (verdict.label, verdict.index) == ("supported", 1)


def test_what_is_forbidden_is_not_allowed_and_a_long_aside_keeps_the_claims_words_together():
    from rag.answer.verdicts import judge

    # forbidden, prohibited and forbade are the opposites of allowed and permitted
    for passage in ("Ostland prohibited fishing in the harbour on Monday.", "Ostland forbade fishing in the harbour."):
        assert judge("Ostland allowed fishing in the harbour", [passage], happened=True).label == "contradicted"
    # an aside of a relative clause, however long, is no distance between the claim's words; and the name a gerund
    # acts on ("praising Globex") is not the subject that someone else's name before the verb would replace
    passage = (
        "Content praising or supporting Globex, which governs Norrvik and is designated as a rogue organisation by "
        "Ostland and the Harbour Union, is expressly forbidden on Tide."
    )
    verdict = judge("content praising Globex forbidden on Tide", [passage], happened=True)
    assert (verdict.label, verdict.index) == ("supported", 0)


def test_an_opposite_in_another_inflection_still_contradicts():
    from rag.answer.verdicts import judge

    passage = "In his second season as coach, the Harbour City defense has improved, but wins are hard to come by."
    # "worsened" against "improved": the pair is listed as improve / worsen, and read by stem
    verdict = judge("the Harbour City defense has worsened in his second season", [passage])
    assert (verdict.label, verdict.index) == ("contradicted", 0)
    assert judge("the Harbour City defense has improved in his second season", [passage]).label == "supported"
    # a kick that was missed was no successful one; fees one percent higher are not identical
    kick = "The Mariners settled for a 52-yard field goal late in the first half, which Theo Park missed wide left."
    assert judge("Theo Park made a successful field goal attempt", [kick]).label == "contradicted"
    fees = "Tide Works' fees are usually around 1 percent higher than Globex's, says Mara Lind."
    assert judge("Tide Works' fees are identical to Globex's fees", [fees]).label == "contradicted"
    # a harm against a help: a "negative impact" on what the passage says it improves
    naps = "Short naps can also improve the quality of sleep, she noted, which speeds up recovery."
    assert judge("short naps have a negative impact on sleep quality and recovery", [naps]).label == "contradicted"
    assert judge("short naps have a positive impact on sleep quality and recovery", [naps]).label == "supported"


def test_a_word_the_passage_both_says_and_negates_is_not_a_flip():
    from rag.answer.verdicts import judge

    both = (
        "The prosecution painted Mara Lind as someone who knowingly committed fraud, while the defence countered "
        "that she never meant to commit fraud."
    )
    assert judge("Mara Lind knowingly committed fraud", [both]).label == "supported"
    teams = "Ostland has no teams in the major leagues. However, its residents support teams from Port Averell."
    assert judge("Ostland residents support teams from Port Averell", [teams]).label == "supported"
    # a negation reaches no further than its sentence or a turning "but"
    runner = "Mara Lind does not appear as fast a runner, but she does not need to be. She is told to pass from deep."
    assert judge("Mara Lind is told to pass from deep", [runner]).label == "supported"
    # a name under a negation is not what it negates: "not make Globex Pay available" negates "available"
    launch = "Globex announced that Globex Pay will become available alongside the new card."
    verdict = judge("Globex would not make Globex Pay available alongside the new card", [launch])
    assert verdict.label == "contradicted"
    # said only under the negation, it still flips the claim
    assert judge("Mara Lind knowingly committed fraud", ["Mara Lind never knowingly committed fraud."]).label == (
        "contradicted"
    )
    # both sides deny, in other words: "no plans to add measures" and "no additional measures planned" agree
    plans = "The report states that Globex has no additional measures planned for its video service."
    assert judge("Globex has no plans to implement additional measures for its video service", [plans]).label == (
        "supported"
    )
    # a capitalised "No" inside a name is no denial: the song "Si No Estas" rose to the top
    song = "Singer Ada Brin's Si No Estas rose to the top of the Global Top 50 in late October."
    assert judge("Ada Brin's song rose to the top of the Global Top 50", [song]).label == "supported"
    # a denial in another stretch of the sentence leaves the first stretch said outright
    prices = "Globex cut prices for its video service and did not raise fees."
    assert judge("Globex did not cut prices for its video service", [prices]).label == "contradicted"


class ScriptedModel:
    """What a model wrote, replayed: the checks after it are what is under test (the real model is tested below)."""

    name = "scripted"

    def __init__(self, reply: str) -> None:
        self.reply = reply

    def stream(self, messages, prefill=""):
        self.prompt = messages[-1]["content"]
        yield from self.reply.split(" ")[:1] + [" " + w for w in self.reply.split(" ")[1:]]


YES_QUESTION = (
    "Does the Daily Ledger article suggest that Globex made a quarterly profit of $40 million, "
    "while the Tech Wire article says regulators opened an inquiry into Globex's accounting?"
)


def test_the_llm_words_the_checked_answer_and_only_its_supported_sentences_are_shown(bot):
    from rag.generate_parts import generate_from_parts

    checked = bot.ask(YES_QUESTION)
    model = ScriptedModel(
        "[2] Tech Wire reports that Globex shares fell after regulators opened an inquiry into its accounting.\n"
        "[1] The Daily Ledger says Globex lost $90 million and its chief was arrested.\n"
        "[1] Globex earnings (Daily Ledger, 2023-10-02) <passage>Globex reported a quarterly profit of $40 million on "
        "Monday.</passage>"
    )
    shown: list[str] = []
    answer = generate_from_parts(YES_QUESTION, checked, bot.store.article, backend=model, on_token=shown.append)
    # the prompt holds the cited spans, not whole passages, and the verdict the parts reached
    assert "Checked answer: **Yes.**" in model.prompt and len(model.prompt) < 1500
    lead, written = answer.text.split("\n")
    assert lead.startswith("**Yes.**")
    # the attributed sentence survives (its outlet is its citation's), the invented one never reaches the screen
    assert "regulators opened an inquiry" in written and "$90 million" not in written + "".join(shown)
    # a quote copied with the prompt's scaffolding is shown as the plain sentence it is
    assert "profit of $40 million" in written and "<passage>" not in written + "".join(shown)
    assert "Daily Ledger, 2023-10-02" not in written and "Globex earnings" not in written
    assert any("do not support" in w for w in answer.warnings)
    # citations renumbered 1..m in order of use, exact spans, and the parts point at the new numbers
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert_exact_quotes(bot, answer)
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]


def test_a_part_the_model_leaves_uncited_keeps_the_quote_that_decides_it(bot):
    from evals.runner import failing_verdicts
    from rag.generate_parts import generate_from_parts

    question = (
        "Does the Tech Wire article suggest that there is a legislative remedy for the risks of the "
        "payment app, while the Daily Ledger article says lawmakers began drafting legislation?"
    )
    checked = bot.ask(question)
    assert checked.text.startswith("**No.**") and [p.verdict for p in checked.parts] == ["contradicted", "supported"]
    # the verdict line cites the contradicting quote only; the model writes about that one only
    model = ScriptedModel("[1] Analysts warned there is no legislative remedy for the risks of the new payment app.")
    answer = generate_from_parts(question, checked, bot.store.article, backend=model)
    assert [p.verdict for p in answer.parts] == ["contradicted", "supported"]
    assert all(p.citations for p in answer.parts) and failing_verdicts(answer.parts, answer.citations) == 0
    assert {c.source for c in answer.citations} == {"Daily Ledger", "Tech Wire"}
    assert_exact_quotes(bot, answer)


def test_when_the_llm_writes_nothing_supported_the_checked_answer_is_shown(bot):
    from rag.generate_parts import generate_from_parts

    checked = bot.ask(YES_QUESTION)
    answer = generate_from_parts(
        YES_QUESTION, checked, bot.store.article, backend=ScriptedModel("[1] Globex was bought by a rival for $1.")
    )
    assert answer.text == checked.text and answer.citations == checked.citations
    assert any("checked answer is shown instead" in w for w in answer.warnings)
    # a refused question never reaches the model
    refused = bot.ask("What is the boiling point of mercury?")
    assert refused.refused
    untouched = ScriptedModel("[1] Mercury boils at 357 degrees.")
    assert generate_from_parts(refused.question, refused, bot.store.article, backend=untouched) is refused
    assert not hasattr(untouched, "prompt")


@pytest.mark.llm
@pytest.mark.parametrize("answerer", ["local-fast", "local"])
def test_the_local_models_compose_from_the_parts(bot, answerer):
    pytest.importorskip("llama_cpp", reason="the local answerers need `make llm`")
    from rag.answerers import why_unavailable
    from rag.verify import get_verifier

    if why_unavailable(answerer):
        pytest.skip(why_unavailable(answerer))
    answer = bot.ask(YES_QUESTION, answerer=answerer)
    checked = bot.ask(YES_QUESTION)
    print(f"\n{answerer}: {answer.timings_ms.get('generate', 0) / 1000:.1f} s\n{answer.text}\n{answer.warnings}")
    # the verdict is the parts', never the model's; whatever it wrote beyond it is supported by what it cites
    assert answer.text.split("\n")[0].split(" [")[0] == checked.text.split("\n")[0].split(" [")[0]
    assert [p.verdict for p in answer.parts] == [p.verdict for p in checked.parts]
    assert_exact_quotes(bot, answer)
    if answer.text != checked.text:
        from rag.core.text import cited_numbers
        from rag.generate import cited_sentences

        by_n = {c.n: c.quote for c in answer.citations}
        for sentence, cited in cited_sentences(answer.text.split("\n", 1)[1]):
            assert cited and set(cited) <= set(by_n)
            assert cited_numbers(answer.text)
            assert get_verifier("answers").verify(sentence, [by_n[n] for n in cited]).label != "contradicted"


def test_a_question_offering_two_answers_gets_one_of_its_own_words(bot):
    from rag.answer.reading import stated_alternatives

    assert stated_alternatives("Did the stance remain consistent or change?") == ("consistent", "change")
    assert stated_alternatives("Do they agree on the charges, or is there a discrepancy?") == ("agree", "discrepancy")
    assert stated_alternatives("Did profits rise or fall?") is None  # not a question about how reports relate
    # the pair offered side by side is the offer, not an earlier word of the same kind ("a similar decline")
    assert stated_alternatives(
        "Did Tech Wire report a similar decline in sales for Globex, consistent or inconsistent with the Daily Ledger?"
    ) == ("consistent", "inconsistent")
    answer = bot.ask(
        "Was the Daily Ledger report that Globex reported a quarterly profit of $40 million consistent or "
        "inconsistent with the Tech Wire report that regulators opened an inquiry into Globex's accounting?"
    )
    assert answer.text.startswith("**Consistent.**"), answer.text
    assert [p.verdict for p in answer.parts] == ["supported", "supported"]
    assert_exact_quotes(bot, answer)


def test_asked_whether_it_happened_a_plan_or_a_condition_is_no_support():
    from rag.answer.verdicts import judge

    claim = "Globex cut prices for its payment app"
    for hedged in (
        "Globex may cut prices for its payment app next month, analysts said.",
        "If Globex cuts prices for its payment app, rivals will follow.",
        "Globex now has to cut prices for its payment app to keep its users.",
        "Globex is preparing to cut prices for its payment app.",
        "Globex is said to be ambivalent about cutting prices for its payment app.",
        # still ahead: "will", and its contraction before a striving "to"
        "Globex will cut prices for its payment app in spring.",
        "Mara Lind said she’ll do everything in her power to make Globex cut prices for its payment app.",
    ):
        # "did Globex cut prices?" is not answered Yes by a report that it might
        assert judge(claim, [hedged], happened=True).label == "not_mentioned", hedged
        # "does the report suggest Globex would cut prices?" still is
        assert judge(claim, [hedged]).label == "supported", hedged
    done = "Globex cut prices for its payment app on Monday."
    assert judge(claim, [done], happened=True).label == "supported"
    # a hedge reaches no further than its clause: the cut below is reported as done
    later = "Rivals may follow. Globex cut prices for its payment app on Monday."
    assert judge(claim, [later], happened=True).label == "supported"
    # and the words alone support only a passage holding every plain word: prices and the app without the cut
    rose = "Globex prices for its payment app rose on Monday."
    assert judge(claim, [rose], happened=True).label == "not_mentioned"
    assert judge(claim, [rose]).label == "supported"


def test_asked_whether_it_happened_a_denied_confirmation_leaves_it_open_and_denies_nothing():
    from rag.answer.verdicts import judge

    claim = "Mara Lind and Theo Park are dating"
    for unconfirmed in (
        "Of course, none of this actually confirms Lind and Park are actually dating.",
        "There is no evidence that Mara Lind and Theo Park are dating.",
        "The photo does not prove Lind and Park are dating, fans were told.",
        "Unconfirmed reports say Mara Lind and Theo Park are dating.",
    ):
        # neither a Yes nor a No: the report leaves it open
        assert judge(claim, [unconfirmed], happened=True).label == "not_mentioned", unconfirmed
    # a confirmation not denied still says it, and a denial of the deed itself is still one
    assert judge(claim, ["Her agent confirmed Mara Lind and Theo Park are dating."], happened=True).supported
    assert judge(claim, ["Mara Lind and Theo Park are not dating."], happened=True).label == "contradicted"
    # a denied confirmation of something else reaches no further than its clause
    other = "The club did not confirm the fee, but Mara Lind and Theo Park are dating."
    assert judge(claim, [other], happened=True).supported


def test_a_denial_ends_where_a_clause_with_its_own_subject_starts_after_a_comma_and_and():
    from rag.answer.verdicts import judge

    claim = "Globex pay Tide Works"
    said = "They settled on a sum we weren’t told in court, and Globex has been paying Tide Works that amount since."
    assert judge(claim, [said], happened=True).supported
    # the same clause denied is still a denial, and a denial after the "and" is its own
    assert judge(claim, ["Globex did not pay Tide Works, and it never will."], happened=True).label == "contradicted"
    denied = "The court heard the sum, and Globex has never paid Tide Works that amount."
    assert judge(claim, [denied], happened=True).label == "contradicted"


def test_a_short_claim_is_not_supported_by_a_passage_naming_none_of_its_names():
    from rag.answer.verdicts import judge

    # asked of an outlet's reports, "sue Globex" is not said by a question about suing the league
    league = "“Will that kid and his family have the ability to sue the Ostland League?” Theo Park asked."
    assert judge("sue Globex", [league]).label == "not_mentioned"
    assert judge("sue Globex", ["Tide Works will sue Globex over the patents, Theo Park said."]).supported
    # a longer claim describes what a report says, which it may word without the name
    claim = "central bankers stance on interest rates was close to Mara Lind's approach"
    passage = "The stance of central bankers on interest rates is close to the approach of the bank chief."
    assert judge(claim, [passage]).supported


def test_asides_one_after_another_keep_the_name_before_them_the_doer():
    from rag.answer.verdicts import judge

    claim = "Mara Lind resign from Globex"
    for said in (
        "Mara Lind, also known as “ML,” the founder and chief executive of Globex, is stepping down and has sold her shares.",
        # "is stepping down" is her own deed, not a passive that needs a "by"
        "Mara Lind, the founder of Globex, is stepping down.",
    ):
        assert judge(claim, [said], happened=True).supported, said
    # the name in the aside is not the doer, nor is the name of a clause of its own
    for other in (
        "Mara Lind, also known as ML, the founder of Tide Works, praised Globex as Theo Park is stepping down.",
        "Mara Lind, also known as ML, the founder of Tide Works, said Theo Park, the chief of Globex, is stepping down.",
    ):
        assert not judge(claim, [other], happened=True).supported, other


def test_asked_whether_it_happened_one_statement_must_say_all_of_it():
    from rag.answer.verdicts import judge

    claim = "the Mariners beat the Harbour Rovers"
    # every word, but spread over two sentences, in a question, or about another game
    split = "The Mariners were in town on Sunday. The Harbour Rovers beat them by two goals."
    asked = "Will the Mariners beat the Harbour Rovers again?"
    other_game = (
        "The Mariners lead the table by three points over the Harbour Rovers after they beat Ostland United at home."
    )
    for passage in (split, asked, other_game):
        assert judge(claim, [passage], happened=True).label == "not_mentioned", passage
    said = "The Mariners beat the Harbour Rovers 2-1 on Sunday, with Theo Park scoring twice."
    assert judge(claim, [said], happened=True).label == "supported"
    # the same words the other way round: who beat whom is what was asked (a passive keeps the roles)
    swapped = "The Harbour Rovers beat the Mariners 2-1 on Sunday."
    assert judge(claim, [swapped], happened=True).label == "not_mentioned"
    assert judge(claim, ["On Sunday the Harbour Rovers were beat by the Mariners."], happened=True).supported
    # an irregular verb says its base form: "won" is "win", "went" is "go"
    assert judge("the Mariners win the Coastal Cup", ["The Mariners won the Coastal Cup."], happened=True).supported
    went = judge("the Mariners go out of the Coastal Cup", ["The Mariners went out of the Coastal Cup."], happened=True)
    assert went.supported
    # and "won" is no opposite of "win" beside a "losing" that is about something else
    losing = "Losing just one wicket, the Mariners won the Coastal Cup final by nine wickets."
    assert judge("the Mariners win the Coastal Cup final by nine wickets", [losing], happened=True).supported
    # a surname alone names the person
    assert judge("Mara Lind resigned", ["Lind resigned on Tuesday after the vote."], happened=True).supported
    # an opinion that something cannot go on is no denial of one dated event
    opinion = "The central bank simply cannot keep raising interest rates, an economist said."
    assert judge("the central bank raised interest rates in November", [opinion], happened=True).label == (
        "not_mentioned"
    )


def test_failed_negates_only_what_it_failed_to_do():
    from rag.verify.lexical import negation_flipped

    claim = "Globex switched its default search engine to Ostland Search"
    said = "Mara Lind recounted how Globex 'failed' when it switched its default search engine to Ostland Search."
    assert not negation_flipped(claim, said)
    assert negation_flipped(claim, "Globex failed to switch its default search engine to Ostland Search.")


def test_none_other_than_stresses_what_follows_and_denies_nothing():
    from rag.answer.verdicts import judge
    from rag.verify.lexical import negated_words

    said = "The new video was posted by none other than his daughter, Ida Moen, on Monday."
    assert negated_words(said) == frozenset()
    assert negated_words("It was nothing short of a rescue.") == frozenset()
    assert "player" in negated_words("None of the players scored.")  # a denial still
    # "do both mention Jon Moen's daughter Ida?": the passage names her, it does not deny her
    assert judge("about Jon Moen's daughter Ida", [said.replace("his daughter", "Jon Moen's daughter")]).supported


def test_a_deed_that_would_follow_or_is_still_to_come_after_another_is_not_done():
    from rag.verify.lexical import hedged_only

    # a deed said as what something would be, and one said in the present after "after / once / when"
    assert hedged_only("Ada Brin signed with the Rovers", "Signing Ada Brin would be a major boost for the Rovers.")
    ahead = "The Rovers could trade Theo Park shortly after Ada Brin signs, listing the Mariners as suitors."
    assert hedged_only("Ada Brin signed", ahead)
    assert hedged_only("Mara Lind returned", "Fans will cheer when Mara Lind returns to Globex.")
    # said outright, in the past, or once outright before: done
    for done in (
        "Fans cheered when Mara Lind returned.",
        "The index rose after Globex shares fell.",
        "Globex signed Ada Brin. Signing Theo Park would be next.",
    ):
        claim = (
            "Globex shares fell"
            if "shares" in done
            else "Globex signed Ada Brin"
            if "Signing" in done
            else ("Mara Lind returned")
        )
        assert not hedged_only(claim, done), done


def test_what_one_hopes_or_has_a_chance_of_doing_is_not_done():
    from rag.answer.verdicts import judge

    for hoped in (
        "Ostland's hopes of defending their cup crown are in tatters.",
        "Ostland now face a huge task in their hope of defending the cup.",
        "Ostland have a good chance of defending the cup.",
    ):
        assert not judge("Ostland defended the cup", [hoped], happened=True).supported, hoped
    assert judge("Ostland defended the cup", ["Against the odds, Ostland defended the cup."], happened=True).supported


def test_two_names_doing_the_same_alike_have_not_done_it_to_each_other():
    from rag.answer.verdicts import judge

    each = "Luckily for fans, both Park and Brin have signed up for fights they could very well lose."
    assert not judge("Theo Park fight Ada Brin", [each], happened=True).supported
    assert not judge("Theo Park fight Ada Brin", ["Park and Brin each fight on Saturday."], happened=True).supported
    assert judge("Theo Park fought Ada Brin", ["Theo Park fought Ada Brin in March."], happened=True).supported


def test_a_release_said_to_be_incomplete_agrees_with_a_full_release_denied():
    from rag.answer.verdicts import judge
    from rag.verify.lexical import negation_flipped

    denied = "But it didn't release the full model, Tide Ultra, only a lite version called Tide Pro."
    incomplete = "Globex's release of the Tide Pro model was incomplete compared to the full Tide Ultra model"
    assert not negation_flipped(incomplete, denied)
    assert judge(incomplete, [denied], happened=True).label != "contradicted"
    # said of the whole, the release is still denied
    assert negation_flipped("Globex released the full Tide Ultra model", denied)


def test_failing_to_do_what_a_passage_only_calls_a_goal_is_not_contradicted():
    from rag.answer.verdicts import judge
    from rag.verify.lexical import negation_flipped

    goal = "What was clear was that Lind's path to become Globex chair was almost certainly lost."
    assert not negation_flipped("Mara Lind fail to become Globex chair", goal)
    assert judge("Mara Lind fail to become Globex chair", [goal], happened=True).label != "contradicted"
    # said outright, it is
    assert negation_flipped("Mara Lind fail to become Globex chair", "Mara Lind became Globex chair on Monday.")


def test_a_bare_yes_no_question_is_not_answered_yes_from_a_plan(bot):
    # the Daily Ledger says the company "would open two new factories next year": a plan, not a fact
    answer = bot.ask("Did Globex open two new factories?")
    assert not answer.text.startswith("**Yes")
    assert answer.parts and answer.parts[0].verdict == "not_mentioned"
    # asked what the outlet said, the plan is what it said
    framed = bot.ask("Did the Daily Ledger report that Globex would open two new factories?")
    assert framed.text.startswith("**Yes")


def test_a_later_report_that_does_not_decide_is_not_called_earlier(bot):
    answer = bot.ask("Did Mara Lind resign as chief executive of Globex?")
    lead = answer.text.split("\n", 1)[0]
    assert lead.startswith("**Yes**, as of 2023-11-15")
    # the 2023-11-20 report (her return) is later than the one that decides, and is said to be
    later, _, earlier = lead.partition("earlier reports")
    assert "2023-11-20" in later and "later reports" in later and "2023-11-20" not in earlier
    assert_exact_quotes(bot, answer)


def test_asked_whether_it_happened_an_opposite_still_contradicts_and_an_announced_plan_is_said():
    from rag.answer.verdicts import judge

    rejected = "Theo Park rejected a $40 million offer from Globex before he joined the Mariners."
    verdict = judge("Theo Park accepted the $40 million offer from Globex", [rejected], happened=True)
    assert verdict.label == "contradicted"
    # "announced its planned closure": the closure is planned, the announcement happened
    closing = "The studio Tide Works announced its planned closure two weeks after its final game."
    assert judge("Tide Works announced its closure", [closing], happened=True).supported
    assert not judge("Tide Works closed", ["Tide Works planned to close in May."], happened=True).supported


DEED_ARTICLES = [
    (
        "Sports Desk",
        "2023-11-02",
        "Coach sacked",
        (
            "Harbour United fired coach Theo Park on Monday after a run of defeats. Ostland City had beaten them 4-0 "
            "on Saturday, and Ostland City fans sang his name."
        ),
    ),
    (
        "Sports Desk",
        "2023-11-03",
        "City roll on",
        "Ostland City won again on Wednesday. Ostland City lead the table, and Ostland City coach Mara Lind praised Theo Park.",
    ),
    (
        "Tech Wire",
        "2023-11-04",
        "Studio deal",
        (
            "Globex bought the small studio Tide Works in May. Harbour Games, the studio Harbour Games fans expected "
            "Globex to buy, said Harbour Games would stay independent."
        ),
    ),
]


def test_who_did_it_is_the_name_the_passage_says_did_it(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "deeds", DEED_ARTICLES))
    # Ostland City is named in more passages; the passage says Harbour United fired him, and a club is no person
    answer = bot.ask("Who fired Theo Park?")
    assert answer.text.startswith("**Harbour United**"), answer.text
    assert any("Harbour United fired coach Theo Park" in c.quote for c in answer.citations)
    assert_exact_quotes(bot, answer)
    # and the other way round: what it was done to is the name right after the doer's verb, not the one named most
    answer = bot.ask("Which studio did Globex buy?")
    assert answer.text.startswith("**Tide Works**"), answer.text
    assert_exact_quotes(bot, answer)


def test_which_company_is_a_name_a_passage_says_and_is_never_given_without_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-10-02",
            "Recall costs",
            "The chipmaker's shares fell 5% after the recall, the company said. Analysts expect more losses this quarter.",
        ),
        ("Tech Wire", "2023-10-03", "Quarter", "Chip shares were mixed on Tuesday as investors weighed the recall."),
        (
            "Coast Times",
            "2023-10-01",
            "Recall",
            "Globex recalled its Tide Pad after the battery fires, and its shares fell 5%.",
        ),
        ("Coast Times", "2023-10-05", "Other", "Norrvik Mills opened a new plant in Ostland."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "entity_named", articles))
    for question in (
        # a group a sentence opens with ("Analysts expect") names no company
        "Which company, reported by Tech Wire as seeing its shares fall 5% after a recall, recalled the Tide Pad?",
        # "whose" is said of a company too: a one-word company is an answer
        "Which chipmaker, whose shares fell 5% after the recall according to Tech Wire, recalled the Tide Pad?",
    ):
        answer = bot.ask(question)
        # the Tech Wire passages name no company: the one naming it is quoted, not the name alone
        assert answer.text.startswith("**Globex** — named in Coast Times (2023-10-01)"), answer.text
        assert any(c.quote.startswith("Globex recalled its Tide Pad") for c in answer.citations)
        assert_exact_quotes(bot, answer)


def test_asked_whether_she_came_back_a_return_answers_and_talks_of_one_do_not():
    from rag.answer.verdicts import judge

    claim = "Mara Lind come back to Globex"
    assert judge(claim, ["Mara Lind returned to Globex on Monday."], happened=True).supported
    assert judge(claim, ["Mara Lind will not return to Globex, the board said."], happened=True).label == (
        "contradicted"
    )
    talks = "The board is in talks with Mara Lind, its founder and former chair, to return to Globex."
    assert judge(claim, [talks], happened=True).label == "not_mentioned"
    # a denial said only as possible is none: "may not" is no "No"
    maybe = "Investors saw hints that Mara Lind may not return to Globex this year."
    assert judge(claim, [maybe], happened=True).label == "not_mentioned"
    assert judge(claim, [maybe.replace("may not", "might never")], happened=True).label == "not_mentioned"


def test_a_scheduled_event_and_a_win_over_a_rival_are_not_said_to_have_happened():
    from rag.answer.verdicts import judge

    # what is set or scheduled for a day is still ahead, said before the schedule's words
    sentencing = "Lind's sentencing is set for February, the court said."
    assert judge("sentenced Mara Lind", [sentencing], happened=True).label == "not_mentioned"
    assert judge("sentenced Mara Lind", ["Lind was sentenced on Monday."], happened=True).supported
    assert judge("the Globex vote held", ["The Globex vote is scheduled for Monday."], happened=True).label == (
        "not_mentioned"
    )
    # and so is what is due, or going to be done
    due = "Fans were quick to read it as a nod to her album, Tide Songs, which is due for re-release on 27 October."
    assert judge("Mara Lind re-release Tide Songs", [due], happened=True).label == "not_mentioned"
    going = "“When we are fit, we can say: we are going to Ostland, the Mariners and we are going to beat you.”"
    assert judge("Ostland beat the Mariners", [going], happened=True).label == "not_mentioned"
    assert judge("Mara Lind resigned", ["Going to the office on Monday, Mara Lind resigned."], happened=True).supported
    # a record that "was set" was set
    assert judge("Mara Lind set a record", ["Mara Lind set a record that was set in 2019."], happened=True).supported
    # what a win is over was beaten, not won
    win_over = "The Rovers cruised to a 34-20 win over their Coastal League rivals, the Mariners."
    assert judge("the Rovers win the Coastal League", [win_over], happened=True).label == "not_mentioned"
    won = "The Rovers won the Coastal League for the first time since 1993."
    assert judge("the Rovers win the Coastal League", [won], happened=True).supported


def test_a_denial_does_not_reach_into_a_relative_clause():
    from rag.answer.verdicts import judge

    passage = "Globex is still standing, though now without Mara Lind, who agreed to step down as Globex chief."
    assert judge("Mara Lind step down as Globex chief", [passage], happened=True).supported


def test_a_follow_up_in_other_words_finds_the_latest_report(bot):
    chat = bot.chat()
    chat.ask("Why did Mara Lind resign as chief executive of Globex?")
    answer = chat.ask("Did she come back?")
    # "returned as chief executive" (Tech Wire, 2023-11-20) answers "come back"
    assert answer.text.startswith("**Yes**, as of 2023-11-20"), answer.text
    assert_exact_quotes(bot, answer)


@pytest.mark.parametrize(
    "question",
    [
        "Did she come back?",
        "Who did it?",
        "When did it happen?",
        "Is that true?",
        # a time names no one: "November" is no name to search for
        "Did she resign in November?",
        "Did she come back on November 20, 2023?",
    ],
)
def test_a_question_that_only_points_at_someone_asks_who_it_means_instead_of_answering(bot, question):
    # asked first, nothing says who "she" is: any passage's "come back" or "happen" would do as evidence
    answer = bot.ask(question)
    assert answer.refused and not answer.citations, answer.text
    assert answer.text.startswith("Who or what is “"), answer.text
    # in a conversation the question before names her, and the follow-up is answered
    chat = bot.chat()
    chat.ask("Why did Mara Lind resign as chief executive of Globex?")
    assert not chat.ask("Did she come back?").refused


@pytest.mark.parametrize(
    ("question", "after"),
    [
        ("Who invested in ?", "in"),
        ("Are and dating?", "Are"),
        ("What did  say about the harbour?", "did"),
        ("Who is the chief executive of ?", "of"),
        ("Did Mara Lind resign from ?", "from"),
        ("Did Globex buy Tide Works or ?", "or"),
        ("Who became ?", "became"),
        ("Who is the new ?", "new"),
        ("Did lose?", "Did"),
    ],
)
def test_a_question_with_a_blank_where_a_name_was_to_be_typed_points_at_the_blank(bot, question, after):
    # a form filled in part: any passage holding the other words ("invested in", "say about") would answer it
    answer = bot.ask(question)
    assert answer.refused and not answer.citations, answer.text
    assert answer.text.startswith(f"The question has a blank after “{after}”"), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Who did the Rovers lose to?",
        "Which company did Globex invest in?",
        "Who is Globex owned by?",
        "Did Globex win ?",
        "What happened to Mara Lind?",
        "Did prices rise or fall?",
        "What was Mara Lind convicted of?",
        "Did Mara Lind win the Prix d'Or?",
        "Is the harbour strike over?",
        "Who stepped in?",
        "Did it?",
        "Did anyone?",
        "Who is the new CEO?",
    ],
)
def test_a_whole_question_is_not_read_as_one_with_a_blank(question):
    from rag.answer.reading import left_blank

    # a preposition stranded by "did" / "is" / "was", a space before the question mark, "or" between two words, a name
    # ending in "Or", an adverb ending the question
    assert left_blank(question) == ""


def test_asked_whether_she_did_it_a_sentence_where_someone_else_did_is_no_support():
    from rag.answer.verdicts import judge

    claim = "Mara Lind resigned"
    for other in (
        "Theo Park resigned after Mara Lind was fired.",
        "Globex will see Theo Park — who co-founded it, as did Lind — resign as chairman.",
        "Mara Lind — and Theo Park, who resigned as chairman — wanted a bold move.",
        # named as whose colleagues they are, she is not the "he" who did it
        "He, like many of Mara Lind's former colleagues, chose to cooperate and resigned on Friday.",
        "Like many of Mara Lind’s colleagues, he resigned on Friday.",
    ):
        assert judge(claim, [other], happened=True).label == "not_mentioned", other
    for hers in ("Mara Lind, the chair, resigned on Tuesday.", "Globex chief executive Mara Lind resigned."):
        assert judge(claim, [hers], happened=True).supported, hers
    assert judge("Globex fired Mara Lind", ["Mara Lind was fired by Globex on Monday."], happened=True).supported
    # after a name a preposition governs, "which" may stand for the whole deal: the store did not match anything
    deal = "You can buy the Tide Pad for $34.99 ($15 off) from Globex, which matches its all-time low price."
    assert judge("Globex match prices", [deal], happened=True).label == "not_mentioned"
    assert judge("Globex make phones", ["Globex, which makes phones, cut jobs."], happened=True).supported


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("Mara Lind convicted", "A jury found Mara Lind guilty of fraud on Tuesday."),
        ("Mara Lind found guilty", "Mara Lind was convicted of fraud on Tuesday."),
        # only a jury or a court convicts: the report of the verdict need not name it
        ("jury find Mara Lind guilty", "Mara Lind has been found guilty on seven counts of fraud."),
        ("a federal jury convicted Mara Lind", "Mara Lind was convicted of fraud on Tuesday."),
        ("the judge acquitted Mara Lind", "A jury found Mara Lind not guilty of fraud on Tuesday."),
        ("Ostland sued Globex", "Ostland filed a lawsuit against Globex on Monday."),
        ("did Ostland sue Globex", "Globex was sued by Ostland last week."),
        ("Theo Park quit Globex", "Theo Park resigned from Globex on Friday."),
        ("Mara Lind was removed as speaker", "Traders weighed the ouster of Mara Lind as the speaker of the council."),
        ("Mara Lind was removed from office", "Rebels ousted Mara Lind from office at the start of the month."),
        # asked whether it was done to her, a passage doing it to her says so, in either voice
        ("Mara Lind was fired", "Globex fired chief executive Mara Lind on Monday."),
    ],
)
def test_asked_whether_it_happened_news_wording_of_the_same_event_is_support(claim, passage):
    from rag.answer.verdicts import judge

    assert judge(claim, [passage], happened=True).supported


def test_found_not_guilty_or_the_roles_reversed_is_no_conviction_or_suit():
    from rag.answer.verdicts import judge

    acquitted = "A jury found Mara Lind not guilty of fraud on Tuesday."
    assert not judge("Mara Lind convicted", [acquitted], happened=True).supported
    # an acquittal is the opposite of a conviction, however each is worded
    assert judge("Mara Lind was found guilty", [acquitted], happened=True).label == "contradicted"
    assert judge("Mara Lind was acquitted", [acquitted], happened=True).supported
    convicted = "Mara Lind has been found guilty on seven counts of fraud."
    assert judge("Mara Lind was found not guilty", [convicted], happened=True).label == "contradicted"
    assert judge("jury acquit Mara Lind", [convicted], happened=True).label == "contradicted"
    # "pleaded not guilty" is no guilty plea, unless the passage also says she pleaded guilty to other counts
    pleas = "Mara Lind pleaded not guilty to two other counts, court records said."
    assert not judge("Mara Lind pleaded guilty", [pleas], happened=True).supported
    both = "Mara Lind pleaded guilty to three charges. " + pleas
    assert judge("Mara Lind pleaded guilty", [both], happened=True).supported
    # said of her outright, "pleaded not guilty" is the opposite: a No, not a "not found"
    assert judge("Mara Lind plead guilty", [pleas], happened=True).label == "contradicted"
    assert judge("Mara Lind plead guilty", [both], happened=True).label == "supported"
    assert not judge("Globex sued Ostland", ["Ostland filed a lawsuit against Globex."], happened=True).supported
    # a thing removed from a shelf is no post lost
    assert not judge(
        "Mara Lind was removed as speaker", ["Mara Lind removed the speaker from the shelf."], happened=True
    ).supported
    # her own deed, or one done to another, is not one done to her
    for other in ("Mara Lind fired Theo Park on Monday.", "Theo Park was fired after Mara Lind resigned."):
        assert not judge("Mara Lind was fired", [other], happened=True).supported, other
    # a sentence saying the deed twice says it of her when once it does (a heading before the sentence, another's deed)
    for twice in (
        "Globex chief named: former Tide Works chief Mara Lind has been named as the new chief of Globex.",
        "Theo Park resigned in May, and Mara Lind resigned on Tuesday.",
    ):
        claim = "Mara Lind was named chief of Globex" if "named" in twice else "Mara Lind resigned"
        assert judge(claim, [twice], happened=True).supported, twice
    # a one-word name said only as the start of a longer one is another name ("Ostland State" is not Ostland)
    assert not judge("Mara Lind was fired by Ostland", ["Ostland State fired Mara Lind."], happened=True).supported
    assert judge("Mara Lind was fired by Ostland", ["Ostland fired Mara Lind."], happened=True).supported
    # asked whether it happened, only the deed denied contradicts: "without a speaker" denies no ouster
    stuck = "The council is stuck without a speaker since the sudden ouster of Mara Lind as speaker."
    assert judge("Mara Lind was removed as speaker", [stuck], happened=True).label == "supported"
    assert judge(
        "Mara Lind was removed as speaker", ["Mara Lind was not removed as speaker."], happened=True
    ).label == ("contradicted")


def test_the_deciding_quote_comes_first_alone_before_later_reports_that_do_not_decide(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Court",
            "Shares in Tide Works climbed on Monday. Globex was sued by Ostland over unpaid fees.",
        ),
        ("Harbour Herald", "2023-10-20", "Fees", "Ostland and Globex met again in court on Friday over the fees."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "deciding", articles))
    answer = bot.ask("Did Ostland sue Globex?")
    lines = answer.text.splitlines()
    assert (
        lines[0].startswith("**Yes**, as of 2023-10-02")
        and "later reports, which this check could not decide" in lines[0]
    )
    # the quote that says it, first and on its own: not the later report, not the sentence before it
    assert lines[1] == "Globex was sued by Ostland over unpaid fees. [1]"
    assert_exact_quotes(bot, answer)


def test_a_quoted_outlet_after_a_leading_clause_still_asks_yes_or_no_and_leaves_no_pointer_in_the_claim():
    from rag.answer.reading import read_question

    reading = read_question(
        "After 'Tech Wire' reported on Globex's layoffs on October 2, 2023, did 'Daily Ledger' report on October 5, "
        "2023, that the plant closure was consistent or inconsistent with the layoffs as reported by 'Tech Wire'?",
        ["Tech Wire", "Daily Ledger"],
    )
    assert reading.shape == "comparison" and reading.alternatives == ("consistent", "inconsistent")
    assert [c.source for c in reading.clauses] == ["Tech Wire", "Daily Ledger"]
    assert not reading.clauses[1].claim.endswith(("reported by", "as reported"))


def test_asked_whether_a_report_contradicts_another_the_order_they_came_in_is_a_premise():
    from rag.answer.reading import read_question

    reading = read_question(
        "Did 'Tech Wire' contradict its report later that same day about Globex's layoffs after 'Daily Ledger' "
        "reported on October 2, 2023, about the plant closing?",
        ["Tech Wire", "Daily Ledger"],
    )
    assert (reading.shape, reading.relation, reading.order) == ("comparison", "contradict", "after")


def test_a_noun_with_a_relative_clause_after_which_asks_for_a_name_whatever_the_noun():
    from rag.answer.compose import _PERSON_ASKED
    from rag.answer.reading import read_question

    sources = ["Tech Wire", "Daily Ledger"]
    for q in (
        "Which quarterback, who Tech Wire says struggles under pressure, has a 5-0 record?",
        "Which fund that Globex owns was sued by regulators?",
    ):
        assert read_question(q, sources).shape == "entity", q
    assert _PERSON_ASKED.match("Which quarterback, who Tech Wire says struggles under pressure, has a 5-0 record?")
    assert not _PERSON_ASKED.match("Which fund that Globex owns was sued by regulators?")
    # "ruled that" is a verb's "that": the noun stays unknown (no name asked for by its form)
    assert read_question("Which judge ruled that Globex misled its lenders?", sources).shape != "entity"
    # a relative clause later in a yes/no question is no entity question
    later = (
        "According to Tech Wire, has the outlook changed since the report of May 2, which said that sales would rise?"
    )
    assert read_question(later, sources).shape != "entity"


# A win over another side, with the asked side named on the next line; two reports that share a question's words
# without deciding it.
OTHER_SIDE_ARTICLES = [
    (
        "Harbour Herald",
        "2023-11-19",
        "Cup final",
        (
            "The Rovers moved to the final and beat the Comets to win their second Coastal Cup title.\n\n"
            "2019 Coastal Cup, against the Mariners"
        ),
    ),
    (
        "Coast Times",
        "2023-11-24",
        "Bay Open final",
        "The Mariners beat Ostland in the Bay Open final on Sunday, a week after the cup.",
    ),
    (
        "Daily Ledger",
        "2023-11-18",
        "Bay Open preview",
        "The Comets play Ostland in the Bay Open final next week, their first since 2019.",
    ),
]


def test_a_win_over_another_side_is_no_win_over_the_asked_one_and_undecided_reports_make_no_timeline(
    tmp_path_factory,
):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    passage = OTHER_SIDE_ARTICLES[0][3]
    # "beat the Comets" is the deed; the Mariners are only named on the next line (as what a report suggests, too)
    for happened in (True, False):
        verdict = judge("the Rovers beat the Mariners in the Coastal Cup final", [passage], happened=happened)
        assert verdict.label == "not_mentioned"
    assert judge("the Rovers beat the Comets in the Coastal Cup final", [passage]).supported
    bot = Assistant.open(index_articles(tmp_path_factory, "other_side", OTHER_SIDE_ARTICLES))
    answer = bot.ask("Did the Rovers beat the Mariners in the Coastal Cup final?")
    assert answer.text.startswith(UNSETTLED) and not answer.text.startswith("**Yes")
    # neither report decides whether the Comets beat Ostland: neither is "the latest report" on it
    undecided = bot.ask("Did the Comets beat Ostland in the Bay Open final?")
    assert undecided.text.startswith(UNSETTLED) and "latest report" not in undecided.text
    assert [p.verdict for p in undecided.parts] == ["not_mentioned"]


def test_did_both_asks_the_one_claim_of_each_outlet():
    sources = ["Tech Wire", "Daily Ledger", "Coast Times"]
    for question in (
        "Did both Tech Wire and Daily Ledger report that Mara Lind was fired?",
        "Did Tech Wire and Daily Ledger both report that Mara Lind was fired?",
    ):
        reading = read_question(question, sources)
        assert [(c.source, c.claim) for c in reading.clauses] == [
            ("Tech Wire", "Mara Lind was fired"),
            ("Daily Ledger", "Mara Lind was fired"),
        ], question


def test_did_either_is_yes_when_one_outlet_says_it_and_did_both_needs_each(bot):
    either = bot.ask("Did either Tech Wire or Daily Ledger report that Mara Lind resigned?")
    assert either.text.startswith("**Yes.** Daily Ledger (2023-11-15) [1] reports it.")
    assert "resigned" in either.citations[0].quote
    assert_exact_quotes(bot, either)
    both = bot.ask("Did both Tech Wire and Daily Ledger report that Mara Lind resigned?")
    assert both.text.startswith(UNSETTLED) and "in Tech Wire" in both.text


def test_a_sentence_naming_someone_else_by_the_asked_first_name_is_never_quoted(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-04",
            "Council",
            "Councillors ousted Mara Lind as chair of the harbour council on Tuesday. The vote was close.",
        ),
        (
            "Harbour Herald",
            "2023-10-06",
            "Club board",
            "Mara Quist lost her chair on the club board on Friday after the members voted against her.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "first_name", articles))
    # Mara Quist's sentence shares more words with the question; it is about someone else
    answer = bot.ask("When did Mara Lind lose her chair?")
    assert [c.quote for c in answer.citations] == [
        "Councillors ousted Mara Lind as chair of the harbour council on Tuesday."
    ], answer.text
    assert_exact_quotes(bot, answer)


def test_asked_whether_it_happened_a_wish_a_should_or_a_denied_deed_is_no_report_of_it(tmp_path_factory):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    claim = "Globex buy Tide Works"
    for passage in (
        "Investors want Globex to buy Tide Works before a rival does.",
        "Analysts urged Globex to buy Tide Works and to buy it soon.",
        "Should Globex buy Tide Works? Investors want Globex to buy Tide Works.",
        # the word also said elsewhere does not undo the denial of the deed
        "Why Globex will not buy Tide Works this year: the buy case for Tide Works is weak.",
        # a plan, even beside a sentence where others bought something outright
        "Ostland Bank bought Norrvik Games last year. Deals go on, such as Globex's plan to buy Tide Works for $2bn.",
    ):
        assert not judge(claim, [passage], happened=True).supported, passage
    assert judge(claim, ["Last month Globex bought Tide Works for $2bn."], happened=True).supported

    # six reports of talk outrank the one that says it happened; the search also asks in the past tense ("bought"),
    # which the keyword index keeps apart from "buy"
    talk = [
        "Should Globex buy Tide Works? Investors want Globex to buy Tide Works before a rival does.",
        "Globex could buy Tide Works, buy Norrvik Games or buy both, analysts at Ostland Bank said.",
        "Why Globex will not buy Tide Works this year: the buy case for Tide Works is weak.",
        "Tide Works would cost Globex too much to buy, a Globex executive told the Daily Ledger.",
        "Globex wants to buy Tide Works, buy Norrvik Games and buy Harbour Games, its chief said.",
        "Analysts urged Globex to buy Tide Works and to buy it soon, before Ostland Bank does.",
    ]
    articles = [("Tech Wire", f"2023-10-0{i + 1}", f"Globex talk {i}", body) for i, body in enumerate(talk)]
    articles.append(("Coast Times", "2023-11-20", "Deal done", "Last month Globex bought Tide Works for $2bn."))
    bot = Assistant.open(index_articles(tmp_path_factory, "buy_talk", articles))
    answer = bot.ask("Did Globex buy Tide Works?")
    assert answer.text.startswith("**Yes**, as of 2023-11-20: Coast Times [1]"), answer.text
    assert "say so too" not in answer.text.splitlines()[0]
    assert [(p.verdict, p.citations) for p in answer.parts] == [("supported", [1])]
    assert_exact_quotes(bot, answer)


@pytest.mark.parametrize(
    "claim, passage, supported",
    [
        # the post names the one who did it: beside the name, in an aside after it, or as what she was fired as
        ("CEO of Globex plead guilty", "Mara Lind, the founder and CEO of Globex, has pleaded guilty to fraud.", True),
        ("Globex s CEO plead guilty", "Globex CEO Mara Lind pleaded guilty on Tuesday.", True),
        ("Globex s boss resigned", "Globex's boss Mara Lind resigned on Monday.", True),
        ("Globex s founder resigned", "Theo Park said the founder of Globex, Mara Lind, resigned on Monday.", True),
        ("Globex s CEO was fired", "Late on Friday Mara Lind was fired as CEO of Globex by its board.", True),
        ("Globex chairman Mara Lind die", "Globex chairman Mara Lind, a theatre producer, has died at 78.", True),
        ("chairman of Globex die", "Fans paid tribute to Mara Lind, the Globex chairman who died on Monday.", True),
        ("Globex s chief resigned", "Theo Park, the Tide Works chief who hired the Globex chief, resigned.", False),
        # the post is someone else's, or describes whom the doer acted against
        ("CEO of Globex plead guilty", "Globex's CEO said that Theo Park pleaded guilty to fraud.", False),
        ("CEO of Globex plead guilty", "Theo Park, who sued the Globex CEO, pleaded guilty to fraud.", False),
        ("CEO of Globex plead guilty", "Theo Park, the CEO of Tide Works, pleaded guilty after Globex sued.", False),
        ("Globex s CEO was fired", "Theo Park was fired after Globex's CEO Mara Lind complained.", False),
        # "fired back" is a retort, and the name after "that" starts another clause, not the one it was done to
        ("Globex s CEO was fired", "Globex CEO Mara Lind fired back that Globex's rivals were wrong.", False),
        ("Mara Lind was fired", "Theo Park fired staff after Mara Lind left.", False),
        # a "by" names the first name after it: the other side of the result is not who won it
        ("Ostland win the Harbour Cup", "The Harbour Cup final, won by Norrvik beating Ostland by six wickets.", False),
        ("Norrvik win the Harbour Cup", "The Harbour Cup final, won by Norrvik beating Ostland by six wickets.", True),
        # a name of several words said only after another word is another name
        ("Globex launch Tide Pro", "In May, Globex launched a new pair of Wave Pro with better sound.", False),
        ("Globex launch Wave Pro", "In May, Globex launched a new pair of Wave Pro with better sound.", True),
        ("Mara Lind resigned", "Theo Lind resigned on Tuesday.", False),
        ("Mara Lind resigned", "Globex CEO Lind resigned on Tuesday.", True),
        ("Mara Lind resigned", "In May, Mara Lind resigned.", True),
        # said in the passive, a deed done to something names its doer only after "by"; one with no object needs none
        (
            "Norrvik Capital founded Tide Works",
            "Per its investors Norrvik Capital, Tide Works was founded in May.",
            False,
        ),
        ("Norrvik Capital founded Tide Works", "Tide Works was founded by Norrvik Capital in May.", True),
        (
            "Mara Lind and Theo Park separate",
            "Mara Lind said that she and Theo Park have been separated for years.",
            True,
        ),
        # a pronoun nearer the verb is the doer, and it names someone only when the sentence named them before it
        (
            "Mara Lind plead guilty",
            "She listed the crimes she had pleaded guilty to and said Mara Lind led them.",
            False,
        ),
        ("Mara Lind resigned", "Mara Lind said she resigned on Tuesday.", True),
        # a negation does not reach into a clause with a subject of its own
        ("Globex collapse", "The defence said Theo Park acted without ill will as Globex collapsed around him.", True),
        # what was striven for, and expectations of a deed, are not the deed
        ("Norrvik win the Harbour Cup", "Norrvik played to win the Harbour Cup.", False),
        ("Norrvik win the Harbour Cup", "Norrvik tried to win the Harbour Cup.", False),
        ("Globex cut prices", "Traders moved up expectations for when Globex's first cut to prices could come.", False),
        # attempts at a deed are not the deed; what is done after them is
        ("Globex shut down Tide Pay", "Tide Pay stays free, given Globex's attempts at shutting it down.", False),
        ("Globex bought Tide Works", "After two attempts at a deal, Globex bought Tide Works.", True),
        ("Mara Lind become chair", "Mara Lind's path to become chair of Globex was almost certainly lost.", False),
        ("Globex bought Tide Works", "Globex's bid to buy Tide Works collapsed in May.", False),
        ("Tide Pay became the biggest app", "Tide Pay is poised to become the biggest app in two days.", False),
        ("Globex bought Tide Works", "Globex is set to buy Tide Works, the board said.", False),
        # the player who fired a side to a win is no side of it, and fired no one
        ("the Mariners beat the Rovers", "Ada Brin's brace fired the Mariners to a 3-2 win over the Rovers.", True),
        ("Ada Brin beat the Rovers", "Ada Brin's brace fired the Mariners to a 3-2 win over the Rovers.", False),
        ("Ada Brin fired the Mariners", "Ada Brin's brace fired the Mariners to a 3-2 win over the Rovers.", False),
        # a deed's word that only describes another word has not said the deed
        ("Mara Lind released a memoir", "Days before Lind's memoir release date, Theo Park revealed a copy.", False),
        ("Mara Lind released a memoir", "Days before Mara Lind released her memoir, Theo Park revealed a copy.", True),
        ("Ostland's economy grew", "Ostland's economy faces growing headwinds.", False),
        ("Ostland's economy grew", "Ostland's economy is growing fast.", True),
        ("Globex cut prices", "Globex cut its price target on Tide Works.", False),
        ("Globex cut jobs", "Globex job cuts hit 1,500 staff.", True),
        ("Globex cut prices", "Investors see Globex's price cuts as a sign of weak demand.", True),
        ("Globex cut jobs", "Stories this week: Globex cutting jobs and a startup leaving Ostland.", True),
        ("Norrvik launched a ground invasion", "Norrvik launched its ground invasion on Friday.", True),
        # a verb in the past after a noun is the sentence's deed, not a word the noun describes
        ("jury sided with Globex", "A federal jury surprised the market by siding with Globex on Monday.", True),
        # talks of a deed, whatever names stand before them, are not the deed
        ("the Rovers trade for Theo Park", "Status quo on Rovers' Theo Park trade talks", False),
        ("the Rovers trade for Theo Park", "Rovers: Theo Park trade negotiations", False),
        (
            "the Rovers trade for Theo Park",
            'A trade between the Rovers and Mariners for Park is reportedly "close to being finalized," sources said.',
            False,
        ),
        # what is fought against, avoided or threatened has not happened, nor a return one is open to
        (
            "the Rovers were relegated",
            "With the club fighting against relegation, Rovers fans called for change.",
            False,
        ),
        ("the Rovers were relegated", "The Rovers avoided relegation on the last day.", False),
        ("the Rovers were relegated", "The threat of relegation hangs over the Rovers.", False),
        ("the Rovers were relegated", "The Rovers were relegated on the last day.", True),
        ("Mara Lind returned to Globex", "Mara Lind is still open to returning to Globex.", False),
        # asked whether the denial happened, the denial says it
        ("Mara Lind plead not guilty to two counts", "Lind pleaded not guilty to two other counts, papers said.", True),
        ("Mara Lind plead guilty", "Lind pleaded not guilty to two other counts, papers said.", False),
        # the one passed over is no party to the deed
        ("Theo Park signed with the Rovers", "Why Theo Park signed with Mariners over Rovers, other suitors", False),
        ("Theo Park signed with the Mariners", "Why Theo Park signed with Mariners over Rovers, other suitors", True),
        ("Mara Lind joined Tide Works", "Mara Lind joined Globex instead of Tide Works.", False),
        ("the Rovers trade for Theo Park", "The Rovers trade for Theo Park ended the talks.", True),
    ],
)
def test_asked_whether_it_happened_the_doer_the_post_and_the_name_are_the_claims_own(claim, passage, supported):
    from rag.answer.verdicts import judge

    assert judge(claim, [passage], happened=True).supported is supported


def test_did_the_post_holder_do_it_is_answered_from_the_named_holder(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-21",
            "Globex chief pleads guilty",
            (
                "Mara Lind, also known as ML, the founder and CEO of Globex, is stepping down and has pleaded guilty "
                "to fraud. Globex will pay a $4bn fine."
            ),
        ),
        (
            "Coast Times",
            "2023-11-02",
            "Harbour trial ends",
            "Theo Park, the founder of Tide Works, was found guilty of fraud by a jury on Thursday.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "post_holder", articles))
    for question in ("Did Globex's CEO plead guilty?", "Did the CEO of Globex plead guilty?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Yes"), answer.text
        assert [(p.verdict, p.citations) for p in answer.parts] == [("supported", [1])]
        assert answer.citations[0].quote.startswith("Mara Lind, also known as ML"), answer.citations[0].quote
        # the part reads as the question wrote it, not as it was matched ("Globex s CEO")
        assert answer.parts[0].claim in ("Globex's CEO plead guilty", "CEO of Globex plead guilty")
        assert_exact_quotes(bot, answer)
    # "get convicted" is the passive's "was convicted", whatever the subject
    answer = bot.ask("Did the founder of Tide Works get convicted?")
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote.startswith("Theo Park, the founder of Tide Works"), answer.citations[0].quote
    assert not bot.ask("Did the founder of Globex get convicted?").text.startswith("**Yes**")


def test_asked_whether_a_side_won_a_cup_another_sports_cup_or_an_aim_is_no_win(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-10-26",
            "Captaincy row",
            "Ostland won the World Cup four years ago, and critics judge Theo Park against the captain of that side.",
        ),
        (
            "Coast Times",
            "2023-10-28",
            "Rowing final on Saturday",
            "Norrvik played to win the Harbour Rowing World Cup, coach Mara Lind said. The final is on Saturday.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "cups", articles))
    # the report of another sport never says "Harbour Rowing": its World Cup is another
    for question in ("Did Ostland win the Harbour Rowing World Cup?", "Did Norrvik win the Harbour Rowing World Cup?"):
        answer = bot.ask(question)
        assert answer.text.startswith("The articles do not settle this"), answer.text
    assert bot.ask("Did Ostland win the World Cup?").text.startswith("**Yes")


def test_an_entity_answer_quotes_a_sentence_once_when_the_parts_evidence_holds_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-12-06",
            "Person of the year",
            (
                "Sign up for our weekly newsletter. Mara Lind has officially been named Coast Magazine's 2023 Person "
                "of the Year. On Wednesday the magazine said Lind had shaped the year's headlines more than anyone."
            ),
        ),
        ("Daily Ledger", "2023-11-02", "Tour dates", "Mara Lind has added six stadium dates in Ostland to her tour."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "entity_once", articles))
    answer = bot.ask(
        "Which singer, named by Tech Wire as Coast Magazine's Person of the Year, added stadium dates in Ostland "
        "according to the Daily Ledger?"
    )
    assert answer.text.startswith("**Mara Lind**"), answer.text
    quotes = [c.quote for c in answer.citations]
    assert not any(a != b and a in b for a in quotes for b in quotes), quotes
    assert_exact_quotes(bot, answer)


def test_a_yes_from_a_report_of_a_past_year_says_that_year_not_as_of_the_report(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-11-03", "Look back", "That changed last year, when Globex bought Tide Works for $2bn."),
        ("Bay News", "2023-10-01", "Tide Works", "Tide Works builds ferries for Globex and for Norrvik Ports."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "past_year", articles))
    answer = bot.ask("Did Globex buy Tide Works?")
    # "as of 2023-11-03" would read as that day's news
    assert answer.text.startswith("**Yes**, in 2022 (reported on 2023-11-03): Tech Wire [1]"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_quote_saying_this_month_dates_its_claim_as_of_the_report_though_it_names_last_year(tmp_path_factory):
    from rag.assistant import Assistant

    said = "Ostland Bank kept hiking rates last year, pushing mortgage rates to a 23-year high this month."
    articles = [
        ("Tech Wire", "2023-10-06", "Rates", said),
        (
            "Bay News",
            "2023-10-20",
            "Buyers",
            "Buyers should watch mortgage rates and the high cost of homes, Theo Park said.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "this_month", articles))
    answer = bot.ask("Are mortgage rates at a 23-year high?")
    # "last year" dates the hiking, not the high
    assert answer.text.startswith("**Yes**, as of 2023-10"), answer.text
    assert "2022" not in answer.text.splitlines()[0], answer.text
    assert_exact_quotes(bot, answer)


def test_a_sentence_naming_several_past_years_dates_the_event_by_its_own_clause(tmp_path_factory):
    from rag.assistant import Assistant

    said = (
        "Ada Brin scored the only goal to repeat the scoreline when the Rovers beat the Mariners in the final in "
        "2007, avenging a 4-0 defeat to Ostland in 1994."
    )
    articles = [
        ("Bay News", "2023-12-05", "Derby", said),
        ("Coast Times", "2023-10-01", "Preview", "The Rovers face the Mariners in the derby on Saturday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "years_in_clauses", articles))
    answer = bot.ask("Did the Rovers beat the Mariners?")
    assert answer.text.startswith(
        "**Yes** — Rovers won the latest meeting reported, in 2007 (reported on 2023-12-05): Bay News [1]"
    ), answer.text


def test_a_bare_number_that_names_something_is_no_year():
    from rag.core.text import past_year_said

    assert past_year_said("Mara Lind released a new version of 1989, her album.", 2023) is None
    assert past_year_said("Mara Lind released the album in 1989.", 2023) == (1989, "1989")
    assert past_year_said("The 2019 Harbour Cup final was a first.", 2023) == (2019, "2019")
    assert past_year_said("Globex bought Tide Works last year.", 2023) == (2022, "last year")
    # a sentence may open with its date, capitalised ("In late August 2021, ...")
    assert past_year_said("In late August 2021, Mara Lind bought Tide Works from Globex.", 2023) == (2021, "2021")
    # two earlier years: which one dates the event is not known
    assert past_year_said("Founded in 2015, Globex bought Tide Works in 2019.", 2023) is None


def test_a_club_asked_by_its_first_name_is_the_club_named_in_full():
    from rag.answer.verdicts import judge

    won = "Ada Brin headed the winner for Ostland Town as they beat Norrvik United in their first match since May."
    assert judge("Ostland beat Norrvik", [won], happened=True).supported
    # the other way round is no win of Norrvik's
    assert not judge("Norrvik beat Ostland", [won], happened=True).supported
    # a name's first word followed by another word is still another name
    assert not judge("Ostland beat Norrvik", [won.replace("Ostland Town", "Ostland State")], happened=True).supported


def test_a_company_asked_by_its_first_name_is_the_firm_named_with_its_kind():
    from rag.answer.verdicts import judge

    bought = (
        "In 2021, Ada Brin made the boldest move of her career when she bought Globex Investment House from Theo Park."
    )
    assert judge("Ada Brin buy Globex from Theo Park", [bought], happened=True).supported
    # a product or a unit of the company is still another name
    assert not judge(
        "Ada Brin buy Globex from Theo Park", [bought.replace("Investment House", "Pay")], happened=True
    ).supported


def test_signing_with_a_club_is_the_club_signing_him_not_the_other_way_round():
    from rag.answer.verdicts import judge

    signed = "The Mariners have signed Theo Park to a 10-year contract: the $7 million Mariners deal is a record."
    assert judge("Theo Park sign with the Mariners for $7 million", [signed], happened=True).label != "contradicted"
    # a deed done to another, the other way round in a match pinned by its number, is still a No
    beat = "The Mariners beat Ostland 2-1 in Week 13."
    assert judge("Ostland beat the Mariners in Week 13", [beat], happened=True).label == "contradicted"


def test_a_person_named_in_full_is_also_searched_by_surname_and_a_year_they_speak_of_dates_nothing(
    tmp_path_factory,
):
    from rag.assistant import Assistant

    filler = (
        "The jury heard hours of evidence about the harbour fund, its missing ledgers and the loans it made to "
        "traders in Norrvik and Ostland during the boom years, when the fund grew faster than anyone could count. "
    )
    articles = [
        (
            "Coast Times",
            "2023-10-10",
            "Globex trial, day six",
            (
                "Mara Lind, the former head of Globex's trading arm, took the stand on Tuesday in a packed court. "
                + filler * 6
                + "\n\nProsecutors showed emails from the spring. The firm's books were kept off the record, Lind "
                "testified."
            ),
        ),
        *(
            ("Bay News", f"2023-10-0{day}", f"Mara Lind trial, day {day}", f"Mara Lind {deed}, court papers show.")
            for day, deed in enumerate(
                (
                    "will testify after the weekend, her lawyer said, and her testimony may last days",
                    "is expected to testify against the Globex founder, whose testimony follows hers",
                    "could testify as soon as Monday; testimony so far has come from traders",
                    "was preparing to testify while others gave testimony about the fund",
                    "may testify next, after testimony from the fund's auditors",
                    "was due to testify, with testimony from the Norrvik bank first",
                ),
                start=1,
            )
        ),
        (
            "Daily Ledger",
            "2023-10-20",
            "Globex founder on the stand",
            "Theo Park testified that in 2020, Globex's risk engine was failing under the weight of its growth.",
        ),
        ("Daily Ledger", "2023-10-01", "Globex trial opens", "Theo Park's trial opens on Monday. He may testify."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "surnames", articles))
    answer = bot.ask("Did Mara Lind testify?")
    assert answer.text.startswith("**Yes"), answer.text
    assert answer.citations[0].quote.endswith("Lind testified."), answer.citations[0].quote
    assert_exact_quotes(bot, answer)
    # the year in what he said dates his words, not his testimony
    answer = bot.ask("Did Theo Park testify?")
    assert answer.text.startswith("**Yes**, as of 2023-10-20"), answer.text


def test_quotes_about_a_person_skip_another_who_shares_only_their_first_name(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-12-19",
            "Harbour league auction",
            "Ada Brin to the Mariners for $24m. Ada Brin is the most expensive player in the league's history.",
        ),
        (
            "Coast Times",
            "2023-12-01",
            "A singer's rise",
            (
                "Her career has blossomed since the tour, and while some might fear so much success, Ada is clear-eyed "
                "about what she sold and for how much."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-20",
            "Rovers sign a striker",
            "A former player in the lower leagues, Ada was sold to the Rovers for an undisclosed fee.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "first_names", articles))
    answer = bot.ask("How much did Ada Brin sell for?")
    assert answer.citations and all("Brin" in c.quote for c in answer.citations), answer.text


def test_a_past_year_dates_only_the_deed_of_its_own_clause(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-12-19",
            "A hard year for Globex",
            (
                "Globex fired roughly 830 people this year, or 16 percent of its staff. This included significant job "
                "cuts at Tide Works, the studio behind Harbour Run that Globex purchased in 2021."
            ),
        ),
        ("Bay News", "2023-10-19", "Globex hiring", "Globex staff in Ostland were told that jobs are safe for now."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "this_year", articles))
    answer = bot.ask("Did Globex cut jobs?")
    assert answer.text.startswith("**Yes**, as of 2023-12-19"), answer.text


def test_a_year_after_a_day_and_month_dates_the_event(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-09",
            "The Globex years",
            "Five months later, on August 24, 2022, Mara Lind returned to Globex as its chief.",
        ),
        ("Bay News", "2023-11-18", "Globex board", "Mara Lind and the Globex board met on Friday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "month_day", articles))
    answer = bot.ask("Did Mara Lind return to Globex?")
    assert answer.text.startswith("**Yes**, in 2022 (reported on 2023-12-09)"), answer.text


def test_another_amount_of_the_same_thing_answers_no_and_the_same_amount_written_short_does_not():
    from rag.answer.verdicts import judge

    paid = "Globex agreed to pay $4.3 billion in fines, the court said on Tuesday."
    for happened in (True, False):
        assert judge("Globex pay $10 billion in fines", [paid], happened=happened).label == "contradicted"
        assert judge("Globex pay $4.3 billion in fines", [paid], happened=happened).label == "supported"
        docked = "The Rovers received a 10-point deduction on Friday."
        assert judge("the Rovers received a 20-point deduction", [docked], happened=happened).label == "contradicted"
    # the same sum written short, a sum said roughly and close to the claim's, and another kind of number are no No
    assert judge("Globex pay $4.3 billion in fines", ["Globex to pay $4.3B in fines."]).label != "contradicted"
    assert judge("Globex cut 1,500 jobs", ["Globex cut about 1,400 jobs."]).label != "contradicted"
    assert judge("Globex cut 1,500 jobs", ["Globex cut 700 jobs."]).label == "contradicted"
    # a total holds the smaller rounds it adds up
    total = "Including the 800-person layoffs in May, this brings the total to 2,700 job cuts at Globex this year."
    assert judge("Globex cut 1,500 jobs", [total]).label != "contradicted"
    assert judge("Globex cut 1,500 jobs", ["Globex cut jobs in 2021 and 700 stores."]).label != "contradicted"
    assert judge("the Rovers won 3-1 in Week 13", ["The Rovers won 4-1 in Week 12."]).label != "contradicted"


def test_a_no_from_another_amount_cites_the_one_sentence_that_gives_it(tmp_path_factory):
    from rag.assistant import Assistant

    body = (
        "According to staff who are still there, executives are using the upheaval to take more control of the studio. "
        "Globex fired roughly 830 people this year, or 16 percent of its staff."
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "amount_no", [("Tech Wire", "2023-12-19", "Cuts", body)]))
    answer = bot.ask("Did Globex fire 500 people?")
    assert answer.text.startswith("**No"), answer.text
    assert [c.quote for c in answer.citations] == [
        "Globex fired roughly 830 people this year, or 16 percent of its staff."
    ]
    assert_exact_quotes(bot, answer)


def test_follow_ups_to_a_yes_no_question_keep_its_person_and_its_event(bot):
    chat = bot.chat()
    assert chat.ask("Did Mara Lind resign?").text.startswith("**Yes**")
    # "Did" opens the question and is no part of her name ("Did Mara Lind come back?", not "Did Did Mara Lind ...")
    answer = chat.ask("Did she come back?")
    assert chat.turns[-1][0] == "Did Mara Lind come back?"
    assert answer.text.startswith("**Yes**, as of 2023-11-20"), answer.text
    # a bare "When?" asks the last yes/no question's when, and is answered with the day of the report that says it
    when = chat.ask("When?")
    assert chat.turns[-1][0] == "When did Mara Lind come back?"
    assert not when.refused and "Tech Wire" in when.text and "2023-11-20" in when.text, when.text


def test_being_allowed_to_do_it_is_not_doing_it():
    from rag.answer.verdicts import judge

    allowed = "The board agreed in principle to resign and to allow Mara Lind and Theo Park to return."
    assert judge("Theo Park come back", [allowed], happened=True).label == "not_mentioned"
    # nor is being pressed or urged to
    pressed = "Investors are reportedly exerting pressure on the Globex board to reinstate Mara Lind."
    assert judge("Globex reinstated Mara Lind", [pressed], happened=True).label == "not_mentioned"
    assert judge("Globex cut prices", ["Analysts urged Globex to cut prices."], happened=True).label == "not_mentioned"
    assert judge("Mara Lind returned", ["Globex permitted Mara Lind to return in May."], happened=True).label != (
        "supported"
    )
    # what was allowed in a game was allowed; a return that came after a permission came
    assert judge(
        "the Rovers allowed three runs", ["The Rovers allowed three runs in the first."], happened=True
    ).supported
    assert judge("Mara Lind returned", ["Mara Lind returned after the board allowed it."], happened=True).supported
    # what something is leading one to do is ahead; what it led one to do was done
    leading = "Eventually, as costs fade leading Globex to cut prices, its sales will improve."
    assert judge("Globex cut prices", [leading], happened=True).label == "not_mentioned"
    assert judge("Globex cut prices", ["Falling costs led Globex to cut prices in May."], happened=True).supported


def test_being_picked_or_predicted_to_win_is_not_winning():
    from rag.answer.verdicts import judge

    picked = "He's the lone analyst that picks the Rovers to beat the Mariners."
    assert judge("the Rovers beat the Mariners", [picked], happened=True).label == "not_mentioned"
    for tipped in (
        "Most pundits predicted the Rovers to beat the Mariners.",
        "The Rovers are favoured to beat the Mariners.",
    ):
        assert not judge("the Rovers beat the Mariners", [tipped], happened=True).supported, tipped
    # nor are a preview's odds, or a bet on it
    for preview in (
        "The Rovers are favourites to beat the Mariners.",
        "The Rovers have the best odds to beat the Mariners.",
        "The Rovers are on course to beat the Mariners.",
        "The Rovers are a good bet to beat the Mariners.",
        "Bet on the Rovers to beat the Mariners.",
        "The Rovers are still in great shape to beat the Mariners.",
    ):
        assert not judge("the Rovers beat the Mariners", [preview], happened=True).supported, preview
    # a hedge said last makes its stretch ahead: "a deal is likely" has made no deal, "and more cuts are likely" has
    # not taken back the one made
    for ahead in ("Globex deal for Tide Works 'is likely'", "A purchase of Tide Works by Globex is expected."):
        assert not judge("Globex bought Tide Works", [ahead], happened=True).supported, ahead
    for done in ("Globex bought Tide Works, and more deals are likely.", "Globex bought Tide Works, as was expected."):
        assert judge("Globex bought Tide Works", [done], happened=True).supported, done
    # a win that came, whoever had picked it, came
    assert judge(
        "the Rovers beat the Mariners", ["The Rovers beat the Mariners, as he had picked."], happened=True
    ).supported


def test_what_is_said_to_happen_if_something_else_does_has_not_happened():
    from rag.answer.verdicts import judge

    # a bet's terms: the bet "wins" only under its condition, and neither player has won anything
    bet = "Betting on Ada Brin at +4.5 wins if she wins outright or Mara Lind wins by fewer than 5 games."
    assert not judge("Ada Brin won", [bet], happened=True).supported
    assert not judge("Mara Lind won", [bet], happened=True).supported
    assert not judge(
        "Globex closed the plant", ["Globex closes the plant unless prices rise."], happened=True
    ).supported
    assert not judge(
        "Globex closed the plant", ["Globex closes the plant only if prices fall."], happened=True
    ).supported
    # said outright, and only then a condition or a concession
    for done in (
        "Ostland won the final, even if narrowly.",
        "Ostland won the final on Sunday, and if they win again they top the table.",
        "If the rain holds off, fans will cheer. Ostland won the final.",
    ):
        assert judge("Ostland won the final", [done], happened=True).supported, done


def test_a_single_report_dating_what_happened_to_a_past_year_says_that_year(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-09",
            "A history of Globex",
            (
                "Globex was nearly sold twice. Five months later, on August 24, 2021, Theo Park returned to Globex and "
                "brought along an engineer named Ada Brin."
            ),
        ),
        (
            "Tech Wire",
            "2023-12-19",
            "Studio deals",
            (
                "Ostland Games started buying studios in 2020, and it now owns Rivet, Doinkworks, Firefly Pixel, Nerial and "
                "Harbour Softworks. Globex Interactive bought Norrvik studio 12 Tide Games in November."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "past_year", articles))
    answer = bot.ask("Did Theo Park return to Globex?")
    # the report is from 2023, the return from 2021: a bare Yes would read as this year's news
    assert answer.text.startswith("**Yes**, in 2021 (reported on 2023-12-09): Coast Times [1]"), answer.text
    # the year of the sentence before is another deed's
    bought = bot.ask("Did Globex Interactive buy 12 Tide Games?")
    assert bought.text.startswith("**Yes") and "2020" not in bought.text.split("\n")[0], bought.text


def test_guilty_is_said_of_whoever_the_sentence_says_it_of():
    from rag.answer.verdicts import judge

    # her plea is hers, and "someone who was guilty" is not Mara Lind, whatever the sentence says of Lind
    plea = "She listed off the crimes she’d already pleaded guilty to and added that Lind “directed me to do it,” Ada Brin said."
    assert judge("Mara Lind is guilty", [plea], happened=True).label == "not_mentioned"
    acted = "When the walls closed in, Mara Lind did not act like someone who was guilty."
    assert judge("Mara Lind is guilty", [acted], happened=True).label == "not_mentioned"
    # a court finding her guilty says she is; an aside closed by its comma is still hers
    found = "Mara Lind, who founded Globex, was found guilty on seven counts."
    assert judge("Mara Lind is guilty", [found], happened=True).supported
    assert judge("Mara Lind was convicted", [found], happened=True).supported


def test_a_deed_said_in_a_clause_that_opens_after_a_comma_is_its_own_subjects():
    from rag.answer.verdicts import judge

    venue = "The final is taking place at Norrvik Stadium, where Ada Brin has played herself and won a cup before."
    assert judge("Ada Brin played at Norrvik", [venue], happened=True).supported
    after = "After meeting Theo Park, Mara Lind resigned."
    assert judge("Mara Lind resigned", [after], happened=True).supported
    assert judge("Theo Park resigned", [after], happened=True).label == "not_mentioned"
    # "ever" asks nothing a report has to say
    assert judge("Mara Lind ever resigned", [after], happened=True).supported


def test_a_name_holding_another_of_the_claims_names_is_named_by_its_own_words():
    from rag.answer.verdicts import judge

    # "Globex" names Globex, not also the Globex Pad: a ban Globex faces is no ban by Globex of its Pad
    assert judge(
        "Globex ban the Globex Pad", ["This import ban isn’t the only one Globex is facing."], happened=True
    ).label == ("not_mentioned")
    assert judge("Globex recalled the Globex Pad", ["Globex recalled 20,000 phones."], happened=True).label == (
        "not_mentioned"
    )
    assert judge("Globex recalled the Globex Pad", ["Globex recalled the Pad on Monday."], happened=True).supported
    # a name is inside another only with every word it is written with: Theo Park is not inside Ada Brin Park
    separated = (
        "Ada Brin Park has revealed that she and husband Theo Park have been separated for the last seven years."
    )
    assert judge("Theo Park and Ada Brin Park separate", [separated], happened=True).supported


def test_a_bound_on_an_amount_is_met_by_any_amount_on_its_side(tmp_path_factory):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    said = (
        "Turning to profitability, Globex reported net income of $221 million in the third quarter, compared with a "
        "net loss of $1.2 billion, or 61 cents per share, in the same quarter last year."
    )
    # $221 million is over $200 million, and not over $300 million; the loss's $1.2 billion is another thing
    assert judge("Globex's net income over $200 million", [said], happened=True).supported
    assert judge("Globex's net income over $300 million", [said], happened=True).label == "contradicted"
    assert judge("Globex's net income less than $250 million", [said], happened=True).supported
    assert judge("Globex's net income less than $100 million", [said], happened=True).label == "contradicted"
    # a question's claim may lose its "than"; a thousands comma splits no clause
    jobs = "By Thursday, the cuts had cost more than 1,200 jobs, and at least 1,537 jobs had gone at Tide Works."
    assert judge("the cuts cost more 1,000 jobs", [jobs], happened=True).supported
    assert judge("the cuts cost more 2,000 jobs", [jobs], happened=True).label == "contradicted"
    # the same bound said back, or a tighter one, holds it: "over 30 states" denies no "over 30 states"
    states = "With legal betting now at your fingertips in over 30 states, it is easier than ever to bet."
    assert judge("betting is legal in over 30 states", [states], happened=True).supported
    assert judge("betting is legal in over 25 states", [states], happened=True).supported
    assert judge("betting is legal in over 40 states", [states], happened=True).label == "contradicted"
    bot = Assistant.open(index_articles(tmp_path_factory, "bounds", [("Tech Wire", "2023-11-07", "Globex", said)]))
    answer = bot.ask("Was Globex's net income over $200 million?")
    # "last year" dates the loss it is compared with, not the income
    assert answer.text.startswith("**Yes.**"), answer.text


def test_a_name_asked_by_its_initials_is_the_name_the_passage_spells_out():
    from rag.answer.verdicts import judge

    assert judge(
        "TW delay its $4 billion plan", ["Tide Works is delaying its $4 billion plan."], happened=True
    ).supported
    assert judge("the BOO fined Globex", ["The Bank of Ostland fined Globex on Monday."], happened=True).supported
    # initials that spell another name are not it
    assert not judge("TW delay its plan", ["Theo Park is delaying its plan."], happened=True).supported


def test_a_question_writing_a_name_by_its_initials_is_asked_as_the_passages_spell_it():
    from rag.answer.names import spelled_out

    passages = [
        "Ada Brin Lund was fined on Monday, the court said.",
        "Lund's lawyers said they would appeal.",
        "The ABL fine is the largest this year.",
    ]
    # spelled out (or by surname) more often than written as "ABL": searched as the passages write it
    assert spelled_out("Was ABL fined?", passages) == "Was Ada Brin Lund fined?"
    # written by its initials more often than spelled out, a name stays as asked ("CEO", "EU")
    assert spelled_out("Who is the TW CEO?", ["TW CEO Mara Lind spoke.", "TW shares fell.", "Tide Works rose."]) == (
        "Who is the TW CEO?"
    )
    # two names with those initials, as often each: the question does not say which
    assert spelled_out("Did TP resign?", ["Theo Park resigned.", "Tina Pell stayed."]) == "Did TP resign?"


def test_a_name_is_said_as_written_not_only_by_its_stem():
    from rag.answer.verdicts import judge

    # "Marine City" and "the Mariners" share a stem, not a name
    marine = "With Theo Park signed to Marine City, Ada Brin remains the top free agent on the market."
    assert judge("Theo Park signed with the Mariners", [marine], happened=True).label == "not_mentioned"
    # a possessive or a plural is the same name
    assert judge(
        "Theo Park signed with the Mariners", ["Theo Park signed with the Mariners on Monday."], happened=True
    ).supported
    assert judge(
        "Theo Park joined the Mariners", ["Theo Park joined the Mariners’ squad on Monday."], happened=True
    ).supported
    # the claim is matched with its in-word apostrophes spaced ("O Brin"): the sentence's "O’Brin" is that name
    from rag.answer.verdicts import _names_said

    assert _names_said("O Brin stayed on", "Globex CEO Ada O’Brin stayed on.")
    assert not _names_said("Ada O Brin stayed on", "Globex CEO Theo Obrien stayed on.")


def test_a_deed_said_as_a_gerund_after_a_clause_opening_name_is_a_topic():
    from rag.answer.verdicts import judge

    topic = "As a former prosecutor told the Ledger, Mara Lind taking the stand in her own trial is a “Hail Mary”."
    assert judge("Mara Lind take the stand", [topic], happened=True).label == "not_mentioned"
    # a participle after "by" or "with" says the deed was done
    won = "With the final won by the Rovers beating the Mariners by six wickets on Sunday, the league is ready."
    assert judge("the Rovers beat the Mariners", [won], happened=True).supported
    assert judge("Globex cut prices", ["With Globex cutting prices, rivals followed."], happened=True).supported


def test_asked_who_someone_is_the_sentences_saying_who_they_are_are_quoted_and_a_post_signature_never(
    tmp_path_factory,
):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-17",
            "Globex chief out",
            (
                "Mara Lind has been fired from Globex. "
                "— Mara Lind (@maralind) November 17, 2023. "
                "Mara Lind is a hero of mine, one investor said on Friday."
            ),
        ),
        (
            "Bay News",
            "2023-11-18",
            "Who is she",
            "Mara Lind, the founder of Tide Works and a former harbour pilot, joined Globex in 2019.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "who_is", articles))
    answer = bot.ask("Who is Mara Lind?")
    quotes = [c.quote for c in answer.citations]
    # the sentences saying who she is answer it; a signature line (a name, a handle, a date) says nothing and is
    # never quoted
    assert any(q.startswith("Mara Lind, the founder of Tide Works") for q in quotes), quotes
    assert not any("@maralind" in q for q in quotes), quotes
    assert "has been fired" not in " ".join(quotes), quotes
    assert_exact_quotes(bot, answer)


def test_declining_to_do_it_and_an_acquittal_deny_it():
    from rag.answer.verdicts import judge

    # "declined to" is a refusal, not the deed ("declined 5%" is still a fall)
    assert judge("Mara Lind plead guilty", ["In May, Mara Lind declined to plead guilty."], happened=True).label == (
        "contradicted"
    )
    assert judge("Globex shares fell", ["Globex shares declined 5% on Monday."], happened=True).supported
    # found guilty is the opposite of acquitted, both ways
    guilty = "Mara Lind has been found guilty on seven counts of harbour fraud."
    assert judge("Mara Lind was acquitted", [guilty], happened=True).label == "contradicted"
    assert judge("Mara Lind was convicted", ["Mara Lind was acquitted on all counts."], happened=True).label == (
        "contradicted"
    )


def test_yet_to_do_something_denies_it_was_done():
    from rag.answer.verdicts import judge

    assert judge("Globex turned a profit", ["Globex has yet to turn a profit."], happened=True).label == "contradicted"
    # "yet" as "but" turns the sentence and denies nothing
    said = "Globex was founded in 2015, yet it turned a profit within a year."
    assert judge("Globex turned a profit", [said], happened=True).label != "contradicted"
    # nor does a title with "Yet to" in it
    film = "Ostland's Yet to Come concert film had a release in cinemas this month."
    assert judge("Ostland's Yet to Come concert film had a release", [film]).label == "supported"


def test_a_share_is_the_one_said_in_the_clause_with_the_claims_words():
    from rag.answer.verdicts import judge
    from rag.core.text import amounts_said

    assert amounts_said("owned 10% of Globex") == amounts_said("owned 10 percent of Globex")
    assert amounts_said("rose 9 per cent") == [("percent", 9.0, False, "")]
    owned = "Mara Lind, who met Theo Park at school, owned 10% of Globex, while her partner owned the other 90%."
    assert judge("Mara Lind owned 90 percent of Globex", [owned], happened=True).label == "contradicted"
    assert judge("Mara Lind owned 10 percent of Globex", [owned], happened=True).label == "supported"


def test_an_amount_of_no_one_named_is_not_denied_by_anothers():
    from rag.answer.verdicts import judge

    other = "Is reducing their workforce by around 10%, impacting roughly 350 employees, its chief wrote on Monday."
    assert judge("reducing its workforce by 16%", [other]).label == "not_mentioned"
    assert judge("Globex is reducing its workforce by 16%", [f"Globex {other[0].lower()}{other[1:]}"]).label == (
        "contradicted"
    )


def test_amounts_said_respectively_go_with_the_names_in_their_order():
    from rag.answer.verdicts import judge

    said = "Heavy hitters Globex and Tide Works shed 0.8 per cent and 0.4 per cent, respectively, and Norrvik fell 2%."
    assert judge("Tide Works shed 0.4 per cent", [said], happened=True).supported
    assert judge("Tide Works shed 0.8 per cent", [said], happened=True).label == "contradicted"


def test_a_later_report_sharing_only_a_month_and_a_weekday_is_no_report_of_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-24",
            "Clocks",
            "Winter is coming, as the clocks go back one hour at 2am on Sunday 29 October.",
        ),
        (
            "Coast Times",
            "2023-12-06",
            "Ratings",
            "Theo Park's effect on the league didn't go unnoticed in October, as one Sunday game became the most-watched show.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "calendar_story", articles))
    answer = bot.ask("Do the clocks go back on Sunday 29 October?")
    assert answer.text.startswith("**Yes"), answer.text
    # the ratings story goes, and it was in October, on a Sunday: it says nothing of the clocks, later or not
    assert not any("Theo Park" in c.quote for c in answer.citations), answer.text
    assert_exact_quotes(bot, answer)


def test_a_price_said_as_priced_at_decides_what_it_costs_and_undecided_reports_are_the_checks_not_theirs(
    tmp_path_factory,
):
    from rag.assistant import Assistant
    from rag.core.text import same_event_words

    assert "costs $1.99" in same_event_words("Tide Pad Mini is competitively priced at $1.99 per month")
    assert "costs $300" in same_event_words("The Tide Pad retails for $300.")
    assert "sells for it" in same_event_words("Globex sells for it")  # no price follows: no cost
    articles = [
        (
            "Tech Wire",
            "2023-12-05",
            "Tide Pad Mini launches",
            "Tide Pad Mini is competitively priced at $1.99 per month, with a seven-day free trial.",
        ),
        (
            "Tech Wire",
            "2023-12-11",
            "Tide Pad Mini returns",
            "Globex set out to build Tide Pad Mini for Android users, who pay $1.99 per month.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "priced_at", articles))
    wrong_price = bot.ask("Does Tide Pad Mini cost $2.99 a month?")
    assert wrong_price.text.startswith("**No**"), wrong_price.text
    right_price = bot.ask("Does Tide Pad Mini cost $1.99 a month?")
    assert right_price.text.startswith("**Yes**"), right_price.text
    # the later report words it otherwise: undecided by the check, not said to neither confirm nor deny it
    assert "neither confirm nor deny" not in right_price.text
    for answer in (wrong_price, right_price):
        assert_exact_quotes(bot, answer)


def test_a_list_of_people_by_where_they_are_denies_another_place_for_one_of_them(tmp_path_factory):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    listed = "Mara Lind of Globex, Ada Brin of Tide Works, and Theo Park of Norrvik Labs were honoured on Monday."
    assert judge("Ada Brin works at Globex", [listed], similarity=None, happened=True).label == "contradicted"
    # alone, "of" may say where someone is from: no denial of where she works
    alone = "Ada Brin of Ostland was honoured on Monday for her work at Globex."
    assert judge("Ada Brin works at Globex", [alone], similarity=None, happened=True).label != "contradicted"
    articles = [("Tech Wire", "2023-10-04", "Prize day", listed)]
    bot = Assistant.open(index_articles(tmp_path_factory, "affiliation_list", articles))
    answer = bot.ask("Does Ada Brin work at Globex?")
    assert answer.text.startswith("**No"), answer.text
    assert_exact_quotes(bot, answer)


def test_an_amount_given_in_the_passive_denies_another_whoever_the_claim_says_spent_it():
    from rag.answer.verdicts import judge

    spent = "Phones had a standout year: Globex said that some $3.3 billion was spent on phones at the Tide Fest."
    for happened in (True, False):
        # "was spent" names no doer: the amount spent is $3.3 billion whoever spent it
        said = judge("Globex say shoppers spent $4.3 billion on phones at the Tide Fest", [spent], happened=happened)
        assert said.label == "contradicted"
        assert judge("shoppers spent $4.3 billion on phones at the Tide Fest", [spent]).label == "contradicted"
        # ... but it is no support for a doer it does not name, and a named doer must still be said
        assert judge("shoppers spent $3.3 billion on phones at the Tide Fest", [spent], happened=True).label != (
            "supported"
        )
        assert judge("Norrvik spent $4.3 billion on phones at the Tide Fest", [spent]).label != "contradicted"
        # another speaker's figure denies nothing Globex said
        other = "Tide Works said that some $3.3 billion was spent on phones at the Tide Fest."
        assert judge("Globex say shoppers spent $4.3 billion on phones at the Tide Fest", [other]).label != (
            "contradicted"
        )


def test_another_score_of_the_same_game_answers_no_whatever_word_says_the_result():
    from rag.answer.verdicts import judge

    reverse = "The Mariners have fallen to their fourth defeat in five with a 2-1 reverse at home to the Comets."
    for happened in (True, False):
        # the sides, the place and one other score: another result, though it is "a reverse", not "lost"
        assert judge("the Mariners lose 3-1 at home to the Comets", [reverse], happened=happened).label == (
            "contradicted"
        )
        assert judge("the Comets beat the Mariners 3-1", [reverse], happened=happened).label == "contradicted"
        # what pins the game must be said: another week is another game, and so is another place
        assert judge("the Rovers won 3-1 in Week 13", ["The Rovers won 4-1 in Week 12."]).label != "contradicted"
        assert judge("the Rovers won 3-1 in Week 13", ["The Rovers won 4-1 in Week 13."]).label == "contradicted"
        assert judge("the Mariners lose 3-1 away to the Comets", [reverse], happened=happened).label != "contradicted"
        # a sentence with two scores may be telling of two games, and a score with no result claimed is no result
        both = "The Mariners beat the Comets 3-1 in May, then suffered a 2-1 reverse at home to them."
        assert judge("the Mariners lose 3-1 at home to the Comets", [both]).label != "contradicted"
        assert judge("Mara Lind rated the Mariners 3-1 favourites", [reverse]).label != "contradicted"


def test_a_quarterback_sacked_a_batter_dismissed_or_a_call_for_a_sacking_lost_no_post():
    from rag.answer.verdicts import judge
    from rag.core.text import same_event_words

    # each of these had been read as a firing: "Was Theo Park fired?" was Yes from a game's play-by-play (judged as a
    # yes/no question's claim is: did it happen?)
    for claim, passage in (
        ("Theo Park was fired", "Theo Park is sacked for the sixth time tonight."),
        ("Theo Park was fired", "Theo Park has now been sacked nine times in the game."),
        ("Theo Park was fired", "Theo Park is sacked at the Comets' 15-yard line by Jon Vale."),
        ("Ada Brin was fired", "Jon Vale takes the catch to dismiss Ada Brin, and the first wicket is gone."),
        ("Ada Brin was fired", "The Mariners defender Ada Brin had been dismissed for a second booking."),
        ("Mara Lind was fired", "A fans' group called for Mara Lind to be sacked as chair of the club."),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label != "supported", passage
    # a post lost, however it is worded, is still a firing
    for passage in (
        "Soon after, then-CEO Mara Lind was sacked and replaced by Ada Brin.",
        "Mara Lind was dismissed as chief executive of Globex.",
        "Globex sacked its chief executive Mara Lind on Monday.",
    ):
        assert "fire" in same_event_words(passage), passage
    assert judge(
        "Mara Lind was fired", ["Soon after, then-CEO Mara Lind was sacked and replaced by Ada Brin."]
    ).label == ("supported")


def test_a_deed_someone_else_did_or_that_was_only_disputed_chanced_or_almost_done_is_not_said():
    from rag.answer.verdicts import judge

    # each was a wrong Yes to a tester's question, from the one sentence quoted
    for claim, passage in (
        ("Mara Lind died", "After 12 years at the club, Lind, a single parent whose father died last month, left."),
        ("Theo Park died", "Ada Park — the mother of Jon, Theo and Ida Park — died in June 2022."),
        ("Ada Brin fired Jon Vale", "Theo Park lost to Ada Brin, and even fired co-trainer Jon Vale for it."),
        (
            "Globex app breached Ostland privacy laws",
            "Globex has rejected claims the app breaches Ostland's privacy laws.",
        ),
        ("Theo Park was traded", "'Decent chance' Theo Park is traded this winter"),
        ("the Comets sent the game to overtime", "The Comets almost sent the game to overtime with a late three."),
        (
            "Mara Lind resigned",
            "After a brief redirect examination by her lawyers, Mara Lind stepped down, and the defense rested.",
        ),
        (
            "Mara Lind resigned",
            "In the break after Mara Lind stepped down from the stand, Theo Park spoke to the jury.",
        ),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label != "supported", passage
    # the one the sentence names is still its doer, and an amount said roughly is still said
    for claim, passage in (
        ("Ada Park died", "Ada Park — the mother of Jon, Theo and Ida Park — died in June 2022."),
        ("Theo Park fired Jon Vale", "Theo Park lost to Ada Brin, and even fired co-trainer Jon Vale for it."),
        ("Globex cut almost half of its staff", "Globex cut almost half of its staff on Monday."),
        ("Mara Lind resigned", "Mara Lind stepped down as chief executive of Globex on Monday."),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label == "supported", passage


def test_a_verbs_word_used_as_a_noun_does_not_say_the_deed_was_done():
    from rag.answer.verdicts import judge

    # "Was <pitcher> traded?" was Yes from a sentence about his "trade value"
    noun = "The extra year of control gives him more trade value than any of Brin, Park or Vale."
    assert judge("Ada Brin was traded", [noun], similarity=None, happened=True).label != "supported"
    done = "The Rovers traded Ada Brin to the Mariners on Monday."
    assert judge("Ada Brin was traded", [done], similarity=None, happened=True).label == "supported"


def test_a_deed_done_to_a_thing_of_the_name_or_to_the_name_before_which_is_not_done_to_the_name():
    from rag.answer.verdicts import judge

    for claim, passage in (
        # the object is a thing the name owns: its super business, not the bank
        (
            "Globex acquire Tide and Harbour Bank",
            "Globex reached an agreement to acquire Tide and Harbour Bank’s superannuation business.",
        ),
        # another owner of the arguments, the deed's word second after a noun of the doer's
        ("the Ostland court reject the Norrvik DPA's arguments", "An Ostland court rejected Globex’s arguments."),
        # a passive names what it was done to before "which was": Tide, not the startup she leaves to start
        (
            "Globex acquire Harbour Hands",
            "Mara Lind, the founder of startup Tide, which was acquired by Globex, is leaving Globex to start Harbour Hands.",
        ),
        # how things stood at a moment of the story is no No for what came after it
        ("Jon Vale was charged", "Vale hadn’t been arrested or charged; he offered to cooperate immediately."),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label == "not_mentioned", passage
    # the name itself, or a thing of its the claim asks about, is still done to
    for claim, passage in (
        ("Globex acquire Tide and Harbour Bank", "Globex agreed to acquire Tide and Harbour Bank, the lender."),
        (
            "Globex acquire Tide and Harbour Bank's superannuation business",
            "Globex reached an agreement to acquire Tide and Harbour Bank’s superannuation business.",
        ),
        ("the Ostland court reject Globex's arguments", "An Ostland court rejected Globex’s arguments."),
        ("Globex acquire Harbour Hands", "The startup Harbour Hands, which was acquired by Globex, grew fast."),
        ("Jon Vale was charged", "Vale was charged on Monday; he had not been arrested before."),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label == "supported", passage
    # a denial said outright still denies
    assert judge("Jon Vale was charged", ["Vale was not charged."], similarity=None, happened=True).label == (
        "contradicted"
    )


def test_two_values_paired_with_two_things_the_other_way_round_contradict():
    from rag.answer.verdicts import judge

    for claim, right, passage in (
        (
            "Globex will charge €12.99 a month on the web and €9.99 a month on phones",
            "Globex will charge €9.99 a month on the web and €12.99 a month on phones",
            "Globex will charge €9.99 a month on the web or €12.99 a month on phones per account.",
        ),
        (
            "Theo Park was charged with five counts of wire fraud and two conspiracy charges",
            "Theo Park was charged with two counts of wire fraud and five conspiracy charges",
            "Park is charged with seven counts: two counts of wire fraud and five conspiracy charges.",
        ),
        (
            "Theo Park is scheduled to be sentenced in February and Mara Lind in March",
            "Theo Park is scheduled to be sentenced in March and Mara Lind in February",
            "Park, who faces life in prison, is scheduled to be sentenced in March. Lind's sentencing is set for February.",
        ),
        (
            "Globex was looking to buy Tide Works for $600-700 million and Harbour Labs for $300-400 million",
            "Globex was looking to buy Harbour Labs for $600-700 million and Tide Works for $300-400 million",
            (
                "Globex is looking at Harbour Labs — which makes boats — for between $600 million and $700 million; "
                "and Tide Works — a maker of sails — for between $300 million and $400 million."
            ),
        ),
    ):
        assert judge(claim, [passage], similarity=None, happened=True).label == "contradicted", claim
        # (said the claim's way round it is no denial; across two sentences it may be no statement of all of it)
        assert judge(right, [passage], similarity=None, happened=True).label != "contradicted", right
    # two counts parted by a preposition
    record = "Vale scored a modest 33 goals in 45 matches for Ostland, including five hat-tricks."
    assert judge("Jon Vale scored 45 goals in 33 matches for Ostland", [record], happened=True).label == "contradicted"
    assert judge("Jon Vale scored 33 goals in 45 matches for Ostland", [record], happened=True).supported
    # an ordinal is no count: "a 13th defeat in 26 games" pairs nothing
    defeat = (
        "It was another setback for the coach as the Rovers suffered a 13th defeat in 26 games in all competitions."
    )
    assert judge("the Rovers suffered a 13th defeat in 26 games", [defeat], happened=True).label != "contradicted"
    # the same pairs in another order are the same pairs
    passage = "Tide Works shares rose 2% on Monday, while Globex shares fell 4%."
    assert judge("Globex shares fell 4% and Tide Works shares rose 2%", [passage], similarity=None).supported
