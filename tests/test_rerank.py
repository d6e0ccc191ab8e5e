"""The reranker: a stale model file is never used, its training folds keep shared evidence together, and it ranks."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from evals.runner import UNSEEN_GROUP, summarize
from evals.train.ranker import evidence_groups
from rag.rerank import FEATURES, MODEL_PATH, LinearRanker


def test_the_shipped_ranker_matches_this_code() -> None:
    spec = json.loads(MODEL_PATH.read_text())
    assert tuple(spec["features"]) == FEATURES, "rag/models/ranker.json is stale: run python -m evals.train.ranker"
    assert isinstance(LinearRanker.load(), LinearRanker)


def test_a_model_for_other_features_is_not_used(tmp_path) -> None:
    spec = json.loads(MODEL_PATH.read_text())
    spec["features"], spec["weights"] = spec["features"][:-1], spec["weights"][:-1]
    stale = tmp_path / "ranker.json"
    stale.write_text(json.dumps(spec))
    assert LinearRanker.load(stale) is None  # plain fusion instead of mis-ranking with misaligned columns


def test_questions_sharing_evidence_train_and_test_in_the_same_fold() -> None:
    def q(*facts: str) -> tuple:
        return (SimpleNamespace(facts=list(facts)),)

    groups = evidence_groups([q("a", "b"), q("c"), q("b", "d"), q("d"), q("e")])
    assert groups[0] == groups[2] == groups[3]  # 0-2 share b, 2-3 share d: one group through 2
    assert len({groups[0], groups[1], groups[4]}) == 3


def test_unseen_evidence_questions_get_their_own_summary_row() -> None:
    rows = [
        {
            "kind": "inference",
            "scored": True,
            "unseen": unseen,
            **dict.fromkeys(("hits@10", "hits@4", "map@10", "mrr@10", "ndcg@10"), score),
        }
        for unseen, score in ((True, 1.0), (False, 0.0))
    ]
    summary = summarize("retrieval", rows)
    assert summary["by_type"][UNSEEN_GROUP]["n"] == 1 and summary["by_type"][UNSEEN_GROUP]["mrr@10"] == 1.0
    assert summary["overall"]["mrr@10"] == 0.5
    assert UNSEEN_GROUP not in summarize("retrieval", rows[1:])["by_type"]


@pytest.mark.parametrize("question", ["What did Keane say about Beijing?", "Where did Blinken meet Wang Yi?"])
def test_the_passage_that_answers_comes_first(seed_assistant, question: str) -> None:
    hits = seed_assistant.retrieve(question, k=4)
    needle = "strategic partners" if "Keane" in question else "Wang Yi"
    assert needle in hits[0].chunk.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
