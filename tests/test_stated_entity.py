"""Who / which, asked with no outlet named, is answered by a name only when a passage states it in the asked role;
otherwise the answer says that no passage does and quotes the closest one (an invented index: outlets, companies,
people and teams made up for these tests)."""

from __future__ import annotations

import pytest

from rag.answer.compose import REFUSAL
from rag.answer.stated import read_slot
from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Tech Wire",
        "2023-10-02",
        "Globex ousts its chief",
        (
            "Four years later, Globex acquired Tide Works in a deal worth $2bn. "
            "The Globex board fired Mara Lind on Monday after a review of the accounts. "
            "Analysts expect the company to name a new chief by the end of the year."
        ),
    ),
    (
        "Daily Ledger",
        "2023-10-20",
        "Chair vote stalls",
        (
            "Members dropped Theo Park as their nominee for chair of the Ostland Assembly after a third failed ballot. "
            "Ostland candidates to replace Theo Park were being assessed on Friday."
        ),
    ),
    (
        "Coast Times",
        "2023-11-05",
        "Mariners romp",
        (
            "Harbour Rovers 19-27 Mariners, the scoreboard read at full time. "
            "The Mariners now lead the league after the win at Bay Park."
        ),
    ),
    (
        "Tech Wire",
        "2023-11-10",
        "Globex hires",
        (
            "Globex hired Mara Lind and Theo Park to lead a new research unit in Ostland. "
            "Globex has appointed Ada Brin as head of research in #GlobexLabs, the company said."
        ),
    ),
    (
        "Daily Ledger",
        "2023-11-20",
        "Globex results",
        "Globex CEO Ada Brin said sales rose 4% in the quarter, while former Globex CEO Theo Park sold his shares.",
    ),
    (
        "Coast Times",
        "2023-12-01",
        "Brin to go",
        "Ada Brin, who has run Globex since 2019, is stepping down at the end of the year, the board said.",
    ),
    (
        "Harbour Herald",
        "2023-12-04",
        "Globex in court",
        "Globex shares slipped after the company was sued by Ostland and a dozen other states over its data practices.",
    ),
    (
        "Coast Times",
        "2023-12-08",
        "Rovers hold on",
        (
            "Ostland Wanderers boss Pim van der Holt praised his players after the draw. "
            "Last spring, Tide Works acquired Norrvik Games for $40m. "
            "On Sunday the Wanderers beat No. 12 Coast City 3-1 at Brenna Stadium. "
            "Their striker Lena Voss is the leading scorer in the Norrvik League this season."
        ),
    ),
    (
        "Daily Ledger",
        "2023-12-10",
        "Norrvik Media at fifty",
        "Readers will recall Norrvik Media's shock purchase of Tide 2 developer Harbour Games for $375m in 2002.",
    ),
    ("Harbour Herald", "2023-09-01", "Studio opens", "Tide Works CEO Ida Moen opened the new studio in Norrvik."),
    (
        "Coast Times",
        "2023-10-15",
        "Tide Works names a chief",
        "Tide Works has appointed Pim Ostberg, a banker from Ostland, as its chief executive, replacing Moen.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "stated", ARTICLES))


def test_a_question_is_read_back_as_a_statement_with_a_slot_for_the_name():
    assert read_slot("Who fired Mara Lind?").claim("Globex") == "Globex fired Mara Lind"
    slot = read_slot("Which studio did Globex acquire?")
    assert slot.claim("Tide Works") == "Globex acquire Tide Works" and slot.asked == "which studio Globex acquired"
    # a capital after the question word is said back as written
    assert read_slot("Which AI studio did Globex acquire?").asked.startswith("which AI studio")
    assert read_slot("Which AI studio bought Tide Works?").asked == "which AI studio bought Tide Works"
    assert read_slot("Who did the Rovers lose to?").claim("Mariners") == "the Rovers lose to Mariners"
    assert read_slot("Which team did the Rovers beat on Sunday?").claim("X") == "the Rovers beat X on Sunday"
    # a possessive is not the whole doer: "Tech Wire's writers name", never "Tech Wire's writersed"
    slot = read_slot("Who did Tech Wire's writers name as the best coach?")
    assert slot.claim("Mara Lind") == "Tech Wire's writers name Mara Lind as the best coach"
    assert "writersed" not in slot.asked
    # not a doer's slot: what someone said, an attribute, a description in several clauses
    for question in (
        "What did Mara Lind say about Ostland?",
        "What is the boiling point of mercury?",
        "What happened in Ostland on Monday?",
        "Who was Mara Lind replaced by?",
        "Who is the founder who left Globex, and what did she build next?",
    ):
        assert read_slot(question) is None, question


def test_the_name_a_passage_states_as_the_doer_is_the_answer(bot):
    answer = bot.ask("Who fired Mara Lind?")
    # the doer is the body the name is said with each time ("The Globex board fired ..."), not the company
    assert answer.text.startswith("**Globex board** — stated by Tech Wire (2023-10-02) [1]."), answer.text
    assert "fired Mara Lind" in answer.citations[0].quote
    assert [(p.claim, p.verdict) for p in answer.parts] == [("Globex fired Mara Lind", "supported")]
    assert_exact_quotes(bot, answer)


def test_what_the_deed_was_done_to_is_named_after_its_verb_not_a_capital_at_the_sentence_start(bot):
    answer = bot.ask("Which company did Globex acquire?")
    # "Four years later, Globex acquired Tide Works": Four is a capital, not what Globex acquired; a deed done is
    # not said "as of" a date, as a post held is
    assert answer.text.startswith("**Tide Works** — stated by Tech Wire")
    assert "as of" not in answer.text.splitlines()[0]
    assert_exact_quotes(bot, answer)


def test_a_name_that_describes_the_next_one_is_not_what_the_deed_was_done_to(bot):
    # "purchase of Tide 2 developer Harbour Games": Tide 2 tells which studio; Harbour Games was bought
    answer = bot.ask("Which company did Norrvik Media buy?")
    # the purchase was in 2002, as the sentence says: not the report's news
    assert answer.text.startswith("**Harbour Games**, in 2002 — stated by Daily Ledger (2023-12-10) [1].")
    assert [(p.claim, p.verdict) for p in answer.parts] == [("Norrvik Media buy Harbour Games", "supported")]
    assert_exact_quotes(bot, answer)


def test_a_name_the_sentence_counts_among_another_kind_is_no_answer_to_which_company(bot):
    # "sued by Ostland and a dozen other states": Ostland is a state, so no passage says which company sued Globex
    answer = bot.ask("Which company sued Globex?")
    assert answer.refused and "Ostland" not in answer.text.split(". The closest passage")[0]
    assert "could not confirm which company sued Globex" in answer.text
    assert bot.ask("Which state sued Globex?").text.startswith("**Ostland** — stated by Harbour Herald")


def test_a_surname_particle_is_part_of_the_name_and_a_managers_post_is_also_called_boss(bot):
    # "Pim van der Holt" is one name, not "Pim" and "Holt"; football news calls a club's manager its "boss"
    answer = bot.ask("Who is the manager of Ostland Wanderers?")
    assert answer.text.startswith("**Pim van der Holt**, as of 2023-12-08 — stated by Coast Times")
    assert [(p.claim, p.verdict) for p in answer.parts] == [
        ("Pim van der Holt is the manager of Ostland Wanderers", "supported")
    ]
    assert_exact_quotes(bot, answer)


def test_a_name_the_passage_spells_longer_is_answered_with_its_spelling_shown(bot):
    # asked for "Norrvik", the passage names "Norrvik Games": the answer is stated, and says which name it states
    answer = bot.ask("Which company bought Norrvik?")
    assert answer.text.startswith(
        "**Tide Works** — stated by Coast Times (2023-12-08) [1], which says “Norrvik Games”."
    )
    assert [(p.claim, p.verdict) for p in answer.parts] == [("Tide Works bought Norrvik Games", "supported")]
    assert_exact_quotes(bot, answer)
    # the longer name itself is what the question names, never its answer
    assert bot.ask("Which company bought Norrvik Games?").text.startswith("**Tide Works** — stated by Coast Times")
    # a place the deed happened at is another name: Brenna beat nobody at Brenna Stadium
    assert bot.ask("Which team did Brenna beat?").refused
    # "the leading scorer in the league" describes her; it does not say that she leads the league
    assert bot.ask("Who leads the Norrvik League?").refused
    # "No. 12" ranks a team; it names none
    answer = bot.ask("Which team did the Wanderers beat?")
    assert answer.text.startswith("**Coast City** — stated by Coast Times"), answer.text


def test_another_wording_of_the_deed_states_it_and_a_hashtag_is_no_name(bot):
    answer = bot.ask("Who did Globex hire as head of research?")
    # "appointed" is how news words a hire; "#GlobexLabs" comes after the verb but names nobody it was done to
    assert answer.text.startswith("**Ada Brin** — stated by Tech Wire (2023-11-10) [1].")
    assert "GlobexLabs" not in answer.text.splitlines()[0]
    assert_exact_quotes(bot, answer)


def test_a_name_near_the_topic_is_no_answer_and_the_refusal_says_what_no_passage_states(bot):
    # Theo Park was dropped as nominee, and candidates "to replace" him were assessed: nobody was elected
    answer = bot.ask("Who was elected chair of the Ostland Assembly?")
    assert answer.refused and not answer.text.startswith("**")
    assert "could not confirm who was elected chair of the Ostland Assembly" in answer.text
    assert "Theo Park" not in answer.text.split(". The closest passage")[0]
    assert [p.verdict for p in answer.parts] == ["not_mentioned"]
    answer = bot.ask("Who replaced Theo Park?")
    assert answer.refused, answer.text


def test_a_result_line_is_quoted_as_the_closest_passage_not_turned_into_a_claim(bot):
    answer = bot.ask("Who beat the Harbour Rovers?")
    assert answer.refused and "could not confirm who beat the Harbour Rovers" in answer.text
    # the reader sees the score line, cited exactly, and judges it; the answer asserts no name
    assert "19-27" in answer.text and answer.citations and "19-27" in answer.citations[0].quote
    assert answer.hits[0].article.title == "Mariners romp"
    assert_exact_quotes(bot, answer)


def test_a_preposition_the_question_ends_on_must_lead_to_the_name(bot):
    # "Globex hired Mara Lind and Theo Park": it does not say whom Globex hired her from
    answer = bot.ask("Which company did Globex hire Mara Lind from?")
    assert answer.refused and "could not confirm which company Globex hired Mara Lind from" in answer.text


def test_a_post_given_in_apposition_names_its_holder_as_of_the_report_and_a_former_holder_is_not_one(bot):
    answer = bot.ask("Who is the CEO of Globex?")
    assert answer.text.startswith("**Ada Brin**, as of 2023-11-20 — stated by Daily Ledger")
    assert "Theo Park" not in answer.text.splitlines()[0]
    # news changes: the later report of her stepping down is shown beside the answer, cited
    assert "A later report may change this: Coast Times (2023-12-01) [2]." in answer.text
    assert any("stepping down" in c.quote for c in answer.citations)
    assert_exact_quotes(bot, answer)


def test_is_x_still_the_holder_is_left_open_by_a_later_report_of_leaving(bot):
    from rag.answer.compose import UNSETTLED

    for question in ("Is Ada Brin still CEO of Globex?", "Is Ada Brin still the CEO of Globex?"):
        answer = bot.ask(question)
        # "still" asks about a change, and a later report is of her stepping down: no Yes
        assert answer.text.startswith(f"{UNSETTLED}: Daily Ledger (2023-11-20) [1] names Ada Brin"), answer.text
        assert "Coast Times (2023-12-01) [2]" in answer.text.splitlines()[0]
        assert_exact_quotes(bot, answer)
    # with no later report of leaving, "still" is answered as "is"
    assert bot.ask("Is Pim Ostberg still CEO of Tide Works?").text.startswith("**Yes**, as of 2023-10-15")


def test_is_x_the_holder_is_answered_from_the_latest_report_naming_a_holder(bot):
    answer = bot.ask("Is Ada Brin the CEO of Globex?")
    assert answer.text.startswith("**Yes**, as of 2023-11-20 — stated by Daily Ledger (2023-11-20) [1].")
    assert "A later report may change this: Coast Times (2023-12-01) [2]." in answer.text
    assert [(p.claim, p.verdict) for p in answer.parts] == [("Ada Brin is the CEO of Globex", "supported")]
    assert_exact_quotes(bot, answer)
    # a later report names another holder: No, with both reports cited
    replaced = bot.ask("Is Ida Moen the CEO of Tide Works?")
    assert replaced.text.startswith(
        "**No**, as of 2023-10-15: Coast Times (2023-10-15) [1] names Pim Ostberg; Ida Moen was named earlier: "
        "Harbour Herald (2023-09-01) [2]."
    )
    assert [p.verdict for p in replaced.parts] == ["supported", "supported"]
    assert_exact_quotes(bot, replaced)
    # asked "was", a later holder does not deny it
    assert bot.ask("Was Ida Moen the CEO of Tide Works?").text.startswith("**Yes**, as of 2023-09-01")
    # taking the post up, asked in the words of an event: a later holder does not deny that it happened either
    for question in (
        "Did Pim Ostberg become chief executive of Tide Works?",
        "Was Pim Ostberg appointed as the chief executive of Tide Works?",
    ):
        answer = bot.ask(question)
        assert answer.text.startswith("**Yes**, as of 2023-10-15 — stated by Coast Times (2023-10-15) [1]."), (
            answer.text
        )
        assert_exact_quotes(bot, answer)
    assert bot.ask("Did Ida Moen become CEO of Tide Works?").text.startswith("**Yes**, as of 2023-09-01")
    # asked about someone no report names in the post: not settled, and the holder the reports do name is shown
    other = bot.ask("Is Theo Park the CEO of Tide Works?")
    assert other.text.startswith(
        "The articles do not settle this: I could not confirm Theo Park as the CEO of Tide Works; the latest report "
        "naming one, as of 2023-10-15, names Pim Ostberg: Coast Times (2023-10-15) [1]."
    ), other.text
    assert [(p.claim, p.verdict) for p in other.parts] == [
        ("Theo Park is the CEO of Tide Works", "not_mentioned"),
        ("Pim Ostberg is the CEO of Tide Works", "supported"),
    ]
    assert_exact_quotes(bot, other)


def test_a_post_is_found_in_any_of_its_forms_and_asked_with_the_organisation_first(bot):
    # the question says "chief executive" or "Globex CEO", the report "Globex CEO"
    for question in (
        "Who is the chief executive of Globex?",
        "Who is the Globex CEO?",
        "Who is Globex's chief executive?",
    ):
        answer = bot.ask(question)
        assert answer.text.startswith("**Ada Brin**, as of 2023-11-20 — stated by Daily Ledger"), question
    from rag.answer.stated import titled

    # "then-" and "back then" name a past holder, as "former" does
    assert titled(("chairman", "Bank of Ostland"), "Bank of Ostland chair Mara Lind spoke.") == ["Mara Lind"]
    assert titled(("chair", "Bank of Ostland"), "Back then, Bank of Ostland chair Mara Lind spoke.") == []
    assert titled(("chair", "Bank of Ostland"), "The then-Bank of Ostland chair Mara Lind spoke.") == []
    # a post taken up "as" it, in a sentence naming the organisation; one lost "as" it is not held
    interim = "Globex's finance chief Mara Lind is stepping in as interim CEO, the board said."
    assert titled(("interim CEO", "Globex"), interim) == ["Mara Lind"]
    assert titled(("chief executive", "Globex"), "Globex named Theo Park as its new chief executive.") == ["Theo Park"]
    assert titled(("CEO", "Globex"), "Theo Park was ousted as CEO of Globex.") == []
    assert titled(("CEO", "Globex"), "Theo Park is stepping in as CEO of Tide Works.") == []
    # an aside may stand between the name and the post it is named to
    aside = "Globex has appointed Ada Brin, the co-founder of the studio Tide Works, as interim CEO — replacing Lind."
    assert titled(("interim CEO", "Globex"), aside) == ["Ada Brin"]


def test_a_question_name_is_named_in_full_by_all_its_words_or_by_all_but_a_plain_one():
    from rag.answer.stated import named

    assert named("House Speaker", "members elected a new speaker of the House", "")
    assert named("Cricket World Cup", "Ostland won the ODI World Cup final", "a cricket match in Ostland")
    # "Psagot" makes it a name: a sentence holding only "investment house" does not name it
    article = "Zim bought Psagot Investment House. The acquired investment house took the loan."
    assert not named("Psagot Investment House", "The acquired investment house took the loan.", article)
    assert not named("Harbour Rovers", "a house by the harbour", "")
    assert named("Mara Lind", "Lind resigned.", "Mara Lind, the chair, spoke. Lind resigned.")


def test_a_post_is_searched_in_apposition_when_the_questions_own_passages_miss_it(tmp_path_factory):
    from rag.assistant import Assistant

    # a dozen reports on the bank's branches, and one that names its chief only in apposition
    branches = [
        ("Coast Times", f"2023-10-{i + 1:02d}", f"Branch {i}", f"Harbour Bank branch {i} changes its opening hours.")
        for i in range(12)
    ]
    chief = ("Tech Wire", "2023-11-02", "Rates", "Harbour Bank CEO Theo Park said rates would stay high into spring.")
    bot = Assistant.open(index_articles(tmp_path_factory, "apposition", [*branches, chief]))
    # the question's own passages are the branch reports (as a follow-up's search can be): the post is still found
    answer = bot.ask("Who is the CEO of Harbour Bank?", search_query="Harbour Bank branch opening hours")
    assert all("Theo Park" not in h.text for h in answer.hits[:10])
    assert answer.text.startswith("**Theo Park**, as of 2023-11-02 — stated by Tech Wire")
    assert_exact_quotes(bot, answer)


def test_a_maker_is_named_in_apposition_and_a_comparison_is_no_deed(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-10-03",
            "App chart",
            "Rival apps such as Chat Pal are making more money than Globex Phone.",
        ),
        ("Daily Ledger", "2023-10-04", "Regulators", "Regulators met Globex Phone maker Tide Works on Tuesday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "maker", articles))
    answer = bot.ask("Which company makes Globex Phone?")
    assert answer.text.startswith("**Tide Works**, as of 2023-10-04 — stated by Daily Ledger")
    assert "Chat Pal" not in answer.text.splitlines()[0]
    # the maker of a thing holds no post: no "later report may change this"
    assert "may change" not in answer.text
    assert_exact_quotes(bot, answer)


def test_found_is_what_was_found_and_no_founding(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-04",
            "Globex audit",
            "An inquiry by the Daily Ledger found Globex misled investors about its sales. Globex denied it.",
        ),
        ("Harbour Herald", "2023-10-06", "Globex history", "Mara Lind founded Globex in a garage in Norrvik in 2009."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "found", articles))
    # the Daily Ledger found something out; it founded nothing
    answer = bot.ask("Who founded Globex?")
    # (founded "in 2009", as the sentence says)
    assert answer.text.splitlines()[0] == "**Mara Lind**, in 2009 — stated by Harbour Herald (2023-10-06) [1].", (
        answer.text
    )
    assert_exact_quotes(bot, answer)
    # and "find" is its past "found"
    answer = bot.ask("Did the Daily Ledger find that Globex misled investors?")
    assert answer.text.startswith("**Yes.**"), answer.text
    assert_exact_quotes(bot, answer)


@pytest.fixture(scope="module")
def passive_bot(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-04",
            "Tide Works profile",
            (
                "According to a profile from Tide Works investors Norrvik Capital, Tide Works was founded because of "
                "Mara Lind's frustration with other studios."
            ),
        ),
        (
            "Harbour Herald",
            "2023-10-06",
            "Two chiefs",
            "A photo showing former Globex CEO, Theo Park, and Ada Brin, founder and chief executive of Ostland Pay.",
        ),
        ("Daily Ledger", "2023-10-08", "Q's new boss", "Q named Mara Lind as chief executive of Q on Monday."),
        (
            "Tech Wire",
            "2023-10-09",
            "Tide Works v Globex",
            (
                "Tide Works sued Globex in 2020 after a fight over fees, claiming that the Globex Pay Store "
                "constituted an unlawful monopoly."
            ),
        ),
    ]
    return Assistant.open(index_articles(tmp_path_factory, "passive_doer", articles))


def test_a_passive_names_no_doer_before_it(passive_bot):
    # "Tide Works was founded because of ...": the investors before it did not found it
    answer = passive_bot.ask("Who founded Tide Works?")
    assert answer.refused and not answer.text.startswith("**"), answer.text


def test_a_one_letter_name_must_be_said(passive_bot):
    # "of Q": a chief executive of another company is no answer, the one of Q is
    answer = passive_bot.ask("Who is the chief executive of Q?")
    assert "Mara Lind" in answer.text.splitlines()[0] and "Park" not in answer.text.splitlines()[0], answer.text
    assert "Brin" not in answer.text.splitlines()[0], answer.text


def test_what_was_done_to_is_the_name_said_after_the_verb_not_a_longer_one_further_on(passive_bot):
    # "sued Globex ..., claiming that the Globex Pay Store ...": the store was not sued, Globex was
    answer = passive_bot.ask("Which company did Tide Works sue?")
    assert answer.text.startswith("**Globex**, in 2020 — stated by Tech Wire (2023-10-09) [1]."), answer.text
    assert_exact_quotes(passive_bot, answer)


def test_a_post_is_held_by_the_name_in_apposition_not_a_former_one_or_a_clauses_subject(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-01",
            "Mariners cruise",
            (
                "Even with his side 2-0 up thanks to goals from a rejuvenated Theo Park, the Mariners manager was a "
                "bundle of nerves. Mariners manager Ada Brin praised the defence."
            ),
        ),
        (
            "Harbour Herald",
            "2023-12-13",
            "Who next for the Rovers?",
            (
                "Former Mariners and Comets boss Pim Ostberg has not cropped up on any list. Lind's bond with former "
                "Ostland coach and Rovers assistant Ida Moen could help."
            ),
        ),
        ("Daily Ledger", "2023-10-28", "Comets preview", "Comets coach Ida Moen named an unchanged side on Friday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "posts_held", articles))
    # "Theo Park, the Mariners manager was ...": the manager is the next clause's subject; "Former Mariners and Comets
    # boss Pim Ostberg" holds neither post
    answer = bot.ask("Who is the manager of the Mariners?")
    first = answer.text.splitlines()[0]
    assert first.startswith("**Ada Brin**, as of 2023-11-01"), first
    assert "Theo Park" not in first and "Ostberg" not in first, first
    assert_exact_quotes(bot, answer)
    # asked with a verb, a post's holder: "Ostland coach and Rovers assistant Ida Moen" is no coaching by Ostland
    answer = bot.ask("Who coaches the Comets?")
    assert answer.text.startswith("**Ida Moen**, as of 2023-10-28"), answer.text
    answer = bot.ask("Who coaches the Rovers?")
    assert answer.refused and not answer.text.startswith("**"), answer.text


def test_a_doer_is_the_verbs_own_subject_and_a_name_describing_the_asked_kind_is_none(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-10-20",
            "Assembly stalls",
            (
                "Members have no plan to return to the work of the Assembly that has been stalled since hard-liners "
                "ousted Theo Park. Markets are also absorbing the ouster of Theo Park as speaker."
            ),
        ),
        (
            "Tech Wire",
            "2023-10-07",
            "Week in review",
            "This week, we cover Mara Lind backing a teen's Ostland startup.",
        ),
        ("Coast Times", "2023-12-09", "Tide Works cuts", "Tide Works makes cuts: Tide Works cut 1,500 jobs on Monday."),
        (
            "Harbour Herald",
            "2023-11-30",
            "Still standing",
            "Unlike Globex, which filed for bankruptcy in 2022, Ostland Pay is still standing.",
        ),
        (
            "Bay News",
            "2023-12-18",
            "Fees",
            (
                "It gave Tide Works a way to stay online after Q raised its API fees, making it costly for developers. "
                "The remarks echoed comments made by Theo Park, who said Q would charge a monthly fee."
            ),
        ),
        (
            "Coast Times",
            "2023-12-20",
            "Rovers edge it",
            "Harbour Rovers' Ada Brin (right) celebrates with Mara Lind after hitting the winning goal in the derby.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "own_subject", articles))
    # "the Assembly that has been stalled since hard-liners ousted": the Assembly ousted no one; "the ouster" is a noun
    answer = bot.ask("Who ousted Theo Park?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    assert answer.text.startswith("I could not confirm who ousted"), answer.text
    # "a teen's Ostland startup": Ostland says what kind of startup, it is not one
    answer = bot.ask("Which startup did Mara Lind back?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    # a number's comma is no second clause: the question is read as one deed
    assert bot.ask("Which company cut 1,500 jobs?").text.startswith("**Tide Works** — stated by Coast Times")
    # "Globex, which filed ...": the relative word stands for the name before it
    assert bot.ask("Which company filed for bankruptcy?").text.startswith(
        "**Globex**, in 2022 — stated by Harbour Herald"
    )
    # "..., making it costly": the raise made it costly; no name before the comma makes Q
    answer = bot.ask("Which company makes Q?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    # "comments made by Theo Park, who said Q ...": he made the comments, not Q
    answer = bot.ask("Who makes Q?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    # "celebrates with Mara Lind after hitting the winning goal": the gerund's doer is the one who celebrates
    answer = bot.ask("Who hit the winning goal in the derby?")
    assert "Mara Lind**" not in answer.text, answer.text


def test_a_places_people_stated_beside_it_are_no_other_answer_and_a_post_may_be_new(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-10-22",
            "Raid",
            "Since the Rovers militia launched its attack on Ostland, talks stalled.",
        ),
        ("Tech Wire", "2023-10-13", "Raid", "The Rovers militia attacked Ostlanders in the border towns on Saturday."),
        ("Coast Times", "2023-10-10", "Raid", "The Rovers militia attacked Ostlandic farms near the border."),
        ("Harbour Herald", "2023-12-01", "Boxing", "Theo Park, an Ostland native who lost his title, fights Ada Brin."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "peoples", articles))
    answer = bot.ask("Which country did the Rovers militia attack?")
    assert answer.text.startswith("**Ostland** — stated by Daily Ledger"), answer.text
    assert "Ostlanders" not in answer.text.split("\n")[0] and "Ostlandic" not in answer.text.split("\n")[0]
    # a post with a word before it ("new prime minister") is still a post: no boxer is named as its holder
    answer = bot.ask("Who is Ostland's new prime minister?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_countrys_post_is_also_given_by_its_adjective(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-10-07",
            "War",
            "Ostlandic Prime Minister Mara Lind said that since this morning, Ostland had been at war.",
        ),
        ("Tech Wire", "2023-10-09", "Summit", "The summit was hosted by Prime Minister Theo Park on Tuesday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "adjective_post", articles))
    answer = bot.ask("Who is the prime minister of Ostland?")
    assert answer.text.startswith("**Mara Lind**, as of 2023-10-07 — stated by Daily Ledger"), answer.text
    assert_exact_quotes(bot, answer)
    # a post the sentence gives no country is no answer for one
    assert bot.ask("Who is the prime minister of Norrvik?").refused


def test_a_one_letter_organisation_has_posts_too(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-10-07", "Q", "Speaking at an event this week, Q CEO Mara Lind offered another figure."),
        ("Daily Ledger", "2023-10-09", "Q", "Theo Park said Q would charge a monthly fee for posting."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "one_letter_org", articles))
    answer = bot.ask("Who is the CEO of Q?")
    assert answer.text.startswith("**Mara Lind**, as of 2023-10-07 — stated by Tech Wire"), answer.text
    assert bot.ask("Is Mara Lind the CEO of Q?").text.startswith("**Yes**, as of 2023-10-07")
    assert_exact_quotes(bot, answer)


def test_a_short_question_the_slot_reader_cannot_read_gets_no_guessed_name(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-11-17", "Kickoff", "Good Morning Ostland. The hosts will lose the toss, fans fear."),
        ("Bay News", "2023-11-18", "Result", "Harbour Rovers beat Norrvik City 2-1 at Bay Park on Saturday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "short_unread", articles))
    # "mariners" names no one the passages capitalise: no deed can be stated, and the name most passages share
    # ("Good Morning Ostland") would be a guess
    answer = bot.ask("who did the mariners lose to?")
    assert answer.refused and not answer.text.startswith("**"), answer.text


def test_a_deed_asked_in_the_passive_is_answered_from_an_active_sentence_too(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-11-20", "Chief out", "On Friday the Globex board fired Mara Lind, its founder."),
        (
            "Daily Ledger",
            "2023-11-21",
            "Stand-in",
            "Globex has appointed Theo Park, a co-founder of Tide Works, as interim CEO.",
        ),
        ("Coast Times", "2023-11-22", "Coach", "Ada Brin fired her assistant Ida Moen at Ostland on Monday."),
        ("Bay News", "2023-10-08", "Budget", "Norrvik Bank chair Pim Ostberg noted that the budget was debated."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "passive_asked", articles))
    answer = bot.ask("Who was fired by the Globex board?")
    # a past deed: named as stated, not "as of" a day
    assert answer.text.startswith("**Mara Lind** — stated by Tech Wire (2023-11-20) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    answer = bot.ask("Who was named interim CEO of Globex?")
    assert answer.text.startswith("**Theo Park** — stated by Daily Ledger (2023-11-21) [1]."), answer.text
    # a holder in apposition may have held the post for years: no answer to who was elected to it
    assert bot.ask("Who was elected chair of Norrvik Bank?").refused
    # before an active verb stands its doer: Ada Brin fired someone at Ostland, she was not fired by it
    answer = bot.ask("Who was fired at Ostland?")
    assert not answer.text.startswith("**Ada Brin"), answer.text


def test_a_state_asked_with_is_must_be_said_with_is_and_what_happened_is_quoted(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-13",
            "Slump",
            (
                "From a Harbour League standpoint, they sit eighth in the Ostland top flight, but their goal difference is "
                "the worst of any club in the top 10."
            ),
        ),
        ("Bay News", "2023-12-14", "Towns", "The ruling in city 3 drew 925 reports on day 2, officials said."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "copula", articles))
    # "the Ostland top flight", "the top 10": no team is said to be ("is") top of the league
    answer = bot.ask("Which team is top of the league?")
    assert answer.refused and not answer.text.startswith("**"), answer.text
    # "what happened" is no word a report of it repeats: the sentence about city 3 on day 2 is quoted
    answer = bot.ask("What happened in city 3 on day 2?")
    assert any("in city 3 drew" in c.quote for c in answer.citations), answer.text


def test_a_founder_of_another_company_did_not_found_this_one_and_a_post_in_capitals_is_asked_for(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-18",
            "Merger talk",
            "The Tide Works board approached Ada Brin, the co-founder and CEO of rival Globex, about a merger.",
        ),
        ("Daily Ledger", "2023-11-19", "Exit", "Mara Lind, who co-founded Tide Works in 2015, left the company."),
        ("Coast Times", "2023-12-09", "Sun Valley", "Theo Park ran into Ida Moen, Norrvik's CEO, at a conference."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "cofounder", articles))
    answer = bot.ask("Who co-founded Tide Works?")
    assert answer.text.startswith("**Mara Lind** — stated by Daily Ledger"), answer.text
    assert "Ada Brin" not in answer.text.split("\n")[0], answer.text
    # "Who is Norrvik's CEO?" asks for a name, it does not name one: answered from the apposition
    answer = bot.ask("Who is Norrvik's CEO?")
    assert answer.text.startswith("**Ida Moen**, as of 2023-12-09 — stated by Coast Times"), answer.text


def test_a_participle_opening_the_sentence_names_its_doer_last_in_its_by_phrase(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-12-11",
            "Tide Pay returns",
            "Founded by former Globex chief Mara Lind, Tide Works had first built a chat app for ferries.",
        ),
        ("Daily Ledger", "2023-12-12", "Harbour", "Theo Park said the harbour app would launch in spring."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "fronted", articles))
    answer = bot.ask("Who founded Tide Works?")
    # what was founded follows the by-phrase; the name describing its doer ("former Globex chief") founded nothing
    assert answer.text.startswith("**Mara Lind** — stated by Tech Wire"), answer.text
    assert "Globex" not in answer.text.split(" — ")[0]
    assert_exact_quotes(bot, answer)


def test_an_owner_joined_to_what_it_owns_by_a_hyphen_is_stated_as_its_owner(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-10",
            "Warning",
            "The regulator sent a warning to Globex-owned Tide Works on Monday over its harbour tolls.",
        ),
        ("Daily Ledger", "2023-10-11", "Branch", "Norrvik Bank opened a branch in Ostland on Tuesday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "owned_by_hyphen", articles))
    answer = bot.ask("Who owns Tide Works?")
    assert answer.text.startswith("**Globex**"), answer.text
    assert bot.ask("Does Globex own Tide Works?").text.startswith("**Yes"), answer.text
    for other in ("Does Tide Works own Globex?", "Does Norrvik Bank own Tide Works?"):
        assert not bot.ask(other).text.startswith("**Yes"), other
    assert_exact_quotes(bot, answer)


def test_a_successor_is_searched_in_news_words_when_other_replacements_fill_the_first_passages(tmp_path_factory):
    from rag.answer.stated import read_slot, succession_searches
    from rag.assistant import Assistant

    slot = read_slot("Who replaced Pim Ostberg as CEO?")
    assert slot is not None and succession_searches(slot) == ["in Pim Ostberg's place", "Pim Ostberg's successor"]
    # a dozen reports of replacements that are no succession ("a replacement part") outrank the one that names it
    others = [
        (
            "Coast Times",
            f"2023-10-{day:02d}",
            f"Parts {day}",
            (
                f"Pim Ostberg replaced the pump again on day {day}: the replaced pump had failed, and Ostberg "
                f"ordered replacement valves too. Replacing the pumps cost Ostberg {day} days."
            ),
        )
        for day in range(1, 15)
    ]
    told = (
        "Daily Ledger",
        "2023-11-18",
        "Stand-in chief",
        (
            "Norrvik Bank fired chief executive Pim Ostberg on Friday. Finance chief Lena Holt was elevated to "
            "interim CEO in Ostberg's place, the bank said, while the board looks for a permanent chief."
        ),
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "successor_searched", [*others, told]))
    answer = bot.ask("Who replaced Pim Ostberg?")
    assert answer.text.startswith("**Lena Holt** — stated by Daily Ledger (2023-11-18) [1]."), answer.text
    assert_exact_quotes(bot, answer)


def test_a_successor_is_named_in_the_ways_news_names_one_and_a_candidate_is_none(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-11",
            "New chief",
            (
                "Dating app Globex announced a surprise this week: it is replacing founder CEO Mara Lind with Tide "
                "Works CEO Ada Brin."
            ),
        ),
        (
            "Coast Times",
            "2023-11-27",
            "Mariners name coach",
            (
                "The Mariners fired head coach Ida Moen on Sunday. The Mariners will be naming former Rovers bench "
                "boss Theo Park as Moen's successor."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-18",
            "Stand-in chief",
            (
                "Norrvik Bank fired chief executive Pim Ostberg on Friday. Finance chief Lena Holt was elevated to "
                "interim CEO in Ostberg's place."
            ),
        ),
        (
            "Bay News",
            "2023-11-20",
            "Shortlist",
            "Ostland Rail is weighing candidates to replace Nils Berg, with Eva Lund seen as the favourite.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "successors", articles))
    # "replacing A with B": B replaced A
    answer = bot.ask("Who replaced Mara Lind as Globex CEO?")
    assert answer.text.startswith("**Ada Brin** — stated by Tech Wire (2023-11-11) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    # "B as A's successor", the post written another way ("bench boss" for head coach)
    answer = bot.ask("Who replaced Ida Moen as Mariners head coach?")
    assert answer.text.startswith("**Theo Park** — stated by Coast Times (2023-11-27) [1]."), answer.text
    # "B ... in A's place"
    answer = bot.ask("Who replaced Pim Ostberg as interim CEO of Norrvik Bank?")
    assert answer.text.startswith("**Lena Holt** — stated by Daily Ledger (2023-11-18) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    # a favourite among candidates to replace him has replaced no one
    answer = bot.ask("Who replaced Nils Berg?")
    assert "Eva Lund**" not in answer.text, answer.text


def test_a_win_is_found_in_the_other_verbs_of_sport_and_in_the_passive(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-12-03", "Late drama", "The Mariners edged past the Rovers on Sunday with a late goal."),
        (
            "Bay News",
            "2023-12-09",
            "Rout",
            "Ostland pulverised Norrvik 5-1 on Saturday, the first time in years that Ostland scored five.",
        ),
        (
            "Daily Ledger",
            "2023-11-02",
            "Cup draw",
            "Tide Town were drawn against Bay City with defending champions the Comets eliminated by Harbour United.",
        ),
        ("Tech Wire", "2023-11-05", "Signal", "The outage routed Globex traffic through Ostland for an hour."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "win_verbs", articles))
    answer = bot.ask("Who beat the Rovers?")
    assert answer.text.startswith("**Mariners**"), answer.text
    assert_exact_quotes(bot, answer)
    assert bot.ask("Which team beat Norrvik 5-1?").text.startswith("**Ostland**")
    answer = bot.ask("Who did the Comets lose to?")
    assert answer.text.startswith("**Harbour United**"), answer.text
    assert bot.ask("Did the Mariners beat the Rovers?").text.startswith("**Yes")
    # traffic routed through a place is no win over it
    assert not bot.ask("Did Globex beat Ostland?").text.startswith("**Yes")


def test_the_new_holder_of_a_post_is_the_latest_reported_and_an_interim_one_took_it_up(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-17",
            "Chief out",
            "Globex fired Mara Lind on Friday, naming finance chief Theo Park as interim CEO.",
        ),
        ("Daily Ledger", "2023-11-20", "New chief", "Globex has appointed Ada Brin as its new CEO."),
        ("Coast Times", "2023-11-02", "Profile", "Globex CEO Mara Lind spoke at the harbour forum."),
        ("Bay News", "2023-10-01", "Tide chief", "Tide Works CEO Ida Moen opened the new plant on Monday."),
        ("Bay News", "2023-11-05", "Moen out", "Ida Moen stepped down as CEO of Tide Works on Sunday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "new_holder", articles))
    answer = bot.ask("Who is the new CEO of Globex?")
    assert answer.text.startswith("**Ada Brin**, as of 2023-11-20 — stated by Daily Ledger (2023-11-20) [1]"), (
        answer.text
    )
    # the interim one took it up earlier, and the holder before him is earlier still
    assert "Earlier reports: Theo Park (Tech Wire (2023-11-17) [2]); Mara Lind (Coast Times" in answer.text
    assert_exact_quotes(bot, answer)
    # the latest holder named has left since: who followed is what no passage says, and the answer says so
    answer = bot.ask("Who is the new CEO of Tide Works?")
    assert answer.refused and "The latest holder the articles name, Ida Moen" in answer.text, answer.text
    assert answer.text.startswith(f"{REFUSAL}: I could not confirm who is the new CEO of Tide Works"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_name_used_alone_before_a_longer_form_is_its_own_not_a_surname(tmp_path_factory):
    from rag.answer.names import in_full
    from rag.assistant import Assistant

    assert in_full("Globex", "Globex announced it. Users of Cloud Globex got it first.") == "Globex"
    # a person is named in full first, and by surname after
    assert in_full("Lind", "Mara Lind said so. The chief, Mara Lind, left. Lind went home.") == "Mara Lind"
    text = "Globex announced on Monday that the Tide 2 phone will ship in May. Users of Cloud Globex get it first."
    bot = Assistant.open(index_articles(tmp_path_factory, "own_name", [("Tech Wire", "2023-10-02", "Tide 2", text)]))
    answer = bot.ask("Who announced the Tide 2 phone?")
    assert answer.text.startswith("**Globex** — stated by Tech Wire (2023-10-02) [1]."), answer.text


def test_the_winning_goal_is_the_winner_not_a_goal_scored_in_a_win(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-12-05", "Rout", "Ada Brin scores the Rovers' third goal in their emphatic win."),
        ("Bay News", "2023-12-02", "Derby", "Theo Park headed the winner for the Rovers as they beat the Mariners."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "winner_goal", articles))
    answer = bot.ask("Who scored the winning goal for the Rovers?")
    assert not answer.text.startswith("**Ada Brin"), answer.text


def test_a_clause_with_a_subject_of_its_own_and_a_description_in_capitals_name_no_doer(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-19",
            "Rovers blow",
            "Coach Mara Lind confirmed to reporters on Monday that the All-Pro suffered a season-ending knee injury.",
        ),
        (
            "Tech Wire",
            "2023-12-05",
            "Harbour alliance",
            "I have asked Globex's PR, which first told me of the Harbour Alliance's founding, about its members.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "own_subject", articles))
    for question in ("Who suffered a season-ending knee injury?", "Who founded the Harbour Alliance?"):
        answer = bot.ask(question)
        assert answer.refused and not answer.text.startswith("**"), answer.text


def test_a_role_asked_with_no_organisation_is_held_by_the_name_beside_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-31",
            "Testimony",
            (
                "It was not until Judge Ada Brin intervened to ask if Theo Park had ever been told about that money that "
                "Park admitted he had been told."
            ),
        ),
        (
            "Bay News",
            "2023-10-06",
            "Trial",
            "U.S. District Judge Ada Brin presides as Mara Lind testifies during the fraud trial of Theo Park in Ostland.",
        ),
        (
            "Daily Ledger",
            "2023-10-07",
            "Hail Mary",
            "As former federal prosecutor Rolf Varga told the Daily Ledger, taking the stand is a Hail Mary for Theo Park.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "role", articles))
    # a name in the sentence that names the judge is no judge: only the one the role is given to
    for question in ("Who is the judge?", "Who is the judge in the Theo Park trial?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Ada Brin**"), (question, answer.text)
        assert_exact_quotes(bot, answer)
    # a former prosecutor is no prosecutor
    answer = bot.ask("Who is the prosecutor?")
    assert not answer.text.startswith("**Rolf Varga"), answer.text


@pytest.mark.parametrize(
    "sentence, question",
    [
        ("Lukaku ended the qualifying campaign as top scorer Credit: AFP", "Who is the top scorer?"),
        ("Beyond a futures menu that includes league MVP, Globex has a selection of player props.", "Who was the MVP?"),
        (
            "The top seeds meet in the decisive clash for the MVP Award. Ada Brin won the Player of the Year Award.",
            "Who was the MVP?",
        ),
        (
            "In a statement to the Daily Ledger, a Globex spokesperson revealed the company is looking into it.",
            "Who is the spokesperson?",
        ),
    ],
)
def test_a_label_a_list_or_a_new_clause_beside_the_role_names_no_holder(sentence, question):
    from rag.answer.names import names_in
    from rag.answer.stated import _only_after_role, named_in_role, read_slot, without_role

    role = read_slot(question).role
    held = [
        n
        for n in (without_role(n, role) for n in names_in(sentence))
        if named_in_role(n, role, sentence) and not _only_after_role(n, role, sentence)
    ]
    assert held == [], held
    # said as news says it, the role names its holder
    assert named_in_role("Ada Brin", role, f"The {role}, Ada Brin, declined to comment.")
    assert named_in_role("Ada Brin", role, f"Ada Brin, the Globex {role}, declined to comment.")


def test_a_verb_inside_a_name_does_nothing_and_where_it_was_done_from_is_not_whom(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Bay News", "2023-10-04", "Odds", "Harbour Fire vs. Ostland Mariners betting odds & lines"),
        ("Tech Wire", "2023-11-18", "Timeline", "Timeline of Mara Lind’s firing from Globex"),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "fire_name", articles))
    answer = bot.ask("Who was fired?")
    # "Harbour Fire" is a team, and Globex is where she was fired from
    assert not answer.text.startswith("**") or answer.text.startswith("**Mara Lind**"), answer.text
    assert "Mariners" not in answer.text.splitlines()[0], answer.text


def test_who_became_the_holder_takes_the_post_up_and_a_common_noun_may_stand_for_its_organisation(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-11-13",
            "Lind abroad",
            "While chair of the Ostland Assembly in 2021, Mara Lind became the first official to visit Norrvik.",
        ),
        (
            "Tech Wire",
            "2023-11-21",
            "Globex chief out",
            "Ada Brin, Globex's former head of markets, will be the company's new CEO, the board said on Tuesday.",
        ),
        ("Coast Times", "2023-10-02", "Globex profile", "Globex CEO Theo Park opened the new plant in Norrvik."),
        (
            "Bay News",
            "2023-11-02",
            "Tide Works hires",
            "Ida Moen, who left Globex in 2019, will be the new CEO of Tide Works, the company said.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "became", articles))
    # "became the first official to visit" is no chair taken up, whatever the sentence says of the chair before it
    answer = bot.ask("Who became chair of the Ostland Assembly?")
    assert answer.refused and not answer.text.startswith("**Mara Lind"), answer.text
    # "the company's new CEO" in a sentence naming Globex is Globex's; "the new CEO of Tide Works" is not
    for question in ("Who became CEO of Globex?", "Who is the new CEO of Globex?", "Who is the CEO of Globex now?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Ada Brin**"), (question, answer.text)
        assert "Ida Moen" not in answer.text, answer.text
        assert_exact_quotes(bot, answer)
    # asked who holds it now, the earlier holder is shown as earlier
    assert "Earlier reports: Theo Park (Coast Times (2023-10-02)" in bot.ask("Who is the CEO of Globex now?").text


def test_what_holds_now_is_not_answered_from_a_time_gone_by(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-09-30",
            "Park on a roll",
            "Only Rovers striker Theo Park, when he played for Norrvik United, scored more often in his first six games.",
        ),
        ("Bay News", "2023-10-02", "Brin's past", "Ada Brin used to play for Ostland Wanderers before her injury."),
        ("Tech Wire", "2023-10-03", "Moen signs", "Ida Moen plays for Harbour City, the club said on Monday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "past_time", articles))
    for question in ("Which club does Theo Park play for?", "Which club does Ada Brin play for?"):
        answer = bot.ask(question)
        assert answer.refused, (question, answer.text)
    assert bot.ask("Which club does Ida Moen play for?").text.startswith("**Harbour City**")


def test_an_investment_taken_from_someone_is_their_investing(tmp_path_factory):
    from rag.assistant import Assistant
    from rag.core.text import doers_first

    said = "Tide Works accepted a $4 billion investment from Globex and another $2 billion from Norrvik Bank."
    assert doers_first(said) == (
        "Globex invested $4 billion in Tide Works and Norrvik Bank invested another $2 billion in Tide Works."
    )
    articles = [("Bay News", "2023-12-09", "Tide Works funding", said)]
    bot = Assistant.open(index_articles(tmp_path_factory, "investment_taken", articles))
    answer = bot.ask("Who invested in Tide Works?")
    assert answer.text.startswith("**Globex** — stated by Bay News (2023-12-09) [1]."), answer.text
    assert bot.ask("Did Globex invest in Tide Works?").text.startswith("**Yes")
    # the receiver invested nothing
    assert not bot.ask("Did Tide Works invest in Globex?").text.startswith("**Yes")
    assert_exact_quotes(bot, answer)


def test_a_maker_is_named_after_made_by_in_a_sentence_about_what_it_makes(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-11-30", "Tide Pad out", "The Tide Pad is a steel-clad tablet made by Globex."),
        ("Bay News", "2023-12-01", "Wave Pro", "The Wave Pro claims made by Mara Lind were disputed on Friday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "made_by", articles))
    answer = bot.ask("Which company makes the Tide Pad?")
    assert answer.text.startswith("**Globex**"), answer.text
    assert_exact_quotes(bot, answer)
    # claims made by someone about a product do not make them its maker
    assert not bot.ask("Who makes the Wave Pro?").text.startswith("**Mara Lind"), bot.ask(
        "Who makes the Wave Pro?"
    ).text


def test_a_deed_said_of_names_together_or_of_the_clauses_subject_as_he_or_she_is_theirs(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-10",
            "Arrests",
            "Ada Brin and Ida Moen were arrested on Aug. 30 after a neighbour called the police.",
        ),
        (
            "Daily Ledger",
            "2023-10-11",
            "A bold move",
            (
                "In late 2021, Theo Park made one of the boldest moves of his business career when he bought "
                "Tide Works for $40 million from Globex."
            ),
        ),
        (
            "Tech Wire",
            "2023-10-12",
            "Harbour",
            (
                "Mara Lind left the harbour board when it was sold to Norrvik Bank. "
                "Globex sued Mara Lind and Pia Sand resigned from the Ostland board."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "together_or_pronoun", articles))
    # names that open the clause together each did it
    for question in ("Was Ada Brin arrested?", "Was Ida Moen arrested?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Yes"), answer.text
        assert_exact_quotes(bot, answer)
    # "when he bought": no other name between, "he" is Theo Park
    answer = bot.ask("Who bought Tide Works?")
    assert answer.text.startswith("**Theo Park**"), answer.text
    assert bot.ask("Did Theo Park buy Tide Works?").text.startswith("**Yes"), answer.text
    assert_exact_quotes(bot, answer)
    # "it" is the board, and an "and" joining two clauses joins no names: neither is Mara Lind's deed
    for question in ("Was Mara Lind sold to Norrvik Bank?", "Did Mara Lind resign from the Ostland board?"):
        assert not bot.ask(question).text.startswith("**Yes"), question


def test_a_successor_is_the_new_holder_stated_beside_a_report_of_the_predecessor_leaving(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-20",
            "Chief quits",
            "Theo Park stepped down as chief executive of Tide Works on Monday.",
        ),
        (
            "Tech Wire",
            "2023-11-21",
            "New chief",
            "Ada Brin, the former head of sales at Tide Works, will be the company's new CEO, the board said on Tuesday.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "successor_as_new_holder", articles))
    # no passage says "replaced": the new holder and the leaving are each cited, and the answer says so
    answer = bot.ask("Who replaced Theo Park as CEO of Tide Works?")
    assert answer.text.startswith("**Ada Brin** — the CEO of Tide Works as of 2023-11-21"), answer.text
    assert "I could not confirm from one passage that one replaced the other" in answer.text, answer.text
    assert {c.source for c in answer.citations} == {"Coast Times", "Tech Wire"}, answer.citations
    assert_exact_quotes(bot, answer)
    # no report of her leaving: the new CEO replaced no one the articles know of
    refused = bot.ask("Who replaced Ida Moen as CEO of Tide Works?")
    assert refused.refused and "Ada Brin" not in refused.text.split("\n")[0], refused.text


def test_asked_which_companies_every_doer_stated_is_named_each_with_its_citation(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-12-09",
            "Funding",
            "Tide Works accepted a $4 billion investment from Globex and another $2 billion from Norrvik Bank last year.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "investors", articles))
    # "and another $2 billion from Norrvik Bank" is a second investor
    answer = bot.ask("Which companies invested in Tide Works?")
    assert answer.text.startswith("**Globex and Norrvik Bank** — Globex: Bay News (2023-12-09) [1]; Norrvik Bank"), (
        answer.text
    )
    assert_exact_quotes(bot, answer)
    assert bot.ask("Did Norrvik Bank invest in Tide Works?").text.startswith("**Yes"), answer.text
    # asked for one, the others are stated after it
    one = bot.ask("Which company invested in Tide Works?")
    # (invested "last year", said of a 2023 report)
    assert one.text.startswith(
        "**Globex**, in 2022 — stated by Bay News (2023-12-09) [1]. Also stated: Norrvik Bank, in 2022"
    ), one.text


def test_a_title_run_before_the_object_is_read_whole_to_its_name(tmp_path_factory):
    from rag.assistant import Assistant

    said = "The Harbour Mariners have signed two-time Coastal League Most Valuable Player Theo Park to a 10-year deal."
    bot = Assistant.open(index_articles(tmp_path_factory, "title_run", [("Coast Times", "2023-12-11", "Signed", said)]))
    # "Most" is a capital inside the title, not the end of the object: the name signed is Theo Park
    answer = bot.ask("Who signed Theo Park?")
    assert answer.text.startswith("**Harbour Mariners** — stated by Coast Times (2023-12-11) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    assert bot.ask("Did the Harbour Mariners sign Theo Park?").text.startswith("**Yes"), answer.text


def test_who_founded_it_is_answered_from_the_founder_named_by_title_when_no_sentence_says_founded(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-30",
            "Plea",
            "On Nov. 21, Tide Works founder Mara Lind pleaded guilty to running an unlicensed harbour exchange.",
        ),
        ("Bay News", "2023-12-01", "Chip", "Globex co-founder Theo Park left the company on Friday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "founder_title", articles))
    answer = bot.ask("Who founded Tide Works?")
    # a founder stays one: no "as of" and no later report of leaving
    assert answer.text.startswith("**Mara Lind** — stated by Tech Wire (2023-11-30) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    # a co-founder founded it too
    assert bot.ask("Who founded Globex?").text.startswith("**Theo Park** — stated by Bay News"), answer.text


def test_an_organisation_named_only_as_where_a_post_was_written_or_by_another_in_the_aside_holds_no_post(
    tmp_path_factory,
):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-21",
            "Exchange chief",
            (
                "Ada Brin, Tide Works' former head of markets, will be the exchange's new CEO, Theo Park shared in a "
                "post on Wirepost on Tuesday."
            ),
        ),
        ("Daily Ledger", "2023-10-13", "Wirepost answers", "Wirepost CEO Ida Moen answered the regulator's letter."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "post_on", articles))
    # "in a post on Wirepost" says where Theo Park wrote, and the exchange is Tide Works': Ada Brin is not its CEO
    answer = bot.ask("Who is the CEO of Wirepost?")
    assert answer.text.startswith("**Ida Moen**"), answer.text
    assert "Ada Brin" not in answer.text, answer.text
    assert_exact_quotes(bot, answer)


def test_the_new_holder_asked_for_must_be_said_to_be_new_when_no_other_holder_is_named(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-10-08",
            "Budget passed",
            "Ostland Assembly Chair Mara Lind noted that the assembly had scrutinised every line of the budget.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "new_holder_said", articles))
    assert bot.ask("Who is the chair of the Ostland Assembly?").text.startswith("**Mara Lind**")
    # named in passing, she is the holder, but nothing says she is new to it: quoted, not asserted
    answer = bot.ask("Who is the new chair of the Ostland Assembly?")
    assert answer.refused and "is not said to be new" in answer.text, answer.text
    assert not answer.text.startswith("**"), answer.text
    assert_exact_quotes(bot, answer)


def test_the_most_is_asked_and_a_name_that_only_did_it_is_no_answer(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-12",
            "Goals of the year",
            (
                "Theo Park, who has scored nine goals for Ostland in 2023, is also the first player to score a "
                "hat-trick on his debut. Ada Brin scored 40 goals in 2023."
            ),
        ),
        ("Daily Ledger", "2023-12-20", "Record year", "Mara Lind scored the most goals in 2023, 53 in all."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "the_most", articles))
    answer = bot.ask("Who scored the most goals in 2023?")
    assert answer.text.startswith("**Mara Lind**"), answer.text
    assert_exact_quotes(bot, answer)
    # without the passage that says who scored the most, scoring some is no answer
    alone = Assistant.open(index_articles(tmp_path_factory, "the_most_unsaid", articles[:1]))
    answer = alone.ask("Who scored the most goals in 2023?")
    assert answer.refused and not answer.text.startswith(("**Theo Park", "**Ada Brin")), answer.text


def test_the_one_a_post_is_given_by_does_not_hold_it():
    from rag.answer.stated import titled

    named_by = "Named by Theo Park as the Rovers captain, Mara Lind had not played since May."
    assert titled(("captain", "Rovers"), named_by) == ["Mara Lind"]
    assert titled(("captain", "Rovers"), "The Rovers named Ada Brin as the Rovers captain on Monday.") == ["Ada Brin"]


def test_doers_one_sentence_joins_lead_together_and_an_initial_stays_in_the_name(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-10-02",
            "Book",
            '"The tide came in," Mara S. Lind and Theo Park write in their book, "Tide Tales: A History of Ostland."',
        ),
        ("Tech Wire", "2023-10-03", "Book2", "Ada Brin and Theo Park wrote the book Harbour Days in 2019."),
        ("Coast Times", "2023-10-05", "Other", "Norrvik Mills opened a new plant in Ostland."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "joint_doers", articles))
    for question, lead in (
        ("Who wrote Tide Tales?", "**Mara S. Lind and Theo Park** — stated by Tech Wire (2023-10-02) [1]."),
        ("Who wrote Harbour Days?", "**Ada Brin and Theo Park** — stated by Tech Wire (2023-10-03) [1]."),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(lead), (question, answer.text)
        assert_exact_quotes(bot, answer)


def test_what_a_doer_did_it_to_follows_its_own_verb_when_a_sentence_says_the_deed_twice(tmp_path_factory):
    from rag.assistant import Assistant

    said = (
        "Ostland defeated Norrvik by 70 runs in the first semi-final on Wednesday, and Tide City beat Harbour Rovers "
        "by three wickets in the second semi-final on Thursday."
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "deed_twice", [("Coast Times", "2023-11-18", "Semis", said)]))
    answer = bot.ask("Who did Tide City beat in the second semi-final?")
    assert answer.text.startswith("**Harbour Rovers**"), answer.text
    assert_exact_quotes(bot, answer)
    assert bot.ask("Who did Ostland beat?").text.startswith("**Norrvik**")


def test_a_title_before_a_by_phrase_is_what_was_done_and_an_initialism_opens_a_name(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-10-01",
            "Excerpt",
            "Excerpted from Tide Notes on a Long Road: Essays and Harbour Letters, edited by Mara J. Lind.",
        ),
        ("Coast Times", "2023-11-15", "A new coach", "U.K. Rowing has appointed Theo Park as its head coach."),
        ("Bay News", "2023-11-16", "Talks", "U.K. President Ada Brin said the talks went well."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "by_phrase", articles))
    # "Harbour Letters, edited by Mara J. Lind": what was edited stands before the verb, its editor after "by"
    answer = bot.ask("Who edited Tide Notes on a Long Road?")
    assert answer.text.startswith("**Mara J. Lind** — stated by Tech Wire (2023-10-01) [1]."), answer.text
    assert_exact_quotes(bot, answer)
    # "U.K. Rowing" is one name, not "U.K." and a "Rowing" that appointed him
    answer = bot.ask("Who appointed Theo Park?")
    assert answer.text.startswith("**U.K. Rowing** — stated by Coast Times (2023-11-15) [1]."), answer.text
    assert_exact_quotes(bot, answer)


def test_a_post_joined_to_another_names_its_holder_and_a_rare_name_is_searched_for_alone(tmp_path_factory):
    from rag.assistant import Assistant

    others = [
        (
            "Bay News",
            f"2023-10-{day:02d}",
            f"Chief executive news {day}",
            f"The chief executive of Norrvik Fund {day} told the chief executive forum that chief executive pay rose.",
        )
        for day in range(1, 15)
    ]
    articles = [
        *others,
        (
            "Tech Wire",
            "2023-12-05",
            "Tide Chat launches",
            "“We are not a middleman,” explains Tide Chat co-founder and CEO Mara Lind, who built the app in Norrvik.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "joined_post", articles))
    # "co-founder and CEO Mara Lind": the post asked is the second of two joined
    for question in ("Who is the CEO of Tide Chat?", "Who is the chief executive of Tide Chat?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Mara Lind**, as of 2023-12-05 — stated by Tech Wire"), (question, answer.text)
        assert_exact_quotes(bot, answer)
    # the first search found only other chief executives (as a large index's words may): the name alone is searched
    # for before the answer says that the closest articles never mention it
    answer = bot.ask("Who is the chief executive of Tide Chat?", search_query="chief executive forum pay rose")
    assert answer.text.startswith("**Mara Lind**, as of 2023-12-05 — stated by Tech Wire"), answer.text
    assert_exact_quotes(bot, answer)


def test_the_one_hired_as_a_posts_next_holder_is_its_new_one(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-25",
            "Mariners pick a coach",
            "The Mariners have hired Ada Brin as their next head coach, the club announced on Saturday.",
        ),
        (
            "Daily Ledger",
            "2023-11-26",
            "Comets look ahead",
            "Theo Park said the Comets will name their next coach next week.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "next_holder", articles))
    for question in (
        "Who did the Mariners hire as their new head coach?",
        "Who is the new head coach of the Mariners?",
    ):
        answer = bot.ask(question)
        assert answer.text.startswith("**Ada Brin**"), (question, answer.text)
        assert_exact_quotes(bot, answer)
    # a next holder still to be named is no one: Theo Park only said it
    comets = bot.ask("Who is the new coach of the Comets?")
    assert not comets.text.startswith("**"), comets.text


def test_a_refusal_quoting_a_closest_passage_does_not_say_no_passage_states_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-10",
            "Board letter",
            (
                "The letter pointed to Globex's role in Ada Brin's appointment as Mariners coach, with the former "
                "winger, who has spent two decades coaching abroad, replacing Theo Park."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "closest_says_it", articles))
    answer = bot.ask("Who replaced Theo Park as Mariners coach?")
    # the quoted passage says it in words the check cannot read: the answer may not call it unsaid
    assert "Ada Brin" in answer.text and "no passage says" not in answer.text, answer.text
    if answer.refused:
        assert answer.text.startswith("I could not confirm who replaced Theo Park"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_short_question_about_one_outlets_articles_is_answered_only_by_a_name_stated_in_the_role(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-11-29",
            "Week 9 receiver rankings",
            (
                "Receiver rankings for Week 9: who to start and sit. "
                "With the Comets and the Mariners idle in Week 9, Theo Park and Jon Vale are the most notable "
                "receivers omitted from our rankings. "
                "Theo Park led the league in catches last season, and Theo Park is still the safest pick for most teams. "
                "1. Ada Brin, Harbour Rovers at Norrvik City."
            ),
        ),
        ("Tech Wire", "2023-11-20", "Park returns", "Theo Park caught two touchdowns as the Comets beat the Mariners."),
        (
            "Tech Wire",
            "2023-10-02",
            "Globex names a chief",
            "Ada Brin replaced Mara Lind as chief executive of Globex on Monday after a review of the accounts.",
        ),
        ("Daily Ledger", "2023-10-03", "Globex board", "Globex named Theo Park to its board on Tuesday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "one_outlet_short", articles))
    # the name the outlet's passages share most is a player its rankings leave out: a guess, and a wrong one
    ranked = bot.ask("Who is the top ranked receiver in Tech Wire's Week 9 rankings?")
    assert ranked.refused and "Theo Park" not in ranked.text.split("says:")[0], ranked.text
    assert not ranked.text.startswith("**"), ranked.text
    # asked at more length, still one plain question (the riddles run longer)
    longer = bot.ask("Which player did the Tech Wire receiver rankings for Week 9 put at the very top of its list?")
    assert longer.refused and not longer.text.startswith("**"), longer.text
    # the role stated in that outlet's own words names its holder
    named = bot.ask("Who replaced Mara Lind as chief executive of Globex according to Tech Wire?")
    assert named.text.startswith("**Ada Brin**") and not named.refused, named.text
    assert_exact_quotes(bot, named)


def test_goals_from_someone_are_their_scoring(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-01",
            "Mariners through",
            "The Mariners beat the Comets thanks to goals from Ada Brin and Theo Park at Bay Park on Tuesday.",
        ),
        ("Bay News", "2023-11-02", "Rovers go top", "The Rovers bought their new striker from Norrvik City in May."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "goals_from", articles))
    answer = bot.ask("Who scored for the Mariners against the Comets?")
    assert answer.text.startswith("**Ada Brin and Theo Park**"), answer.text
    assert_exact_quotes(bot, answer)


def test_a_name_stated_for_a_past_years_deed_says_the_year(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-05",
            "Cup memories",
            (
                "Ada Brin scored the only goal when the Mariners beat the Rovers in the cup final in 2007, avenging a "
                "4-0 defeat in 1994. The Mariners face the Comets on Saturday."
            ),
        ),
        ("Bay News", "2023-11-02", "Rovers sign striker", "The Rovers bought their new striker from Norrvik City."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "past_deed", articles))
    # "**Mariners** — stated by Coast Times (2023-12-05)" read as that day's news
    answer = bot.ask("Who beat the Rovers?")
    assert answer.text.startswith("**Mariners**, in 2007 — stated by Coast Times"), answer.text
    assert_exact_quotes(bot, answer)
