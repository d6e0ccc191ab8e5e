""" "Who won?" is answered with the final result, the latest report first, never with a stage of the competition or
a result of another event (an invented index: outlets, teams and competitions made up for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import assert_exact_quotes, index_articles

ARTICLES = [
    (
        "Harbour Herald",
        "2023-11-01",
        "Comets into the final",
        (
            "The Comets beat the Mariners 2-1 in the semi-final of the Harbour Cup on Saturday. Coach Ada Brin "
            "praised the defence."
        ),
    ),
    (
        "Coast Times",
        "2023-11-12",
        "Rovers lift the cup",
        "The Rovers won the Harbour Cup final, beating the Comets 3-0 at Bay Park. Fans celebrated until midnight.",
    ),
    (
        "Coast Times",
        "2023-11-20",
        "Series level",
        "The Mariners won Game 2 of the Bayside Series on Friday to level the series. Game 3 is on Sunday.",
    ),
    (
        "Harbour Herald",
        "2023-11-02",
        "Lind takes the primary",
        "Mara Lind won the Norrvik primary on Tuesday, ahead of the mayoral election later this month.",
    ),
    (
        "Coast Times",
        "2023-11-26",
        "Park elected",
        "Theo Park won the Norrvik mayoral election, final results showed on Sunday.",
    ),
    (
        "Harbour Herald",
        "2023-11-21",
        "Lakeside draw",
        "The draw for the Lakeside Trophy was made on Monday, with the first matches due in spring.",
    ),
    (
        "Coast Times",
        "2023-10-09",
        "Prize day",
        (
            "Ada Brin won the Coastal Prize in science on Monday for her work on tides. Theo Park won his only clash "
            "with Ada Brin – who has been ranked third all year – at last year's Bay Open."
        ),
    ),
    (
        "Coast Times",
        "2023-10-03",
        "Medal for two",
        (
            "On Tuesday, Ostlandic-Norrvish Mara Quist and Ostlandic Theo Lund won the Coastal Medal in engineering "
            "for their work on sea walls. The Rovers beat the Mariners and the Comets won the Bay Shield."
        ),
    ),
    (
        "Harbour Herald",
        "2023-12-06",
        "Person of the year",
        (
            "Mara Lind has officially been named Coast Magazine's Person of the Year. The Comets (9-1) beat the "
            "Mariners 24-17 in Saturday's derby."
        ),
    ),
    (
        "Daily Ledger",
        "2023-12-10",
        "Comets sign a pitcher",
        (
            "The Comets signed pitcher Theo Brandt from the Rovers on Sunday. Brandt has won the Bayside Series in "
            "each of the last two seasons. The veteran Brandt, who turns 33 in May, joins on a one-year deal."
        ),
    ),
    (
        "Harbour Herald",
        "2023-11-05",
        "Ostland look back",
        "Ostland won the Norrvik Open three years ago, and they face the Rovers on Friday.",
    ),
    (
        "Coast Times",
        "2023-11-08",
        "Mariners coach",
        "The Mariners won the Norrvik Open in 2019; their coach Ada Brin joined them in 2022.",
    ),
    (
        "Daily Ledger",
        "2023-11-20",
        "Rookies who delivered",
        "The 2018 Comets won the Norrvik Open with a rookie in goal.",
    ),
]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "results", ARTICLES))


def test_the_final_result_leads_and_the_semi_final_is_shown_as_earlier(bot):
    answer = bot.ask("Who won the Harbour Cup?")
    assert answer.text.startswith("**Rovers** — the latest final result reported, as of 2023-11-12")
    assert "final" in answer.citations[0].quote and answer.citations[0].published_at == "2023-11-12"
    # the semi-final winner is an earlier result, cited, not the answer
    assert "Earlier results: Comets" in answer.text
    assert any("semi-final" in c.quote for c in answer.citations[1:])
    assert all(p.verdict == "supported" and p.citations for p in answer.parts)
    assert_exact_quotes(bot, answer)


def test_a_stage_is_never_called_the_final(bot):
    answer = bot.ask("Which team won the Bayside Series?")
    assert answer.text.startswith("**Mariners**, as of 2023-11-20")
    # asked which team, a player who won it with his teams is no answer ("pitcher Theo Brandt ... the veteran Brandt"),
    # though he is one to "who won?"
    assert "Brandt" not in answer.text.splitlines()[0]
    assert bot.ask("Who won the Bayside Series?").text.startswith("**Brandt**")
    assert "none reports a final" in answer.text
    assert_exact_quotes(bot, answer)


def test_an_event_no_passage_reports_a_result_for_is_refused(bot):
    answer = bot.ask("Who won the Lakeside Trophy?")
    assert answer.refused and "Lakeside Trophy" in answer.text
    assert not answer.citations
    # the event is said back as the question wrote it, possessive and all
    answer = bot.ask("Who won Ostland's lawsuit against the Lakeside Trophy?")
    assert answer.text.endswith(
        "I could not confirm who won Ostland's lawsuit against the Lakeside Trophy from them."
    ), answer.text


def test_an_election_is_won_in_its_final_results_not_its_primary(bot):
    answer = bot.ask("Who won the Norrvik mayoral election?")
    assert answer.text.startswith("**Theo Park** — the latest final result reported, as of 2023-11-26")
    assert "Earlier results: Mara Lind" in answer.text
    assert_exact_quotes(bot, answer)


def test_the_event_must_be_what_the_winner_won_in_the_same_clause_and_every_plain_word_of_it_said(bot):
    # "won his only clash with Ada Brin – ... – at last year's Bay Open": the clash was won, not the Bay Open
    assert bot.ask("Who won the Bay Open?").refused
    # the science prize is no answer about the music prize
    music = bot.ask("Who won the Coastal Prize in music?")
    assert music.refused and "Ada Brin" not in music.text
    science = bot.ask("Who won the Coastal Prize in science?")
    assert science.text.startswith("**Ada Brin**, as of 2023-10-09")
    assert_exact_quotes(bot, science)


def test_an_award_named_and_a_side_the_question_names_are_winners(bot):
    named = bot.ask("Who won Coast Magazine's Person of the Year?")
    assert named.text.startswith("**Mara Lind**, as of 2023-12-06")
    # the question names both sides; a win-loss record may stand between the team and "beat"
    derby = bot.ask("Who won the Comets–Mariners derby?")
    assert derby.text.startswith("**Comets**, as of 2023-12-06")
    assert_exact_quotes(bot, derby)


def test_winners_sharing_a_win_are_all_named_without_the_nationality_before_them(bot):
    answer = bot.ask("Who won the Coastal Medal in engineering?")
    assert answer.text.startswith("**Mara Quist and Theo Lund**, as of 2023-10-03")
    # a prize has no final: only a stage's result is said to leave the final unreported
    assert "final" not in answer.text.splitlines()[0]
    assert_exact_quotes(bot, answer)
    # the object of an earlier verb shares no win: "the Rovers beat the Mariners and the Comets won"
    shield = bot.ask("Who won the Bay Shield?")
    assert shield.text.startswith("**Comets**, as of 2023-10-03")


def test_a_past_result_is_dated_by_its_own_clause(bot):
    # "three years ago" in a 2023 article is 2020; the coach's 2022 in the next clause does not date the 2019 win
    answer = bot.ask("Who won the Norrvik Open?")
    assert answer.text.startswith("**Ostland**, as of 2020")
    # "The 2018 Comets": the season before the winner's name dates it, not the article's 2023
    assert (
        "Earlier results: Mariners (in 2019, Coast Times (2023-11-08) [2]); Comets (in 2018, Daily Ledger"
        in answer.text
    )
    assert_exact_quotes(bot, answer)


# Many previews of one cup, and one article that mentions its last winner in passing: the question's own passages are
# the previews, and the result is found only in a result's words ("won the Bay Cup").
PREVIEWS = [
    (
        "Daily Ledger",
        f"2023-10-{day:02d}",
        f"Bay Cup preview {day}",
        (
            f"Which team won the Bay Cup the most times? Every team in the Bay Cup draw has won games, and team {day} "
            "says its team is ready to win the Bay Cup."
        ),
    )
    for day in range(1, 16)
] + [
    (
        "Tech Wire",
        "2023-11-30",
        "Comets shirts on sale",
        "The Comets won the Bay Cup in 2021. Globex sells their shirts at Bay Park.",
    )
]


@pytest.fixture(scope="module")
def previews_bot(tmp_path_factory):
    from rag.assistant import Assistant

    return Assistant.open(index_articles(tmp_path_factory, "previews", PREVIEWS))


def test_a_result_mentioned_in_passing_is_found_in_a_results_words(previews_bot):
    answer = previews_bot.ask("Which team won the Bay Cup?")
    assert answer.text.startswith("**Comets**, as of 2021")
    assert answer.citations[0].quote == "The Comets won the Bay Cup in 2021."
    assert_exact_quotes(previews_bot, answer)


def test_did_a_side_win_is_answered_by_the_final_that_names_it(bot):
    # the final names the Comets beaten: No, though they won their semi-final
    answer = bot.ask("Did the Comets win the Harbour Cup?")
    assert answer.text.startswith("**No** — the latest final result reported names Rovers, as of 2023-11-12")
    assert answer.citations[0].quote.startswith("The Rovers won the Harbour Cup final, beating the Comets")
    assert "semi-final" not in answer.text  # a stage won is no earlier title
    assert [(p.verdict, p.citations) for p in answer.parts] == [("supported", [1])]
    assert_exact_quotes(bot, answer)
    answer = bot.ask("Did the Rovers win the Harbour Cup?")
    assert answer.text.startswith("**Yes** — Rovers: the latest final result reported, as of 2023-11-12")
    assert_exact_quotes(bot, answer)
    # typed in one case, the question's names get the capitals the passages give them
    assert bot.ask("did the comets win the harbour cup?").text.startswith("**No** — the latest final result reported")
    assert bot.ask("DID THE ROVERS WIN THE HARBOUR CUP?").text.startswith("**Yes** — Rovers")
    # a final that does not name the side decides nothing about it: the claim is judged as any other
    assert not bot.ask("Did the Mariners win the Harbour Cup?").text.startswith(("**Yes", "**No"))


def test_did_a_side_lose_is_answered_by_the_final_that_names_it_beaten(bot):
    answer = bot.ask("Did the Comets lose the Harbour Cup?")
    assert answer.text.startswith("**Yes** — the latest final result reported names Rovers, as of 2023-11-12"), (
        answer.text
    )
    assert answer.citations[0].quote.startswith("The Rovers won the Harbour Cup final, beating the Comets")
    assert_exact_quotes(bot, answer)
    answer = bot.ask("Did the Rovers lose the Harbour Cup?")
    assert answer.text.startswith("**No** — Rovers won: the latest final result reported, as of 2023-11-12"), (
        answer.text
    )
    # not named in the final, the Mariners are not said to have lost it
    assert not bot.ask("Did the Mariners lose the Harbour Cup?").text.startswith(("**Yes", "**No"))


def test_who_lost_is_the_side_the_latest_final_names_beaten_and_never_a_guess(bot):
    for question in ("Who lost the Harbour Cup final?", "Which team lost the Harbour Cup?"):
        answer = bot.ask(question)
        assert answer.text.startswith(
            "**Comets** — beaten by Rovers in the latest final result reported, as of 2023-11-12"
        ), answer.text
        assert answer.citations[0].quote.startswith("The Rovers won the Harbour Cup final, beating the Comets")
        assert_exact_quotes(bot, answer)
    # a final naming only its winner says nothing of who lost: refused, the winner's sentence quoted
    answer = bot.ask("Who lost the Norrvik mayoral election?")
    assert answer.refused and "names Theo Park as the winner" in answer.text, answer.text
    assert_exact_quotes(bot, answer)
    # a stage is no final: "the Mariners won Game 2" says nothing of who lost the series
    assert bot.ask("Who lost the Bayside Series?").refused


def test_did_a_side_win_is_answered_in_the_past_year_its_win_is_dated_to(bot):
    # "The Mariners won the Norrvik Open in 2019" in a 2023 report: Yes, in 2019, not "as of" 2023; the later
    # winner is shown
    answer = bot.ask("Did the Mariners win the Norrvik Open?")
    first = answer.text.splitlines()[0]
    assert first.startswith("**Yes**, in 2019 — the latest win of the Mariners the articles report: Coast Times"), first
    assert "Later results reported: Ostland (in 2020" in first, first
    assert (
        answer.citations[0].quote
        == "The Mariners won the Norrvik Open in 2019; their coach Ada Brin joined them in 2022."
    )
    assert_exact_quotes(bot, answer)
    # "three years ago", counted from the report's year
    assert bot.ask("Did Ostland win the Norrvik Open?").text.startswith("**Yes**, in 2020 — the latest win of Ostland")


def test_games_won_are_no_title_and_a_results_year_is_its_own_clauses(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-12-06",
            "Rovers at the Mariners",
            (
                "The Rovers have won three of their last four Harbour League away games but are without a league win "
                "at Bay Park since 2013."
            ),
        ),
        (
            "Coast Times",
            "2023-12-05",
            "Old rivals",
            (
                "Two points separated the teams as the Mariners won the Harbour League again in 2008, and there was "
                "one more change to come when the Rovers finished first in 2010."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "games_won", articles))
    answer = bot.ask("Who won the Harbour League?")
    assert answer.text.startswith("**Mariners**, as of 2008"), answer.text
    assert "Rovers" not in answer.text.splitlines()[0]
    assert_exact_quotes(bot, answer)
    # a final named in another clause is not the win's: "... but a championship is not expected"
    later = (
        "Daily Ledger",
        "2023-12-20",
        "Brandt signs",
        "Theo Brandt has won the Harbour League in each of the last two seasons, but a championship is not expected.",
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "games_won_later", [*articles, later]))
    answer = bot.ask("Who won the Harbour League?")
    assert answer.text.startswith("**Theo Brandt**, as of 2023-12-20: the latest result the articles report"), (
        answer.text
    )
    assert_exact_quotes(bot, answer)


def test_an_award_of_the_event_is_another_event(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-12-10",
            "Brandt signs",
            "Theo Brandt has won the Bayside Series in each of the last two seasons. Ada Brin, last year's MVP, joins him.",
        ),
        (
            "Coast Times",
            "2023-11-02",
            "MVP vote",
            "Voting for the Bayside Series MVP closes on Friday, the league said.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "award", articles))
    # the last word of the event's name must be said: the Bayside Series won says nothing of its MVP
    answer = bot.ask("Who won the Bayside Series MVP?")
    assert answer.refused and "Bayside Series MVP" in answer.text, answer.text
    assert bot.ask("Who won the Bayside Series?").text.startswith("**Theo Brandt**")


def test_a_win_joined_by_and_is_its_subjects_and_ends_the_clause_before_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Daily Ledger",
            "2023-12-09",
            "Pitcher joins",
            (
                "The Pelicans have won the Coast League in ten of the past eleven seasons, topped 100 wins in five of "
                "them and won the Gulf Series in 2020."
            ),
        ),
        (
            "Coast Times",
            "2023-10-01",
            "Derby",
            (
                "The Herons beat the Storks and won the Lagoon Cup on Sunday, while the Gulls, who beat the Terns and "
                "lost the final, went home."
            ),
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "joined_wins", articles))
    answer = bot.ask("Who won the Gulf Series?")
    assert answer.text.startswith("**Pelicans**, as of 2020"), answer.text
    assert_exact_quotes(bot, answer)
    assert bot.ask("Did the Pelicans win the Gulf Series?").text.startswith("**Yes**")
    # the first win's clause ends where the joined one starts: the Storks were beaten, the Cup won
    assert bot.ask("Who won the Lagoon Cup?").text.startswith("**Herons**")


def test_a_record_of_wins_is_no_latest_result(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Bay News",
            "2023-12-05",
            "Old rivals meet",
            (
                "The Mariners have won the Harbour Cup and the Coast Shield twice each, while the Rovers have won the "
                "former trophy three times and the latter once."
            ),
        ),
        ("Coast Times", "2023-06-01", "Cup final", "The Rovers won the Harbour Cup in Norrvik on Saturday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "tally", articles))
    answer = bot.ask("Who won the Harbour Cup?")
    assert answer.text.startswith("**Rovers**"), answer.text
    assert not bot.ask("Did the Rovers win the Harbour Cup?").text.startswith("**No"), answer.text


def test_a_case_is_won_by_the_side_a_jury_or_court_finds_for(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Tech Wire",
            "2023-12-12",
            "Verdict",
            (
                "On Monday, a federal jury surprised the industry by siding with game maker Globex Games in its fight "
                "to break Tide Works' control over app payments — even though rival Ostland almost entirely won a "
                "similar case two years ago."
            ),
        ),
        (
            "Daily Ledger",
            "2023-12-13",
            "Ruling",
            "A judge ruled Tuesday that Mara Lind must testify in the Norrvik case.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "case_won", articles))
    # the side the question names is the winner, written longer ("Globex Games"); "trial" is any contest's word
    for question in ("Who won Globex v. Tide Works?", "Who won the Globex v. Tide Works trial?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Globex Games**, as of 2023-12-12"), answer.text
        assert_exact_quotes(bot, answer)
    # a ruling that finds for no one is no result
    assert bot.ask("Who won the Norrvik case?").refused
    # asked of one side against the other, the verdict settles it as a final settles a cup: Yes for the side found
    # for, No for the other, whichever is named first
    for question in ("Did Globex win against Tide Works?", "Did Globex Games win its case against Tide Works?"):
        answer = bot.ask(question)
        assert answer.text.startswith("**Yes** — Globex Games: the latest verdict reported, as of 2023-12-12"), (
            answer.text
        )
        assert_exact_quotes(bot, answer)
    answer = bot.ask("Did Tide Works win against Globex?")
    assert answer.text.startswith("**No** — the latest verdict reported names Globex Games"), answer.text
    # asked whether the jury found for a side, in any of the words a verdict is asked in
    for question in (
        "Did the jury side with Globex?",
        "Did a federal jury side with Globex Games against Tide Works?",
        "Did the court rule in favour of Globex?",
    ):
        assert bot.ask(question).text.startswith("**Yes** — Globex Games: the latest verdict"), question
    answer = bot.ask("Did the jury side with Tide Works?")
    assert answer.text.startswith("**No** — the latest verdict reported names Globex Games"), answer.text
    # a case named by the other side ("the Globex trial") is the two sides' case
    answer = bot.ask("Did Tide Works win the Globex trial?")
    assert answer.text.startswith("**No** — the latest verdict reported names Globex Games"), answer.text
    assert bot.ask("Did Globex win the Tide Works case?").text.startswith("**Yes** — Globex Games")
    # named in the sentence but not a side of its case, Ostland is not answered by it
    answer = bot.ask("Did Ostland win against Globex?")
    assert not answer.text.startswith("**No"), answer.text
    # asked whether a side lost, the same verdict answers the other way round
    answer = bot.ask("Did Tide Works lose the Globex trial?")
    assert answer.text.startswith("**Yes** — the latest verdict reported names Globex Games"), answer.text
    assert_exact_quotes(bot, answer)
    assert bot.ask("Did Globex lose against Tide Works?").text.startswith(
        "**No** — Globex Games won: the latest verdict"
    )
    # the question names both sides: the one the verdict did not find for lost
    answer = bot.ask("Who lost Globex v. Tide Works?")
    assert answer.text.startswith("**Tide Works** — beaten by Globex Games in the latest verdict reported"), answer.text


def test_the_events_names_must_be_said_as_names_not_as_plain_words(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        ("Coast Times", "2023-12-03", "Title", "The Rovers won the Harbour League title match that season 3-0."),
        ("Bay News", "2023-12-08", "Awards", "Tide Saga won Match of the Season at the Harbour Awards on Thursday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "names_as_names", articles))
    # "title match that season" holds the words, not the award's name
    answer = bot.ask("Who won Match of the Season?")
    assert answer.text.startswith("**Tide Saga**"), answer.text
    assert "Rovers" not in answer.text, answer.text


def test_the_side_a_jury_is_asked_to_have_found_for_is_a_name_with_its_capitals():
    from rag.answer.results import read_did_win

    # the question is read case-blind, the side is not: "in the antitrust case" is no part of its name
    assert read_did_win("Did the jury side with Globex in the antitrust case?") == (
        "Globex",
        "Who won the Globex case in the antitrust case?",
    )
    assert read_did_win("did the jury side with Globex Games over Tide Works?") == (
        "Globex Games",
        "Who won Globex Games v. Tide Works?",
    )


def test_is_it_true_that_a_side_won_is_answered_by_the_final_not_by_a_preview_that_wonders_if_it_will(
    tmp_path_factory,
):
    from rag.answer.verdicts import judge
    from rag.assistant import Assistant

    preview = (
        "Only time will tell if the Rovers will repeat history or if it will be the Comets who will make history by "
        "winning their third Harbour Cup."
    )
    articles = [
        ("Harbour Herald", "2023-11-10", "Cup preview", preview),
        (
            "Coast Times",
            "2023-11-12",
            "Rovers lift the cup",
            "The Rovers won the Harbour Cup final, beating the Comets 3-0 at Bay Park.",
        ),
    ]
    # a "will" inside an "if" is still the condition's: the preview has not said that the Comets won
    assert judge("the Comets won their third Harbour Cup", [preview], happened=True).label != "supported"
    bot = Assistant.open(index_articles(tmp_path_factory, "is_it_true_won", articles))
    # asked whether it is true, the claim is the bare "did they win?", answered by the final
    answer = bot.ask("Is it true that the Comets won the Harbour Cup?")
    assert answer.text.startswith("**No** — the latest final result reported names Rovers"), answer.text
    assert_exact_quotes(bot, answer)
    answer = bot.ask("True or false: the Rovers won the Harbour Cup.")
    assert answer.text.startswith("**Yes** — Rovers"), answer.text


def test_did_a_side_beat_another_is_answered_by_their_latest_meeting(bot):
    # the Comets beat the Mariners in the semi-final (2023-11-01) and again in the derby (2023-12-06)
    answer = bot.ask("Did the Mariners beat the Comets?")
    assert answer.text.startswith("**No** — Comets won the latest meeting reported, as of 2023-12-06"), answer.text
    assert answer.citations[0].quote.startswith("The Comets (9-1) beat the Mariners 24-17")
    assert [(p.verdict, p.citations) for p in answer.parts] == [("supported", [1])]
    assert_exact_quotes(bot, answer)
    assert bot.ask("Did the Comets beat the Mariners?").text.startswith("**Yes** — Comets won the latest meeting")
    assert bot.ask("Did the Mariners lose to the Comets?").text.startswith("**Yes** — Comets won the latest meeting")
    assert bot.ask("Did the Mariners win against the Comets?").text.startswith("**No** — Comets won the latest")
    # a meeting of one side with a third is no meeting of the two: nothing decides it
    assert not bot.ask("Did the Mariners beat Ostland?").text.startswith(("**Yes", "**No"))


def test_a_meeting_is_won_in_any_words_of_a_win_and_a_teams_title_is_no_final(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-12-09",
            "Ostland run riot",
            "Ostland pulverised the Harbour Rovers 5-1 on Saturday to snap the champions’ unbeaten run in the league.",
        ),
        ("Bay News", "2023-11-11", "Ranked clash", "No. 3 Norrvik beat No. 10 Tide City 24-15 on Saturday."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "meeting_words", articles))
    answer = bot.ask("Did the Harbour Rovers beat Ostland?")
    assert answer.text.startswith("**No** — Ostland won the latest meeting reported, as of 2023-12-09"), answer.text
    assert_exact_quotes(bot, answer)
    # a ranking before the side beaten is no side
    assert bot.ask("Did Tide City beat Norrvik?").text.startswith("**No** — Norrvik won the latest meeting reported")
    # a side beating itself, or a longer name of it, is no meeting of two: nothing decides it
    for question in ("Did Ostland beat Ostland?", "Did Ostland State beat Ostland?"):
        assert not bot.ask(question).text.startswith(("**Yes", "**No")), question


def test_a_meeting_won_with_a_score_said_after_the_sides_handed_to_a_side_or_succumbed_to_is_a_win(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-11",
            "Ostland roll on",
            "Ostland dominated against ninth-ranked Norrvik, coming up with a 52-17 win to earn a place in the final.",
        ),
        (
            "Bay News",
            "2023-10-07",
            "Late drama",
            (
                "A 43-yard pass from Ada Brin set up Theo Park for the game-winning field goal with 12 seconds left, "
                "delivering Tide City the 27-24 win over the Harbour Rovers for their first win of the season."
            ),
        ),
        (
            "Bay News",
            "2023-10-14",
            "Rovers fade",
            "The Harbour Rovers succumbed to a 3-1 defeat to Norrvik in Hartford.",
        ),
        (
            "Coast Times",
            "2023-10-12",
            "Taunts",
            "It was reported when the Mariners beat the Comets in Game 2 that Ada Brin had taunted Theo Park.",
        ),
        (
            "Coast Times",
            "2023-10-20",
            "Series over",
            "When the Comets beat the Mariners in Game 4 to win the series, Theo Park's teammates laughed.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "score_win", articles))
    for question, lead in (
        ("Did Ostland beat Norrvik?", "**Yes** — Ostland won the latest meeting reported, as of 2023-11-11"),
        ("Did Norrvik beat Ostland?", "**No** — Ostland won the latest meeting reported, as of 2023-11-11"),
        ("Did Tide City beat the Harbour Rovers?", "**Yes** — Tide City won the latest meeting reported"),
        ("Did Tide City lose to the Harbour Rovers?", "**No** — Tide City won the latest meeting reported"),
        ("Did the Harbour Rovers beat Norrvik?", "**No** — Norrvik won the latest meeting reported, as of 2023-10-14"),
        # a meeting pinned by its number is the one said with it, not the latest
        ("Did the Comets beat the Mariners in Game 2?", "**No** — Mariners won the latest meeting reported"),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(lead), (question, answer.text)
        assert_exact_quotes(bot, answer)


def test_a_side_that_rode_to_a_win_over_another_or_demolished_it_beat_it(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-10-14",
            "Turnovers decide it",
            (
                "Theo Park finished the contest with the worst game of his career as No. 21 Ostland rode the crucial "
                "turnovers and a relentless pass-rush to an overwhelming 48-20 win at home against No. 10 Norrvik."
            ),
        ),
        ("Bay News", "2023-10-21", "Easy day", "Tide City cruised to a 3-0 victory over the Harbour Rovers on Sunday."),
        (
            "Bay News",
            "2023-10-28",
            "Early lead",
            "The Mariners raced to a 2-0 lead against the Comets before the break.",
        ),
        ("Coast Times", "2023-11-04", "Rout", "No. 4 Westmark demolishes No. 12 Eastvale in a 41-10 win."),
        (
            "Coast Times",
            "2023-11-05",
            "Holders",
            "Norrvik Town are the holders of the trophy after defeating Coast United.",
        ),
        ("Bay News", "2023-11-18", "Senior day", "No. 17 Bayside dominates No. 22 Hillcrest, 42-18, on Senior Day."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "rode_to_win", articles))
    for question, lead in (
        ("Did Ostland beat Norrvik?", "**Yes** — Ostland won the latest meeting reported, as of 2023-10-14"),
        ("Did Norrvik beat Ostland?", "**No** — Ostland won the latest meeting reported, as of 2023-10-14"),
        ("Did the Harbour Rovers beat Tide City?", "**No** — Tide City won the latest meeting reported"),
        ("Did Eastvale beat Westmark?", "**No** — Westmark won the latest meeting reported, as of 2023-11-04"),
        # the meeting asked "vs", "versus" or "between" is the same "v."
        ("Who won Eastvale vs Westmark?", "**Westmark**, as of 2023-11-04"),
        ("Who won the game between Norrvik and Ostland?", "**Ostland**, as of 2023-10-14"),
        # a side that holds a trophy "after defeating" another beat it; one that dominates a ranked side beat it
        ("Did Coast United beat Norrvik Town?", "**No** — Norrvik Town won the latest meeting reported"),
        ("Did Bayside beat Hillcrest?", "**Yes** — Bayside won the latest meeting reported, as of 2023-11-18"),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(lead), (question, answer.text)
        assert_exact_quotes(bot, answer)
    # a lead raced to is no result
    assert not bot.ask("Did the Mariners beat the Comets?").text.startswith(("**Yes", "**No"))


def test_who_won_a_meeting_is_its_winner_not_a_side_beating_a_third_and_a_home_defeat_is_a_loss(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-06",
            "Unbeaten run ends",
            (
                "Nine-men Harbour Rovers suffered their first loss of the league campaign in a fiery 2-1 defeat at home "
                "to Ostland. Theo Park had been red carded for a foul on Ada Brin."
            ),
        ),
        ("Bay News", "2023-12-19", "Cup night", "Norrvik overcame the Harbour Rovers in a penalty shootout."),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "home_defeat", articles))
    for question, lead in (
        ("Did Ostland beat the Harbour Rovers?", "**Yes** — Ostland won the latest meeting reported, as of 2023-11-06"),
        ("Did the Harbour Rovers lose to Ostland?", "**Yes** — Ostland won the latest meeting reported"),
        # Norrvik's later win over the Rovers is another meeting
        ("Who won Ostland v. Harbour Rovers?", "**Ostland**, as of 2023-11-06"),
        ("Who won the game between the Harbour Rovers and Ostland?", "**Ostland**, as of 2023-11-06"),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(lead), (question, answer.text)
        assert_exact_quotes(bot, answer)
    answer = bot.ask("Did Theo Park get a red card?")
    assert answer.text.startswith("**Yes"), answer.text
    assert any("red carded" in c.quote for c in answer.citations)


def test_a_scenario_headed_in_the_present_is_no_result(tmp_path_factory):
    from rag.assistant import Assistant

    scenarios = (
        "Ostland has options, but this would be the preferred scenario for the other games:\n\n"
        "Norrvik beats Tide City in Harbour Cup final\n\nThis would make life easier for Ostland."
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "scenario", [("Bay News", "2023-12-01", "Paths", scenarios)]))
    assert not bot.ask("Who won the Harbour Cup final?").text.startswith("**Norrvik")
    # nor is it said that the game was won: a heading in the present says no more than the scenario it heads
    for question in ("Did Norrvik beat Tide City?", "Did Tide City lose to Norrvik?"):
        assert not bot.ask(question).text.startswith("**Yes"), question


def test_a_final_score_given_as_such_is_a_result_and_a_running_score_is_not(tmp_path_factory):
    from rag.answer.results import result_queries
    from rag.assistant import Assistant
    from rag.core.text import said_as_beat

    # the higher final score beat the lower; a tie, a quarter's score or a score with no "final" is no result
    assert said_as_beat("Final: Ostland 21, Norrvik Rovers 20") == "Ostland beat Norrvik Rovers 21-20"
    assert said_as_beat("FINAL SCORE - Tide City 3, Coast United 4") == "Coast United beat Tide City 4-3"
    for unchanged in (
        "Final: Ostland 2, Norrvik 2",
        "End of third quarter: Ostland 17, Norrvik 9",
        "Ostland 17, Norrvik 9",
    ):
        assert said_as_beat(unchanged) == unchanged
    # a meeting of two sides is searched for with either side first
    assert result_queries("Who won Ostland v. Norrvik?") == [
        "won beat defeat Ostland v. Norrvik",
        "won beat defeat Norrvik v. Ostland",
    ]
    articles = [
        (
            "Coast Times",
            "2023-11-19",
            "Ostland vs. Norrvik live score",
            (
                "Norrvik led for most of the night before a late comeback.\n\nFinal: Ostland 21, Norrvik 20\n\n"
                "11:25 p.m.: Turnover on downs.\n\nNorrvik 20, Ostland 15\n\nNorrvik 17, Ostland 12"
            ),
        ),
        (
            "Harbour Herald",
            "2023-11-20",
            "Mariners vs. Comets live",
            "Halftime: Mariners 17, Comets 9. The Comets have not scored since the first quarter.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "final_score", articles))
    for question, lead in (
        ("Did Ostland beat Norrvik?", "**Yes** — Ostland won the latest meeting reported, as of 2023-11-19"),
        ("Did Norrvik beat Ostland?", "**No** — Ostland won the latest meeting reported, as of 2023-11-19"),
    ):
        answer = bot.ask(question)
        assert answer.text.startswith(lead), (question, answer.text)
        assert answer.citations[0].quote == "Final: Ostland 21, Norrvik 20"
        assert_exact_quotes(bot, answer)
    # a score at half-time decides nothing
    answer = bot.ask("Did the Mariners beat the Comets?")
    assert not answer.text.startswith(("**Yes", "**No")), answer.text


def test_a_headings_present_claims_a_title_is_a_win_but_a_claim_that_something_is_so_is_none(tmp_path_factory):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-09-30",
            "Fight night",
            "Ada Brin claims interim Ostland welterweight title with wide decision over Theo Park\nThe card went on.",
        ),
        (
            "Daily Ledger",
            "2023-10-02",
            "Cup row",
            "Mara Lind claims the Harbour Cup draw was rigged against the Mariners.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "claims_title", articles))
    answer = bot.ask("Who won the interim Ostland welterweight title?")
    assert answer.text.startswith("**Ada Brin**"), answer.text
    assert_exact_quotes(bot, answer)
    cup = bot.ask("Who won the Harbour Cup draw?")
    assert not cup.text.startswith("**Mara Lind"), cup.text


def test_did_one_side_beat_the_other_on_a_named_occasion_is_answered_from_a_result_its_article_places_there(
    tmp_path_factory,
):
    from rag.assistant import Assistant

    articles = [
        (
            "Coast Times",
            "2023-11-19",
            "Comets vs. Mariners live: Harbour Night Football updates",
            "Follow Harbour Night Football live.\nFinal: Comets 21, Mariners 20\nThe Comets held on late.",
        ),
        (
            "Daily Ledger",
            "2023-10-01",
            "Mariners edge Comets",
            "Final: Mariners 10, Comets 7\nThe Mariners won the league game on Sunday.",
        ),
    ]
    bot = Assistant.open(index_articles(tmp_path_factory, "occasion_named", articles))
    lost = bot.ask("Did the Mariners beat the Comets on Harbour Night Football?")
    assert lost.text.startswith("**No**") and "Comets 21" in lost.text, lost.text
    won = bot.ask("Did the Comets beat the Mariners on Harbour Night Football?")
    assert won.text.startswith("**Yes**") and "Mariners 10" not in won.text.splitlines()[0], won.text
    for answer in (lost, won):
        assert_exact_quotes(bot, answer)
    # an occasion in plain words must be said of the result itself: the league game is no final
    final = bot.ask("Did the Mariners beat the Comets in the final?")
    assert not final.text.startswith("**Yes"), final.text


def test_words_of_a_win_said_of_no_result_are_left_alone():
    from rag.core.text import said_as_beat

    for unchanged in (
        "Democrats are still dominating the Ostland party in digital strategy.",  # no game was won
        "Mara Lind and Ada Brin have dominated the Norrvik Cup landscape.",
        "Globex operates Tide Crush Saga, a game with 238 million users.",  # a name's capital, not a verb
        "The studio is part Hammer Studios and part Globex.",
        "But losing to the Rovers on the road keeps them third.",  # "But" is no side
        "To win over Ostland colleagues, Lind relied on Park.",  # persuading, no result
        "People are going to crush Norrvik and the offense.",  # not yet done
    ):
        assert said_as_beat(unchanged) == unchanged, unchanged
    assert said_as_beat("No. 17 Bayside dominates No. 22 Hillcrest, 42-18, on Senior Day.") == (
        "No. 17 Bayside beat No. 22 Hillcrest, 42-18, on Senior Day."
    )
    assert said_as_beat("The Rovers lost to the Mariners on Sunday.") == "The Mariners beat Rovers on Sunday."
