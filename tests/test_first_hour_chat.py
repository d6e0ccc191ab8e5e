"""Follow-up questions that move on: "What else did he say?" quotes new evidence, never the earlier quotes, and says
so when there is nothing more; rewritten follow-ups keep the names as the user wrote them."""

from __future__ import annotations

import pytest

from tests.conftest import CANONICAL_QUESTION, CORPUS

MORE_KEANE = """---
title: "Retired general urges faster weapons deliveries to Kyiv"
source: "Test Wire"
published: 2023-02-20
---
The Pentagon should send Ukraine long-range missiles before the spring offensive, retired Army general Jack Keane told a radio host on Monday.
Keane added that the war would be decided on the battlefield within months, not at a negotiating table.
The harbour in Glimmerfjord reopened after repairs to the ferry quay.
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from ingest.index import ingest
    from rag.assistant import Assistant
    from rag.core.store import Store

    root = tmp_path_factory.mktemp("chat_more")
    (root / "more").mkdir()
    (root / "more" / "keane_more.md").write_text(MORE_KEANE)
    assert ingest([str(CORPUS), str(root / "more")], store=Store.open(root / "index", create=True)).added == 2
    assistant = Assistant.open(root / "index")
    yield assistant
    assistant.close()


def spans(answer) -> set[tuple[str, int, int]]:
    return {(c.article_id, c.start, c.end) for c in answer.citations}


def test_what_else_did_he_say_moves_on_to_new_evidence_then_says_that_is_all(bot):
    chat = bot.chat()
    first = chat.ask(CANONICAL_QUESTION)
    assert not first.refused and first.citations
    said = spans(first)
    more = chat.ask("What else did he say?")
    assert "Keane" in chat.turns[-1][0]
    assert not more.refused and more.citations
    assert not said & spans(more)  # nothing quoted twice
    assert not any(c.quote in first.text for c in more.citations)
    quotes = " ".join(c.quote for c in more.citations)
    assert "long-range missiles" in quotes or "decided on the battlefield" in quotes  # the new article's evidence
    for c in more.citations:  # the quotes are still the articles' exact words
        assert bot.store.article(c.article_id).text[c.start : c.end] == c.quote
    said |= spans(more)
    # asking again until nothing is left: never a repeat, and at the end a plain "that is all"
    for _ in range(4):
        again = chat.ask("What else did he say?")
        assert not said & spans(again)
        said |= spans(again)
        if again.refused:
            assert again.text.startswith("That is all the articles say on this")
            break
    else:
        pytest.fail("the follow-ups never ran out of new quotes")


def test_a_plain_follow_up_may_quote_what_was_said_before(bot):
    chat = bot.chat()
    first = chat.ask(CANONICAL_QUESTION)
    again = chat.ask("What did he say about Beijing?")  # not asking for more: the same evidence is the answer
    assert spans(first) & spans(again)


def test_follow_up_rewrites_keep_the_names_as_written(bot):
    from rag.assistant import Conversation
    from rag.core.types import Answer

    chat = Conversation(bot)
    chat.turns.append(("Why did the board of OpenAI's Sam Altman vote on Friday?", Answer(question="", text="")))
    rewritten = chat.resolve("What did it say?")
    assert "OpenAI's Sam Altman" in rewritten and "Openai" not in rewritten and "'S" not in rewritten


def _chat_after(bot, *questions: str):
    from rag.assistant import Conversation
    from rag.core.types import Answer

    chat = Conversation(bot)
    chat.turns.extend((q, Answer(question=q, text="")) for q in questions)
    return chat


@pytest.mark.parametrize(
    "before, follow_up, standalone",
    [
        # the auxiliary that opens a yes/no question is no part of the name it asks about
        ("Was Mara Lind fired?", "Did she come back?", "Did Mara Lind come back?"),
        ("Did Globex hire Theo Park?", "Did he stay there?", "Did Theo Park stay there?"),
        ("Is Theo Park leaving Globex?", "Who is he?", "Who is Theo Park?"),
        ("Did Globex sue Ostland?", "Why did it do that?", "Why did it do that? (Globex Ostland)"),
        # a follow-up that cannot stand alone asks the yes/no question's when, why or how many
        ("Was Theo Park convicted?", "Of how many counts?", "Of how many counts was Theo Park convicted?"),
        ("Did Mara Lind resign?", "why?", "Why did Mara Lind resign?"),
        ("And was Mara Lind fined?", "How much exactly?", "How much was Mara Lind fined?"),
        ("Did Globex buy Tide Works?", "In which year?", "In which year did Globex buy Tide Works?"),
        # "And X?", "What about X?": the yes/no question before, asked of another
        ("Did Mara Lind testify?", "What about Theo Park?", "Did Theo Park testify?"),
        ("Did Theo Park beat the Mariners?", "And Ada Brin?", "Did Ada Brin beat the Mariners?"),
        # which of two names the new one stands in for is a guess: it is asked about alone
        ("Did the Rovers beat the Mariners?", "And the Harbour Lions?", "Harbour Lions"),
        ("did Mara Lind come back?", "and theo park?", "Did theo park come back?"),
        ("Did Mara Lind resign?", "And then?", "And then?"),
        ("What did Mara Lind say about Globex?", "What about Ostland?", "What about Ostland?"),
        # one word in lower case is a thing asked about the same names, not a name in their place
        ("Did Globex miss revenue expectations?", "What about earnings?", "What about earnings? (Globex)"),
        # questions that stand alone are left alone
        ("Was Mara Lind fired?", "What is the boiling point of mercury?", "What is the boiling point of mercury?"),
        ("Was Mara Lind fired?", "When did Globex open its factory?", "When did Globex open its factory?"),
        # "him" / "her" as an object is the person the question before did something to; "her lawyer" is no object
        ("Was Mara Lind fired?", "Did Globex hire her back?", "Did Globex hire Mara Lind back?"),
        ("Did Theo Park fire Mara Lind?", "Who replaced her?", "Who replaced Mara Lind?"),
        ("Was Mara Lind fired?", "What did her lawyer say?", "What did her lawyer say? (Mara Lind)"),
    ],
)
def test_a_follow_up_is_rewritten_to_stand_alone(bot, before, follow_up, standalone):
    assert _chat_after(bot, before).resolve(follow_up) == standalone


def test_a_follow_up_takes_its_person_from_the_last_question_that_names_one(bot):
    chat = _chat_after(bot, "Was Theo Park convicted?", "How is the weather?")
    assert chat.resolve("When will he be sentenced?") == "When will Theo Park be sentenced?"
    # a bare "Why?" after "How many?" asks about the yes/no question both follow
    chat = _chat_after(bot, "Did Globex cut jobs?", "How many jobs did Globex cut?")
    assert chat.resolve("Why?") == "Why did Globex cut jobs?"


def test_after_a_who_question_he_or_she_is_the_person_it_was_answered_with(bot):
    from rag.assistant import Conversation
    from rag.core.types import Answer

    chat = Conversation(bot)
    chat.turns.append(("Who runs Globex?", Answer("Who runs Globex?", "**Mara Lind** — named in Tech Wire [1].")))
    assert chat.resolve("Did she step down?") == "Did Mara Lind step down?"
    # a yes/no answer names no one
    chat.turns.append(("Did Globex cut jobs?", Answer("Did Globex cut jobs?", "**Yes**, as of 2023-10-02: ...")))
    assert chat.resolve("Did she step down?") == "Did she step down? (Globex)"


def test_after_a_who_or_which_question_they_are_what_it_was_answered_with(bot):
    from rag.assistant import Conversation
    from rag.core.types import Answer

    chat = Conversation(bot)
    won = Answer("Who won the Harbour Cup?", "**Rovers** — the latest final result reported, as of 2023-11-12: ...")
    chat.turns.append(("Who won the Harbour Cup?", won))
    assert chat.resolve("Who did they beat?") == "Who did Rovers beat?"
    # asked a yes/no question, "they" are not the answer ("**Yes**" names no one) but the one it named
    chat.turns.append(("Did Globex cut jobs?", Answer("Did Globex cut jobs?", "**Yes**, as of 2023-10-02: ...")))
    assert chat.resolve("Did they hire again?") == "Did Globex hire again?"


def test_when_after_a_who_question_asks_when_its_answer_did_it(bot):
    from rag.assistant import Conversation
    from rag.core.types import Answer

    for asked, answered, standalone in [
        (
            "Who won the Harbour Cup?",
            "**Rovers** — the latest final result reported",
            "When did Rovers win the Harbour Cup?",
        ),
        ("Who did the Rovers beat?", "**Mariners** — stated by Coast Times [1].", "When did the Rovers beat Mariners?"),
        (
            "Who fired Mara Lind?",
            "**Globex board** — stated by Tech Wire [1].",
            "When did Globex board fire Mara Lind?",
        ),
        ("Who signed Theo Park?", "**Globex** — stated by Tech Wire [1].", "When did Globex sign Theo Park?"),
    ]:
        chat = Conversation(bot)
        chat.turns.append((asked, Answer(asked, answered)))
        assert chat.resolve("When?") == standalone
    # not answered with a name: the names asked about, as before
    chat = Conversation(bot)
    chat.turns.append(("Who fired Mara Lind?", Answer("Who fired Mara Lind?", "The articles I have do not answer ...")))
    assert chat.resolve("When?") == "When? (Mara Lind)"


def test_a_short_question_about_the_thing_asks_it_of_the_names_before(bot):
    chat = _chat_after(bot, "Did the Rovers beat the Mariners?")
    assert chat.resolve("What was the score?") == "What was the score? (Rovers Mariners)"
    assert chat.resolve("And the final result?") == "And the final result? (Rovers Mariners)"
    # a question that says what it is about stands alone
    assert chat.resolve("What is the boiling point of mercury?") == "What is the boiling point of mercury?"
    assert chat.resolve("What was the score in Ostland?") == "What was the score in Ostland?"
    # "the winner", "the company", "anyone": a part of the event just discussed, not of any match
    assert chat.resolve("Who scored the winner?") == "Who scored the winner? (Rovers Mariners)"
    assert chat.resolve("Was anyone sent off?") == "Was anyone sent off? (Rovers Mariners)"
    chat = _chat_after(bot, "How much did Globex pay for Tide Works?")
    assert chat.resolve("Where is the company based?") == "Where is the company based? (Globex Tide Works)"
    # a longer question says what it is about
    long = "Who scored the winner in the cup final the Harbour Rovers played last spring?"
    assert chat.resolve(long) == long


def test_asked_for_the_score_the_sentences_with_a_score_come_first(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    live = (
        "Ostland vs. Norrvik score\n\n"
        "Ostland dominated against Norrvik from the first whistle at Harbour Park on Saturday night.\n\n"
        "FINAL: Ostland 52, Norrvik 17\n\n"
        "Norrvik coach Theo Park said Ostland had been the better side at Harbour Park all night."
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "score", [("Coast Times", "2023-11-11", "Live", live)]))
    chat = bot.chat()
    chat.ask("Did Ostland beat Norrvik?")
    answer = chat.ask("What was the score?")
    assert answer.citations and "52" in answer.citations[0].quote, answer.text
