"""The text toolkit (rag.core.text): words, stems, stopwords, negations, numbers, [n] markers, the question check,
and that the product's parts read text through it (one rule each, not copies that drift apart)."""

from __future__ import annotations

import pytest

from rag.core import text as T
from rag.core.errors import NewsragError


def test_query_terms_drop_stopwords_and_repeats_in_order() -> None:
    assert T.query_terms("What did the U.S. Army's chief say about the Army, according to reports?") == [
        "u.s",
        "army's",
        "chief",
        "say",
        "army",
        "reports",
    ]
    assert T.query_terms("the of and") == []


def test_stems_are_porter_and_skip_stopwords() -> None:
    assert T.stems("Sanctions were sanctioned by the reporters") == {"sanction", "report"}
    assert T.stem("manufacturing") == "manufactur"
    # Porter keeps "sue" whole but cuts "sued" to "su": one stem for every form, or "did they sue?" misses "sued"
    for forms in (("sue", "sues", "sued", "suing"), ("die", "dies", "died"), ("lie", "lies", "lied")):
        assert len({T.stem(w) for w in forms}) == 1, forms
    assert T.stem("true") == "true" and T.stem("issued") == "issu"  # longer words stay as Porter has them
    # a possessive is the name itself: "Ostland’s share" is about Ostland ("Rovers'" about the Rovers, "it's" nothing)
    assert T.stems("In 2022, Ostland’s share of the Rovers' exports") == {"2022", "ostland", "share", "rover", "export"}
    assert T.stems("it's") == set()


def test_keyword_search_finds_the_past_form_porter_stems_apart(tmp_path_factory) -> None:
    from rag.assistant import Assistant
    from rag.core.types import Filters
    from rag.keyword import keyword_search
    from tests.conftest import index_articles

    articles = [
        ("Tech Wire", "2023-10-01", "Suit filed", "Globex was sued by Ostland over unpaid fees on Monday."),
        ("Tech Wire", "2023-10-02", "Fees", "Ostland fees rose again, Globex said."),
        *[("Coast Times", f"2023-10-1{i}", f"Tides {i}", f"High tide {i} reached the harbour wall.") for i in range(4)],
    ]
    store = Assistant.open(index_articles(tmp_path_factory, "sue", articles)).store
    found = keyword_search(store, "Did Ostland sue Globex?", Filters(), 10)
    # both articles name Ostland and Globex; only "sue" can rank the one that says "sued" first
    assert found and "sued" in store.chunks_by_id([found[0][0]])[found[0][0]].text


def test_claim_stopwords_extend_the_search_list_with_attribution_words() -> None:
    assert T.STOPWORDS < T.CLAIM_STOPWORDS
    assert {"told", "may", "stated"} <= T.CLAIM_STOPWORDS - T.STOPWORDS


@pytest.mark.parametrize("word", ["not", "Never", "didn't", "didn’t", "denied", "cannot"])
def test_negations(word: str) -> None:
    assert T.is_negation(word)


@pytest.mark.parametrize("word", ["note", "nothingness", "knot", "denial"])
def test_words_that_only_look_negative(word: str) -> None:
    assert not T.is_negation(word)


def test_number_words_map_to_digits() -> None:
    assert [T.NUMBER_WORDS[w] for w in ("seven", "twelve", "forty", "million", "dozen")] == [
        "7",
        "12",
        "40",
        "1000000",
        "12",
    ]


def test_citation_markers_are_read_and_removed() -> None:
    text = "Alpha rose [1, 3]. Beta fell [ 2 ][1]; see [note] and [x1]."
    assert T.cited_numbers(text) == [1, 3, 2]
    assert T.strip_citations(text) == "Alpha rose. Beta fell; see [note] and [x1]."
    assert [m.group(1) for m in T.CITATION.finditer(text)] == ["1, 3", "2", "1"]


def test_check_question_strips_and_says_what_is_wrong() -> None:
    assert T.check_question("  Who won?\n") == "Who won?"
    for empty in ("", "   \n", None):
        with pytest.raises(NewsragError, match="question is empty"):
            T.check_question(empty)
    with pytest.raises(NewsragError, match="limit is 2,000"):
        T.check_question("why " * 600)


def test_the_answer_parser_and_the_citation_metric_agree_on_sentences_and_markers() -> None:
    from evals.metrics import answer_claims
    from rag.generate import cited_sentences

    answer = "The council approved $12 million [1]. Keane spoke on Sunday [2][3]. Work starts in April [ 1, 3 ]."
    claims = [(c.text, c.cites) for c in answer_claims(answer)]
    assert (
        claims
        == cited_sentences(answer)
        == [
            ("The council approved $12 million.", [1]),
            ("Keane spoke on Sunday.", [2, 3]),
            ("Work starts in April.", [1, 3]),
        ]
    )


def test_every_answerer_refuses_with_the_one_refusal_text() -> None:
    import rag.extractive
    import rag.generate

    assert rag.extractive.REFUSAL_TEXT is T.REFUSAL_TEXT
    assert rag.generate.SYSTEM_PROMPT.endswith(f"reply exactly: {T.REFUSAL_TEXT}")


def test_uploads_accept_exactly_what_ingest_loads() -> None:
    from ingest.loaders.dispatch import LOADERS
    from ui.uploads import ALLOWED_SUFFIXES

    assert tuple(ALLOWED_SUFFIXES) == tuple(LOADERS)


def test_a_name_never_crosses_a_line_break():
    from rag.core.text import NAME_PHRASE, NAME_RUN

    text = "Photograph: Globex\n\nGlobex devices are on sale. The Bank of Ostland said so."
    assert [m.group(0) for m in NAME_PHRASE.finditer(text)] == ["Photograph", "Globex", "Globex", "The Bank of Ostland"]
    assert "Globex\n\nGlobex" not in [m.group(0) for m in NAME_RUN.finditer(text)]


def test_markup_a_scraper_left_is_never_a_quote_candidate(tmp_path_factory) -> None:
    from rag.answer.parts import windows
    from rag.assistant import Assistant
    from rag.extractive import ExtractiveAnswerer
    from tests.conftest import index_articles

    assert T.is_markup("Something went wrong. Please try again later {{ /verifyErrors }}")
    assert T.is_markup("{% if user %}") and not T.is_markup("Shares rose 3% < 5% of the index, x > y.")
    # an HTML tag inside a sentence leaves it the article's sentence (shown escaped), not template debris
    assert not T.is_markup("The council <b>voted</b> on Monday.")
    # a sentence before the markup and one after it are no pair either: the markup lies between them
    body = (
        "Thanks for signing up to the\n\n"
        "Weekly email {{ #verifyErrors }} {{ message }} Please try again later {{ /verifyErrors }}\n\n"
        "Mara Lind opened the Tide Works plant on Monday, the company said."
    )
    bot = Assistant.open(index_articles(tmp_path_factory, "markup", [("Coast Times", "2023-10-01", "Plant", body)]))
    hits = bot.retriever.retrieve("Please try again later: Mara Lind plant", k=5)
    assert hits and all("{{" not in w.text for w in windows(hits))
    assert all("{{" not in c.text for c in ExtractiveAnswerer(bot.embedder).candidates(hits))
    assert any("Mara Lind opened" in w.text for w in windows(hits))


def test_a_deal_done_is_one_event_however_it_is_worded() -> None:
    done = {
        T.same_event_words(t)
        for t in (
            "Globex completed its takeover of Tide Works",
            "Globex sealed its takeover of Tide Works",
            "Globex closed its acquisition of Tide Works",
            "Globex finalized its merger of Tide Works",
        )
    }
    assert done == {"Globex complete its deal of Tide Works"}
    # "closed" is a deal's only when a deal follows it
    assert T.same_event_words("Globex closed its Ostland plant") == "Globex closed its Ostland plant"


def test_a_side_that_trades_for_a_named_player_gets_him() -> None:
    from rag.answer.verdicts import judge

    said = "The Mariners traded for Theo Park from Norrvik in the biggest swap of the winter."
    assert judge("Mariners trade for Theo Park", [said], happened=True).supported
    assert judge("Mariners acquire Theo Park", [said], happened=True).supported
    # a player traded for another was given away; a price traded for is no purchase; a trade talked of is not done
    assert T.same_event_words("Theo Park was traded for Ada Brin.") == "Theo Park was traded for Ada Brin."
    assert T.same_event_words("Globex shares traded for $10.") == "Globex shares traded for $10."
    assert not judge(
        "Mariners trade for Theo Park", ["A trade for Theo Park is close, the Mariners said."], happened=True
    ).supported


def test_hiring_working_together_and_doing_it_alone_are_one_event_in_any_of_their_words() -> None:
    from rag.answer.verdicts import judge

    hired = "In 2014, Globex brought in Theo Park as the manager after the firing of Ada Brin."
    assert judge("Globex hire Theo Park", [hired], happened=True).supported
    assert T.same_event_words("Globex brought in $5m as a fee.") == "Globex brought in $5m as a fee."
    # said with an aside that ends inside quotes: the aside's name is not the doer
    teamed = 'Mara Lind, perhaps best known for her role as Ada Brin in "The Tide," has paired up with Globex.'
    for claim in (
        "Mara Lind team up with Globex",
        "Mara Lind partner with Globex",
        "Mara Lind join forces with Globex",
    ):
        assert judge(claim, [teamed], happened=True).supported, claim
    assert not judge("Ada Brin team up with Globex", [teamed], happened=True).supported
    alone = "Theo Park said he is raising his two sons on his own."
    assert judge("Theo Park raising his sons alone", [alone], happened=True).supported
    # "on its own terms" is no solitude
    assert "alone" not in T.same_event_words("Globex will leave on its own terms.")


def test_a_red_card_time_in_prison_and_a_possessive_name_are_read_as_news_writes_them() -> None:
    from rag.answer.verdicts import judge

    for said in (
        "After Theo Park had been red carded for a foul, the Rovers collapsed.",
        "Theo Park was shown a straight red for the tackle.",
        "The referee sent off Theo Park in the 30th minute.",
    ):
        assert judge("Theo Park get a red card", [said], happened=True).supported, said
    # a red card avoided, or one he showed another, is none of his
    assert not judge(
        "Theo Park get a red card", ["Theo Park escaped a red card after a review."], happened=True
    ).supported
    assert not judge("Theo Park get a red card", ["Theo Park sent off Ada Brin with a pass."], happened=True).supported
    jailed = "Lind spent eight months in prison last year."
    assert judge("Mara Lind spend time in prison", [jailed], happened=True).supported
    assert not judge("Mara Lind spend two years in prison", [jailed], happened=True).supported
    # "Globex's licenses" names Globex, though "the Globex Group" is another name
    said = "The judge ordered that some of Globex’s business licenses be rescinded, and a monitor will oversee the Globex Group."
    assert judge("judge order Globex's business licenses rescinded", [said], happened=True).supported
    # "pushing rates to a 23-year high": a "to" before a noun is where they went, not what one was pushed to do
    pushed = "The bank kept hiking last year, pushing mortgage rates to a 23-year high this month."
    assert judge("mortgage rates at a 23-year high", [pushed], happened=True).supported
    assert not judge("Globex cut prices", ["Investors pressed Globex to cut prices."], happened=True).supported


def test_a_price_that_moves_is_said_to_fall_or_rise_in_any_of_its_words() -> None:
    from rag.answer.verdicts import judge

    for said in ("Globex shares slumped on Monday.", "Globex shares tumbled 4% on Monday.", "Globex shares fell."):
        assert judge("Globex shares drop", [said], happened=True).supported, said
    # the other way round is no support
    assert not judge("Globex shares drop", ["Globex shares jumped 4% on Monday."], happened=True).supported
    assert judge("Globex shares rise", ["Globex shares surged after the results."], happened=True).supported
    # declining to comment is a refusal, not a fall
    assert T.same_event_words("Globex declined to comment.") == "Globex refused to comment."
    assert not judge("Globex decline", ["Globex declined to comment."], happened=True).supported


def test_over_at_a_clauses_end_is_ended_and_back_is_returned() -> None:
    from rag.answer.verdicts import judge

    assert T.same_event_words("The strike is finally over after 148 days.") == "The strike ended after 148 days."
    assert T.same_event_words("the ball is over the line") == "the ball is over the line"
    # asked "is the strike over?", the strike and its end must be said, not the strike alone
    claim = "the dock strike is over"
    assert T.same_event_words("dock strike over") == "dock strike ended"  # the claim of "is the dock strike over?"
    assert judge(claim, ["The dock strike ended on Tuesday after 148 days."], happened=True).supported
    assert not judge(claim, ["Striking dock workers won protections in the new deal."], happened=True).supported
    assert judge("Mara Lind is back at Globex", ["Mara Lind returned to Globex as chief."], happened=True).supported


def test_a_named_persons_death_said_as_a_noun_is_that_they_died() -> None:
    from rag.answer.verdicts import judge

    assert T.same_event_words("After Mara Lind’s death, fans mourned.") == "After Mara Lind died, fans mourned."
    assert judge("Mara Lind died", ["Tributes poured in after Mara Lind's death on Monday."], happened=True).supported
    # other nouns after "death"
    for kept in ("Ostland's death toll hit 1,537.", "Mara Lind's death threats were reported."):
        assert T.same_event_words(kept) == kept
    # a cause of death is listed on a day of its own, after the death: one noun, which does not say when she died
    listed = "Lind's cause of death was listed on Friday."
    assert T.same_event_words(listed) == "Lind's cause-of-death was listed on Friday."


def test_a_claim_is_shown_with_its_possessives_and_matched_with_them_spaced():
    from rag.answer.verdicts import judge
    from rag.core.text import claim_as_matched, claim_as_written

    assert claim_as_written("Globex s chief resigned") == "Globex's chief resigned"
    # with the question's words, any apostrophe inside a word comes back as the question wrote it
    asked = "Did Mara Lind win the Cup d’Or, and didn't Globex's chief?"
    assert claim_as_written("Mara Lind win the Cup d Or, and didn t Globex s chief", asked) == (
        "Mara Lind win the Cup d’Or, and didn't Globex's chief"
    )
    assert claim_as_matched("Globex’s chief and Mara's d'Or") == "Globex s chief and Mara s d Or"
    # the part a reader sees ("Globex's") gets the verdict the matched claim ("Globex s") got: tools re-judge it
    passages = ["Globex's chief Mara Lind resigned on Monday.", "Tide Works hired a new chief on Monday."]
    for passage in passages:
        assert judge("Globex's chief resigned", [passage]) == judge("Globex s chief resigned", [passage])


@pytest.mark.parametrize(
    "sentence, result",
    [
        ("The Mariners earned a narrow road victory over the Rovers.", "Mariners beat Rovers"),
        ("The Mariners' comeback win over the Rovers sealed it.", "Mariners beat Rovers"),
        ("Theo Park was hurt in Ostland's Week 13 loss to the Rovers.", "Rovers beat Ostland"),
        ("The Rovers suffered a heavy defeat against the Mariners.", "Mariners beat Rovers"),
        ("Ada Brin's brace fired the Mariners to a dramatic 3-2 home win over the Rovers.", "Mariners beat Rovers"),
        ("Mara Lind led Ostland to victory against Norrvik.", "Ostland beat Norrvik"),
        ("The Mariners are resting on a short week after a road victory over the Rovers.", "Mariners beat Rovers"),
        # "defeat" after a name or a noun subject is the verb, not a defeat named as a thing
        ("The Mariners defeat the Rovers 3-1.", "Mariners beat Rovers"),
        ("At home the team defeats the Rovers.", "team beat Rovers"),
    ],
)
def test_a_result_worded_around_its_noun_is_read_as_who_beat_whom(sentence, result):
    assert result in T.same_event_words(sentence).replace("The ", "").replace("the ", "")


def test_a_day_or_a_fan_is_no_side_of_a_result():
    for sentence in (
        "Players celebrate Sunday's surprise win over the Rovers.",
        "Mariners fans cheered a win over the Rovers.",
        "Mara Lind blamed the loss on the Rovers.",
    ):
        assert "beat" not in T.same_event_words(sentence), sentence
    # after another side's win, the subject of the clause won nothing
    assert "Rovers beat" not in T.same_event_words("The Rovers are top after the Mariners' win over Norrvik.")


def test_a_question_typed_in_one_case_gets_the_capitals_the_passages_write_mid_sentence() -> None:
    from rag.core.text import restore_case

    passages = [
        "On Monday the board of Globex fired Mara Lind. Critics said Lind had misled the Globex board.",
        "Shares in Globex fell after Mara Lind left. The Harbour Cup went ahead.",
    ]
    assert restore_case("did globex fire mara lind?", passages) == "did Globex fire Mara Lind?"
    assert restore_case("DID GLOBEX FIRE MARA LIND?", passages) == "did Globex fire Mara Lind?"
    # a capital only at a sentence's start is no name's ("The"), and a question with capitals of its own is kept
    assert restore_case("did the board fire lind?", passages) == "did the board fire Lind?"
    assert restore_case("did globex's board fire her?", passages) == "did Globex's board fire her?"
    assert restore_case("Did globex fire Mara Lind?", passages) == "Did globex fire Mara Lind?"
    # nothing the passages capitalise: the question stays as typed (and is not searched again)
    assert restore_case("When did the strike end?", passages) == "When did the strike end?"
    # a capital that belongs to another name or to a post is none: "Best Buy" is no "buy", "Fed Chair" no name's
    others = [
        "Shoppers queued at Best Buy and at Tide Works on Friday. Deals: Buy Now.",
        "Ostland's economy slowed, New Zealand said, and Fed Chair Ada Brin agreed.",
        "Why does Globex buy so much? Globex agreed to buy Tide Works.",
    ]
    assert restore_case("did globex buy tide works?", others) == "did Globex buy Tide Works?"
    assert (
        restore_case("who is new zealand's new prime minister?", others) == "who is New Zealand's new prime minister?"
    )
    assert restore_case("is ada brin the fed chair?", others) == "is Ada Brin the Fed chair?"


def test_jobs_cut_in_any_of_its_verbs_are_one_event() -> None:
    from rag.core.text import same_event_words

    assert same_event_words("Globex is eliminating about 1,500 jobs") == "Globex cut about 1,500 jobs"
    # (and the roles counted after the cut are its jobs)
    assert same_event_words("Tide Works axed 200 roles") == "Tide Works cut 200 jobs"
    # eliminating or slashing something else is no job cut
    assert same_event_words("Globex eliminated the fee") == "Globex eliminated the fee"
    assert same_event_words("Globex slashed prices") == "Globex slashed prices"


def test_a_successor_is_read_as_who_replaced_whom_in_any_of_its_word_orders():
    said = T.same_event_words
    assert said("Globex is replacing founder CEO Mara Lind with Tide Works CEO Ada Brin.").endswith(
        "Ada Brin replaced CEO Mara Lind."
    )
    assert said("the board named Theo Park as Lind’s successor").endswith("Theo Park replaced Lind")
    assert said("Lind’s successor, Theo Park, starts on Monday.").startswith("Theo Park replaced Lind")
    assert said("Finance chief Lena Holt was elevated to interim CEO in Ostberg’s place.") == (
        "Finance chief Lena Holt replaced Ostberg."
    )
    assert said("Mara Lind was replaced as chair by Ada Brin.") == "Ada Brin replaced Mara Lind."
    assert said("Ada Brin succeeds founder Mara Lind.") == "Ada Brin replaced founder Mara Lind."
    # a candidate has replaced no one, and succeeding at a thing is no succession
    for text in (
        "Globex is weighing candidates to replace Mara Lind, with Ada Brin the favourite.",
        "Ostland succeeded in selling Globex.",
    ):
        assert said(text) == text


def test_a_win_over_a_named_side_in_other_verbs_and_in_the_passive_is_beat():
    said = T.same_event_words
    assert said("The Mariners edged past the Rovers on Sunday.") == "The Mariners beat the Rovers on Sunday."
    assert said("Ostland pulverised Norrvik 5-1.") == "Ostland beat Norrvik 5-1."
    assert said("with the Comets eliminated by Harbour United") == "with the Harbour United beat Comets"
    # no side named after the verb: no win ("another rout for the home team", traffic routed through a place)
    for text in ("it may be another rout for the home team", "The outage routed traffic through Ostland."):
        assert said(text) == text


def test_interest_rates_are_the_rates_news_says_a_bank_raised():
    assert T.same_event_words("The bank kept interest rates on hold.") == "The bank kept rates on hold."
    assert T.same_event_words("an interest-rate rise") == "an rate rise"
    assert T.same_event_words("the rates of interest") == "the rates of interest"


def test_a_deal_is_reached_in_any_of_the_verbs_news_uses():
    said = T.same_event_words
    assert said("Ostland is securing a deal on ‘world-first’ tide rules") == (
        "Ostland is reach a deal on ‘world-first’ tide rules"
    )
    assert said("Globex struck an agreement with Tide Works") == "Globex reach an agreement with Tide Works"
    # no deal after the verb: the verb stays ("secured the border", "struck the post")
    assert said("Ostland secured the border and struck the post") == "Ostland secured the border and struck the post"


def test_the_winning_goal_is_the_winner_not_any_goal_in_a_win():
    assert T.same_event_words("Mara Lind scored the winning goal") == "Mara Lind scored the winner"
    assert T.same_event_words("Theo Park hit the game-winning shot") == "Theo Park hit the winner"
    assert (
        T.same_event_words("Ada Brin scores the third goal in their win")
        == "Ada Brin scores the third goal in their win"
    )


def test_left_before_what_was_left_is_leave_and_the_left_side_is_not() -> None:
    from rag.answer.verdicts import judge

    assert judge("Ada Brin leave the game", ["Ada Brin left the game after a hit."], happened=True).supported
    assert judge("Mara Lind leave Globex", ["Mara Lind left her post at Globex."], happened=False).supported
    for side in ("Ada Brin played on the left the whole game.", "Ada Brin drifted to the left the whole game."):
        assert T.same_event_words(side) == side
        assert not judge("Ada Brin leave the game", [side], happened=True).supported


def test_a_product_unveiled_or_rolled_out_is_launched() -> None:
    from rag.answer.verdicts import judge

    for said in ("Globex unveiled Tide Pay at its first developer day.", "Globex rolled out Tide Pay on Monday."):
        assert judge("Globex launch Tide Pay", [said], happened=True).supported, said
    assert not judge("Globex launch Tide Pay", ["Globex may unveil Tide Pay next year."], happened=True).supported


def test_tentative_deals_struck_are_deals_reached_and_a_strike_over_a_deal_is_none() -> None:
    from rag.answer.verdicts import judge

    said = "The NDU struck tentative deals with Globex and Tide Works this past week."
    assert judge("the NDU reach a deal with Globex", [said], happened=True).supported
    assert T.same_event_words("Dockers strike over pay deal") == "Dockers strike over pay deal"
    # the toolkit's "reach" before an adjective is still the verb, for a subject in lower case too
    said = "The union struck tentative deals with Globex this past week."
    assert judge("the union reach a deal with Globex", [said], happened=True).supported


def test_a_named_product_announced_new_or_released_is_launched():
    from rag.answer.verdicts import judge
    from rag.core.text import same_event_words

    said = "When Globex announced the new Tide Pad and its USB-C port, it also revealed a case."
    assert judge("Globex launch the Tide Pad", [said], happened=True).supported
    assert same_event_words("Globex released the Globex Pad in May.") == "Globex launch the Globex Pad in May."
    # a statement, a prisoner and a plan are released or announced in another sense
    for other in (
        "Globex released a statement.",
        "The court released Mara Lind on bail.",
        "Globex announced a new plan.",
    ):
        assert same_event_words(other) == other


def test_owning_is_read_as_a_deed_and_a_hyphen_joins_no_doer_to_its_deed():
    from rag.answer.names import names_in

    assert T.same_event_words("Does Globex own Tide Works") == "Does Globex possess Tide Works"
    assert T.same_event_words("a warning to Globex-owned Tide Works") == "a warning to Globex possess Tide Works"
    assert T.same_event_words("the Ada Brin–backed startup") == "the Ada Brin backed startup"
    # "own" as the word of "its own" and "Globex's own" stays; a lower-case compound is no doer
    for text in ("Globex's own stores", "on its own terms", "a state-owned bank"):
        assert T.same_event_words(text) == text, text
    assert names_in("a warning to Globex-owned Tide Works") == ["Globex", "Tide Works"]


def test_a_past_verb_gets_its_plain_form_by_the_spelling_rules_of_ed():
    from rag.core.text import plain_form

    pairs = "fired:fire signed:sign denied:deny closed:close sued:sue stopped:stop passed:pass beat:beat opened:open"
    for pair in pairs.split():
        past, plain = pair.split(":")
        assert plain_form(past) == plain, past
    assert plain_form("growth") == ""  # no past at all


def test_a_deed_is_said_back_in_its_past_form() -> None:
    from rag.answer.stated import read_slot

    assert [T.past_tense(v) for v in ("say", "leave", "play", "fire", "buy", "deny", "beat")] == [
        "said",
        "left",
        "played",
        "fired",
        "bought",
        "denied",
        "beat",
    ]
    # a refusal says what no passage states in plain English ("who Mara Lind said ...", not "sayed")
    slot = read_slot("Who did Mara Lind say she would hire?")
    assert slot is not None and slot.asked == "who Mara Lind said she would hire"


def test_going_backwards_is_going_back() -> None:
    from rag.answer.verdicts import judge

    said = "Winter is coming, as the clocks go backwards one hour at 2am on Sunday 29 October."
    assert judge("clocks go back on Sunday 29 October", [said], happened=True).supported
    assert not judge("clocks go back on Sunday 22 October", [said], happened=True).supported


def test_scores_are_read_either_way_round_and_records_seasons_dates_and_decimals_are_none():
    from rag.core.text import says_result, scores_said, without_result

    assert scores_said("a 2-1 reverse at Bay Park") == [(2, 1)] == scores_said("Ostland lost 1–2")
    assert scores_said("Harbour Rovers 19-27 Mariners") == [(27, 19)]
    for none in ("Ostland (12-0) beat Norrvik", "the 2019-20 season", "on 10-12-2023", "a 1.5-2 point swing"):
        assert scores_said(none) == [], none
    assert says_result("Ostland drew 1-1") and says_result("a 2-1 defeat") and not says_result("rated 3-1 favourites")
    assert without_result("Ostland lost 3-1 at home to Norrvik") == "Ostland at home to Norrvik"


def test_goals_from_a_list_of_players_are_said_as_their_scoring_and_other_froms_are_left_alone():
    from rag.core.text import doers_first

    listed = "They left it late, with goals from Jon Vale, Ida Moen and Ostland striker Theo Park enough to win."
    assert (
        doers_first(listed)
        == "They left it late, as Jon Vale, Ida Moen and Ostland striker Theo Park scored enough to win."
    )
    assert doers_first("Ostland won with a late header from Ada Brin at Bay Park.") == (
        "Ostland won as Ada Brin scored at Bay Park."
    )
    assert (
        doers_first("The Rovers bought Theo Park from Norrvik City.")
        == "The Rovers bought Theo Park from Norrvik City."
    )
    assert doers_first("a 33-yard field goal from Jon Vale") == "a 33-yard field goal from Jon Vale"
    assert doers_first("Ostland lost to an own goal from Theo Park") == "Ostland lost to an own goal from Theo Park"


def test_fines_attacks_and_targets_from_someone_are_no_goals_they_scored():
    from rag.core.text import doers_first

    # "penalties from Donald Trump" in a fraud case had become "as Donald Trump scored", and the claim lost its deed
    for said in (
        "Mara Lind is seeking $250 million in penalties from Globex.",
        "Air strikes from Ostland hit the port.",
        "New climate goals from Norrvik were announced.",
        "She was the prize winner from Ostland.",
    ):
        assert doers_first(said) == said
    assert doers_first("A 90th-minute penalty from Ada Brin won it.") == "as Ada Brin scored won it."
    assert doers_first("Two goals from Theo Park sank them.") == "as Theo Park scored sank them."


def test_scorers_are_the_names_that_scored_not_a_corner_taker_a_saved_header_or_the_next_subject():
    from rag.core.text import doers_first

    for said in (
        "Ostland levelled four minutes later with a header from Ada Brin’s corner.",  # Brin took the corner
        "A late save of a header from the substitute Theo Park kept Norrvik in it.",  # the header did not go in
        "After Ostland had a goal from Theo Park disallowed, they lost.",
    ):
        assert doers_first(said) == said
    # the list of scorers ends at its "and ...": ", the Mariners manager" starts the sentence's subject
    assert doers_first("Thanks to goals from Ada Brin and a rejuvenated Theo Park, the Mariners manager was calm.") == (
        "as Ada Brin and a rejuvenated Theo Park scored, the Mariners manager was calm."
    )


def test_a_successor_named_with_their_club_and_post_is_the_person_and_a_place_is_no_one_replaced():
    from rag.core.text import doers_first

    # "Salernitana replaced Antonio" had made the club the successor
    assert doers_first("Ada Brin was replaced by Norrvik striker Theo Park, but he struggled.") == (
        "Theo Park replaced Ada Brin, but he struggled."
    )
    # "Mara Lind is Theo Park replaced Ostland City" had made the place the one replaced
    said = "Mara Lind is replaced in Ostland City with Theo Park."
    assert doers_first(said) == said


def test_a_rough_count_of_years_ago_names_no_one_year():
    from rag.core.text import past_year_said, said_years

    # "more than 20 years ago" in a 2023 article had dated a final to 2003 ("Yes, in 2003")
    for rough in ("more than 20 years ago", "nearly 20 years ago", "about four years ago", "over a year ago"):
        assert said_years(f"Ada Brin scored the winner {rough}.", 2023) == [], rough
        assert past_year_said(f"Ada Brin scored the winner {rough}.", 2023) is None, rough
    assert said_years("Ada Brin scored the winner four years ago.", 2023) == [(2019, "four years ago")]
