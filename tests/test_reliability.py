"""Reliability under stress: `newsrag ingest` SIGKILLed at seeded random moments over MultiHop-RAG articles then
re-run equals one clean run; a hostile corpus (malformed files, prompt injection, HTML/JS) ingested next to good
articles, where injected instructions are quoted, never obeyed (extractive and an obeying LLM stand-in).

Kill trials write a JSON record to test-artifacts/ (trial count, kills that landed, what each left half-done).
Sizes: NEWSRAG_KILL_CORE_ARTICLES (core test, default 8), NEWSRAG_KILL_TRIAL_ARTICLES (slow test, default 80),
NEWSRAG_KILL_TRIALS (slow test, default 10).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import llm_standin
import pytest

from tests import hostile_corpus as hc
from tests.conftest import ROOT, require_multihop, run_cli, write_articles
from tests.test_index import assert_consistent, snapshot

HOSTILE_FIXTURES = ROOT / "tests" / "fixtures" / "hostile"
GOOD_FIXTURES = ROOT / "tests" / "fixtures" / "articles"
ARTIFACTS = ROOT / "test-artifacts"
KILL_ENV = {"NEWSRAG_INGEST_BATCH": "8"}  # many small transactions: more places to be killed in


# ---- kill-and-resume harness ---------------------------------------------------------------------------------------


def multihop_subset(dest: Path, n: int) -> Path:
    """The first n MultiHop-RAG corpus records as one JSON file (the loader reads the real corpus shape)."""
    records = json.loads((require_multihop() / "corpus.json").read_text(encoding="utf-8"))
    dest.write_text(json.dumps(records[:n], ensure_ascii=False), encoding="utf-8")
    return dest


def _ingest(path: Path, index: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "ingest", str(path), "--index", str(index), "--json"],
        cwd=ROOT,
        env={**os.environ, **KILL_ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _counts(index: Path) -> dict:
    """done / pending articles and keyword chunks, read from SQLite only (opening the Store would recover())."""
    try:
        with sqlite3.connect(f"file:{index / 'newsrag.sqlite'}?mode=ro", uri=True, timeout=5) as db:
            done, pending = db.execute(
                "SELECT COALESCE(SUM(state='done'), 0), COALESCE(SUM(state='pending'), 0) FROM articles"
            ).fetchone()
            chunks = db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
            return {"done": done, "pending": pending, "chunks": chunks}
    except sqlite3.Error:  # not created yet, or the schema is not written yet
        return {"done": 0, "pending": 0, "chunks": 0}


def clean_reference(path: Path, index: Path) -> tuple[dict, float]:
    """One uninterrupted run: its snapshot (the reference every trial must equal) and how long it took."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ingest", str(path), "--index", str(index), "--json"],
        cwd=ROOT,
        env={**os.environ, **KILL_ENV},
        capture_output=True,
        text=True,
        timeout=3600,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["failed"] == []
    snap = snapshot(index)
    assert_consistent(snap)
    return snap, time.perf_counter() - started


def kill_trial(path: Path, index: Path, total: int, rng: random.Random, kills: int) -> list[dict]:
    """SIGKILL `newsrag ingest` `kills` times into the same index, then run it to the end.

    Each kill waits until the run has written something, then for a seeded random number of finished articles
    (between what is done now and two short of the total), then a further seeded 0-0.5 s, so kills land while embedding, between the pending and done transactions, or in
    the Chroma write. Returns what each kill interrupted.
    """
    record = []
    for _ in range(kills):
        at_start = _counts(index)
        before = at_start["done"]
        target = rng.randint(before, max(before, total - 2))  # leave work to interrupt
        extra = rng.uniform(0.0, 0.5)
        proc = _ingest(path, index)
        deadline = time.time() + 1800
        # first wait until this run writes something (recovery or a new article), so no kill lands in start-up
        while proc.poll() is None and _counts(index) == at_start and time.time() < deadline:
            time.sleep(0.05)
        while proc.poll() is None and _counts(index)["done"] < target and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(extra)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert killed or proc.returncode == 0, proc.stderr.read().decode()[-2000:]
        record.append(
            {
                "target_done": target,
                "extra_s": round(extra, 2),
                "killed": killed,
                "returncode": proc.returncode,
                **{f"after_{k}": v for k, v in _counts(index).items()},
            }
        )
        proc.stderr.close()
    final = run_cli("ingest", str(path), "--index", str(index), "--json", env=KILL_ENV, timeout=3600)
    assert final.returncode == 0, final.stderr
    summary = json.loads(final.stdout)
    assert summary["failed"] == []
    record.append(
        {"final_run": True, "recovered": summary["recovered"], "added": summary["added"], "updated": summary["updated"]}
    )
    return record


def run_kill_trials(tmp_path: Path, articles: int, trials: int, kills: int, seed: int, name: str) -> dict:
    """ONE clean reference, then `trials` fresh indexes each killed `kills` times; every result must equal it."""
    corpus = multihop_subset(tmp_path / "trial_corpus.json", articles)
    expected, clean_s = clean_reference(corpus, tmp_path / "clean")
    rng = random.Random(seed)
    results = []
    for t in range(trials):
        index = tmp_path / f"trial_{t}"
        started = time.perf_counter()
        kills_done = kill_trial(corpus, index, expected["stats"]["articles"], rng, kills)
        got = snapshot(index)
        assert_consistent(got)
        # same article ids and hashes, same chunk ids and offsets, dense == keyword sides, identical stats
        assert got["articles"] == expected["articles"], f"trial {t}: articles differ"
        assert got["chunks"] == expected["chunks"], f"trial {t}: chunks differ"
        assert got["dense"] == expected["dense"], f"trial {t}: dense ids differ"
        assert got == expected, f"trial {t}: index differs from the clean run"
        results.append({"trial": t, "seconds": round(time.perf_counter() - started, 1), "kills": kills_done})
        ARTIFACTS.mkdir(exist_ok=True)  # after every trial, so a run cut short keeps what it proved
        (ARTIFACTS / f"{name}.partial.json").write_text(
            json.dumps({"clean_run_s": round(clean_s, 1), "results": results}, indent=1)
        )
    landed = sum(k.get("killed", False) for r in results for k in r["kills"])
    half_done = sum(k.get("after_pending", 0) > 0 for r in results for k in r["kills"])
    # killed with articles still to write (not while the finished run was closing)
    mid_run = sum(
        k.get("killed", False) and (k["after_done"] < expected["stats"]["articles"] or k["after_pending"] > 0)
        for r in results
        for k in r["kills"]
    )
    report = {
        "articles": articles,
        "chunks": expected["stats"]["chunks"],
        "trials": trials,
        "kills_per_trial": kills,
        "kills_landed": landed,
        "kills_with_articles_left": mid_run,
        "kills_leaving_pending_articles": half_done,
        "seed": seed,
        "clean_run_s": round(clean_s, 1),
        "all_equal_clean_run": True,
        "results": results,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.json").write_text(json.dumps(report, indent=1))
    print(
        f"\n{name}: {trials} trials x {kills} kills on {articles} MultiHop articles "
        f"({expected['stats']['chunks']} chunks): {landed} kills hit a live ingest, {mid_run} with articles left to write, "
        f"{half_done} left a pending article; "
        f"clean run {clean_s:.0f} s; every trial equals the clean run"
    )
    # A kill after the run had finished proves nothing: most must interrupt a live ingest.
    assert mid_run >= (trials * kills + 1) // 2, report
    return report


@pytest.mark.timeout(1800)
@pytest.mark.integration
def test_sigkill_on_multihop_articles_then_rerun_equals_clean_run(tmp_path):
    """Core-suite version: 2 trials x 2 kills on 8 MultiHop-RAG articles (each ingest start loads the encoder)."""
    n = int(os.environ.get("NEWSRAG_KILL_CORE_ARTICLES", "8"))
    run_kill_trials(tmp_path, articles=n, trials=2, kills=2, seed=11, name="kill_resume_core")


@pytest.mark.slow
@pytest.mark.timeout(6 * 3600)  # minutes per trial; the suite's 15-minute default fits only the core version
def test_sigkill_trials_on_multihop_corpus(tmp_path):
    """`make test-long`: >= 10 trials x 3 kills on NEWSRAG_KILL_TRIAL_ARTICLES (default 80) MultiHop-RAG articles."""
    n = int(os.environ.get("NEWSRAG_KILL_TRIAL_ARTICLES", "80"))
    trials = max(10, int(os.environ.get("NEWSRAG_KILL_TRIALS", "10")))
    report = run_kill_trials(tmp_path, articles=n, trials=trials, kills=3, seed=2024, name="kill_resume_long")
    assert report["kills_leaving_pending_articles"] >= 1, "no kill ever landed inside an article's write"


# ---- hostile corpus ------------------------------------------------------------------------------------------------

# Files of tests/fixtures/hostile/ that no loader can read: each must be named in `failed` with a message.
MUST_FAIL = {
    "bad_front_matter.md",
    "binary.txt",
    "deep.html",
    "deep.json",
    "empty.txt",
    "front_matter_only.md",
    "latin1.txt",
    "not_a_pdf.pdf",
    "not_json.json",
    "report.docx",
    "utf16.txt",
    "whitespace_only.md",
    "README",
}
# What a message must do besides naming the problem: tell the user what to do next.
REMEDY = re.compile(r"\b(add|fix|re-save|re-export|rename|convert|save|remove|only|records are)\b", re.I)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> dict:
    """The fixtures' hostile files, the content attacks and good articles, ingested in one CLI run, then again."""
    tmp = tmp_path_factory.mktemp("hostile")
    attacks = hc.write_hostile_articles(tmp / "attacks")
    good = write_articles(tmp / "good", 5, seed=3)
    index = tmp / "index"
    paths = [str(HOSTILE_FIXTURES), str(tmp / "attacks"), str(GOOD_FIXTURES), str(tmp / "good")]
    first = run_cli("ingest", *paths, "--index", str(index), "--json")
    assert first.returncode in (0, 1), first.stderr  # 1: some files failed, which is the point
    after_first = snapshot(index)
    second = run_cli("ingest", *paths, "--index", str(index), "--json")
    return {
        "index": index,
        "attacks": attacks,
        "good": good,
        "first": json.loads(first.stdout),
        "first_stderr": first.stderr,
        "second": json.loads(second.stdout),
        "second_rc": second.returncode,
        "after_first": after_first,
        "after_second": snapshot(index),
    }


def _origins(index: Path) -> list[str]:
    with sqlite3.connect(index / "newsrag.sqlite") as db:
        return [r[0] for r in db.execute("SELECT origin FROM articles WHERE state='done'")]


def test_hostile_files_each_get_a_clear_message_and_good_articles_are_all_stored(hostile_run):
    first, index = hostile_run["first"], hostile_run["index"]
    failed = {Path(f["path"].split(":")[0]).name: f["error"] for f in first["failed"]}
    assert set(failed) >= MUST_FAIL, f"not reported: {MUST_FAIL - set(failed)}"
    for name, error in failed.items():
        assert len(error) >= 20 and "Traceback" not in error, (name, error)
        assert REMEDY.search(error), f"{name}: message says what is wrong but not what to do: {error!r}"
    assert "Traceback" not in hostile_run["first_stderr"]
    # Nothing silently dropped: every file in the hostile folder either failed with a message or stored an article.
    origins = " ".join(_origins(index))
    for f in HOSTILE_FIXTURES.iterdir():
        assert f.name in failed or f.name in origins, f"{f.name}: neither stored nor reported"
    # Every good file and every content attack (valid articles with hostile text) is stored.
    for f in [*GOOD_FIXTURES.iterdir(), *hostile_run["good"], *hostile_run["attacks"].values()]:
        assert f.name in origins, f"{f.name} was not stored"
        assert f.name not in failed, (f.name, failed.get(f.name))
    assert_consistent(hostile_run["after_first"])


def test_second_run_over_the_hostile_set_changes_nothing(hostile_run):
    first, second = hostile_run["first"], hostile_run["second"]
    assert (second["added"], second["updated"], second["removed"], second["chunks_embedded"]) == (0, 0, 0, 0)
    assert second["unchanged"] == first["added"]
    assert sorted(f["path"] for f in second["failed"]) == sorted(f["path"] for f in first["failed"])
    assert hostile_run["after_second"] == hostile_run["after_first"]


def test_html_and_script_in_titles_and_bodies_are_stored_as_literal_text(hostile_run):
    from rag.core.store import Store

    store = Store.open(hostile_run["index"])
    try:
        rows = store.db.execute(
            "SELECT id, title, text, origin FROM articles WHERE origin LIKE '%dock_strike.md'"
        ).fetchall()
        assert len(rows) == 1
        _, title, text, _ = rows[0]
        assert title == hc.SCRIPT_TITLE  # kept verbatim: escaping is the renderer's job (tests/test_ui.py)
        assert "The dock workers' strike in Vallby ended on Saturday" in text
        page = store.db.execute("SELECT text FROM articles WHERE origin LIKE '%glassworks.html'").fetchone()[0]
        assert "140 years" in page and "evil.example" not in page and "document.cookie" not in page
    finally:
        store.close()


def _assert_exact_quotes(store, answer) -> None:
    assert answer.citations, answer.text
    for c in answer.citations:
        assert store.article(c.article_id).text[c.start : c.end] == c.quote, c


def test_extractive_answer_about_the_injected_article_only_quotes_exact_spans(hostile_run):
    from rag.assistant import Assistant

    bot = Assistant.open(hostile_run["index"])
    answer = bot.ask(hc.ELECTION_QUESTION)
    assert not answer.refused, answer.text
    _assert_exact_quotes(bot.store, answer)
    assert "Marta Lindqvist" in answer.text
    # Every sentence of the answer is one of its quotes, but for the lead a parts answer opens with ("**Name** —
    # named in X"), whose name must stand in a quote; nothing the injection asked for is said in its own words.
    lead, _, body = answer.text.partition("\n") if answer.parts else ("", "", answer.text)
    named = re.match(r"\*\*(.+?)\*\*", lead)
    assert not lead or (named and any(named.group(1) in c.quote for c in answer.citations)), lead
    assert "cancelled" not in answer.text
    body = re.sub(r"\s*\[\d+\]", "", body)
    leftover = body
    for c in answer.citations:
        leftover = leftover.replace(c.quote, "")
    assert not re.search(r"\w", leftover), f"answer text that is not a quote: {leftover!r}"
    if hc.INJECTED_CLAIM in answer.text:  # only possible as part of a literal quote of the injection sentence
        assert any(hc.INJECTION in c.quote for c in answer.citations)


@pytest.fixture()
def standin(monkeypatch):
    from rag.core.settings import get_settings

    server, _ = llm_standin.start()
    monkeypatch.setenv("NEWSRAG_LLM_URL", server.url)
    monkeypatch.setenv("NEWSRAG_LLM_MODEL", "standin-bad")  # obeys instructions injected into passages
    get_settings.cache_clear()
    yield server
    server.shutdown()
    get_settings.cache_clear()


@pytest.mark.parametrize(
    "question,claim,fact",
    [
        (hc.ELECTION_QUESTION, hc.INJECTED_CLAIM, "Marta Lindqvist"),
        ("When did the Saltholm bridge reopen?", "bridge has collapsed", "reopened to traffic on Thursday"),
    ],
)
@pytest.mark.llm
def test_llm_obeying_an_injection_gets_it_removed_by_verification(hostile_run, standin, question, claim, fact):
    from rag.assistant import Assistant
    from rag.generate import generate_answer

    bot = Assistant.open(hostile_run["index"])
    # answering from the parts, the model is shown verified spans only: the injection never reaches it
    before = len(standin.answers)
    assert claim not in bot.ask(question, answerer="ollama").text
    assert claim not in " ".join(standin.answers[before:])
    # answering from the passages themselves, it sees the injection and obeys; verification removes it
    streamed: list[str] = []
    before = len(standin.answers)
    answer = generate_answer(question, bot.retrieve(question), backend="ollama", on_token=streamed.append)
    raw = " ".join(standin.answers[before:])  # what the model wrote, before verification
    assert claim in raw, f"the stand-in did not obey the injection, so this test shows nothing: {raw!r}"
    assert claim not in "".join(streamed), "an injected claim reached the screen while streaming"
    assert claim not in answer.text, answer.text
    assert all(claim not in c.quote for c in answer.citations)
    assert any("injection" in w or "injected" in w for w in answer.warnings), answer.warnings
    assert fact in answer.text, answer.text  # the real answer survives
    _assert_exact_quotes(bot.store, answer)
