"""Concurrent users against the real `newsrag chat` server (a child process on a free loopback port).

Each simulated user is its own gradio_client.Client (own session) asking its own questions, "What happened in city
N on day D?", about the synthetic articles of tests/conftest.py `write_articles` (article N mentions only city N).
Each user first asks alone (the reference); then all ask at once; then each alone again (the upload may change some
answers). Any answer under load that equals neither answer given alone (text or cited spans), a /ask reply naming another question, or a chat history holding another user's question, is
cross-talk. At least 90% of answers must cite the asker's own city (the questions are answerable).
One upload runs in the middle (it takes the index's write lock while answers are in flight) and its article must
be answerable at once. Latency p50/p95 per request are printed; there are no timing assertions.

Core suite: 5 users x 3 questions. `make test-long`: 20 users x 10 questions.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, free_port, run_cli, stop_process, write_articles
from tests.test_ui import text_of

pytestmark = pytest.mark.integration  # every test here drives a served app

CITIES = 20
TOWNS = {"core": "Kvarnby", "long": "Lillby"}  # one new article per variant, so both can run against one server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`newsrag chat` over corpus/ + 20 synthetic articles; yields its URL and index; stopped at the end."""
    tmp = tmp_path_factory.mktemp("concurrency")
    write_articles(tmp / "synthetic", CITIES, seed=5)
    index = tmp / "index"
    ingested = run_cli("ingest", str(CORPUS), str(tmp / "synthetic"), "--index", str(index), "--json")
    assert ingested.returncode == 0, ingested.stderr
    port = free_port()
    log = (tmp / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "chat", "--index", str(index), "--port", str(port)],
        cwd=ROOT,
        env={**os.environ, "NEWSRAG_INDEX": str(index)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 600
    while True:
        assert proc.poll() is None, (tmp / "server.log").read_text()[-3000:]
        try:
            if httpx.get(url + "config", timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.time() < deadline, "newsrag chat did not answer HTTP within 10 minutes"
        time.sleep(0.5)
    yield {"url": url, "index": index, "tmp": tmp, "log": tmp / "server.log"}
    stop_process(proc)
    log.close()


def _mentions_city(city: int, quotes: list[str]) -> bool:
    return any(f"in city {city} drew" in q for q in quotes)


def _user(url: str, user: int, questions: int, use_chat: bool, latencies: list, errors: list, answers: dict) -> None:
    """One browser tab's worth of questions; every problem goes to `errors` (threads cannot fail the test).

    answers[(user, question)] gets what identifies the answer: its text and cited spans (/ask), or the chat's
    answer messages (/chat, whose session carries the earlier turns); answers[(user, question, "own city")] whether
    a quote is about the asker's city.
    """
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as exc:  # noqa: BLE001 - any failure to connect is a test error, reported below
        errors.append(f"user {user}: cannot connect: {type(exc).__name__}: {exc}")
        return
    city = user % CITIES
    asked: list[str] = []
    for day in range(questions):
        question = f"What happened in city {city} on day {day}?"
        started = time.perf_counter()
        try:
            if use_chat:
                chat, _, panel, status = client.predict(question, "All outlets", "", "", "extractive", api_name="/chat")
                latencies.append((time.perf_counter(), time.perf_counter() - started))  # (finished at, took)
                asked.append(question)
                users = [text_of(m) for m in chat if m["role"] == "user"]
                if users != asked:
                    errors.append(f"user {user}: chat history {users} is not this user's questions {asked}")
                    continue
                last_user = max(i for i, m in enumerate(chat) if m["role"] == "user")
                answers[(user, question)] = [text_of(m) for m in chat[last_user + 1 :]]
                quotes = re.findall(r"<mark>(.*?)</mark>", panel, re.S)
                answers[(user, question, "own city")] = status.startswith("Answered") and _mentions_city(city, quotes)
            else:
                result = client.predict(question, api_name="/ask")
                latencies.append((time.perf_counter(), time.perf_counter() - started))  # (finished at, took)
                if result["question"] != question:
                    errors.append(f"user {user}: asked {question!r}, got the answer to {result['question']!r}")
                    continue
                quotes = [c["quote"] for c in result["citations"]]
                answers[(user, question)] = [result["answer"]] + [
                    f"{c['article_id']}:{c['start']}-{c['end']}" for c in result["citations"]
                ]
                answers[(user, question, "own city")] = not result["refused"] and _mentions_city(city, quotes)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"user {user}, {question!r}: {type(exc).__name__}: {exc}")


def upload_fact(town: str) -> str:
    return f"The {town} tram line will open on 14 June with 11 stops"


def _upload(url: str, folder: Path, town: str, delay: float, out: dict) -> None:
    from gradio_client import Client, handle_file

    time.sleep(delay)
    article = folder / f"{town} tram.md"
    article.write_text(
        f"---\ntitle: {town} tram opens in June\nsource: {town} Post\npublished: 2024-03-01\n---\n"
        f"{upload_fact(town)}, the transport office said. Tickets will cost 25 kroner.\n"
    )
    started = time.perf_counter()
    try:
        client = Client(url, verbose=False)
        _, out["summary"], _ = client.predict([handle_file(str(article))], api_name="/upload")
        out["seconds"] = time.perf_counter() - started
        out["finished_at"] = time.perf_counter()
        out["answer"] = client.predict(f"When will the {town} tram line open?", api_name="/ask")
    except Exception as exc:  # noqa: BLE001
        out["error"] = f"{type(exc).__name__}: {exc}"


def run_users(server: dict, users: int, questions: int, variant: str) -> dict:
    """Every user's questions once alone (the reference), then all users at once plus an upload."""
    town = TOWNS[variant]
    url = server["url"]
    reference: dict = {}
    alone: list[float] = []
    errors: list[str] = []
    for u in range(users):  # one at a time: what each user must get, with nobody else around
        _user(url, u, questions, u % 4 == 3, alone, errors, reference)
    assert errors == [], "\n".join(errors[:20])
    # The questions are answerable: nearly every answer cites the asker's own city (the answerer, not concurrency,
    # decides the rest; an answer that differs from its reference below is what cross-talk would look like).
    own = [v for k, v in reference.items() if k[-1] == "own city"]
    assert sum(own) >= 0.9 * len(own), f"only {sum(own)} of {len(own)} answers cite the asker's city"

    latencies: list[float] = []
    answers: dict = {}
    upload: dict = {}
    threads = [
        threading.Thread(target=_user, args=(url, u, questions, u % 4 == 3, latencies, errors, answers))
        for u in range(users)
    ]
    uploader = threading.Thread(target=_upload, args=(url, server["tmp"], town, 3.0, upload))
    started = time.perf_counter()
    for t in [*threads, uploader]:
        t.start()
    for t in [*threads, uploader]:
        t.join(timeout=3600)
    wall = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads), "a user thread hung"
    assert errors == [], "\n".join(errors[:20]) + f"\n({len(errors)} errors)"
    assert len(latencies) == users * questions
    # The upload changes the index (keyword statistics, a new passage), so an answer may legitimately change once
    # it is in: ask everything alone once more. No cross-talk = each answer under load equals what that user got
    # alone before or after the upload (same text, same cited spans).
    after: dict = {}
    for u in range(users):
        _user(url, u, questions, u % 4 == 3, [], errors, after)
    assert errors == [], "\n".join(errors[:20])
    differ = [k for k in reference if answers.get(k) not in (reference[k], after.get(k))]
    assert not differ, (
        f"{len(differ)} answers under load match neither answer given alone, e.g. {differ[0]}: "
        f"{answers.get(differ[0])} vs {reference[differ[0]]} / {after.get(differ[0])}"
    )
    changed_by_upload = sum(reference[k] != after.get(k) for k in reference)
    assert "error" not in upload, upload
    assert "Added 1" in upload["summary"], upload["summary"]
    assert (server["index"] / "uploads" / f"{town} tram.md").is_file()
    assert any(upload_fact(town) in c["quote"] for c in upload["answer"]["citations"]), upload["answer"]
    lat = sorted(took for _, took in latencies)
    # an upload takes the write lock; how many answers finished after it shows whether it waited for the queue
    after_upload = sum(at > upload["finished_at"] for at, _ in latencies)
    p50 = statistics.median(lat)
    p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
    print(
        f"\nconcurrency ({variant}): {users} users x {questions} questions = {len(lat)} answers + 1 upload, 0 errors, "
        f"all equal to the answers given alone ({changed_by_upload} of which changed by the upload; {sum(own)}/{len(own)} "
        f"cite the asker's city); latency p50 {p50:.2f} s, p95 {p95:.2f} s, max {lat[-1]:.2f} s "
        f"(alone: p50 {statistics.median(t for _, t in alone):.2f} s); wall {wall:.1f} s; upload took {upload['seconds']:.1f} s, "
        f"{after_upload} answers finished after it"
    )
    return {"p50": p50, "p95": p95, "wall": wall, "answers_after_upload": after_upload}


def test_five_users_three_questions_each_no_errors_no_cross_talk(server):
    run_users(server, users=5, questions=3, variant="core")


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_twenty_users_ten_questions_each_no_errors_no_cross_talk(server):
    run_users(server, users=20, questions=10, variant="long")
