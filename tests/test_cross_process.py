"""Ingest while serving, across processes: `python -m ui.cli chat` answers 10 concurrent gradio_client users while a
separate `python -m ui.cli ingest --sync` process adds, updates and removes articles in the same index.

Checked: no user sees an error; every answer during the change equals the answer to the same question before it or
after it (so none cites a half-written article); after the change the server answers exactly like a fresh process
opening the index (it sees the other process's vectors, not a stale copy). The short trial runs in the normal suite;
the long one (three ingest processes in a row, users asking throughout) is `slow`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port, run_cli, stop_process

USERS = 10
TOWNS = [
    "Ashcombe",
    "Brindlemere",
    "Caddington",
    "Dunwell",
    "Eskerby",
    "Farrowdale",
    "Glenmorrow",
    "Hatherleigh",
    "Ilsworth",
    "Jarrowfield",
    "Kelverton",
    "Lodsworth",
]
THINGS = [
    "harbour",
    "lake path",
    "concert hall",
    "airport terminal",
    "power station",
    "river bridge",
    "stadium",
    "public library",
    "water works",
    "market square",
    "ferry terminal",
    "railway station",
]


def article(n: int, version: int = 1) -> str:
    town, thing = TOWNS[n], THINGS[n]
    cost = f"{4 + n}.{version} million euros"
    extra = (
        f"\nIn a revised statement, the council of {town} said the {thing} would also open at night from July."
        if version > 1
        else ""
    )
    return (
        f"---\ntitle: {town} reopens its {thing}\nsource: County Courier\npublished: 2024-05-{n + 1:02d}\n"
        f"url: https://courier.example/{town.lower()}\n---\n"
        f"The {thing} in {town} reopened on Tuesday after a year of repairs, the town council said. "
        f"Officials in {town} said the work on the {thing} cost {cost}.{extra}\n"
        f"Residents of {town} gathered at the {thing} for the opening ceremony.\n"
    )


def question(n: int) -> str:
    return f"How much did the work on the {THINGS[n]} in {TOWNS[n]} cost?"


def shown(answer: dict) -> str:
    """What the user sees, as one comparable value (timings left out)."""
    return json.dumps(
        {
            "answer": answer["answer"],
            "refused": answer["refused"],
            "citations": [(c["article_id"], c["start"], c["end"], c["quote"]) for c in answer["citations"]],
        },
        sort_keys=True,
    )


class Server:
    def __init__(self, index: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NEWSRAG_INDEX": str(index), "OMP_NUM_THREADS": "1"}
        env.pop("NEWSRAG_UI_AUTH", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "chat", "--port", str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"chat exited: {self.proc.stdout.read()[-3000:]}")
            try:
                if httpx.get(self.url + "config", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise AssertionError("chat did not start within 300 s")

    def client(self):
        from gradio_client import Client

        return Client(self.url, verbose=False)

    def close(self) -> None:
        stop_process(self.proc)


def ask_all(client, questions: list[str]) -> dict[str, str]:
    return {q: shown(client.predict(q, "", "", "", "extractive", api_name="/ask")) for q in questions}


def run_trial(tmp_path: Path, rounds: list[dict[str, list[int]]]) -> dict:
    """Serve an index of articles 0-7, run one `ingest --sync` process per round while USERS users ask, and check."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for n in range(8):
        (corpus / f"{n:02d}.md").write_text(article(n), encoding="utf-8")
    first = run_cli("ingest", str(corpus), "--index", str(index), "--json")
    assert first.returncode == 0, first.stderr
    questions = [question(n) for n in range(len(TOWNS))]
    server = Server(index)
    errors: list[str] = []
    seen: list[tuple[str, str, int]] = []  # (question, shown answer, round it was asked in)
    try:
        states = [ask_all(server.client(), questions)]
        for number, change in enumerate(rounds, 1):
            for n in change.get("add", []):
                (corpus / f"{n:02d}.md").write_text(article(n), encoding="utf-8")
            for n in change.get("update", []):
                (corpus / f"{n:02d}.md").write_text(article(n, version=number + 1), encoding="utf-8")
            for n in change.get("remove", []):
                (corpus / f"{n:02d}.md").unlink()
            stop = threading.Event()

            def user(k: int, stop: threading.Event = stop, number: int = number) -> None:
                try:
                    client = server.client()
                except Exception as exc:  # noqa: BLE001 - any failure is an error the trial counts
                    errors.append(f"user {k} could not connect: {exc}")
                    return
                i = k
                while not stop.is_set():
                    q = questions[i % len(questions)]
                    i += 1
                    try:
                        seen.append((q, shown(client.predict(q, "", "", "", "extractive", api_name="/ask")), number))
                    except Exception as exc:  # noqa: BLE001
                        errors.append(f"user {k}: {type(exc).__name__}: {exc}")

            users = [threading.Thread(target=user, args=(k,), daemon=True) for k in range(USERS)]
            for t in users:
                t.start()
            time.sleep(3)  # users are asking before the writer starts
            started = time.perf_counter()
            result = run_cli("ingest", str(corpus), "--index", str(index), "--sync", "--json", timeout=900)
            ingest_s = time.perf_counter() - started
            time.sleep(3)  # and keep asking after it is done
            stop.set()
            for t in users:
                t.join(120)
            assert result.returncode == 0, result.stderr
            summary = json.loads(result.stdout)
            assert (summary["added"], summary["updated"], summary["removed"]) == (
                len(change.get("add", [])),
                len(change.get("update", [])),
                len(change.get("remove", [])),
            ), summary
            states.append(ask_all(server.client(), questions))
            print(f"round {number}: ingest process {ingest_s:.1f} s, {summary}")
        # a fresh process on the final index answers exactly like the server that lived through the changes
        for n in sorted({n for change in rounds for ns in change.values() for n in ns}):
            fresh = run_cli("ask", question(n), "--index", str(index), "--json")
            assert fresh.returncode == 0, fresh.stderr
            assert shown(json.loads(fresh.stdout)) == states[-1][question(n)], question(n)
    finally:
        server.close()
    inconsistent = [(q, r) for q, a, r in seen if a not in (states[r - 1][q], states[r][q])]
    changed = sum(states[0][q] != states[-1][q] for q in questions)
    report = {
        "answers": len(seen),
        "errors": errors,
        "inconsistent": len(inconsistent),
        "rounds": len(rounds),
        "questions_whose_answer_changed": changed,
        "answers_equal_to_before": sum(a == states[r - 1][q] for q, a, r in seen),
        "answers_equal_to_after": sum(a == states[r][q] and a != states[r - 1][q] for q, a, r in seen),
    }
    print("cross-process trial:", report)
    assert errors == [] and inconsistent == [], report
    assert changed >= 4  # the change is visible: this trial shows something
    return report


@pytest.mark.integration
def test_ingest_process_while_chat_serves_ten_users(tmp_path):
    report = run_trial(tmp_path, [{"add": [8, 9], "update": [1, 2], "remove": [3, 4]}])
    assert report["answers"] >= USERS


@pytest.mark.slow
@pytest.mark.integration
def test_three_ingest_processes_while_chat_serves_ten_users(tmp_path):
    report = run_trial(
        tmp_path,
        [
            {"add": [8, 9], "update": [1]},
            {"update": [2, 8], "remove": [3]},
            {"add": [10, 11], "remove": [4, 9], "update": [1]},
        ],
    )
    assert report["answers"] >= 3 * USERS


def test_a_writer_waits_for_an_answer_in_another_process(tmp_path):
    """The lock itself: a reader holding the index in one process makes a writer in another wait, never fail."""
    from rag.core.store import Store

    store = Store.open(tmp_path / "index", create=True)
    script = (
        "import sys, time; from rag.core.store import Store; s = Store.open(sys.argv[1]); print('ready', flush=True)\n"
        "t = time.perf_counter()\nwith s.rw.write(): print(f'{time.perf_counter() - t:.2f}')"
    )
    with store.rw.read():
        writer = subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path / "index")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(3)
        assert writer.poll() is None  # still waiting for our answer to finish
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert float(out) >= 2.5  # it waited for the rest of our answer, then wrote
