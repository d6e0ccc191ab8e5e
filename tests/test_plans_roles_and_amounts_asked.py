"""Plans read as done, roles read from a list, numbers of other things offered as a count, and "who is X?", found by
the fifty-fourth session's testers. Each test fails on the code before its fix."""

from conftest import assert_exact_quotes, index_articles

from rag.answer.described import descriptions, read_described
from rag.answer.stated import titled
from rag.answer.verdicts import judge
from rag.verify.lexical import hedged_only


def test_what_will_have_happened_or_is_set_out_to_be_done_has_not_happened():
    # a dot inside a word ("Globex.com") ended the clause, and "will" reached only the word after "have"
    assert hedged_only(
        "all Globex users are now connected to the network",
        "As this rolls out, all Globex users will have one Globex.com account connected to the network.",
    )
    assert hedged_only(
        "Globex has raised NIS 220 million in debt",
        "Now, Globex is setting out to raise NIS 220 million debt, secured by its shares in Tide Works.",
    )
    assert hedged_only(
        "Ostland took over $1 billion in bets",
        "It's feasible that Ostland takes over $1 billion in bets by the end of the year.",
    )
    # said as done, it is no hedge: a dot ending a sentence still ends the clause
    assert not hedged_only("Globex raised NIS 220 million", "Globex raised NIS 220 million. It will pay it back.")


def test_a_role_before_the_next_name_in_a_list_is_that_names():
    sentence = "The guests included Norrvik professor Ada Brin, Globex CEO Mara Lind and Tide Works founder Jon Vale."
    assert titled(("CEO", "Globex"), sentence) == ["Mara Lind"]


def test_a_name_that_goes_on_is_another_name():
    # "the Globex Labs Research Institute" is not Globex Labs: founding one is no founding of the other
    assert not judge(
        "Mara Lind founded Globex Labs",
        ["Last year, Lind (who still chairs Globex Labs' board) founded the Globex Labs Research Institute."],
        happened=True,
    ).supported
    assert judge("Mara Lind founded Globex Labs", ["In 1992, Mara Lind founded Globex Labs Inc."]).supported


def test_words_said_are_not_held_by_a_sentence_that_only_reports_the_deed():
    passage = (
        "Boxer Jon Vale says he has no time for the drama around him. A video of Vale sparring Theo Park was "
        "shared last week."
    )
    assert not judge("Jon Vale said he would spar with Theo Park again", [passage]).supported
    said = 'Boxer Jon Vale says he would spar with Theo Park again "if required".'
    assert judge("Jon Vale said he would spar with Theo Park again", [said]).supported


def test_who_someone_is_is_read_from_the_roles_news_gives_them():
    assert read_described("Who is Mara Lind?") is not None
    assert read_described("What is Theo Park's job at Globex?").org == "Globex"  # type: ignore[union-attr]
    assert read_described("Who is the CEO of Globex?") is None  # a post asked, not a person
    assert read_described("Who is Globex?") is None  # no person's name
    assert descriptions("Mara Lind", "Globex CEO Mara Lind said so.") == ["Globex CEO"]
    assert descriptions("Mara Lind", "It was founded by Mara Lind, the person responsible for Tide Pad, in 2001.") == [
        "the person responsible for Tide Pad"
    ]
    # a list gives the role to the next name, a clause is no description
    assert descriptions("Ada Brin", "Guests: Ada Brin, Globex CEO Mara Lind and Jon Vale.") == []
    assert descriptions("Ada Brin", "The deal, said Ada Brin, who founded Globex, was done.") == []


ARTICLES = [
    (
        "Tech Wire",
        "2030-11-12",
        "Globex joins the network",
        (
            "Globex said on Monday that select accounts now post to the open network. As this rolls out, all Globex "
            "users will have one Globex.com account connected to the network, even if they run several magazines. "
            "The company expects every account to be connected by the end of January."
        ),
    ),
    (
        "Bay News",
        "2030-11-13",
        "Tide Works seeks debt",
        (
            "Tide Works sold its harbour unit this year. Now, Tide Works is setting out to raise NIS 220 million "
            "debt, to be secured by the company's shares in its subsidiary Norrvik Pay."
        ),
    ),
    (
        "Coast Times",
        "2030-11-14",
        "Shipping slump",
        (
            "Globex Shipping said on Monday it is cutting jobs at its Norrvik yard, its third round of cuts in 10 "
            "years, as the slump may last through 2031. Tide Works cut 300 jobs in May."
        ),
    ),
    (
        "Daily Ledger",
        "2030-11-15",
        "The harbour board",
        (
            "The harbour board met on Friday. Harbour Post CEO Ida Moen told reporters that the board approved the "
            "new quay. The board also heard from Theo Park, the Ostland port director, about the winter storms."
        ),
    ),
]


def test_plans_roles_and_counts_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "plans_roles", ARTICLES))
    # a roll-out ahead is no Yes, nor is debt the company is only setting out to raise
    now = bot.ask("Are all Globex users now connected to the network?")
    assert not now.text.startswith("**Yes"), now.text
    debt = bot.ask("Has Tide Works raised the NIS 220 million in debt it was after?")
    assert not debt.text.startswith("**Yes"), debt.text
    # numbers of other things ("third", "10 years") are the closest passages, not a count of jobs
    jobs = bot.ask("How many jobs is Globex Shipping cutting?")
    assert jobs.text.startswith("The articles do not settle this: I could not confirm a number of jobs"), jobs.text
    # who someone is: the role a sentence gives them, quoted and cited
    who = bot.ask("Who is Ida Moen?")
    assert who.text.startswith("Ida Moen: **Harbour Post CEO** — stated by Daily Ledger"), who.text
    job = bot.ask("What is Theo Park's job?")
    assert job.text.startswith("Theo Park: **the Ostland port director**"), job.text
    assert [p.verdict for p in job.parts] == ["supported"]
    assert_exact_quotes(bot, who)
    assert_exact_quotes(bot, job)


def test_a_figure_that_moved_the_other_way_contradicts_the_move_asked():
    # the deed of "Globex's share price fell" is the fall, not the noun "share" its subject starts with
    assert (
        judge(
            "Globex's share price fell in May",
            ["Meanwhile, Globex's share price rose by 11 points in May."],
            happened=True,
            spare=True,
        ).label
        == "contradicted"
    )
    # an amount said of a rise elsewhere in the sentence is no size of the drop asked about
    grew = (
        "Although Globex's revenue dropped sharply in the last quarter, its ferry service continued to grow, with a "
        "revenue of $33.6 million, up 10.4% year-on-year."
    )
    assert not judge("Globex's quarterly revenue drop was bigger than 10%", [grew], happened=True, spare=True).supported
    dropped = "Globex reported a 12.2% year-on-year drop in its quarterly revenue, to $91.8 million."
    assert judge("Globex's quarterly revenue drop was bigger than 10%", [dropped], happened=True, spare=True).supported


MORE_ARTICLES = [
    (
        "Tech Wire",
        "2030-11-20",
        "Globex results",
        (
            "Globex reported a decline in revenue for the quarter. Yet Globex, like other carmakers, is bullish since "
            "the Ostland government has targeted 30% electric car sales by 2035."
        ),
    ),
    (
        "Bay News",
        "2030-11-21",
        "Norrvik picks a coach",
        (
            "The Norrvik board met late on Saturday to approve Ada Brin as head coach, even without the details of "
            "the deal settled."
        ),
    ),
    (
        "Coast Times",
        "2030-11-22",
        "Record deal",
        "Theo Park has outpaced even Jon Vale's $674 million contract — signed in 2017 when he was with the Rovers.",
    ),
]


def test_numbers_of_other_things_and_events_told_by_a_pronoun_end_to_end(tmp_path_factory):
    from rag.assistant import Assistant

    bot = Assistant.open(index_articles(tmp_path_factory, "other_numbers", MORE_ARTICLES))
    # "30% electric car sales" is no fall of the share price: quoted as the closest passage, not as the number
    fell = bot.ask("By how much did Globex's share price fall after it reported the revenue decline?")
    assert fell.text.startswith("The articles do not settle this: I could not confirm a number"), fell.text
    # "her contract" is Ada Brin's: another player's contract dates nothing
    signed = bot.ask("Did the Norrvik board approve Ada Brin before her contract was even signed?")
    assert "Jon Vale" not in signed.text and "2017" not in signed.text, signed.text
    assert not signed.text.startswith(("**Yes", "**No")), signed.text


def test_a_framed_be_question_keeps_its_be_and_an_owner_is_no_doer():
    from rag.answer.reading import read_question

    def claims(question: str) -> list[str]:
        return [c.claim for c in read_question(question, ["Tech Wire"]).clauses]

    # the "be" after "According to Tech Wire," was dropped: "Globex fined" reads as Globex's own deed
    assert claims("According to Tech Wire, was Globex fined?") == ["Globex was fined"]
    assert claims("According to Tech Wire, is the Warden the only pure ferry class?") == [
        "Warden is the only pure ferry class"
    ]
    # "Ostland's" before "only" owns the class; it does not do anything
    assert judge(
        "Warden is the only pure ferry class in Ostland",
        ["Wardens are Ostland's only pure ferry class, with the other classes having hybrid builds."],
        happened=True,
        spare=True,
    ).supported


def test_what_a_report_thinks_of_someone_needs_them_named():
    from rag.answer.when import kind_asked

    asked = "think Ada Brin would be a good replacement for Theo Park at Norrvik United"
    # a passage on the other candidates holds no opinion of Ada Brin, for or against
    assert judge(asked, ["Norrvik United next manager: Assessing candidates to replace Theo Park"]).label == (
        "not_mentioned"
    )
    assert judge(asked, ["Ada Brin would be a good replacement for Theo Park at Norrvik United, we think."]).supported
    # "since what year ...?" asks for a day, which quotes of other years do not give
    assert kind_asked("Since what year has Ada Brin been on the Globex board?") == "a date"
