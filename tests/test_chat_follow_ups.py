"""Follow-ups in a chat that must not be rewritten with the wrong one: a pronoun after a name the question gives itself,
"he" or "she" for no person, "the company" of the one just discussed however long the question, a name with "of"
kept whole, and "more" / "besides" in a question that asks something new rather than "what else?"."""

from __future__ import annotations

import pytest

from tests.conftest import index_articles

SUIT = (
    "Mara Lind sued Globex in Harbour Court on Monday, seeking damages and an injunction against Globex.\n\n"
    "Globex said it would fight the suit and called the claims baseless."
)
RESULTS = (
    "Tide Works made a profit of $40m in the third quarter, the company said on Tuesday.\n\n"
    "Initech made a profit of $90m in the third quarter, its best quarter in years."
)


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Tech Wire", "2023-11-06", "Mara Lind sues Globex", SUIT),
        ("Daily Ledger", "2023-11-07", "Quarterly results", RESULTS),
    ]
    assistant = Assistant.open(index_articles(tmp_path_factory, "chat_follow_ups", articles))
    yield assistant
    assistant.close()


def _after(bot, *turns: str | tuple[str, str]):
    """A conversation whose earlier turns are these questions (each alone, or with the answer text it got)."""
    from rag.assistant import Conversation
    from rag.core.types import Answer

    chat = Conversation(bot)
    for turn in turns:
        asked, text = turn if isinstance(turn, tuple) else (turn, "")
        chat.turns.append((asked, Answer(asked, text)))
    return chat


def test_a_pronoun_after_a_name_the_question_gives_points_within_it(bot):
    # "she" is the one the question names before it, not the speaker asked about before
    asked = "In Mara Lind's podcast quiz, which word did she ask her son first?"
    assert _after(bot, "What did Jon Vale say about the tour?").resolve(asked) == asked
    asked = "Was Vale out for the rest of the game after he hurt his back?"
    assert _after(bot, "Did Theo Park score against the Mariners?").resolve(asked) == asked
    # an object pronoun after a name still points back, and so does one after a word that only opens the question
    chat = _after(bot, "Was Theo Park arrested?")
    assert chat.resolve("Did Globex fire him?") == "Did Globex fire Theo Park?"
    assert chat.resolve("Later, did he resign?") == "Later, did Theo Park resign?"


def test_he_or_she_stands_only_for_a_person(bot):
    # the name asked about before is a prize's: no one "he" could be, and the question names its own
    chat = _after(bot, ("Who shared the Ostland Prize in physics?", "I could not confirm who shared it."))
    asked = "Did he do that work together with Ada Brin?"
    assert chat.resolve(asked) == asked
    assert "Ostland Prize share" not in chat.resolve("Did he share it?")
    # a person answered, or one written with initials, is who "he" is
    chat = _after(bot, ("Who won the Ostland Prize?", "**Theo Park** — stated by Tech Wire [1]."))
    assert chat.resolve("Did he win it again?") == "Did Theo Park win it again?"
    assert _after(bot, "Did T.J. Park score?").resolve("Did he get hurt?") == "Did T.J. Park get hurt?"
    assert _after(bot, "Did Ada de Brin sue Globex?").resolve("Did she win?") == "Did Ada de Brin win?"


def test_the_company_of_a_question_naming_nothing_is_the_one_discussed_however_long(bot):
    chat = _after(bot, "How much did Globex pay for Tide Works?")
    asked = "How much profit did the company make in the third quarter of last year?"
    assert chat.resolve(asked) == f"{asked} (Globex Tide Works)"
    # a question that names its own subject stands alone
    named = "How much profit did Initech make in the third quarter of last year?"
    assert chat.resolve(named) == named
    # "the network's": the broadcaster just asked about
    chat = _after(bot, "What fights has Ostland TV broadcast over the years?")
    assert chat.resolve("Which fight was the network's very first broadcast?") == (
        "Which fight was the network's very first broadcast? (Ostland TV)"
    )


def test_a_name_with_of_in_it_is_carried_whole(bot):
    chat = _after(bot, "Is Bank of Ostland warning about the economy?")
    # ("they" is the bank, the one body the question before named)
    assert chat.resolve("Did they raise their forecast?") == "Did Bank of Ostland raise their forecast?"


class _Recorder:
    """An assistant that records what each question was asked with, and answers with nothing."""

    def __init__(self) -> None:
        self.already_said: list[object] = []

    def ask(self, question: str, **options):
        from rag.core.types import Answer

        self.already_said.append(options.get("already_said"))
        return Answer(question, "An answer.")


def test_more_or_besides_in_a_new_question_is_no_what_else():
    from rag.assistant import Conversation
    from rag.core.types import Answer, Citation

    def said_before(question: str) -> list[object]:
        recorder = _Recorder()
        chat = Conversation(recorder)  # type: ignore[arg-type]
        cited = Citation(1, "a1", "Title", "Tech Wire", "2023-11-06", "", "Mara Lind sued Globex.", 0, 22, 1.0)
        chat.turns.append(
            ("Is Mara Lind suing Globex?", Answer("Is Mara Lind suing Globex?", "**Yes**", citations=[cited]))
        )
        chat.ask(question)
        return recorder.already_said

    for new in [
        "Besides damages, is the suit also asking for an injunction against Globex?",
        "Did Mara Lind say Globex earned more than Initech?",
        "What did Globex say about more layoffs?",
        "What is more expensive, the suit or the settlement?",
        "What more can Globex do to win the suit?",
    ]:
        assert said_before(new) == [None], new
    for more in [
        "What else did she say?",
        "Anything more?",
        "Tell me more.",
        "What more did she say?",
        "Besides that, what did she say?",
        "What did she say besides that?",
        "What other things did she say?",
    ]:
        assert said_before(more) != [None], more


def test_a_new_question_with_besides_may_quote_what_was_quoted_before(bot):
    chat = bot.chat()
    first = chat.ask("Is Mara Lind suing Globex?")
    assert any("injunction" in c.quote for c in first.citations), first.text
    answer = chat.ask("Besides damages, is the suit also asking for an injunction against Globex?")
    assert not answer.text.startswith("That is all the articles say"), answer.text
    assert any("injunction" in c.quote for c in answer.citations), answer.text


def test_the_two_outlets_are_the_two_the_chat_named_and_their_topic_the_one_asked(bot):
    chat = _after(bot, "What did Tech Wire say about the Globex suit?", "And what was the Daily Ledger's take on that?")
    assert chat.resolve("So do the two outlets agree?") == "So do Tech Wire and Daily Ledger agree on the Globex suit?"
    assert (
        chat.resolve("Did either of them mention Initech?")
        == "Did either Tech Wire or Daily Ledger mention Initech? (the Globex suit)"
    )
    # "take on that": on the topic the outlet before was asked about
    assert (
        _after(bot, "What did Tech Wire say about the Globex suit?").resolve(
            "And what was the Daily Ledger's take on that?"
        )
        == "And what was the Daily Ledger's take on the Globex suit?"
    )
    # one outlet named: there are no two to compare
    assert "Tech Wire and" not in _after(bot, "What did Tech Wire say about the Globex suit?").resolve(
        "Do the two outlets agree?"
    )
