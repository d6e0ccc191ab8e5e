"""A new user's first hour in the web UI, in a real headless Chromium: honest status lines, a header and upload
summary that count right, and a library to browse, read and delete articles. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CANONICAL_QUESTION, CHROMIUM, CORPUS, ROOT, free_port, write_articles

pytestmark = [
    pytest.mark.integration,  # a real browser and a served app
    pytest.mark.skipif(
        CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium); CI installs it"
    ),
]
ARTIFACTS = ROOT / "test-artifacts"
WAIT_MS = 180_000  # the 2 shared cores may be busy with other test runs


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """corpus/ plus two 'Test Wire' articles, served on a free loopback port (writable: uploads and deletions)."""
    from ingest.index import ingest
    from rag.assistant import Assistant
    from rag.core.store import Store
    from ui.app import build_app, launch

    root = tmp_path_factory.mktemp("first_hour")
    wire = write_articles(root / "wire", 2, seed=16)
    index = root / "index"
    assert ingest([str(CORPUS), str(root / "wire")], store=Store.open(index, create=True)).added == 3
    bot = Assistant.open(index)
    app = build_app(bot)
    port = free_port()
    launch(app, port=port, prevent_thread_lock=True, quiet=True)
    yield {"url": f"http://127.0.0.1:{port}/", "bot": bot, "wire": wire}
    app.close()


@pytest.fixture
def page(browser, served):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.goto(served["url"])
    tab.wait_for_selector("#question textarea")
    yield tab
    context.close()


def header_count(page) -> int:
    return int(
        re.search(r"Ask about the ([\d,]+) indexed article", page.inner_text("#intro")).group(1).replace(",", "")
    )


def choose(page, dropdown: str, label_start: str) -> None:
    """Pick the option of a Gradio dropdown whose label starts with `label_start`."""
    page.click(f"{dropdown} input")
    page.locator(f"{dropdown} li[role=option]", has_text=label_start).first.click()


def test_filters_that_match_nothing_do_not_promise_sources(page):
    page.click("#filters .label-wrap")
    page.fill("#since textarea, #since input", "2024-01-01")
    page.fill("#question textarea", CANONICAL_QUESTION)
    page.press("#question textarea", "Enter")
    page.wait_for_function("() => /No answer in/.test(document.querySelector('#status').innerText)", timeout=WAIT_MS)
    status = page.inner_text("#status")
    assert "no article matches the filters (since 2024-01-01)" in status, status
    assert "closest passages" not in status
    assert "No articles match the filters" in page.inner_text("#chat")
    assert "No sources." in page.inner_text("#sources")


def test_header_says_how_to_add_more_and_counts_uploads(page, tmp_path):
    intro = page.inner_text("#intro")
    assert "newsrag ingest PATH|URL|FEED" in intro and "Add articles" in intro
    before = header_count(page)
    new = write_articles(tmp_path / "new", 2, seed=99)
    for path in new:  # another outlet, so the library test's "Test Wire" count stays 2
        path.write_text(path.read_text().replace("source: Test Wire", "source: Upload Desk"))
    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not an article")
    notes = tmp_path / "notes.exe"
    notes.write_bytes(b"MZ")
    page.click("#add-articles .label-wrap")
    page.set_input_files("#upload input[type=file]", [str(p) for p in [*new, photo, notes]])
    page.wait_for_selector("#upload-summary .up-ok", timeout=WAIT_MS)
    summary = page.inner_text("#upload-summary")
    assert "Added 2" in summary and "from 4 file(s)" in summary, summary
    assert "holiday.jpg" in summary and "notes.exe" in summary  # the refused ones are named
    page.wait_for_function(
        f"() => /Ask about the {before + 2} indexed articles/.test(document.querySelector('#intro').innerText)",
        timeout=WAIT_MS,
    )
    assert page.errors == []


def test_library_lists_by_outlet_opens_and_deletes_with_confirmation(page, served):
    store = served["bot"].store
    page.click("#library .label-wrap")
    page.wait_for_selector("#lib-list .lib-table")
    before = header_count(page)
    choose(page, "#lib-outlet", "Test Wire")
    page.wait_for_function(
        "() => /^2 articles match/.test(document.querySelector('#lib-list').innerText)", timeout=WAIT_MS
    )
    rows = page.locator("#lib-list tbody tr")
    assert rows.count() == 2
    assert all("Test Wire" in t for t in rows.all_inner_texts())
    # open the newest one: its text, outlet and the file it came from
    choose(page, "#lib-pick", "Article")
    page.wait_for_function("() => /Came from/.test(document.querySelector('#lib-article').innerText)", timeout=WAIT_MS)
    opened = page.inner_text("#lib-article")
    origin = re.search(r"Came from: (\S+)", opened).group(1)
    assert Path(origin).name in {p.name for p in served["wire"]}
    assert "officials said" in opened and "Test Wire" in opened
    article_id = re.search(r"id ([0-9a-f]{16})", opened).group(1)
    page.screenshot(path=str(ARTIFACTS / "ui_library.png"), full_page=True)
    # the first click only asks; the article is still there
    page.click("#lib-delete")
    page.wait_for_function(
        "() => /again to confirm/.test(document.querySelector('#lib-status').innerText)", timeout=WAIT_MS
    )
    assert store.article(article_id) is not None
    page.click("#lib-delete")
    page.wait_for_function("() => /^Deleted/.test(document.querySelector('#lib-status').innerText)", timeout=WAIT_MS)
    assert store.article(article_id) is None
    assert article_id not in {c.article_id for c in store.chunks_by_id(sorted(store.chunk_ids())).values()}
    assert store.stats().to_dict()["consistent"]
    assert "ingest it again from" in page.inner_text("#lib-status")
    page.wait_for_function(
        "() => /^1 article match/.test(document.querySelector('#lib-list').innerText)", timeout=WAIT_MS
    )
    page.wait_for_function(
        f"() => /Ask about the {before - 1} indexed article/.test(document.querySelector('#intro').innerText)",
        timeout=WAIT_MS,
    )
    assert page.errors == []
