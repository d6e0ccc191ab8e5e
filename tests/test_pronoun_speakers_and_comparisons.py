"""Quotes given by "he" or "she", quotations over two sentences, "than" in a question, and two names asked about
with one "be", found by the fifty-third session's testers. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.reading import framed_by_outlet, plainly_asked, read_question
from rag.answer.who_said import read_who_said


def _claims(question: str) -> list[str]:
    return [c.claim for c in read_question(question, ["Tech Wire", "Bay News"]).clauses]


def test_than_is_the_claims_own_word_when_no_outlet_follows_it():
    # split at "than" as two reports' claims, the claim lost it: "Globex earn more Tide Works in 2030"
    assert _claims("Did Globex earn more than Tide Works in 2030?") == ["Globex earn more than Tide Works in 2030"]
    assert _claims("Is the Norrvik bridge longer than the Ostland bridge?") == [
        "Norrvik bridge is longer than the Ostland bridge"
    ]


def test_two_names_joined_are_one_subject_the_be_goes_after():
    assert _claims("Were Globex and Tide Works also fined by the regulator?") == [
        "Globex and Tide Works were also fined by the regulator"
    ]
    assert _claims("Are Mara Lind and Theo Park married?") == ["Mara Lind and Theo Park are married"]


def test_a_chats_subject_with_of_in_it_is_kept_after_the_question():
    # the subject a chat's earlier turns append; an aside describing something is still dropped
    assert plainly_asked("Did they raise their forecast? (Bank of Ostland)") == (
        "Did they raise their forecast? (Bank of Ostland)"
    )
    assert plainly_asked("Did Tide (the social app once called Wave) launch?") == "Did Tide launch?"


def test_an_outlets_name_before_a_report_noun_frames_the_question():
    asked = "In the Bay News profile, did Mara Lind say she kept the essay?"
    assert (
        framed_by_outlet(asked, ["Bay News", "Tech Wire"])
        == "According to Bay News, did Mara Lind say she kept the essay?"
    )
    # a company's story is what the story is about, not who wrote it
    assert framed_by_outlet("In the Globex story, did Mara Lind resign?", ["Bay News"]) == (
        "In the Globex story, did Mara Lind resign?"
    )


def test_who_at_a_company_said_it_is_read_as_who_said_it():
    asked = read_who_said("Who at Globex told Tech Wire that the plant would close in May?")
    assert asked is not None and asked.words == "the plant would close in May"


ARTICLES = [
    (
        "Tech Wire",
        "2030-11-12",
        "Pump worries at Globex",
        (
            'Globex delayed the harbour works on Monday. "The pumps have never been tested in winter," said Mara '
            'Lind, head of research at Globex. "The tide pumps need to be replaced before the winter storms come," '
            "she said. The board meets on Friday."
        ),
    ),
    (
        "Bay News",
        "2030-11-13",
        "Bridge talks",
        (
            'Ada Brin met Theo Park at the Norrvik town hall on Tuesday. "The ferry deal is dead and buried now," '
            "he said after the meeting."
        ),
    ),
    (
        "Coast Times",
        "2030-11-14",
        "Bridge money",
        (
            'Jon Vale spoke to reporters on the quay at noon. "The Ostland bridge will open to lorries in May. We '
            'have the money ready for the last span," he said.'
        ),
    ),
    (
        "Daily Ledger",
        "2030-11-15",
        "Tide Works results",
        (
            'Tech Wire columnist Ida Moen writes, "Tide Works faces falling sales, making it a structurally '
            'unprofitable company." Theo Park said the shares rose on renewed buying.'
        ),
    ),
    (
        "Harbour Post",
        "2030-11-16",
        "Spill fines",
        "In recent days, Globex and Tide Works have also been fined by the regulator over the harbour spill.",
    ),
    (
        "Coast Times",
        "2030-11-17",
        "Vale's record chase",
        (
            "Jon Vale could score six goals in Ostland's two friendlies this week to match the national record of "
            "Theo Moss."
        ),
    ),
    (
        "Daily Ledger",
        "2030-11-18",
        "Rovers vs. Mariners live score, updates",
        (
            "7:39 p.m. Rovers scoring play: Ida Moen fires a pass for the first touchdown.\nRovers 7, Mariners 0\n"
            "8:04 p.m. Mariners scoring play: a field goal.\nRovers 7, Mariners 3\n"
            "10:44 p.m. Rovers scoring play: a late fumble returned for a score.\nRovers 41, Mariners 20"
        ),
    ),
    (
        "Bay News",
        "2030-11-19",
        "Harbour profile",
        (
            "This feeling is one Ada Brin has spoken about before, referring to an essay she wrote for the book. "
            "“I wish I’d kept the harbour essay for myself,” she says, adding that she would cut some details. "
            "Mara Lind wears a Tide Works shirt, $90."
        ),
    ),
    (
        "Tech Wire",
        "2030-11-22",
        "Norrvik Labs' smart fridge redefines medicine storage",
        (
            "Norrvik Labs makes a fridge for medicines. “Hiring Jon Vale was one of the best decisions I’ve made in "
            "my career,” said Ida Moen, the founder of Norrvik Labs."
        ),
    ),
    (
        "Tech Wire",
        "2030-11-21",
        "Mayor on the plan",
        (
            "The mayor spoke at length. When asked if he knew what Ida Moen thought of the ferry plan, he smiled. "
            "“The Norrvik ferry plan will never pass the council,” he says."
        ),
    ),
    (
        "Coast Times",
        "2030-11-20",
        "Owners on the final",
        (
            'The owners are talking, too.\n\n"It is hard to move the needle on a great night," Theo Park said on '
            'Wednesday on the Harbour radio show. "We get a lot of viewers. The Norrvik final blew the ratings off the '
            'charts. It is amazing."'
        ),
    ),
]


def test_pronoun_speakers_and_quotations_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "pronoun_speakers", ARTICLES))
    # "she said" after a sentence giving words to Mara Lind: hers, both sentences cited
    who = bot.ask("Who said the tide pumps needed replacing before the winter storms come?")
    assert who.text.startswith("**Mara Lind**"), who.text
    assert len(who.citations) == 2 and "she said" in who.citations[1].quote, who.citations
    assert_exact_quotes(bot, who)
    hers = bot.ask("Did Mara Lind say the tide pumps need to be replaced before the winter storms come?")
    assert hers.text.startswith("**Yes.**"), hers.text
    not_his = bot.ask("Did Theo Park say the tide pumps need to be replaced before the winter storms come?")
    assert not_his.text.startswith("**No.**") and "Mara Lind" in not_his.text, not_his.text
    # two people named just before: "he" may be either, and no name is given
    either = bot.ask("Who said the ferry deal is dead and buried now?")
    assert not either.text.startswith("**"), either.text
    # a quotation over two sentences is given to its speaker where it ends
    bridge = bot.ask("Did Jon Vale say the Ostland bridge will open to lorries in May?")
    assert bridge.text.startswith("**Yes.**"), bridge.text
    assert_exact_quotes(bot, bridge)
    # the outlet that describes the columnist is no second person the words may be given to
    column = bot.ask("Did Theo Park call Tide Works a structurally unprofitable company?")
    assert column.text.startswith("**No.**") and "Ida Moen" in column.text, column.text
    # two names asked with one "were": the claim keeps its passive, and the passage says it
    fined = bot.ask("Were Globex and Tide Works also fined by the regulator over the harbour spill?")
    assert fined.text.startswith("**Yes"), fined.text
    # a count said only as possible counts nothing done: no quote offered as the number
    goals = bot.ask("How many goals did Jon Vale score in Ostland's two friendlies this week?")
    assert goals.refused and "six goals" not in goals.text, goals.text
    # a live blog's running score is not the game's: the highest line of the same two sides is quoted in its place
    score = bot.ask("What was the final score of the Rovers vs. Mariners game?")
    assert "Rovers 41, Mariners 20" in score.text and "Rovers 7, Mariners 0" not in score.text, score.text
    assert_exact_quotes(bot, score)
    # "she says" after a sentence naming Ada Brin: a caption naming Mara Lind after it does not make the words hers
    essay = bot.ask("In the Bay News profile, did Mara Lind say “I wish I’d kept the harbour essay for myself”?")
    assert not essay.text.startswith("**Yes"), essay.text
    # a quotation that goes on after its speaker's name is still theirs
    ratings = bot.ask("Which owner said the Norrvik final blew the ratings off the charts?")
    assert ratings.text.startswith("**Theo Park**"), ratings.text
    assert_exact_quotes(bot, ratings)
    # a "he" before the one named in the sentence before leaves "he" to someone further back: no name given
    ferry = bot.ask("Did Theo Park say the Norrvik ferry plan will never pass the council?")
    assert not ferry.text.startswith(("**No", "**Yes")), ferry.text
    # a company a retrieved article's title names is the story's topic, not an outlet the index lacks
    labs = bot.ask("In the Norrvik Labs story, who called hiring Jon Vale one of the best decisions of their career?")
    assert "holds no articles from" not in labs.text, labs.text
    # nothing found to date: the order of two events is not what the answer says it could not check
    weeks = bot.ask("Over the three weeks before the storms, did Jon Vale sell more lorries than Theo Park?")
    assert "came before another" not in weeks.text, weeks.text
