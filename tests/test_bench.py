"""`newsrag bench`: one real quick run on a tiny corpus writes bench.json with every row sane (no timing asserts)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from evals.bench.harness import load_records, questions_for
from evals.bench.scale import percentile, synthetic_article
from rag.core.errors import NewsragError
from rag.core.text import split_sentences
from rag.core.types import Article
from tests.conftest import _WORDS, data_dir, run_cli

# every row a full quick run must produce (the scale label "200" comes from NEWSRAG_BENCH_SCALES below)
EXPECTED_ROWS = [
    "ingest.newsrag.chunks_per_s",
    "ingest.newsrag.articles_per_s",
    "ingest.newsrag.peak_rss_mb",
    "ingest.floor.chunks_per_s",
    "ingest.ratio_vs_floor",
    "reingest.in_process_s",
    "reingest.cli_s",
    "reingest.full_corpus.in_process_s",
    "reingest.full_corpus.cli_s",
    "ingest.llamaindex.articles_per_s",
    "ingest.llamaindex.chunks_per_s",
    "ingest.ratio_vs_llamaindex",
    "ingest.llamaindex.embedded_fraction",
    "ingest.newsrag.embedded_fraction",
    "encoder.fp32_sample.chunks_per_s",
    "encoder.onnx_int8.chunks_per_s",
    "encoder.onnx_int8.cosine_mean",
    "encoder.onnx_int8.cosine_p05",
    "cold.ask_s.corpus",
    "cold.ui_s",
    "cold.ask_s.200",
    *[
        f"latency.{scale}.{m}"
        for scale in ("corpus", "200")
        for m in ("retrieve_p50_ms", "retrieve_p95_ms", "ask_p50_ms", "ask_p95_ms", "peak_rss_mb", "index_mb")
    ],
]


def _hand_made_corpus(path: Path, n: int = 4) -> Path:
    """MultiHop-RAG-shaped records, for machines without the shared data."""
    records = []
    for i in range(n):
        words = _WORDS[i:] + _WORDS[:i]
        body = " ".join(
            f"The {words[j]} {words[j + 1]} story number {j} in town {i} was reported by officials."
            for j in range(0, 36, 2)
        )
        records.append(
            {
                "title": f"Report {i} on the {words[0]}",
                "author": None,
                "source": "Test Wire",
                "published_at": f"2023-10-{i + 1:02d}T09:00:00+00:00",
                "category": "news",
                "url": f"https://example.org/report-{i}",
                "body": body,
            }
        )
    path.write_text(json.dumps(records))
    return path


@pytest.fixture(scope="module")
def quick_bench(tmp_path_factory) -> tuple[dict, str, Path]:
    out = tmp_path_factory.mktemp("bench")
    env = {
        "NEWSRAG_BENCH_ARTICLES": "3",
        "NEWSRAG_BENCH_SCALES": "200",
        "NEWSRAG_BENCH_QUERIES": "3",
        "NEWSRAG_BENCH_REPEATS": "1",
    }
    # a small corpus file either way, so the "whole corpus" re-ingest row is cheap too: 8 real MultiHop-RAG
    # articles when the shared data is here, else hand-made ones
    real = data_dir() / "multihop-rag" / "corpus.json"
    corpus = out / "corpus.json"
    if real.is_file():
        corpus.write_text(json.dumps(json.loads(real.read_text())[:8]))
    else:
        _hand_made_corpus(corpus)
    env["NEWSRAG_BENCH_CORPUS"] = str(corpus)
    result = run_cli("bench", "--quick", "--out", str(out), env=env, timeout=1500)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((out / "bench.json").read_text()), result.stdout, out


@pytest.mark.integration
def test_quick_bench_writes_every_row_with_sane_numbers(quick_bench):
    report, stdout, out = quick_bench
    rows = {r["key"]: r for r in report["rows"]}
    assert sorted(set(EXPECTED_ROWS) - set(rows)) == []
    for key in EXPECTED_ROWS:
        value = rows[key]["value"]
        assert isinstance(value, (int, float)) and math.isfinite(value) and value > 0, (key, rows[key])
    for row in report["rows"]:  # a row without a number must say why
        assert row["value"] is not None or row["note"].startswith("skipped"), row
    assert report["meta"]["articles"] == 3 and report["meta"]["scales"] == [200]
    assert len(report["meta"]["load_average_before"]) == 3 and report["meta"]["complete"] is True


@pytest.mark.integration
def test_quick_bench_numbers_agree_with_each_other(quick_bench):
    report, stdout, out = quick_bench
    v = {r["key"]: r["value"] for r in report["rows"]}
    assert v["ingest.ratio_vs_floor"] == pytest.approx(
        v["ingest.newsrag.chunks_per_s"] / v["ingest.floor.chunks_per_s"], rel=1e-2
    )
    # newsrag's chunks fit the encoder's 256 word pieces; llama-index's 1024-token chunks do not
    assert v["ingest.newsrag.embedded_fraction"] == pytest.approx(1.0)
    assert 0 < v["ingest.llamaindex.embedded_fraction"] <= 1.0
    assert v["encoder.onnx_int8.cosine_mean"] <= 1.0001
    for scale in ("corpus", "200"):
        assert v[f"latency.{scale}.retrieve_p95_ms"] >= v[f"latency.{scale}.retrieve_p50_ms"]
        assert v[f"latency.{scale}.ask_p95_ms"] >= v[f"latency.{scale}.ask_p50_ms"]
    latency = {m["label"]: m for m in report["details"]["latency"]}
    assert latency["200"]["chunks"] >= 200 > latency["corpus"]["chunks"]
    assert latency["200"]["consistent"] and latency["corpus"]["consistent"]
    assert v["latency.200.index_mb"] > v["latency.corpus.index_mb"]


@pytest.mark.integration
def test_quick_bench_prints_the_table_and_cleans_up(quick_bench):
    report, stdout, out = quick_bench
    assert "newsrag / encoder floor" in stdout and "bench.json" in stdout
    assert not list(out.glob("bench-*")), "the bench's working index should be removed"


def test_bad_corpus_file_is_named_with_what_to_do(tmp_path):
    path = tmp_path / "corpus.json"
    path.write_text('{"title": "not an array"}')
    with pytest.raises(NewsragError, match=r"corpus\.json: expected a JSON array"):
        load_records(path, None)
    with pytest.raises(NewsragError, match="NEWSRAG_BENCH_CORPUS"):
        load_records(tmp_path / "missing.json", None)
    path.write_text("[1, 2")
    with pytest.raises(NewsragError, match="not a JSON array"):
        load_records(path, None)


def test_quick_subset_is_fixed_and_spread(tmp_path):
    path = tmp_path / "corpus.json"
    records = [{"title": f"t{i}", "body": f"body {i}." if i % 7 else "  "} for i in range(100)]
    path.write_text(json.dumps(records))
    subset = load_records(path, 10)
    assert subset == load_records(path, 10)
    assert len(subset) == 10 and all(r["body"].strip() for r in subset)
    assert subset[0]["title"] == "t1" and subset[-1]["title"] not in {r["title"] for r in subset[:5]}
    questions = questions_for(path, subset, 4)
    assert questions[0] == "What did Keane say about Beijing?" and len(questions) == 4


def test_synthetic_articles_are_reproducible_shuffles_with_fresh_ids():
    text = "First sentence here. Second one follows. A third closes it. And a fourth."
    base = Article(id="a1", title="Base", text=text, source="Wire", url="https://example.org/a1")
    one, again, other = synthetic_article(base, 5, 0), synthetic_article(base, 5, 0), synthetic_article(base, 6, 0)
    assert one == again and one.id != other.id and one.url != base.url and one.id.startswith("synthetic-")
    words = lambda a: sorted(a.text[s:e] for s, e in split_sentences(a.text))  # noqa: E731
    assert words(one) == words(base) == words(other)


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50 and percentile(values, 95) == 95 and percentile([7.0], 95) == 7.0
