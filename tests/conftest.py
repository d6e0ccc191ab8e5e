"""Shared fixtures: isolated settings per session, and one index of corpus/ built once and reused read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CANONICAL_QUESTION = "What did Keane say about Beijing?"
CHROMIUM = shutil.which("chromium")  # Debian's chromium: the browser tests skip without it (.ci/run installs it)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# The data dir is resolved against the project root, not the test's cwd.
os.environ.setdefault("NEWSRAG_DATA_DIR", str((ROOT / ".." / "shared" / "data").resolve()))


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """corpus/ ingested once; tests must not write to it (copy it or make their own)."""
    from ingest.index import ingest
    from rag.core.store import Store

    directory = tmp_path_factory.mktemp("seed_index")
    store = Store.open(directory, create=True)
    summary = ingest([str(CORPUS)], store=store)
    assert summary.failed == [] and summary.added >= 1
    store.close()
    return directory


@pytest.fixture(scope="session")
def seed_assistant(seed_index):
    from rag.assistant import Assistant

    return Assistant.open(seed_index)


@pytest.fixture(scope="module")  # per module, closed with it: Playwright's loop stays out of other tests
def browser():
    """A headless Chromium driven by Playwright: Debian's build (never `playwright install`), with the flags that keep
    it off the network it cannot reach here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 600
) -> subprocess.CompletedProcess:
    """The real console entry point in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate a server the test started; kill it if it will not stop within 30 s."""
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def free_port() -> int:
    """A loopback port nobody listens on right now, for servers the tests start."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def data_dir() -> Path:
    from rag.core.settings import get_settings

    return Path(get_settings().data_dir)


_RUNNING: list[pytest.Item] = []  # the test being set up or run, so the data helpers can check its markers


def pytest_runtest_setup(item: pytest.Item) -> None:
    _RUNNING[:] = [item]  # before any fixture, module-scoped ones included


def pytest_runtest_teardown(item: pytest.Item) -> None:
    _RUNNING.clear()


def require_multihop() -> Path:
    if _RUNNING and _RUNNING[0].get_closest_marker("integration") is None:
        pytest.fail(f"{_RUNNING[0].nodeid} reads the shared benchmark data: mark it @pytest.mark.integration")
    path = data_dir() / "multihop-rag"
    if not (path / "corpus.json").is_file():
        pytest.skip(f"MultiHop-RAG data not found at {path} (set NEWSRAG_DATA_DIR to a copy of ../shared/data)")
    return path


_WORDS = (
    "minister parliament budget election treaty summit tariff market shares inflation court ruling senator governor "
    "strike union wildfire storm vaccine hospital researchers satellite launch startup merger lawsuit police protest "
    "border embassy sanctions ceasefire negotiations pipeline refinery drought harvest museum festival championship"
).split()


def write_articles(folder: Path, n: int, seed: int = 0, sentences: int = 14) -> list[Path]:
    """n distinct, deterministic Markdown articles (about 2-3 chunks each) for ingestion tests."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = " ".join(
            f"The {rng.choice(_WORDS)} {rng.choice(_WORDS)} in city {i} drew {rng.randint(2, 999)} {rng.choice(_WORDS)} "
            f"reports on day {j}, officials said."
            for j in range(sentences)
        )
        path = folder / f"article_{i:03d}.md"
        path.write_text(
            f"---\ntitle: Article {i} about {rng.choice(_WORDS)}\nsource: Test Wire\npublished: 2023-10-{1 + i % 28:02d}\n---\n{body}\n"
        )
        paths.append(path)
    return paths


def index_articles(tmp_path_factory, name: str, articles: list[tuple[str, ...]]) -> Path:
    """A real index of invented articles, each (source, published, title, body) or (..., author), built once per
    module."""
    import json

    from ingest.index import ingest
    from rag.core.store import Store

    folder = tmp_path_factory.mktemp(f"{name}_corpus")
    records = [
        {
            "title": a[2],
            "source": a[0],
            "published_at": a[1],
            "url": f"https://example.invalid/{name}/{i}",
            "body": a[3],
            **({"author": a[4]} if len(a) > 4 else {}),
        }
        for i, a in enumerate(articles)
    ]
    (folder / "articles.json").write_text(json.dumps(records), encoding="utf-8")
    directory = tmp_path_factory.mktemp(f"{name}_index")
    store = Store.open(directory, create=True)
    summary = ingest([str(folder / "articles.json")], store=store)
    assert summary.failed == [] and summary.added == len(articles)
    store.close()
    return directory


def assert_exact_quotes(bot, answer) -> None:
    """Every citation quotes its article exactly (quote == text[start:end]), and every part cites only those."""
    for c in answer.citations:
        assert bot.store.article(c.article_id).text[c.start : c.end] == c.quote
    assert {n for p in answer.parts for n in p.citations} <= {c.n for c in answer.citations}
