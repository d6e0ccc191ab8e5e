"""Answering over the shipped corpus: the canonical question, refusals, follow-ups, filters and bad input."""

from __future__ import annotations

import json

import pytest

from rag.core.errors import NewsragError
from rag.extractive import ExtractiveAnswerer
from tests.conftest import CANONICAL_QUESTION, run_cli


def test_canonical_question_is_answered_with_keanes_quotes_cited_exactly(seed_assistant):
    answer = seed_assistant.ask(CANONICAL_QUESTION)
    assert not answer.refused
    assert "strategic partners" in answer.text
    assert "it's not surprising that Beijing wants Russia to prosper" in answer.text
    assert answer.citations and all(f"[{c.n}]" in answer.text for c in answer.citations)
    for c in answer.citations:
        article = seed_assistant.store.article(c.article_id)
        assert article.text[c.start : c.end] == c.quote
        assert "Keane" in c.quote
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


@pytest.mark.parametrize(
    "question",
    [
        "What did Taylor Swift say about her new album?",
        "Who won the 2022 football World Cup final?",
        "What is the price of bitcoin today?",
    ],
)
def test_questions_the_articles_do_not_cover_are_refused(seed_assistant, question):
    answer = seed_assistant.ask(question)
    assert answer.refused and answer.citations == []
    assert "do not answer" in answer.text


def test_follow_up_question_is_resolved_against_the_previous_turn(seed_assistant):
    conversation = seed_assistant.chat()
    first = conversation.ask(CANONICAL_QUESTION)
    assert not first.refused
    follow = conversation.ask("And what did he say about Blinken's warning?")
    assert "Keane" in conversation.turns[-1][0]
    assert not follow.refused and any("Keane" in c.quote for c in follow.citations)


def test_retrieve_returns_ranked_hits_with_the_contract_fields(seed_assistant):
    hits = seed_assistant.retrieve("Blinken Wang Yi Munich Security Conference", k=3)
    assert 1 <= len(hits) <= 3
    assert hits == sorted(hits, key=lambda h: -h.score)
    h = hits[0]
    assert h.text and h.article_id and h.title and isinstance(h.score, float) and h.source == ""
    assert "Munich" in " ".join(x.text for x in hits)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"question": ""}, "empty"),
        ({"question": "   "}, "empty"),
        ({"question": "x" * 20000}, "20,000 characters"),
        ({"question": CANONICAL_QUESTION, "since": "19/02/2023"}, "YYYY-MM-DD"),
        ({"question": CANONICAL_QUESTION, "until": "2023-02-30"}, "YYYY-MM-DD"),
        ({"question": CANONICAL_QUESTION, "since": "2023-03-01", "until": "2023-02-01"}, "after"),
        ({"question": CANONICAL_QUESTION, "source": "Fox Nowhere"}, "not in the index"),
        ({"question": CANONICAL_QUESTION, "answerer": "gpt-99"}, "unknown"),
    ],
)
def test_bad_input_gets_a_clear_error(seed_assistant, kwargs, message):
    with pytest.raises(NewsragError, match=message):
        seed_assistant.ask(**kwargs)


def test_a_filter_that_matches_nothing_is_a_plain_refusal(seed_assistant):
    answer = seed_assistant.ask(CANONICAL_QUESTION, since="2024-01-01")
    assert answer.refused and "filters" in answer.text and answer.citations == []


def test_a_question_in_another_language_answers_with_a_note(seed_assistant):
    answer = seed_assistant.ask("基恩对北京说了什么？")
    assert any("English" in w for w in answer.warnings)


def test_empty_index_says_how_to_fill_it(tmp_path):
    from rag.assistant import Assistant
    from rag.core.store import Store

    Store.open(tmp_path / "empty", create=True).close()
    with pytest.raises(NewsragError, match="empty: run `newsrag ingest"):
        Assistant.open(tmp_path / "empty").ask(CANONICAL_QUESTION)


def test_missing_index_says_how_to_create_it(tmp_path):
    from rag.assistant import Assistant

    with pytest.raises(NewsragError, match="no index at"):
        Assistant.open(tmp_path / "nothing-here")


def test_ask_json_contract_from_the_console_script(seed_index):
    result = run_cli("ask", CANONICAL_QUESTION, "--index", str(seed_index), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"question", "answer", "refused", "citations", "timings_ms"}
    assert data["refused"] is False
    for c in data["citations"]:
        assert set(c) == {"n", "article_id", "title", "source", "published_at", "url", "quote", "start", "end", "score"}
    assert data["citations"][0]["published_at"] == "2023-02-19"


def test_cli_errors_are_messages_not_tracebacks(seed_index):
    result = run_cli("ask", "   ", "--index", str(seed_index))
    assert result.returncode == 2 and "question is empty" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("stats", "--index", "/nonexistent/index", "--json")
    assert result.returncode == 2 and "no index at" in result.stderr


def test_stats_json_counts_both_sides(seed_index):
    data = json.loads(run_cli("stats", "--index", str(seed_index), "--json").stdout)
    assert data["articles"] == 1 and data["chunks"] == data["dense_chunks"] == data["keyword_docs"] >= 3
    assert data["consistent"] is True


def test_query_syntax_characters_are_plain_words(seed_assistant):
    answer = seed_assistant.ask('Keane* NEAR("Beijing" prosper) OR -Russia ^ "unbalanced')
    assert isinstance(answer.refused, bool)  # answered or refused, never an FTS5 syntax error


def test_a_sentence_two_articles_share_word_for_word_is_a_candidate_once(seed_assistant):
    from rag.core.types import Article, Chunk, Hit

    tip = "Do you work at OpenAI and know more about the board's decision? Write to us."
    hits = []
    for i in range(2):
        article = Article(id=f"a{i}", title=f"Story {i}", text=f"Story {i} begins here today. {tip}")
        hits.append(Hit(Chunk(f"a{i}-0", article.id, article.text, 0, len(article.text)), article, 1.0 - i))
    texts = [s.text for s in ExtractiveAnswerer(seed_assistant.embedder).candidates(hits)]
    assert texts.count("Do you work at OpenAI and know more about the board's decision?") == 1
    assert "Story 1 begins here today." in texts  # what differs is kept


def test_what_someone_said_is_read_anywhere_in_the_article_whose_passage_names_them(seed_assistant):
    from rag.core.types import Article, Chunk, Hit

    opening = "Mara Lind, in a grey suit, took the stand in the Globex trial on Tuesday. The room was full."
    later = " ".join(f"Filler sentence number {i} about the courtroom and its benches." for i in range(12))
    said = "“There was no other harbour we could use at the time,” Lind said of the Tide Works deal."
    text = f"{opening} {later} {said}"
    article = Article(id="t", title="Lind testifies", text=text, source="Tech Wire", published_at="2023-09-26")
    hit = Hit(Chunk("t-0", "t", opening, 0, len(opening)), article, 1.0)
    answer = ExtractiveAnswerer(seed_assistant.embedder).answer("What did Mara Lind say about the harbour?", [hit])
    # her words stand far past the passage that was retrieved, in the same article: they are quoted, exactly
    assert said in [c.quote for c in answer.citations], answer.text
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)


def test_words_attributed_to_someone_in_apposition_are_theirs_not_the_asked_speakers():
    from rag.extractive import _said_by_another

    others = (
        "“He does not have the votes,” Rep. Theo Park, R-Ost., said after Lind sought support.",
        "One new Lind opponent, Rep. Ada Brin of Norrvik, explained her vote, “It is time to move on.”",
        "“Mara Lind likes the new plant,” a source close to the board told the Daily Ledger.",
        "Theo Park was told that he would stay on as chair and that Mara Lind had been fired.",
        "Globex’s Theo Park — who was brought in by chief executive Mara Lind last year — said: “We disagree.”",
        # readers' posts about her are theirs
        "“No one is weirded out by Mara Lind calling rivals ‘pirates,’” someone else wrote.",
        "“Forever grateful that Mara Lind kept quiet,” one wrote, referring to her rival.",
        "“Mara Lind should resign,” one fan tweeted after the vote.",
        "“One thing I cannot support is a bully,” said a statement from Rep. Ada Brin, who voted against Lind.",
        "Lind won’t be returning as chief, according to a report in the Daily Ledger citing a memo sent by Park.",
        # an auxiliary between the name and the verb: still her words, not Lind's
        "Ada Brin has revealed when her partnership with Mara Lind really started.",
    )
    for sentence in others:
        assert _said_by_another(sentence, ["mara", "lind"]), sentence
    own = "“We will keep talking,” Lind, a founding member of the Harbour Caucus, said after the vote."
    assert not _said_by_another(own, ["mara", "lind"])
    assert not _said_by_another("At one point Lind said the plant would open in May.", ["mara", "lind"])
    assert not _said_by_another("Lind has also said the plant would open in May.", ["mara", "lind"])
    assert not _said_by_another("The deal will go ahead, according to Mara Lind.", ["mara", "lind"])


def test_a_speech_verb_in_the_passive_is_no_one_speaking():
    from rag.extractive import _speaks

    assert not _speaks("Mara Lind has had a hard week since her firing was revealed on Friday.")
    assert _speaks("Mara Lind revealed the plan on Friday.") and _speaks("Lind, who was fired, said she would return.")


def test_what_someone_said_is_not_what_another_said_about_them(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Plants",
            "“We want Mara and Ada to say the new plants will open, and the new plants to hire 300,” Park said.",
        ),
        ("Daily Ledger", "2023-10-03", "Lind", "Lind told reporters the plants were on schedule."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "speaker", articles))
    answer = bot.ask("What did Mara Lind say about the new plants?")
    # Park's words naming "Mara" are his, however close their wording to the question: hers come first
    assert answer.citations[0].quote == "Lind told reporters the plants were on schedule."


def test_a_question_naming_someone_is_answered_from_sentences_about_them(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Tech Wire",
            "2023-10-05",
            "Layoffs",
            (
                "January was a hard month to lose your job, with studios closing everywhere. Workers who lose their jobs "
                "get little notice."
            ),
        ),
        (
            "Coast Times",
            "2023-10-18",
            "Assembly stuck",
            (
                "The Ostland Assembly is stuck without a chair since the sudden ouster of Mara Lind. Members voted on "
                "Tuesday."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "about_them", articles))
    answer = bot.ask("Why did Mara Lind lose her job?")
    # how others lost their jobs says nothing of hers, however close its words
    assert answer.citations and all("Lind" in c.quote for c in answer.citations), answer.text


def test_quotes_naming_none_of_the_questions_names_are_no_answer(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-20",
            "Trial ends",
            (
                "A jury convicted former banker Pim Ostberg of fraud on Friday. He could face 20 years in jail if "
                "convicted on all charges."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-02",
            "Rates",
            "The Federal Reserve said on Wednesday that it would keep rates on hold for now.",
        ),
        (
            "Tech Wire",
            "2023-11-03",
            "Launch",
            "Tide Works Company announced a new tide gauge on Thursday, its first in a decade.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "never_named", articles))
    # another trial's sentences are no answer about someone no passage names
    answer = bot.ask("What was QZV convicted of?")
    assert answer.refused and answer.text.endswith("never name QZV."), answer.text
    # a short name said as the start of a longer one, or by its initials, is named
    assert "Federal Reserve" in bot.ask("What will the Fed do with rates?").text
    assert "tide gauge" in bot.ask("What did TWC announce?").text


def test_a_name_said_in_a_headlines_capitals_or_by_a_companys_first_word_is_named(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-11-20",
            "Harbour pilot",
            (
                "Harbour officials spoke on Monday. WHAT HAPPENED TO PIM OSTBERG, THE HARBOUR PILOT LOST AT SEA? "
                "PIM OSTBERG DROWNED IN A STORM OFF THE NORRVIK CAPE, OFFICIALS SAY."
            ),
        ),
        (
            "Tech Wire",
            "2023-11-06",
            "Court",
            (
                "Tide Works Company makes tide gauges for ports. Tide sued Globex in 2020 after a fight over gauge "
                "licence fees, claiming Globex held an unlawful monopoly."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "named_otherwise", articles))
    # a refusal saying the passages never name someone they name in capitals would be a false statement
    answer = bot.ask("What happened to Pim Ostberg?")
    assert not answer.refused and "DROWNED" in answer.text, answer.text
    # after its first mention a company goes by its first word: "Tide sued Globex" is about Tide Works Company
    answer = bot.ask("Why did Tide Works Company sue Globex?")
    assert not answer.refused and "licence fees" in answer.text, answer.text


def test_asked_where_the_sentence_naming_a_place_is_quoted_first(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-11-17",
            "Mara Lind arrested",
            "Mara Lind was arrested on Friday, and her arrest was confirmed in December by the Globex board.",
        ),
        (
            "Daily Ledger",
            "2023-11-18",
            "At the airport",
            "Police arrested Mara Lind at Norrvik airport as she tried to leave.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "where", articles))
    answer = bot.ask("Where was Mara Lind arrested?")
    assert answer.citations and "at Norrvik airport" in answer.citations[0].quote, answer.text


def test_asked_why_the_sentence_giving_a_reason_is_quoted_first_and_the_event_must_be_said(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-11-17",
            "Globex fires Mara Lind",
            (
                "Globex fired Mara Lind on Friday. Mara Lind was fired as chief executive of Globex by its board late "
                "on Friday. Globex has fired Mara Lind, its chief executive since 2019."
            ),
        ),
        (
            "Daily Ledger",
            "2023-11-18",
            "Board speaks",
            (
                "Weather in Norrvik stayed mild over the weekend. The Globex board fired Mara Lind, arguing that she "
                "had hidden a loan from the directors."
            ),
        ),
        (
            "Bay News",
            "2023-10-05",
            "Rovers beat Mariners",
            "10:34 p.m. — Theo Park strikes out to end the inning for the Rovers.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "why", articles))
    answer = bot.ask("Why was Mara Lind fired?")
    assert answer.citations and "arguing that she had hidden a loan" in answer.citations[0].quote, answer.text
    # a sentence with the event's verb alone says nothing of the harbour strike
    answer = bot.ask("Why did the harbour strike end?")
    assert all("inning" not in c.quote for c in answer.citations), answer.text


def test_a_negative_question_is_answered_as_its_positive(tmp_path_factory):
    from rag.answer.reading import affirmative
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    assert affirmative("Didn't Mara Lind resign?") == "Did Mara Lind resign?"
    assert affirmative("and won't Globex cut prices?") == "and will Globex cut prices?"
    assert affirmative("Did Mara Lind not resign?") == "Did Mara Lind not resign?"
    articles = [("Coast Times", "2023-11-02", "Globex", "Mara Lind resigned as chair of Globex on Tuesday.")]
    bot = Assistant.open(index_articles(tmp_path_factory, "negative_question", articles))
    answer = bot.ask("Didn't Mara Lind resign?")
    assert answer.text.startswith("**Yes") and answer.question == "Didn't Mara Lind resign?", answer.text


def test_a_statement_asked_true_or_false_is_answered_yes_or_no(tmp_path_factory):
    from rag.answer.reading import statement_asked
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    assert statement_asked("True or false: Mara Lind resigned.") == "Is it true that Mara Lind resigned?"
    assert statement_asked("The bank cut rates — true or false?") == "Is it true that the bank cut rates?"
    assert statement_asked("Fact check: did Globex cut prices?") == "did Globex cut prices?"
    assert statement_asked("Was Mara Lind right or wrong?") == "Was Mara Lind right or wrong?"
    assert statement_asked("True or false: ,") == "True or false: ,"  # nothing stated: asked as typed, no crash
    articles = [("Coast Times", "2023-11-02", "Globex", "Mara Lind resigned as chair of Globex on Tuesday.")]
    bot = Assistant.open(index_articles(tmp_path_factory, "true_or_false", articles))
    for asked in ("True or false: Mara Lind resigned as chair of Globex.", "Mara Lind resigned, is that true?"):
        answer = bot.ask(asked)
        assert answer.text.startswith("**Yes") and answer.question == asked, answer.text


def _day_articles() -> list[tuple[str, str, str, str]]:
    return [
        (
            "Daily Ledger",
            "2023-11-21",
            "Globex to pay $40M fine",
            "Globex agreed on Tuesday to pay a $40 million fine over its harbour tolls. The board met for hours.",
        ),
        (
            "Daily Ledger",
            "2023-11-21",
            "Mariners sign a new coach",
            "The Mariners signed Theo Park as their new head coach after a long search. He starts in January.",
        ),
        (
            "Daily Ledger",
            "2023-11-20",
            "Tide Works opens a plant",
            "Tide Works opened a battery plant in Ostland on Monday, creating 300 jobs. Globex was not involved.",
        ),
        (
            "Coast Times",
            "2023-11-21",
            "Rovers lose again",
            "The Rovers lost their fourth game in a row on Tuesday night at home. Globex sponsors the club.",
        ),
        (
            "Daily Ledger",
            "2023-12-02",
            "Globex names a chair",
            "Globex named Ada Brin as its chair on Saturday after a month without one. Investors welcomed it.",
        ),
    ]


def test_asked_what_an_outlet_reported_on_a_day_each_article_of_that_day_is_quoted_by_its_lead(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import assert_exact_quotes, index_articles

    bot = Assistant.open(index_articles(tmp_path_factory, "digest", _day_articles()))
    for asked, year_read in (
        ("What did the Daily Ledger report on November 21?", True),
        ("What did the Daily Ledger publish on 21 November 2023?", False),
    ):
        answer = bot.ask(asked)
        assert not answer.refused, answer.text
        # that day's two Daily Ledger articles, each by its opening sentence; not the day before, not the Coast Times
        assert sorted(c.title for c in answer.citations) == ["Globex to pay $40M fine", "Mariners sign a new coach"]
        assert all(c.start == 0 for c in answer.citations), answer.citations
        assert ("2023-11-21" in answer.text) and (("I read “on November 21”" in answer.text) == year_read), answer.text
        assert_exact_quotes(bot, answer)
    # a month: the Daily Ledger's November, not its December
    answer = bot.ask("What did the Daily Ledger report in November?")
    assert {c.published_at for c in answer.citations} == {"2023-11-20", "2023-11-21"}, answer.text
    # a day it published nothing on is said so, with nothing quoted
    answer = bot.ask("What did the Daily Ledger report on November 22?")
    assert answer.refused and not answer.citations and "2023-11-22" in answer.text, answer.text


def test_asked_what_an_outlet_reported_about_a_topic_on_a_day_only_that_days_articles_are_quoted(tmp_path_factory):
    from rag.answer.reading import unknown_outlets
    from rag.assistant import Assistant
    from rag.query import published_window
    from tests.conftest import index_articles

    # a month after "report in" is a time, not an outlet the index lacks
    assert unknown_outlets("What did the Daily Ledger report in November?", ["Daily Ledger"]) == []
    bot = Assistant.open(index_articles(tmp_path_factory, "digest_topic", _day_articles()))
    answer = bot.ask("What did the Daily Ledger report about Globex on November 21?")
    assert not answer.refused and answer.citations, answer.text
    assert {(c.source, c.published_at) for c in answer.citations} == {("Daily Ledger", "2023-11-21")}, answer.text
    assert all("Globex" in c.quote for c in answer.citations), answer.text
    # a month the outlet published nothing in may be the event's: answered as if the question named no time
    answer = bot.ask("What did the Daily Ledger report about Globex in March?")
    assert not answer.refused and {c.source for c in answer.citations} == {"Daily Ledger"}, answer.text
    # a time inside the question dates what happened, not the report
    assert published_window("Which tool reached 100 users in March and writes code?", "2023-12-01") is None
    assert published_window("What did Tech Wire report in March?", "2023-12-01") == ("2023-03-01", "2023-03-31")


def test_asked_what_someone_said_in_a_month_only_that_months_words_are_quoted(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import assert_exact_quotes, index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-12",
            "Lind on tolls",
            "Mara Lind said the harbour tolls would rise next spring. Globex shares fell after her remarks.",
        ),
        (
            "Daily Ledger",
            "2023-11-14",
            "Lind on the plant",
            "Mara Lind said the new plant in Ostland would open in March. Tide Works welcomed the news.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "said_in_a_month", articles))
    answer = bot.ask("What did Mara Lind say in November?")
    assert not answer.refused and answer.citations, answer.text
    assert {c.published_at for c in answer.citations} == {"2023-11-14"}, answer.text
    assert "plant in Ostland" in answer.text and "tolls" not in answer.text, answer.text
    assert_exact_quotes(bot, answer)


def test_asked_what_an_outlet_reported_only_that_outlets_articles_are_quoted(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Globex rates",
            "Globex raised its rates on Monday. Globex said its rates would stay high into next year.",
        ),
        ("Coast Times", "2023-10-03", "Globex again", "Globex rates rose again, Globex traders said on Tuesday."),
        ("Daily Ledger", "2023-10-04", "Harbour", "Globex kept its rates unchanged on Wednesday, traders said."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "outlet_quotes", articles))
    answer = bot.ask("What did the Daily Ledger report about Globex rates?")
    assert answer.citations and {c.source for c in answer.citations} == {"Daily Ledger"}, answer.text


def test_asked_what_someone_said_their_words_come_before_sentences_that_only_name_them(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Summit",
            (
                "Mara Lind flew to Ostland for the harbour summit and ran into Theo Park at the Ostland ferry quay. "
                "Mara Lind is said to be close to the Ostland harbour board."
            ),
        ),
        ("Daily Ledger", "2023-10-03", "Deal", "Lind said the Ostland harbour deal would be signed in May."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "speaking", articles))
    answer = bot.ask("What did Mara Lind say about the Ostland harbour?")
    assert [c.quote for c in answer.citations] == ["Lind said the Ostland harbour deal would be signed in May."], (
        answer.text
    )


def test_asked_what_someone_said_sentences_giving_none_of_their_words_are_refused(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Summit",
            "Mara Lind flew to Ostland for the summit and ran into Theo Park, the Globex chief, at the ferry quay.",
        ),
        ("Daily Ledger", "2023-10-03", "Board", "Theo Park, who met Mara Lind in May, said the board would meet."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "no_words", articles))
    answer = bot.ask("What did Mara Lind say about Theo Park?")
    # one sentence names her without her words, the other gives Park's: neither is what she said
    assert answer.refused and not answer.citations, answer.text
    assert "but no words on Theo Park are attributed to Mara Lind by name" in answer.text, answer.text


def test_asked_what_someone_said_on_a_topic_one_quote_must_give_their_words_on_it(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-02",
            "Tour",
            "Theo Park met world leaders including Ostland President Ada Brin on a tour about harbour tolls.",
        ),
        (
            "Daily Ledger",
            "2023-10-03",
            "Call",
            "Ostland President Ada Brin reaffirmed the two countries' “enduring partnership” in a call.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "words_on_topic", articles))
    answer = bot.ask("What did Ada Brin say about harbour tolls?")
    # one sentence is on the tolls without her words, the other gives her words on something else
    assert answer.refused and not answer.citations, answer.text
    assert "no words on harbour tolls are attributed to Ada Brin by name" in answer.text, answer.text


def test_a_refusal_says_the_closest_passages_name_someone_when_they_do():
    from rag.answer.quoting import _named_elsewhere

    passages = ["MOM FEELS OLD AS DAUGHTER STRUGGLES TO OPEN A MARA LIND CD.", "Fans of Lind queued overnight."]
    # the quotes found may lack her, but these passages name her: "never name Mara Lind" would be false
    answer = _named_elsewhere("How old is Mara Lind?", ["Mara Lind"], passages, [], [])
    assert answer is not None and answer.refused
    assert answer.text.endswith("the closest passages name Mara Lind, but I could not confirm an answer from them."), (
        answer.text
    )
    # passages that name only another Mara, or no one asked, leave the refusal that they never name her
    assert _named_elsewhere("How old is Mara Lind?", ["Mara Lind"], ["Mara Holt sang.", "Old CDs."], [], []) is None


def test_two_questions_in_one_get_no_guessed_name(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Coast Times",
            "2023-10-30",
            "Mariners on the brink",
            (
                "The Mariners need one more win, and Theo Park makes his sixth start of the postseason in Game 5. "
                "Ada Brin homered in Game 4 of the Harbour Series."
            ),
        ),
        ("Bay News", "2023-10-29", "Brin again", "Ada Brin homered again for the Mariners in the Harbour Series."),
        (
            "Bay News",
            "2023-10-28",
            "Brin stars",
            "Ada Brin was the star of Game 3 of the Harbour Series for the Mariners.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "two_questions", articles))
    # "**Chris Burke** — named in ..." had answered such a question: the name most passages share, a guess
    answer = bot.ask(
        "Who started Game 5 of the Harbour Series for the Mariners at Bay Park and how many postseason starts had he made?"
    )
    assert not answer.text.startswith("**"), answer.text


def test_a_plain_who_question_of_many_words_gets_no_guessed_name(tmp_path_factory):
    from rag.assistant import Assistant
    from tests.conftest import index_articles

    articles = [
        (
            "Tech Wire",
            "2023-10-13",
            "Clubhouse row",
            (
                "Coast Times reporter Jon Vale reported that Theo Park had been celebrating by saying 'atta boy' in the "
                "Mariners' clubhouse. Jon Vale runs a popular account. Jon Vale said more was to come."
            ),
        ),
        ("Bay News", "2023-10-12", "Vale on the row", "Jon Vale stood by his report on the Mariners' clubhouse."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "plain_long_question", articles))
    # "**<reporter>** — named in <outlet>" had answered which player did it: the name its passages share most
    answer = bot.ask(
        "Which Mariners player was reported to have mocked Ada Brin by yelling 'atta boy' in the clubhouse?"
    )
    assert not answer.text.startswith("**Jon Vale"), answer.text
