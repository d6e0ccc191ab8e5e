"""Incremental, crash-safe ingestion into a real Chroma + FTS5 index."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.index import ingest
from rag.core.store import Store
from tests.conftest import ROOT, run_cli, write_articles


def snapshot(index: Path) -> dict:
    """Everything that must be equal between a resumed and a clean run."""
    store = Store.open(index)
    try:
        stats = store.stats().to_dict()
        rows = store.db.execute('SELECT id, article_id, start, "end" FROM chunks ORDER BY id').fetchall()
        articles = store.db.execute("SELECT id, content_hash, state FROM articles ORDER BY id").fetchall()
        fts = store.db.execute("SELECT COUNT(*), COUNT(DISTINCT rowid) FROM chunks_fts").fetchone()
        return {"stats": stats, "chunks": rows, "articles": articles, "dense": sorted(store.dense_ids()), "fts": fts}
    finally:
        store.close()


def assert_consistent(snap: dict) -> None:
    chunk_ids = [r[0] for r in snap["chunks"]]
    assert len(chunk_ids) == len(set(chunk_ids)), "duplicate chunks"
    assert sorted(chunk_ids) == snap["dense"], "dense and keyword sides differ"
    assert snap["fts"][0] == snap["fts"][1] == len(chunk_ids)
    assert snap["stats"]["consistent"] and snap["stats"]["pending"] == 0
    article_ids = {a[0] for a in snap["articles"]}
    assert {r[1] for r in snap["chunks"]} <= article_ids, "orphan chunks"


@pytest.fixture()
def folder(tmp_path) -> Path:
    write_articles(tmp_path / "news", 12)
    return tmp_path / "news"


def test_reingest_of_unchanged_articles_embeds_nothing(tmp_path, folder):
    store = Store.open(tmp_path / "idx", create=True)
    first = ingest([str(folder)], store=store)
    assert (first.added, first.updated, first.chunks_embedded > 0, first.failed) == (12, 0, True, [])
    before = snapshot(tmp_path / "idx")
    second = ingest([str(folder)], store=store)
    assert (second.added, second.updated, second.unchanged, second.chunks_embedded) == (0, 0, 12, 0)
    assert snapshot(tmp_path / "idx") == before
    assert_consistent(before)


def test_changed_article_replaces_its_chunks_without_duplicates(tmp_path, folder):
    store = Store.open(tmp_path / "idx", create=True)
    ingest([str(folder)], store=store)
    target = folder / "article_003.md"
    target.write_text(target.read_text().replace("officials said.", "officials said. A new sentence was added.", 1))
    summary = ingest([str(folder)], store=store)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 11)
    snap = snapshot(tmp_path / "idx")
    assert_consistent(snap)
    texts = [r[0] for r in store.db.execute("SELECT text FROM chunks_fts")]
    assert sum("A new sentence was added." in t for t in texts) >= 1
    assert len(snap["articles"]) == 12


def test_sync_removes_articles_whose_files_are_gone(tmp_path, folder):
    store = Store.open(tmp_path / "idx", create=True)
    ingest([str(folder)], store=store)
    (folder / "article_000.md").unlink()
    (folder / "article_001.md").unlink()
    no_sync = ingest([str(folder)], store=store)
    assert no_sync.removed == 0 and store.stats().articles == 12
    synced = ingest([str(folder)], store=store, sync=True)
    assert synced.removed == 2
    snap = snapshot(tmp_path / "idx")
    assert_consistent(snap)
    assert snap["stats"]["articles"] == 10


def test_bad_input_is_reported_and_loses_nothing(tmp_path, folder):
    store = Store.open(tmp_path / "idx", create=True)
    ingest([str(folder)], store=store)
    before = snapshot(tmp_path / "idx")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (bad / "records.jsonl").write_text(
        '{"title": "ok", "body": "A fine body of text about the summit.", "url": "https://x/1"}\n{broken\n'
    )
    (bad / "notes.docx").write_bytes(b"PK\x03\x04")
    summary = ingest([str(bad)], store=store)
    errors = {Path(f["path"].split(":")[0]).name: f["error"] for f in summary.failed}
    assert {"empty.txt", "binary.txt", "records.jsonl", "notes.docx"} <= set(errors), summary.failed
    assert "line 2" in json.dumps(summary.failed)
    assert summary.added == 1  # the good JSONL line still loads
    after = snapshot(tmp_path / "idx")
    assert set(before["dense"]) <= set(after["dense"]) and after["stats"]["articles"] == 13
    assert_consistent(after)


def test_a_file_broken_by_an_edit_keeps_its_articles_under_sync(tmp_path, folder):
    store = Store.open(tmp_path / "idx", create=True)
    ingest([str(folder)], store=store)
    (folder / "article_005.md").write_bytes(b"\x00\x00 corrupted")
    summary = ingest([str(folder)], store=store, sync=True)
    assert summary.removed == 0 and len(summary.failed) == 1
    assert store.stats().articles == 12


def test_same_article_twice_in_one_run_is_stored_once(tmp_path):
    records = [
        {"title": "Same", "body": "The same article body, long enough to index.", "url": "https://example.com/same"}
    ] * 2
    (tmp_path / "dups.json").write_text(json.dumps(records))
    store = Store.open(tmp_path / "idx", create=True)
    summary = ingest([str(tmp_path / "dups.json")], store=store)
    assert summary.added == 1 and any("duplicate" in w["error"] for w in summary.warnings)
    assert_consistent(snapshot(tmp_path / "idx"))


def _ingest_process(folder: Path, index: Path) -> subprocess.Popen:
    env = {**os.environ, "NEWSRAG_INGEST_BATCH": "8"}  # many small transactions: more places to be killed in
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "ingest", str(folder), "--index", str(index), "--json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _articles_written(index: Path) -> int:
    try:
        with sqlite3.connect(index / "newsrag.sqlite", timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_and_resume(folder: Path, index: Path, rng: random.Random, kills: int) -> None:
    """SIGKILL `newsrag ingest` `kills` times at random moments once it has started writing, then let it finish."""
    for _ in range(kills):
        proc = _ingest_process(folder, index)
        deadline = time.time() + 300
        while _articles_written(index) == 0 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
    result = run_cli("ingest", str(folder), "--index", str(index), "--json")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow  # five `newsrag ingest` starts, each loading the encoder; test_reliability.py has the core-suite twin
def test_sigkill_at_random_moments_then_rerun_equals_a_clean_run(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 40, seed=7)
    clean = tmp_path / "clean"
    assert run_cli("ingest", str(folder), "--index", str(clean), "--json").returncode == 0
    expected = snapshot(clean)
    assert_consistent(expected)

    resumed = tmp_path / "resumed"
    kill_and_resume(folder, resumed, random.Random(2023), kills=3)
    got = snapshot(resumed)
    assert_consistent(got)
    assert got == expected
