"""Provenance: every article records where it came from; an upload never replaces an article from another origin;
every replacement and removal is logged in <index>/changes.jsonl and shown by `newsrag stats`; an index written
before provenance is migrated on open without losing anything."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.index import ingest
from rag.core.store import Store
from ui.uploads import check_and_store, ingest_uploads

try:
    from conftest import free_port, run_cli
except ImportError:  # pragma: no cover
    from tests.conftest import free_port, run_cli

URL = "https://news.example/2024/03/harbour-bridge"
ORIGINAL = f"""---
title: Harbour bridge reopens
date: 2024-03-01
source: City Gazette
url: {URL}
---
The harbour bridge reopened on Friday after two years of repairs, the city said.
Engineers replaced every cable and most of the deck.
"""
FORGED = ORIGINAL.replace("reopened on Friday after two years of repairs", "collapsed on Friday, killing forty people")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def upload(store: Store, tmp: Path, name: str, text: str, uploader: str = "") -> dict:
    src = write(tmp / "browser" / name, text)
    checked = check_and_store([(str(src), name)], store.directory / "uploads", uploader=uploader)
    return ingest_uploads(checked, store, uploader=uploader)


def stored_text(store: Store) -> list[str]:
    return sorted(store.article(i).text for i in store.article_ids())


@pytest.fixture()
def index(tmp_path: Path) -> tuple[Store, Path]:
    """An index holding one article the operator ingested from a file."""
    source = write(tmp_path / "corpus" / "bridge.md", ORIGINAL)
    store = Store.open(tmp_path / "index", create=True)
    assert ingest([str(source)], store=store).added == 1
    return store, source


def test_each_article_records_its_origin_kind_and_time(index, tmp_path):
    store, source = index
    upload(
        store, tmp_path, "ferry.md", "Ferry timetable changes\n\nThe ferry now leaves at seven every morning.", "alice"
    )
    records = store.provenance(store.article_ids())
    by_kind = {r["origin_kind"]: r for r in records.values()}
    assert set(by_kind) == {"file", "upload"}
    assert by_kind["file"]["origin"] == str(source.resolve()) and by_kind["file"]["uploader"] == ""
    assert by_kind["upload"]["uploader"] == "alice"
    assert by_kind["upload"]["origin"] == str((store.directory / "uploads" / "alice" / "ferry.md").resolve())
    assert all(r["ingested_at"].endswith("+00:00") and r["ingested_at"][:2] == "20" for r in records.values())


def test_an_upload_with_a_stored_url_is_refused_and_changes_nothing(index, tmp_path):
    store, _ = index
    before = stored_text(store)
    summary = upload(store, tmp_path, "bridge.md", FORGED, "mallory")
    assert summary["added"] == summary["updated"] == 0
    (failure,) = summary["failed"]
    assert failure["name"] == "bridge.md"
    assert "an upload never replaces an article from another origin" in failure["error"]
    assert f"the URL {URL}" in failure["error"] and "a file the operator ingested" in failure["error"]
    assert str(tmp_path) not in failure["error"]  # the operator's path is not shown to an uploader
    assert stored_text(store) == before
    assert store.changes() == (0, [])


def test_uploads_update_only_the_same_uploaders_same_file(index, tmp_path):
    store, _ = index
    story = "Library hours\n\nThe central library opens at nine on weekdays."  # no url: the id comes from the file
    first = upload(store, tmp_path, "library.md", story, "alice")
    assert first["added"] == 1
    # alice re-uploads her file: an update, logged
    second = upload(store, tmp_path, "library.md", story.replace("nine", "ten"), "alice")
    assert second["updated"] == 1 and second["failed"] == []
    count, (change,) = store.changes()
    assert count == 1 and change["action"] == "replaced" and change["changed"] == ["text"]
    assert (
        change["old_kind"] == change["new_kind"] == "upload"
        and change["old_uploader"] == change["new_uploader"] == "alice"
    )
    assert change["old_hash"] != change["new_hash"] and len(change["new_hash"]) == 64
    # bob's file of the same name is his own article, in his own folder; alice's stays as she left it
    third = upload(store, tmp_path, "library.md", story.replace("nine", "eleven"), "bob")
    assert third["added"] == 1
    texts = stored_text(store)
    assert any("opens at ten" in t for t in texts) and any("opens at eleven" in t for t in texts)
    assert (store.directory / "uploads" / "alice" / "library.md").read_text().count("ten") == 1


def test_an_upload_cannot_take_over_another_users_upload(index, tmp_path):
    store, _ = index
    mine = "---\ntitle: Market day\nurl: https://news.example/market\n---\nThe market moves to Saturdays from May."
    assert upload(store, tmp_path, "market.md", mine, "alice")["added"] == 1
    theirs = upload(store, tmp_path, "market.md", mine.replace("Saturdays", "never again"), "bob")
    assert "an upload of 'market.md' by alice" in theirs["failed"][0]["error"]
    anonymous = upload(store, tmp_path, "market2.md", mine.replace("Saturdays", "Mondays"))
    assert "an upload never replaces" in anonymous["failed"][0]["error"]
    assert any("moves to Saturdays" in t for t in stored_text(store))
    assert store.changes()[0] == 0


def test_cli_ingest_keeps_update_semantics_and_stats_shows_the_log(index, tmp_path):
    store, source = index
    upload(
        store,
        tmp_path,
        "ferry.md",
        "---\ntitle: Ferry\nurl: https://news.example/ferry\n---\nThe ferry is late.",
        "ann",
    )
    store.close()  # from here on only the console script writes
    write(source, ORIGINAL.replace("Engineers replaced", "Engineers from Oslo replaced"))
    env = {"NEWSRAG_INDEX": str(store.directory)}
    result = run_cli("ingest", str(source), "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["updated"] == 1
    # the operator may also replace an upload (and it is logged as such)
    write(
        tmp_path / "corpus" / "ferry.md",
        "---\ntitle: Ferry\nurl: https://news.example/ferry\n---\nThe ferry is on time.",
    )
    assert run_cli("ingest", str(tmp_path / "corpus" / "ferry.md"), env=env).returncode == 0
    (tmp_path / "corpus" / "ferry.md").unlink()
    assert run_cli("ingest", str(tmp_path / "corpus"), "--sync", env=env).returncode == 0
    stats = run_cli("stats", "--json", env=env)
    data = json.loads(stats.stdout)
    assert data["changes"] == 3
    replaced_file, replaced_upload, removed = data["recent_changes"]
    assert replaced_file["changed"] == ["text"] and replaced_file["old_origin"] == replaced_file["new_origin"]
    assert (replaced_upload["old_kind"], replaced_upload["old_uploader"], replaced_upload["new_kind"]) == (
        "upload",
        "ann",
        "file",
    )
    assert removed["action"] == "removed" and removed["title"] == "Ferry" and removed["new_hash"] == ""
    text = run_cli("stats", env=env).stdout
    assert "changes: 3 article(s) replaced or removed" in text and "removed 'Ferry'" in text


def test_an_index_from_before_provenance_is_migrated_without_loss(index, tmp_path):
    store, source = index
    old = tmp_path / "old_index"
    store.close()
    shutil.copytree(store.directory, old)
    db = sqlite3.connect(old / "newsrag.sqlite")
    for column in ("origin_kind", "uploader", "ingested_at", "published_instant"):
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")  # the schema-1 layout as first shipped
    db.commit()
    rows_before = db.execute("SELECT id, title, text, content_hash FROM articles").fetchall()
    db.close()

    migrated = Store.open(old)
    columns = {r[1] for r in migrated.db.execute("PRAGMA table_info(articles)")}
    assert {"origin_kind", "uploader", "ingested_at", "published_instant"} <= columns
    assert migrated.article(rows_before[0][0]).published_instant == 0  # no time known, none invented
    assert migrated.db.execute("SELECT id, title, text, content_hash FROM articles").fetchall() == rows_before
    assert migrated.stats().to_dict()["consistent"]
    assert migrated.provenance(migrated.article_ids())[rows_before[0][0]]["origin_kind"] == ""  # unknown, not invented
    # an article of unknown provenance is still protected from uploads
    refused = upload(migrated, tmp_path, "bridge.md", FORGED, "mallory")
    assert refused["failed"] and [r[2] for r in migrated.db.execute("SELECT id, title, text FROM articles")] == [
        rows_before[0][2]
    ]
    # and `ingest` of the same file still updates it
    write(source, ORIGINAL + "\nTraffic resumes on Monday.\n")
    assert ingest([str(source)], store=migrated).updated == 1


@pytest.mark.integration
def test_uploads_through_the_served_ui_record_the_login(index, tmp_path):
    from gradio_client import Client, handle_file

    from rag.assistant import Assistant
    from ui.app import build_app, launch

    store, _ = index
    app = build_app(Assistant(store))
    port = free_port()
    launch(app, port=port, auth=[("alice", "pw-a"), ("bob", "pw-b")], prevent_thread_lock=True, quiet=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        story = write(
            tmp_path / "up" / "tram.md",
            "---\ntitle: Tram line\nurl: https://news.example/tram\n---\n"
            "The new tram line opens in June with twelve stops.",
        )
        _, summary, _ = Client(url, auth=("alice", "pw-a"), verbose=False).predict(
            [handle_file(str(story))], api_name="/upload"
        )
        assert "tram.md" in summary
        write(story, story.read_text().replace("twelve", "two"))
        _, summary, _ = Client(url, auth=("bob", "pw-b"), verbose=False).predict(
            [handle_file(str(story))], api_name="/upload"
        )
        assert "an upload of &#x27;tram.md&#x27; by alice" in summary or "an upload of 'tram.md' by alice" in summary
        tram = [r for r in store.provenance(store.article_ids()).values() if r["origin"].endswith("tram.md")]
        assert [(r["origin_kind"], r["uploader"]) for r in tram] == [("upload", "alice")]
        assert any("twelve stops" in t for t in stored_text(store))
    finally:
        app.close()


def test_an_index_from_before_publication_times_gains_them_when_its_articles_are_ingested_again(tmp_path):
    import datetime as dt
    import hashlib

    source = write(
        tmp_path / "corpus" / "bridge.md", ORIGINAL.replace("date: 2024-03-01", "date: 2024-03-01T09:30:00Z")
    )
    store = Store.open(tmp_path / "index", create=True)
    assert ingest([str(source)], store=store).added == 1
    (article_id,) = store.article_ids()
    a = store.article(article_id)
    assert a.published_at == "2024-03-01"
    assert a.published_instant == int(dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC).timestamp())
    # what an index written before times holds: no time, and the hash of the fields it had then
    before = [a.title, a.text, a.source, a.author, a.published_at, a.url]
    old_hash = hashlib.sha256(json.dumps(before, ensure_ascii=False).encode()).hexdigest()
    with store.db:
        store.db.execute(
            "UPDATE articles SET published_instant = NULL, content_hash = ? WHERE id = ?", (old_hash, article_id)
        )
    assert store.article(article_id).published_instant == 0
    assert ingest([str(source)], store=store).updated == 1
    assert store.article(article_id).published_instant == a.published_instant
    # and an article without a time keeps the hash it always had: nothing to update
    plain = write(tmp_path / "corpus2" / "plain.md", ORIGINAL.replace(URL, URL + "-plain"))
    assert ingest([str(plain)], store=store).added == 1
    assert ingest([str(plain)], store=store).unchanged == 1
