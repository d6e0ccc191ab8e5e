"""The shipped claim verifier (rag/verify/trained.py + rag/models/verifier.json): behaviour, determinism, spans.

Independent of ../shared/data: passages are written here; the synthetic generator runs on a tiny made-up corpus.
"""

from __future__ import annotations

import numpy as np
import pytest

from rag.verify.trained import (
    FEATURES,
    TrainedVerifier,
    TreeModel,
    Verdict,
    aggregate,
    feature_rows,
)

PASSAGES = [
    (
        "The city council met on Tuesday to discuss the budget. Mayor Laura Chen said the city would hire 120 new "
        "teachers next year. The plan will cost about $4 million, according to the finance office. Opposition leader "
        "Mark Davis criticised the proposal as too expensive."
    ),
    (
        "Heavy rain caused flooding in the northern districts. Emergency crews rescued 35 residents from their homes "
        "on Sunday night. The river rose by two metres in six hours."
    ),
]


@pytest.fixture(scope="module")
def verifier() -> TrainedVerifier:
    return TrainedVerifier()


def test_verbatim_sentence_is_supported(verifier: TrainedVerifier) -> None:
    v = verifier.verify("Mayor Laura Chen said the city would hire 120 new teachers next year.", PASSAGES)
    assert v.label == "supported" and v.supported
    assert v.score >= verifier.threshold


def test_light_paraphrase_is_supported(verifier: TrainedVerifier) -> None:
    v = verifier.verify("Emergency crews rescued 35 residents on Sunday night.", PASSAGES)
    assert v.supported, v


@pytest.mark.parametrize(
    "claim",
    [
        "Mayor Laura Chen said the city would hire 150 new teachers next year.",  # number
        "Mark Davis said the city would hire 120 new teachers next year.",  # speaker
        "Mayor Laura Chen said the city would not hire 120 new teachers next year.",  # negation
        pytest.param(
            "Emergency crews rescued 35 residents from their homes on Friday night.",  # weekday
            marks=pytest.mark.xfail(
                strict=True,
                reason="known miss (docs/verifier.md): a changed weekday alone "
                "lowers the score (0.82 -> 0.64) but not below the threshold",
            ),
        ),
    ],
)
def test_edited_claims_are_not_supported(verifier: TrainedVerifier, claim: str) -> None:
    v = verifier.verify(claim, PASSAGES)
    assert not v.supported, (claim, v)
    assert v.label in {"contradicted", "not_mentioned"}


def test_edits_score_below_the_original(verifier: TrainedVerifier) -> None:
    original = verifier.verify("Emergency crews rescued 35 residents from their homes on Sunday night.", PASSAGES)
    for edited in (
        "Emergency crews rescued 85 residents from their homes on Sunday night.",
        "Emergency crews failed to rescue 35 residents from their homes on Sunday night.",
        "Emergency crews rescued 35 residents from their homes on Friday night.",
    ):
        assert verifier.verify(edited, PASSAGES).score < original.score


def test_unrelated_claim_is_not_supported(verifier: TrainedVerifier) -> None:
    v = verifier.verify("The national football team won the championship final in extra time.", PASSAGES)
    assert not v.supported


def test_span_points_at_the_evidence(verifier: TrainedVerifier) -> None:
    v = verifier.verify("The river rose by two metres in six hours.", PASSAGES)
    assert v.span is not None and v.span.passage == 1
    text = PASSAGES[v.span.passage][v.span.start : v.span.end]
    assert "The river rose by two metres in six hours." in text
    assert text == text.strip() and 0 <= v.span.start < v.span.end <= len(PASSAGES[1])


def test_multi_sentence_claim_points_at_its_weakest_sentence(verifier: TrainedVerifier) -> None:
    claim = (
        "Heavy rain caused flooding in the northern districts. Mark Davis said the city would hire 120 new teachers."
    )
    v = verifier.verify(claim, PASSAGES)
    assert not v.supported
    assert v.span is not None and v.span.passage == 0


def test_scores_are_deterministic(verifier: TrainedVerifier) -> None:
    claim = "The plan will cost about $4 million."
    a = verifier.verify(claim, PASSAGES)
    b = TrainedVerifier().verify(claim, list(PASSAGES))  # a fresh instance and a copy of the list
    assert a == b
    assert 0.0 <= a.score <= 1.0


def test_edge_cases(verifier: TrainedVerifier) -> None:
    assert verifier.verify("", PASSAGES) == Verdict("supported", 1.0, None)
    assert verifier.verify("[1]", PASSAGES).score == 1.0  # a bare citation claims nothing
    empty = verifier.verify("Emergency crews rescued 35 residents.", [])
    assert not empty.supported and empty.span is None
    with pytest.raises(TypeError):
        verifier.verify("a claim", "a passage passed as a bare string")


def test_feature_rows_shape_and_aggregate() -> None:
    x, wins, _ = feature_rows("Heavy rain caused flooding. The river rose.", PASSAGES)
    assert x.shape == (2, len(FEATURES)) and len(wins) == 2
    agg = aggregate(x)
    assert agg.shape == (2 * len(FEATURES),)
    assert np.all(agg[: len(FEATURES)] <= agg[len(FEATURES) :])


def test_exported_trees_match_sklearn() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    from evals.train.verifier import export

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    y = (x[:, 0] + 0.5 * x[:, 1] ** 2 + rng.normal(scale=0.3, size=400) > 0.4).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0).fit(x, y)
    ours = TreeModel(export(model)).predict(x)
    assert np.allclose(ours, model.predict_proba(x)[:, 1], atol=1e-6)


def test_claim_generator_is_deterministic_and_covers_all_labels() -> None:
    from evals.train.claims import generate

    article = [
        "The company said on Monday that profits rose 12% to $3 million in the third quarter.",
        "Chief executive Anna Berg said the results were strong, and the board approved a new dividend.",
        '"We will keep investing in new factories," Berg said.',
        "Analysts at Nordic Bank had expected a smaller increase, according to a survey.",
        "The shares rose 4% in early trading in Stockholm after the announcement.",
    ]
    other = [
        "The football club announced on Friday that its coach Peter Lund would leave in June.",
        "Lund said he was proud of the team, which won the league twice under his leadership.",
        "The club will name a successor before the new season starts in August.",
        "Supporters gathered outside the stadium in Malmo to thank him.",
    ]
    a = generate(120, seed=3, articles=[article, other, article[::-1]])
    b = generate(120, seed=3, articles=[article, other, article[::-1]])
    assert a == b and len(a) > 60
    assert {p["label"] for p in a} == {"supported", "contradicted", "not_mentioned"}
    for p in a:
        if p["label"] != "supported":
            assert p["claim"] not in p["premise"]
