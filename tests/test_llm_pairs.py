"""evals.train.llm_pairs without a model: item selection, reply cleaning, the filters and the rule edits.

Independent of ../shared/data: the articles are written here.
"""

from __future__ import annotations

from evals.train import claims as claimgen
from evals.train.llm_pairs import clean, edit_problem, paraphrase_problem, rule_edit, select_items, to_pairs

ARTICLES = [
    [
        "The company said on Monday that profits rose 12% to $3 million in the third quarter.",
        "Chief executive Anna Berg said the results were strong, and the board approved a new dividend.",
        "Analysts at Nordic Bank had expected a smaller increase, according to a survey.",
        "The shares rose 4% in early trading in Stockholm after the announcement.",
    ],
    [
        "The football club announced on Friday that its coach Peter Lund would leave in June.",
        "Lund said he was proud of the team, which won the league twice under his leadership.",
        "The club will name a successor before the new season starts in August.",
        "Supporters gathered outside the stadium in Malmo to thank him.",
    ],
]
PREMISE = " ".join(ARTICLES[0])
SOURCE = ARTICLES[0][0]


def test_select_items_is_deterministic_and_the_premise_holds_the_source() -> None:
    a, b = select_items(ARTICLES, 5, seed=1), select_items(ARTICLES, 5, seed=1)
    assert a == b and len(a) == 5
    for it in a:
        assert it["source"] in it["premise"]
        assert it["split"] == claimgen.article_split(ARTICLES[it["article"]])


def test_clean_keeps_the_sentence_only() -> None:
    assert clean('Summary: "Profits rose 12% in the quarter."\n\nNote: ...') == "Profits rose 12% in the quarter."
    assert clean("**Rewritten sentence:** Profits rose.") == "Profits rose."


def test_paraphrase_filters() -> None:
    good = "Third-quarter profits at the company climbed 12% to $3 million, it said on Monday."
    assert paraphrase_problem(good, SOURCE, PREMISE) is None
    assert paraphrase_problem(SOURCE, SOURCE, PREMISE) == "copy"
    assert paraphrase_problem("I'm sorry, I cannot rewrite this text for you.", SOURCE, PREMISE) == "refusal"
    assert paraphrase_problem(good.replace("12%", "15%"), SOURCE, PREMISE) == "new_number"
    assert paraphrase_problem(good.replace("it said", "Erik Holm said"), SOURCE, PREMISE) == "new_name"
    invented = "Investors celebrated wildly as the firm's fortunes soared beyond every forecast imaginable."
    assert paraphrase_problem(invented, SOURCE, PREMISE) == "new_words"


def test_edit_filters() -> None:
    claim = "Third-quarter profits at the company climbed 12% to $3 million, it said on Monday."
    assert edit_problem(claim, claim, PREMISE) == "unchanged"
    assert edit_problem(claim.replace("12%", "21%"), claim, PREMISE) is None
    assert edit_problem("The football club fired its coach after a long losing run.", claim, PREMISE) == "too_big"


def test_rule_edit_changes_one_fact_deterministically() -> None:
    items = select_items(ARTICLES, 4, seed=0)
    bank = claimgen.Bank(ARTICLES)
    claim = "Third-quarter profits at the company climbed 12% to $3 million, Anna Berg said on Monday."
    item = {**items[0], "premise": PREMISE, "article": 0, "sentence": 0}
    first, again = rule_edit(claim, item, ARTICLES, bank), rule_edit(claim, item, ARTICLES, bank)
    assert first is not None and first == again
    rule, edited = first
    assert rule in claimgen.RULES and claimgen.RULES[rule][0] == "contradicted"
    assert edited != claim and edited not in PREMISE


def test_to_pairs_makes_trainer_records() -> None:
    item = select_items(ARTICLES, 1, seed=0)[0]
    raw = [{**item, "paraphrase_raw": "Summary: " + SOURCE, "edit_raw": None}]  # a copy: dropped
    assert to_pairs(raw, ARTICLES)[0] == []
    para = "On Monday the company said that third-quarter profits climbed 12% to $3 million."
    item = {**item, "premise": PREMISE, "source": SOURCE, "article": 0, "sentence": 0}
    pairs, reasons = to_pairs([{**item, "paraphrase_raw": para, "edit_raw": None}], ARTICLES)
    assert pairs[0]["label"] == "supported" and pairs[0]["method"] == "llm_paraphrase"
    assert reasons["paraphrase:kept"] == 1
    for p in pairs:
        assert {"premise", "claim", "label", "method", "split", "article", "sentence"} <= set(p)
