"""The web UI served for real (in-process, free port) over an index of corpus/, driven through gradio_client and HTTP."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest

from tests.conftest import CANONICAL_QUESTION, CORPUS, free_port, run_cli

KEANE_QUOTE = "it's not surprising that Beijing wants Russia to prosper"
UPLOAD_LIMIT = 20_000  # bytes per file for this module's app, so an "oversize" upload is small to make


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """An index built from corpus/ (writable: uploads and feedback land in it) and the app serving it."""
    from ingest.index import ingest
    from rag.assistant import Assistant
    from rag.core.store import Store
    from ui.app import build_app, launch

    index = tmp_path_factory.mktemp("ui_index")
    summary = ingest([str(CORPUS)], store=Store.open(index, create=True))
    assert summary.failed == [] and summary.added >= 1
    bot = Assistant.open(index)
    app = build_app(bot, max_upload_bytes=UPLOAD_LIMIT)
    port = free_port()
    launch(app, port=port, prevent_thread_lock=True, max_upload_bytes=UPLOAD_LIMIT, quiet=True)
    yield {"url": f"http://127.0.0.1:{port}/", "bot": bot, "index": Path(index), "app": app}
    app.close()


@pytest.fixture(scope="module")
def client(served):
    from gradio_client import Client

    return Client(served["url"], verbose=False)


def text_of(message: dict) -> str:
    """A chat message's text: Gradio 6 sends content as a list of parts ({"type": "text", "text": ...})."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def check_quotes_exact(bot, citations: list[dict]) -> None:
    for c in citations:
        assert bot.store.article(c["article_id"]).text[c["start"] : c["end"]] == c["quote"]


@pytest.mark.integration
def test_api_ask_returns_the_cited_canonical_answer(served, client):
    result = client.predict(CANONICAL_QUESTION, api_name="/ask")
    assert result["refused"] is False
    quotes = " ".join(c["quote"] for c in result["citations"])
    assert "strategic partners" in quotes and KEANE_QUOTE in quotes
    assert "[1]" in result["answer"] and "strategic partners" in result["answer"]
    assert {"title", "source", "published_at", "url", "start", "end", "score"} <= set(result["citations"][0])
    check_quotes_exact(served["bot"], result["citations"])


@pytest.mark.integration
def test_api_reports_bad_dates_and_applies_date_filters(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match=r"since: '2023-13-01' is not a date; use YYYY-MM-DD"):
        client.predict(CANONICAL_QUESTION, "", "2023-13-01", api_name="/ask")
    later = client.predict(CANONICAL_QUESTION, "", "2024-01-01", api_name="/ask")  # the seed article is 2023-02-19
    assert later["refused"] is True and later["citations"] == []
    window = client.predict(CANONICAL_QUESTION, "", "2023-02-01", "2023-02-28", api_name="/ask")
    assert window["refused"] is False


@pytest.mark.integration
def test_chat_endpoint_streams_an_answer_with_citation_links(client):
    job = client.submit(CANONICAL_QUESTION, "All outlets", "", "", "extractive", api_name="/chat")
    final = job.result(timeout=300)
    updates = job.outputs()
    assert len(updates) >= 3  # placeholder, then the answer sentence by sentence
    chat = final[0]
    answer = text_of(chat[1])
    assert "strategic partners" in answer
    assert '<a href="#src-1-1" class="cite"' in answer and '<a href="#src-1-2" class="cite"' in answer
    assert chat[2]["metadata"]["title"].startswith("Sources (2)")  # the folded sources message
    panel = final[2]  # outputs: chat, question box, sources panel, status (the session State is not sent)
    assert '<li class="src-card" id="src-1-2"' in panel and "<mark>" in panel
    assert "<mark>According to The Hill, Keane referred to China and Russia as &quot;strategic partners&quot;" in panel
    # streaming: some update held a partial answer (the first cited sentence without the second)
    partials = [
        text_of(u[0][1]) for u in updates if isinstance(u, (list, tuple)) and isinstance(u[0], list) and len(u[0]) > 1
    ]
    assert any("src-1-1" in p and "src-1-2" not in p for p in partials)


@pytest.mark.integration
def test_follow_up_is_read_against_the_previous_question(served):
    from gradio_client import Client

    tab = Client(served["url"], verbose=False)  # a new session: its own conversation
    tab.predict(CANONICAL_QUESTION, "All outlets", "", "", "extractive", api_name="/chat")
    chat, _, panel, status = tab.predict(
        "What did he say about Russia?", "All outlets", "", "", "extractive", api_name="/chat"
    )
    assert [m["role"] for m in chat] == ["user", "assistant", "assistant"] * 2  # question, answer, folded sources
    assert '<b>Answer 2</b>: What did he say about Russia? <span class="src-meta">(read as: ' in panel
    read_as = panel.split("(read as: ", 1)[1].split(")</span>", 1)[0]
    assert "Keane" in read_as
    assert 'id="src-2-1"' in panel and 'id="src-1-1"' in panel  # both answers' sources, distinct anchors
    assert status.startswith("Answered in")


@pytest.mark.integration
def test_feedback_appends_one_json_line_per_rating(served):
    from ui.feedback import FEEDBACK_FILE, record_feedback
    from ui.render import Turn

    bot = served["bot"]
    answer = bot.ask(CANONICAL_QUESTION)
    turn = Turn(1, CANONICAL_QUESTION, answer, "extractive", {"since": "2023-01-01"})
    path = served["index"] / FEEDBACK_FILE
    before = path.read_text().splitlines() if path.exists() else []
    record_feedback(served["index"], turn, True)
    record_feedback(served["index"], turn, False)
    lines = path.read_text().splitlines()
    assert len(lines) == len(before) + 2
    up, down = json.loads(lines[-2]), json.loads(lines[-1])
    assert (up["rating"], down["rating"]) == ("up", "down")
    assert up["question"] == CANONICAL_QUESTION and up["answer"] == answer.text
    assert any(KEANE_QUOTE in c["quote"] for c in up["citations"])
    assert up["filters"] == {"since": "2023-01-01"} and up["answerer"] == "extractive"


@pytest.mark.integration
def test_upload_adds_an_article_that_answers_at_once(served, client, tmp_path):
    from gradio_client import handle_file

    article = tmp_path / "harbour news.md"
    article.write_text(
        "---\ntitle: Vestholm ferry fares rise\nsource: Harbour Gazette\npublished: 2024-04-02\n---\n"
        "The Vestholm ferry company said adult fares will rise to 47 kroner from May 1. "
        "The harbour master, Ingrid Solvang, said the money pays for an electric vessel.\n"
    )
    _, summary, outlet = client.predict([handle_file(str(article))], api_name="/upload")
    assert "Added 1" in summary, summary
    assert (served["index"] / "uploads" / "harbour news.md").is_file()
    assert "Harbour Gazette" in served["bot"].store.sources()
    result = client.predict("How much will Vestholm ferry fares rise to?", "Harbour Gazette", api_name="/ask")
    assert result["refused"] is False
    assert any("47 kroner" in c["quote"] for c in result["citations"])
    check_quotes_exact(served["bot"], result["citations"])


@pytest.mark.integration
def test_upload_refuses_oversize_and_unknown_types_with_clear_messages(served, client, tmp_path):
    from gradio_client import handle_file

    big = tmp_path / "big.txt"
    big.write_text("Too long. " * (UPLOAD_LIMIT // 10 + 100))
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ not an article")
    _, summary, _ = client.predict([handle_file(str(big)), handle_file(str(exe))], api_name="/upload")
    assert "big.txt</b>: 21 kB is over the 20 kB limit per file: split it" in summary
    assert "tool.exe</b>: &#x27;.exe&#x27; files are not articles newsrag reads" in summary
    assert not (served["index"] / "uploads" / "big.txt").exists()
    assert not (served["index"] / "uploads" / "tool.exe").exists()


def test_upload_names_cannot_escape_the_uploads_folder(tmp_path):
    from rag.core.errors import NewsragError
    from ui.uploads import check_and_store, safe_name

    assert safe_name("../../etc/passwd.md") == "passwd.md"
    assert safe_name("..\\..\\Windows\\evil.txt") == "evil.txt"
    assert safe_name("...hidden.md") == "hidden.md"
    assert safe_name("a<img src=x onerror=alert(1)>.md") == "a_img src_x onerror_alert_1_.md"
    for bad in ("..", "/", "", "../..", "\u202e\u202e"):
        with pytest.raises(NewsragError, match="no usable characters"):
            safe_name(bad)
    src = tmp_path / "in.md"
    src.write_text("---\ntitle: T\n---\nBody text.\n")
    uploads = tmp_path / "index" / "uploads"
    checked = check_and_store([(str(src), "../../../outside.md"), (str(src), "..")], uploads)
    assert [a.name for a in checked.accepted] == ["outside.md"]
    assert checked.accepted[0].path == (uploads / "outside.md").resolve()
    assert [r.name for r in checked.refused] == [".."]
    assert sorted(p.name for p in tmp_path.rglob("outside.md")) == ["outside.md"]
    assert not (tmp_path / "outside.md").exists()


def test_default_size_limit_is_ten_megabytes(tmp_path):
    from ui.uploads import MAX_UPLOAD_BYTES, check_and_store

    big = tmp_path / "big.md"
    with big.open("wb") as f:  # sparse: no 10 MB written
        f.truncate(MAX_UPLOAD_BYTES + 1)
    checked = check_and_store([(str(big), "big.md")], tmp_path / "uploads")
    assert checked.accepted == []
    assert "over the 10 MB limit per file" in checked.refused[0].reason


def test_non_loopback_host_needs_credentials(tmp_path, monkeypatch):
    from rag.core.errors import NewsragError
    from ui.app import serve
    from ui.auth import auth_for

    assert auth_for("127.0.0.1", {}) is None and auth_for("localhost", {}) is None and auth_for("::1", {}) is None
    with pytest.raises(NewsragError, match="refusing to serve on 0.0.0.0.*NEWSRAG_UI_AUTH=user:password"):
        auth_for("0.0.0.0", {})
    assert auth_for("0.0.0.0", {"NEWSRAG_UI_AUTH": "ann:s3cret"}) == [("ann", "s3cret")]
    creds = tmp_path / "users"
    creds.write_text("# who may log in\nann:one\nbob:two:with-colon\n")
    assert auth_for("192.168.1.5", {"NEWSRAG_UI_AUTH_FILE": str(creds)}) == [("ann", "one"), ("bob", "two:with-colon")]
    with pytest.raises(NewsragError, match="NEWSRAG_UI_AUTH: expected 'user:password'"):
        auth_for("0.0.0.0", {"NEWSRAG_UI_AUTH": "justaname"})
    with pytest.raises(NewsragError, match="cannot read it"):
        auth_for("0.0.0.0", {"NEWSRAG_UI_AUTH_FILE": str(tmp_path / "missing")})
    monkeypatch.delenv("NEWSRAG_UI_AUTH", raising=False)
    monkeypatch.delenv("NEWSRAG_UI_AUTH_FILE", raising=False)
    with pytest.raises(NewsragError, match="refusing to serve on 0.0.0.0"):
        serve(host="0.0.0.0", port=free_port())


def test_cli_chat_refuses_a_public_host_without_credentials(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSRAG_UI_AUTH")}
    env["NEWSRAG_INDEX"] = str(tmp_path / "index")
    proc = run_cli("chat", "--host", "0.0.0.0", "--port", str(free_port()), env=env, timeout=300)
    assert proc.returncode == 2
    assert "refusing to serve on 0.0.0.0" in proc.stderr and "NEWSRAG_UI_AUTH" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.integration
def test_credentials_are_enforced_when_set(served):
    from gradio_client import Client

    from ui.app import build_app, launch

    app = build_app(served["bot"])
    port = free_port()
    launch(app, port=port, auth=[("ann", "s3cret")], prevent_thread_lock=True, quiet=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert httpx.get(url + "config").status_code == 401
        assert httpx.post(url + "login", data={"username": "ann", "password": "wrong"}).status_code == 400
        result = Client(url, auth=("ann", "s3cret"), verbose=False).predict(CANONICAL_QUESTION, api_name="/ask")
        assert any(KEANE_QUOTE in c["quote"] for c in result["citations"])
    finally:
        app.close()


@pytest.mark.integration
def test_page_loads_nothing_from_other_hosts(served):
    page = httpx.get(served["url"]).text
    assert "fonts.googleapis" not in page and "cdn.jsdelivr" not in page
    config = httpx.get(served["url"] + "config").json()
    css = json.dumps(config.get("stylesheets", [])) + (config.get("theme_css") or "") + (config.get("css") or "")
    assert "googleapis" not in css and "http://" not in json.dumps(config.get("stylesheets", []))
    assert config.get("analytics_enabled") is False


def test_upload_ingest_waits_for_answers_in_progress():
    import threading

    from rag.core.store import ReadWriteLock

    lock, events = ReadWriteLock(), []
    reading = lock.read()
    reading.__enter__()
    writer = threading.Thread(target=lambda: (lock.write().__enter__(), events.append("write")))
    writer.start()
    writer.join(0.3)
    assert events == []  # the ingest waits while a question is being answered
    with lock.read():  # other questions are not held up by the waiting ingest
        events.append("read")
    reading.__exit__(None, None, None)
    writer.join(5)
    assert events == ["read", "write"]


def test_render_escapes_article_text_and_links_only_known_citations():
    from ui.render import answer_markdown, passage_html, safe_url, stream_steps

    md = answer_markdown(
        'Attack <script>alert(1)</script> *bold* [1] and <img src=x onerror="y"> [7]', turn=3, known={1}
    )
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md and "\\*bold\\*" in md
    assert '<a href="#src-3-1" class="cite" data-cite="1">[1]</a>' in md and "src-3-7" not in md
    text = "Before. The <b>quoted</b> span. After."
    start = text.index("The")
    end = text.index("span.") + len("span.")
    html = passage_html(text, start, end)
    assert html == "Before. <mark>The &lt;b&gt;quoted&lt;/b&gt; span.</mark> After."
    assert safe_url("javascript:alert(1)") == "" and safe_url("https://example.com/a") == "https://example.com/a"
    assert stream_steps("One. [1] Two. [2]") == ["One. [1]", "One. [1] Two. [2]"]


@pytest.fixture
def standin_llm():
    """The stand-in OpenAI-compatible server (tests/llm_standin.py) configured as the 'openai' answerer."""
    import llm_standin

    from rag.core.settings import get_settings

    server, _ = llm_standin.start()
    saved = {k: os.environ.get(k) for k in ("NEWSRAG_LLM_URL", "NEWSRAG_LLM_MODEL")}
    os.environ.update(NEWSRAG_LLM_URL=server.url + "/v1", NEWSRAG_LLM_MODEL="standin-good")
    get_settings.cache_clear()
    try:
        yield server
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_settings.cache_clear()
        server.shutdown()


@pytest.mark.integration
@pytest.mark.llm
def test_llm_answerer_streams_tokens_then_shows_the_verified_answer(client, standin_llm):
    from rag.answerers import why_unavailable
    from ui.answerer_menu import answerer_note

    assert why_unavailable("openai") is None
    assert "shown only once the quote it cites supports it" in answerer_note("openai")
    job = client.submit(CANONICAL_QUESTION, "All outlets", "", "", "openai", api_name="/chat")
    final = job.result(timeout=300)
    streamed = [
        text_of(u[0][-1]) for u in job.outputs() if isinstance(u, (list, tuple)) and isinstance(u[0], list) and u[0]
    ]
    # verified sentences appear one by one before the final answer, and only ones the final answer keeps
    assert any("once its source supports it" in s for s in streamed)
    shown = [s.split(" ▌")[0] for s in streamed if "once its source supports it" in s]
    assert shown and all("Moon" not in s and "[9]" not in s for s in shown)
    answer = text_of(final[0][1])
    # the stand-in quotes the passage sentences sharing most words with the question (see tests/llm_standin.py)
    assert (
        "Jack Keane" in answer and 'href="#src-1-1" class="cite"' in answer and "checking each sentence" not in answer
    )
    panel = final[2]
    assert '<li class="src-card" id="src-1-1"' in panel and "<mark>Meanwhile, on Sunday, Jack Keane" in panel
    assert any(path.endswith("/chat/completions") for path, _ in standin_llm.requests)
    result = client.predict(CANONICAL_QUESTION, "", "", "", "openai", api_name="/ask")
    assert result["refused"] is False and any("Jack Keane" in c["quote"] for c in result["citations"])


def test_unconfigured_llm_answerer_says_what_to_set(monkeypatch):
    from rag.core.settings import get_settings
    from ui.answerer_menu import answerer_choices, answerer_note

    monkeypatch.delenv("NEWSRAG_LLM_URL", raising=False)
    monkeypatch.delenv("NEWSRAG_LLM_MODEL", raising=False)
    get_settings.cache_clear()
    try:
        note, choices = answerer_note("openai"), answerer_choices()
    finally:
        get_settings.cache_clear()
    assert note.startswith("⚠️ **Unavailable here**") and "NEWSRAG_LLM_URL" in note and "Extractive" in note
    labels = {value: label for label, value in choices}
    assert labels["openai"].endswith("(not set up here)") and not labels["extractive"].endswith("(not set up here)")
