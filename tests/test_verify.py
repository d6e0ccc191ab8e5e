"""The verifier interface (rag.verify): names and roles, verdicts with the span that decided them, both verifiers
behind it, and the LLM-answer check asking through it."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import rag.verify as V
from rag.verify import Span, Verdict, get_verifier, verify
from rag.verify.lexical import SUPPORT_THRESHOLD, LexicalVerifier, lexical_support

COUNCIL = (
    "Springfield council approves road budget. The city council approved a $12 million budget for road repairs "
    "on Tuesday. Seven of the nine members voted in favour."
)
HOSPITAL = "The hospital said the patient was not in critical condition and would be released on Friday."
FLOODS = "The river flooded three villages in the north after a week of heavy rain. Rescue teams evacuated 400 people."


def deciding_text(verdict: Verdict, passages: Sequence[str]) -> str:
    assert verdict.span is not None
    return passages[verdict.span.passage][verdict.span.start : verdict.span.end]


def test_names_roles_and_the_one_switch() -> None:
    assert V.resolve("default") == V.DEFAULT_VERIFIER == "lexical"
    assert V.resolve("answers") == "lexical" and V.resolve("evals") == "features"
    assert get_verifier("lexical") is get_verifier("answers") is get_verifier()  # one cached instance per verifier
    with pytest.raises(ValueError, match="unknown verifier 'oracle'.*features.*lexical"):
        get_verifier("oracle")


def test_a_registered_verifier_replaces_the_default_for_every_role_that_follows_it(monkeypatch) -> None:
    class Verbatim:
        """Supported exactly when a passage holds the claim word for word."""

        name = "verbatim"

        def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
            for i, p in enumerate(passages):
                if (at := p.find(claim)) >= 0:
                    return Verdict("supported", 1.0, Span(i, at, at + len(claim)))
            return Verdict("not_mentioned", 0.0, None)

    monkeypatch.setattr(V, "_REGISTRY", {**V._REGISTRY})
    V.register("verbatim", Verbatim)
    monkeypatch.setattr(V, "DEFAULT_VERIFIER", "verbatim")
    try:
        assert get_verifier("answers").name == "verbatim"  # the answers role follows the default
        assert get_verifier("evals").name == "features"  # until its role is pointed at "default" too
        paraphrase = "The council approved a $12 million road budget"
        assert not verify(paraphrase, [COUNCIL]).supported
        v = verify("Seven of the nine members voted in favour", [FLOODS, COUNCIL])
        assert v.supported and v.span and v.span.passage == 1
    finally:
        V._instance.cache_clear()


def test_lexical_supported_claim_points_at_its_sentence() -> None:
    passages = [FLOODS, COUNCIL]
    v = verify("The council approved a $12 million budget for road repairs", passages)
    assert v.supported and v.score >= SUPPORT_THRESHOLD
    assert deciding_text(v, passages) == "The city council approved a $12 million budget for road repairs on Tuesday."


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("The council approved a $15 million budget for road repairs", COUNCIL),  # swapped number
        ("The patient was in critical condition", HOSPITAL),  # negation dropped
    ],
)
def test_lexical_contradiction_is_told_apart_from_silence(claim: str, passage: str) -> None:
    v = verify(claim, [passage])
    assert v.label == "contradicted" and not v.supported and 0.0 <= v.score < SUPPORT_THRESHOLD
    assert deciding_text(v, [passage])  # the sentence that disagrees


def test_lexical_unrelated_claim_is_not_mentioned() -> None:
    v = verify("The moon is made of cheese", [COUNCIL, FLOODS])
    assert v.label == "not_mentioned" and v.score == 0.0 and v.span is None


def test_lexical_blends_minilm_when_given_an_embedder() -> None:
    from rag.core.embedder import get_embedder

    claim = "Seven of the nine council members voted for the budget on Tuesday"
    plain, blended = (
        LexicalVerifier().verify(claim, [COUNCIL]),
        LexicalVerifier(get_embedder()).verify(claim, [COUNCIL]),
    )
    assert plain.supported and blended.supported and blended.score != plain.score
    assert blended.span == plain.span


@pytest.fixture(scope="module")
def features():
    return get_verifier("features")


def test_features_supported_claim_points_at_its_evidence(features) -> None:
    passages = [FLOODS, COUNCIL]
    v = features.verify("Rescue teams evacuated 400 people after the floods.", passages)
    assert v.supported and v.span and v.span.passage == 0
    assert deciding_text(v, passages) == "Rescue teams evacuated 400 people."


def test_features_off_topic_claim_is_unsupported(features) -> None:
    supported = features.verify("Rescue teams evacuated 400 people.", [FLOODS])
    off_topic = features.verify("Rescue teams evacuated 400 people.", [HOSPITAL])
    assert not off_topic.supported and off_topic.score < supported.score


def test_features_edge_cases(features) -> None:
    assert features.verify("[1] [2]", [COUNCIL]) == Verdict("supported", 1.0, None)  # claims nothing
    assert features.verify("The council met.", ["", "  "]) == Verdict("not_mentioned", 0.0, None)
    many = features.verify_all(
        ["Rescue teams evacuated 400 people.", "", "The budget is $12 million."], [FLOODS, COUNCIL]
    )
    assert [v.span.passage if v.span else None for v in many] == [0, None, 1]


def test_llm_answer_check_asks_the_verifier_it_is_given() -> None:
    from rag.core.types import Article, Chunk, Hit
    from rag.generate import check_generated

    article = Article(id="c", title="Council", text=COUNCIL)
    hits = [
        Hit(chunk=Chunk(id="c:0", article_id="c", text=COUNCIL, start=0, end=len(COUNCIL)), article=article, score=1.0)
    ]
    raw = "The city council approved a $12 million budget for road repairs on Tuesday [1]."
    kept, warnings = check_generated(raw, hits)
    assert len(kept) == 1 and warnings == []

    class Nothing:
        name = "nothing"

        def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
            return Verdict("not_mentioned", 0.0, None)

    kept, warnings = check_generated(raw, hits, verifier=Nothing())
    assert kept == [] and "do not support" in warnings[0]


def test_all_of_supports_only_what_every_verifier_supports() -> None:
    from rag.verify import AllOf

    lexical, features = get_verifier("lexical"), get_verifier("features")
    both = AllOf(lexical, features)
    claim = "Seven of the nine council members voted for the budget on Tuesday"
    assert both.verify(claim, [COUNCIL]).supported and both.name == "lexical+features"
    # one refusal is enough, whichever verifier refuses: here the negation ("not in critical condition") is seen by
    # the lexical check only
    flipped = "The patient would be released on Friday, the hospital said, after a long stay in critical condition"
    assert features.verify(flipped, [HOSPITAL]).supported and not lexical.verify(flipped, [HOSPITAL]).supported
    for order in (both, AllOf(features, lexical)):
        verdict = order.verify(flipped, [HOSPITAL])
        assert not verdict.supported and verdict.span is not None


def test_a_correction_supports_nothing_it_says_an_earlier_version_got_wrong():
    from rag.answer.verdicts import judge

    claim = "Mara Lind performed at Ostland Hall in 2014"
    retracted = "Correction: A previous version of this story stated that Mara Lind performed at Ostland Hall in 2014."
    corrected = f"{retracted} She performed there in 2013."
    verifier = LexicalVerifier()
    assert verifier.verify(claim, [retracted]).label == "not_mentioned"
    assert verifier.verify(claim, [corrected]).label != "supported"
    assert not judge(claim, [retracted], similarity=None, happened=True).supported
    # the same words said as the story's own news still support it
    assert verifier.verify(claim, ["Mara Lind performed at Ostland Hall in 2014, the promoter said."]).label == (
        "supported"
    )
    assert verifier.verify("Theo Park resigned", ["An earlier report mistakenly said Theo Park resigned."]).label == (
        "not_mentioned"
    )


def test_a_month_or_a_name_inside_a_sentence_is_no_modal_that_makes_a_gerund_only_possible():
    from rag.verify.lexical import hedged_words

    assert hedged_words("Globex opened 30 battery swapping stations in Ostland in May.") == frozenset()
    assert hedged_words("The swapping stations Theo May built are open.") == frozenset()
    assert "sign" in hedged_words("Signing Ada Brin may be a boost for the Rovers.")


def test_an_owner_of_a_share_is_one_the_share_is_owned_by():
    passage = "Tide Works is 40 percent owned by the Ostland firm Globex, a filing shows."
    # every word of the claim is the passage's: "owner" is the word "owned" says
    assert lexical_support("Globex is a 40 percent owner of Tide Works", passage) == 1.0
