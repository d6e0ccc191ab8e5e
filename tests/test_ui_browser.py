"""The web UI in a real headless Chromium (Debian's `chromium`, driven by Playwright): ask, read, click, upload, rate.

Screenshots go to test-artifacts/. With NEWSRAG_UPDATE_SCREENSHOT=1 the canonical answer is also saved as
docs/screenshot.png (the README picture).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import CANONICAL_QUESTION, CHROMIUM, CORPUS, ROOT, free_port

pytestmark = [
    pytest.mark.integration,  # a real browser and a served app
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium); CI installs it"
    ),
]
ARTIFACTS = ROOT / "test-artifacts"
KEANE_QUOTE = "it's not surprising that Beijing wants Russia to prosper"
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
WAIT_MS = 180_000  # an answer takes seconds; the 2 shared cores may be busy with other test runs


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from ingest.index import ingest
    from rag.assistant import Assistant
    from rag.core.store import Store
    from ui.app import build_app, launch

    index = tmp_path_factory.mktemp("ui_browser_index")
    assert ingest([str(CORPUS)], store=Store.open(index, create=True)).added >= 1
    bot = Assistant.open(index)
    app = build_app(bot)
    port = free_port()
    launch(app, port=port, prevent_thread_lock=True, quiet=True)
    yield {"url": f"http://127.0.0.1:{port}/", "bot": bot, "index": Path(index)}
    app.close()


@pytest.fixture
def page(browser, served):
    """A fresh tab on the app that records dialogs, page errors and any request to another host."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.dialogs, tab.errors, tab.foreign = [], [], []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    base = served["url"].rstrip("/")
    tab.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else tab.foreign.append(r.url))
    tab.goto(served["url"])
    tab.wait_for_selector("#question textarea")
    yield tab
    context.close()


def ask(page, question: str, turn: int, button: bool = False) -> None:
    """Type a question, press Enter (or click Ask), wait until answer `turn` is fully shown (sources and status)."""
    page.fill("#question textarea", question)
    if button:
        page.click("#ask")
    else:
        page.press("#question textarea", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#sources details.src-turn').length >= n"
        " && /Answered in|No answer in/.test(document.querySelector('#status').innerText)",
        arg=turn,
        timeout=WAIT_MS,
    )


def upload(page, *paths: Path) -> str:
    page.click("#add-articles .label-wrap")
    page.set_input_files("#upload input[type=file]", [str(p) for p in paths])
    page.wait_for_selector("#upload-summary .up-ok", timeout=WAIT_MS)
    return page.inner_text("#upload-summary")


def test_canonical_question_shows_highlighted_quotes_and_citation_links(page, served):
    ask(page, CANONICAL_QUESTION, 1)
    chat = page.inner_text("#chat")
    assert "strategic partners" in chat and KEANE_QUOTE in chat
    marks = page.locator("#sources mark").all_inner_texts()
    assert any("strategic partners" in m and KEANE_QUOTE in m for m in marks), marks
    card = page.locator("#src-1-2")
    assert "US: China Considers Giving Russia" in card.inner_text() and "2023-02-19" in card.inner_text()
    page.locator("#chat a.cite", has_text="[2]").first.click()
    page.wait_for_selector("#src-1-2.active", timeout=10_000)
    if os.environ.get("NEWSRAG_UPDATE_SCREENSHOT"):
        page.wait_for_timeout(800)  # the smooth scroll to the card
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
    assert len(page.context.pages) == 1  # the link jumped inside the page, no new tab
    box = card.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    page.screenshot(path=str(ARTIFACTS / "ui_canonical.png"), full_page=True)
    assert page.foreign == [] and page.errors == []


def test_thumbs_up_writes_a_feedback_line(page, served):
    path = served["index"] / "feedback.jsonl"
    before = len(path.read_text().splitlines()) if path.exists() else 0
    ask(page, CANONICAL_QUESTION, 1)
    page.locator("#chat button[aria-label='Like']").first.click()
    page.wait_for_function(
        "() => /recorded for answer 1/.test(document.querySelector('#status').innerText)", timeout=30_000
    )
    lines = path.read_text().splitlines()
    assert len(lines) == before + 1
    record = json.loads(lines[-1])
    assert record["rating"] == "up" and record["question"] == CANONICAL_QUESTION
    assert any(KEANE_QUOTE in c["quote"] for c in record["citations"])


def test_bad_date_is_reported_and_new_conversation_clears(page):
    page.click("#filters .label-wrap")
    page.fill("#since textarea, #since input", "2023-02-30")
    page.wait_for_function(
        "() => /is not a date; use YYYY-MM-DD/.test(document.querySelector('#date-error').innerText)", timeout=30_000
    )
    page.fill("#question textarea", CANONICAL_QUESTION)
    page.press("#question textarea", "Enter")
    page.wait_for_function(
        "() => /since: .2023-02-30. is not a date/.test(document.querySelector('#status').innerText)", timeout=30_000
    )
    assert page.locator("#sources details.src-turn").count() == 0  # nothing was asked
    page.fill("#since textarea, #since input", "")
    ask(page, CANONICAL_QUESTION, 1)
    page.click("#new-conversation")
    page.wait_for_function("() => /New conversation/.test(document.querySelector('#status').innerText)", timeout=30_000)
    assert page.locator("#sources details.src-turn").count() == 0
    assert "strategic partners" not in page.inner_text("#chat")


def test_uploaded_article_answers_at_once(page, tmp_path):
    article = tmp_path / "glimmerfjord.txt"
    article.write_text(
        "Glimmerfjord ferry fares to rise in April\n\nThe Glimmerfjord ferry company said on Tuesday that "
        "adult fares will rise to 42 kroner from April 1. The harbour master, Ingrid Solvang, said the "
        "increase pays for a new electric vessel.\n"
    )
    summary = upload(page, article)
    assert "Added 1" in summary and "can be asked about now" in summary
    ask(page, "How much will Glimmerfjord ferry fares rise to?", 1, button=True)
    assert any("42 kroner" in m for m in page.locator("#sources mark").all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "ui_upload.png"), full_page=True)


def test_hostile_article_and_file_name_run_nothing(page, tmp_path):
    hostile = tmp_path / "zorblat.md"
    hostile.write_text(
        f'---\ntitle: "Zorblat council {XSS_SCRIPT} {XSS_IMG.replace(chr(34), chr(39))}"\nsource: "Evil <b>Wire</b>"\n'
        f'published: 2024-03-05\nurl: "javascript:window.__xss=1"\n---\n'
        f"The Zorblat council {XSS_SCRIPT} voted to rename the harbour lighthouse after a retired ferry captain. "
        f'{XSS_IMG} Mayor Quindle said the lighthouse vote was "a win for *all* [sailors]".\n'
    )
    bad_name = tmp_path / "x<img src=x onerror=window.__xss=1>.exe"
    bad_name.write_text("not an article")
    summary = upload(page, hostile, bad_name)
    assert "Added 1" in summary and ".exe" in summary and "not articles newsrag reads" in summary
    ask(page, "What did the Zorblat council vote on?", 1)
    assert "voted to rename the harbour lighthouse" in page.inner_text("#chat")
    page.locator("#chat a.cite").first.click()
    page.wait_for_selector("#sources .src-card.active", timeout=10_000)
    page.wait_for_timeout(500)  # give a broken image's onerror the time to fire, were there one
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == [] and page.errors == []
    assert page.locator("#sources script, #chat script, #sources img, #chat img, #upload-summary img").count() == 0
    assert page.locator("#sources a[href^='javascript']").count() == 0
    panel = page.inner_text("#sources")
    assert XSS_SCRIPT in panel and XSS_IMG in panel  # shown as text, exactly as the article has it
    assert XSS_SCRIPT in page.inner_text("#chat")
    page.screenshot(path=str(ARTIFACTS / "ui_xss.png"), full_page=True)
