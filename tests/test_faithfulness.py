"""FaithfulnessScorer on hand-made claims, the SummEdits loader, and a news quality gate (integration)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from evals.faithfulness import FaithfulnessScorer, evaluate_on_summedits
from evals.summedits import load_domain, local_path
from rag.core.settings import get_settings
from rag.core.text import sentences

PASSAGE = (
    "Secretary of State Antony Blinken met Chinese diplomat Wang Yi at the Munich Security Conference on Saturday. "
    "Blinken warned that China was considering giving lethal support to Russia. "
    "The company reported revenue of 5.2 billion dollars in 2022, up 12 percent from a year earlier."
)
OTHER = "The river flooded three villages in the north after a week of heavy rain. Rescue teams evacuated 400 people."

SUPPORTED = "Blinken warned that China was considering giving lethal support to Russia."


@pytest.fixture(scope="module")
def scorer() -> FaithfulnessScorer:
    return FaithfulnessScorer()


def test_supported_sentence_passes(scorer: FaithfulnessScorer) -> None:
    r = scorer.score(SUPPORTED, [PASSAGE])
    assert r.supported and r.score >= scorer.threshold
    assert len(r.sentences) == 1 and r.sentences[0].supported
    assert r.sentences[0].passage_index == 0
    assert "lethal support" in r.sentences[0].evidence


@pytest.mark.parametrize(
    "edited",
    [
        "The company reported revenue of 9.7 billion dollars in 2022, up 12 percent from a year earlier.",  # number swap
        "Blinken warned that China was not considering giving lethal support to Russia.",  # negation
        "Blinken met Chinese diplomat Wang Yi at the Davos Economic Forum on Saturday.",  # entity swap
        "Blinken warned that Japan was considering giving lethal support to Ukraine.",  # two entity swaps
    ],
)
def test_small_edits_score_below_the_faithful_original(scorer: FaithfulnessScorer, edited: str) -> None:
    original = scorer.score_sentence(SUPPORTED, PASSAGE)
    assert scorer.score_sentence(edited, PASSAGE) < original


def test_claim_from_unrelated_passage_is_unsupported(scorer: FaithfulnessScorer) -> None:
    r = scorer.score(SUPPORTED, [OTHER])
    assert not r.supported
    assert r.score < scorer.score(SUPPORTED, [PASSAGE]).score


def test_best_passage_is_reported_per_sentence(scorer: FaithfulnessScorer) -> None:
    answer = "Rescue teams evacuated 400 people after the floods. " + SUPPORTED
    r = scorer.score(answer, [PASSAGE, OTHER])
    assert [s.passage_index for s in r.sentences] == [1, 0]
    # One answer score, the weakest claim's.
    assert r.score == min(s.score for s in r.sentences)


def test_citation_markers_do_not_change_the_score(scorer: FaithfulnessScorer) -> None:
    plain = scorer.score(SUPPORTED, [PASSAGE])
    cited = scorer.score(SUPPORTED[:-1] + " [1].", [PASSAGE])
    assert cited.score == pytest.approx(plain.score, abs=0.02)
    assert cited.sentences[0].text.endswith("[1].")


@pytest.mark.parametrize("answer", ["", "   \n ", "[1] [2]"])
def test_empty_answer_claims_nothing_and_is_supported(scorer: FaithfulnessScorer, answer: str) -> None:
    r = scorer.score(answer, [PASSAGE])
    assert (r.score, r.supported, r.sentences) == (1.0, True, [])


@pytest.mark.parametrize("passages", [[], [""], ["  ", "\n"]])
def test_no_passages_means_unsupported(scorer: FaithfulnessScorer, passages: list[str]) -> None:
    r = scorer.score(SUPPORTED, passages)
    assert r.score == 0.0 and not r.supported
    assert len(r.sentences) == 1 and r.sentences[0].passage_index == -1
    assert scorer.score_sentence(SUPPORTED, "") == 0.0
    assert scorer.score_sentence("", PASSAGE) == 1.0


def test_bad_argument_types_raise(scorer: FaithfulnessScorer) -> None:
    with pytest.raises(TypeError):
        scorer.score(SUPPORTED, PASSAGE)  # type: ignore[arg-type]  (a str, not a list of passages)
    with pytest.raises(TypeError, match=r"passages\[1\]"):
        scorer.score(SUPPORTED, [PASSAGE, None])  # type: ignore[list-item]


def test_scores_are_bounded_and_never_nan(scorer: FaithfulnessScorer) -> None:
    answers = [SUPPORTED, "12345 67890.", "!!!", "a", "Zxqv plorb 2099 99.9% Kzzt.", "Not no never none.", PASSAGE * 3]
    for answer in answers:
        for passages in ([PASSAGE], [OTHER], ["x"], [PASSAGE, OTHER], ["9 9 9"]):
            r = scorer.score(answer, passages)
            values = [r.score] + [s.score for s in r.sentences]
            assert all(0.0 <= v <= 1.0 and not math.isnan(v) for v in values), (answer, passages, values)


def test_deterministic_within_and_across_processes(scorer: FaithfulnessScorer) -> None:
    answer = SUPPORTED + " The company reported revenue of 9.7 billion dollars in 2022."
    first = scorer.score(answer, [PASSAGE, OTHER])
    again = FaithfulnessScorer().score(answer, [PASSAGE, OTHER])
    assert [s.score for s in first.sentences] == [s.score for s in again.sentences]
    code = (
        "import json,sys; from evals.faithfulness import FaithfulnessScorer as F; "
        "r=F().score(sys.argv[1], json.loads(sys.argv[2])); print(json.dumps([s.score for s in r.sentences]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, answer, json.dumps([PASSAGE, OTHER])],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [s.score for s in first.sentences]


def test_sentence_splitter_keeps_abbreviations() -> None:
    text = 'Mr. Smith met the U.S. envoy on Jan. 5 in Washington. "It went well," he said. Then he left!'
    assert sentences(text) == [
        "Mr. Smith met the U.S. envoy on Jan. 5 in Washington.",
        '"It went well," he said.',
        "Then he left!",
    ]


# ---------------------------------------------------------------- SummEdits loader


def _write(dir_: Path, domain: str, records: object) -> Path:
    path = local_path(domain, dir_)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(records))
    return path


def test_loader_reads_a_local_copy(tmp_path: Path) -> None:
    recs = [
        {"id": "a", "doc": "D.", "summary": "S.", "label": 1},
        {"id": "b", "doc": "D.", "summary": "T.", "label": 0},
    ]
    _write(tmp_path, "samsum", recs)
    assert load_domain("samsum", data_dir=tmp_path) == recs


def test_loader_rejects_bad_records_naming_file_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "news", [{"id": "a", "doc": "D.", "label": 1}])
    with pytest.raises(ValueError, match=r"summedits_news\.json.*record 0.*summary"):
        load_domain("news", data_dir=tmp_path)
    _write(tmp_path, "news", [{"id": "a", "doc": "D.", "summary": "S.", "label": "yes"}])
    with pytest.raises(ValueError, match="label"):
        load_domain("news", data_dir=tmp_path)
    path.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_domain("news", data_dir=tmp_path)
    with pytest.raises(ValueError, match="unknown SummEdits domain"):
        load_domain("sports", data_dir=tmp_path)


def test_loader_missing_copy_without_network_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FileNotFoundError, match="NEWSRAG_DATA_DIR"):
        load_domain("news", data_dir=tmp_path / "absent", download=False)
    # A fetch that cannot connect (closed local port) must fail with the path, the URL and the remedy.
    monkeypatch.setattr("evals.summedits.URL", "http://127.0.0.1:9/summedits_{domain}.json")
    with pytest.raises(FileNotFoundError, match=r"absent.*fetching http://127\.0\.0\.1:9/summedits_news\.json failed"):
        load_domain("news", data_dir=tmp_path / "absent")
    assert not local_path("news", tmp_path / "absent").exists()


# ---------------------------------------------------------------- quality gate on human labels

# All 819 news pairs (~3 minutes on 2 idle cores). The first 200 alone come from 7 documents and moved from 0.695 to
# 0.649 when the scorer took the text toolkit's rules, while all 819 stayed at 0.630 -> 0.631: too few to gate on.
NEWS_PAIRS = 819
NEWS_FLOOR = 0.61  # measured 0.631; a drop below means the scorer regressed


@pytest.mark.integration
def test_news_balanced_accuracy_gate() -> None:
    if not local_path("news").is_file():
        pytest.skip(f"SummEdits news not found at {local_path('news')} (data_dir={get_settings().data_dir})")
    out = evaluate_on_summedits("news")
    assert out["n"] == NEWS_PAIRS
    assert all(0.0 <= out[k] <= 1.0 for k in ("balanced_accuracy", "f1_inconsistent", "f1_consistent", "auc"))
    assert out["balanced_accuracy"] > NEWS_FLOOR, out
