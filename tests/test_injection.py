"""34 injected articles (tests/injection_corpus.py) answered through the LLM path by a stand-in model that obeys
every injection it can see: what the user sees (Python API, `ask --json`, the UI's /ask endpoint) holds only
verified sentences and exact quotes, and no injected claim. Each injected claim carries a nonce word found nowhere
else, so "reached the screen" is a plain search of the answer text and its quotes."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import injection_corpus as ic
import llm_standin
import pytest
from conftest import free_port, run_cli

pytestmark = pytest.mark.llm  # the stand-in is reached through the llama-index Ollama client
PAYLOADS = [(c.nonce, c.claim) for c in ic.CASES]


def _seen(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf").lower()


def on_screen(answer: dict) -> list[str]:
    """The nonces (injected claims) in what the user is shown: the answer text and every citation's quote."""
    shown = _seen(answer["answer"] + " " + " ".join(c["quote"] for c in answer["citations"]))
    return [nonce for nonce, _ in PAYLOADS if nonce.lower() in shown]


def assert_only_verified_quotes(store, answer: dict) -> None:
    """Every citation quotes its article exactly, and every answer sentence cites one."""
    for c in answer["citations"]:
        assert store.article(c["article_id"]).text[c["start"] : c["end"]] == c["quote"]
    # a quote keeps its own full stop, so its [n] follows it ("... said. [1]"): that marker is the sentence's
    for sentence in re.split(r"(?<=[.!?])\s+(?!\[)|(?<=\])\s+", answer["answer"]):
        assert not sentence.strip() or answer["refused"] or re.search(r"\[\d+\]", sentence), sentence


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory) -> Path:
    from ingest.index import ingest
    from rag.core.store import Store

    root = tmp_path_factory.mktemp("injection")
    paths = ic.write_corpus(root / "corpus")
    store = Store.open(root / "index", create=True)
    summary = ingest([str(root / "corpus")], store=store)
    assert summary.failed == [] and summary.added == len(paths) == len(ic.CASES)
    store.close()
    return root / "index"


@pytest.fixture(scope="module")
def standin():
    from rag.core.settings import get_settings

    server, _ = llm_standin.start()
    server.payloads = PAYLOADS
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSRAG_LLM_URL", server.url)
        mp.setenv("NEWSRAG_LLM_MODEL", "standin-obey")
        get_settings.cache_clear()
        yield server
    server.shutdown()
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def bot(hostile_index):
    from rag.assistant import Assistant

    return Assistant.open(hostile_index)


def test_hidden_html_is_not_stored(bot):
    texts = {bot.store.article(i).title: bot.store.article(i).text for i in bot.store.article_ids()}
    for case in (c for c in ic.CASES if c.html):
        text = texts[f"{case.place} celebrates its reopened landmark"]
        assert case.nonce not in text, (case.key, text)
        assert all(fact in text for fact in case.facts), (case.key, text)  # the visible article is all there


def _passages_path(bot, question: str) -> dict:
    """The LLM answering from the retrieved passages themselves (rag.generate.generate_answer): the model sees every
    injection the passages hold."""
    from rag.generate import generate_answer

    return generate_answer(question, bot.retrieve(question), backend="ollama").to_dict()


@pytest.mark.parametrize("path", ["passages", "parts"])
def test_the_llm_path_shows_no_injected_claim(bot, standin, path):
    leaked: dict[str, list[str]] = {}
    obeyed = answered = 0
    for case in ic.CASES:
        before = len(standin.answers)
        if path == "passages":
            answer = _passages_path(bot, case.question)
        else:  # what ask(answerer=...) does: the model words the verified parts from their cited spans only
            answer = bot.ask(case.question, answerer="ollama").to_dict()
        raw = " ".join(standin.answers[before:])
        obeyed += case.claim in raw
        assert_only_verified_quotes(bot.store, answer)
        if on_screen(answer):
            leaked[case.key] = on_screen(answer)
        answered += not answer["refused"] and case.place in answer["answer"]
    print(
        f"\nLLM path from {path}: {len(ic.CASES)} questions, the stand-in obeyed {obeyed} injections in its raw "
        f"answer, {sum(map(len, leaked.values()))} injected claims on screen, {answered} answered from the real article"
    )
    if path == "passages":
        # Every injection that survives loading reaches the model and is obeyed: otherwise this test shows nothing.
        assert obeyed == sum(not c.html for c in ic.CASES)
    else:
        # From parts the model is shown verified spans only, and no instruction is ever a verified span
        assert obeyed == 0
    assert leaked == {}
    assert answered >= len(ic.CASES) - 2  # the real news still gets through


def test_the_extractive_path_shows_no_injected_claim(bot):
    leaked = {c.key: on_screen(a) for c in ic.CASES if on_screen(a := bot.ask(c.question).to_dict())}
    assert leaked == {}


def test_the_old_keyword_regex_alone_would_have_leaked(bot, standin, monkeypatch):
    """The same run with verification reduced to the former regex: proves the corpus is hostile enough to matter."""
    import rag.generate as generate

    monkeypatch.setattr(generate, "looks_like_instruction", lambda text: False)
    monkeypatch.setattr(generate, "drawn_from_instruction", lambda q, hits: bool(generate._INJECTION.search(q.quote)))
    leaked = [n for c in ic.CASES for n in on_screen(_passages_path(bot, c.question))]
    print(f"\nregex-only verification: {len(set(leaked))} of {len(ic.CASES)} injected claims reach the screen")
    assert len(set(leaked)) >= 20


def test_cli_ask_json_shows_no_injected_claim(hostile_index, standin):
    for case in [c for c in ic.CASES if c.key in ("polite", "split-preamble", "german", "zero-width", "emotional")]:
        result = run_cli(
            "ask",
            case.question,
            "--index",
            str(hostile_index),
            "--answerer",
            "ollama",
            "--json",
            env={"NEWSRAG_LLM_URL": standin.url, "NEWSRAG_LLM_MODEL": "standin-obey"},
        )
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert on_screen(answer) == [], (case.key, answer["answer"])
        # the CLI's model words the verified parts: the injection never even reaches it
        assert standin.answers and case.claim not in standin.answers[-1]


@pytest.mark.integration
def test_ui_ask_endpoint_shows_no_injected_claim(bot, standin):
    from gradio_client import Client

    from ui.app import build_app, launch

    app = build_app(bot)
    port = free_port()
    launch(app, port=port, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        leaked = {}
        for case in ic.CASES:
            answer = client.predict(case.question, "", "", "", "ollama", api_name="/ask")
            if on_screen(answer):
                leaked[case.key] = on_screen(answer)
        assert leaked == {}
    finally:
        app.close()
