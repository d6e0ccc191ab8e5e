"""Resource limits, measured: each oversized input is bounded in time and memory or refused with a clear message.

Every case runs in a child process (or against a served `python -m ui.cli chat`) so its peak memory is its own;
the figures are printed for the report (README: hostile inputs). Assertions are about outcomes and memory, never
about time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port, stop_process

MB = 1_000_000


def measure(code: str, *args: str, env: dict | None = None) -> dict:
    """Run `code` (which sets `result`, a dict) in a fresh interpreter; add its wall time and peak RSS growth."""
    wrapper = textwrap.dedent("""
        import json, sys, time
        sys.path[:0] = [{root!r}, {tests!r}]
        def _peak_kb():  # VmHWM: the peak of this process only (ru_maxrss survives exec from the parent)
            return int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
        _before_kb = _peak_kb()
        _started = time.perf_counter()
        result = {{}}
        exec(compile(sys.stdin.read(), "case", "exec"))
        result["seconds"] = round(time.perf_counter() - _started, 2)
        result["peak_rss_mb"] = round(_peak_kb() / 1024)
        result["peak_rss_growth_mb"] = round((_peak_kb() - _before_kb) / 1024)
        print("RESULT " + json.dumps(result))
    """).format(root=str(ROOT), tests=str(ROOT / "tests"))
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *args],
        input=textwrap.dedent(code),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
        env={**os.environ, "OMP_NUM_THREADS": "1", **(env or {})},
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    result = json.loads(lines[-1][7:])
    print(f"\n{result}")
    return result


def test_question_of_2000_distinct_rare_words(seed_index):
    result = measure(
        """
        import random
        from rag.assistant import Assistant
        from rag.core.errors import NewsragError
        bot = Assistant.open(sys.argv[1])
        bot.ask("What did Keane say about Beijing?")  # models loaded: the case measures the question alone
        result["peak_rss_mb_before_question"] = round(_peak_kb() / 1024)
        rng, words = random.Random(7), []
        while len(" ".join(words)) < 1990:
            w = "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiouy") for _ in range(4))
            if w not in words:
                words.append(w)
        question = " ".join(words)[:2000]
        t = time.perf_counter(); answer = bot.ask(question); result["answer_seconds"] = round(time.perf_counter() - t, 2)
        result["refused"], result["chars"], result["words"] = answer.refused, len(question), len(question.split())
        try:
            bot.ask(question + " zyxwv")
        except NewsragError as exc:
            result["over_limit"] = str(exc)
    """,
        str(seed_index),
    )
    assert result["chars"] <= 2000 and result["words"] > 200
    assert "the limit is 2,000" in result["over_limit"]
    assert result["peak_rss_mb"] - result["peak_rss_mb_before_question"] < 100  # the question itself


def test_200_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(200 * MB)  # sparse: no disk used, but 200 MB to anyone who reads it
    result = measure(
        """
        from ingest.loaders import load
        problems = [p.error for p in load([sys.argv[1]])]
        result["problems"] = problems
    """,
        str(big),
    )
    (message,) = result["problems"]
    assert "200,000,000 bytes, over the 20,000,000-byte limit" in message
    assert result["peak_rss_growth_mb"] < 50  # never read into memory


def test_5000_page_pdf_is_refused_with_the_page_limit(tmp_path):
    result = measure(
        """
        from fuzz_support import make_pdf
        from pathlib import Path
        from ingest.loaders import load
        path = Path(sys.argv[1])
        path.write_bytes(make_pdf([f"Page {i}: the harbour authority approved the budget." for i in range(5000)]))
        result["pdf_bytes"] = path.stat().st_size
        result["problems"] = [p.error for p in load([str(path)])]
    """,
        str(tmp_path / "report.pdf"),
    )
    (message,) = result["problems"]
    assert "5,000 pages" in message and "up to 1,000" in message
    assert result["peak_rss_growth_mb"] < 300


def test_article_text_over_the_limit_is_refused(tmp_path):
    from ingest.loaders import load
    from ingest.loaders.common import MAX_ARTICLE_CHARS

    path = tmp_path / "book.txt"
    path.write_text("Title\n\n" + "The harbour reopened on Friday. " * (MAX_ARTICLE_CHARS // 30), encoding="utf-8")
    (problem,) = [p for p in load([str(path)]) if not hasattr(p, "id")]
    assert "over the 2,000,000-character limit per article" in problem.error and problem.fatal


class FeedServer:
    """Loopback: /feed.rss with `items` items, each linking one of 50 small article pages; counts requests."""

    def __init__(self, items: int) -> None:
        outer = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer.requests += 1
                if self.path == "/feed.rss":
                    body, kind = outer.feed, "application/rss+xml"
                else:
                    body = (
                        f"<html><head><title>Harbour news {self.path}</title></head><body><article><p>"
                        + "The harbour reopened on Friday after repairs, officials said. " * 5
                        + "</p></article></body></html>"
                    ).encode()
                    kind = "text/html"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.feed = (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Big feed</title>"
            + "".join(
                f"<item><title>Item {i}</title><link>{self.base}/item{i % 50}.html</link></item>" for i in range(items)
            )
            + "</channel></rss>"
        ).encode()
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_feed_of_100000_items_reads_only_the_first_500():
    server = FeedServer(100_000)
    try:
        result = measure(
            """
            from ingest.loaders import load, LoadProblem
            items = list(load([sys.argv[1]]))
            result["articles"] = sum(not isinstance(i, LoadProblem) for i in items)
            result["first_problem"] = next(i.error for i in items if isinstance(i, LoadProblem))
        """,
            f"{server.base}/feed.rss",
            env={"NEWSRAG_ALLOW_PRIVATE_FETCH": "1"},
        )
        result["feed_bytes"], result["requests"] = len(server.feed), server.requests
        print(result)
    finally:
        server.close()
    assert "the feed has 100,000 items; only the first 500 are fetched" in result["first_problem"]
    assert server.requests == 1 + 500  # the feed, then 500 item pages: never 100,000
    assert result["articles"] == 50  # 500 items over 50 distinct pages: duplicates are loaded once
    assert result["peak_rss_growth_mb"] < 400


# ---------------------------------------------------------------- the served UI


def _peak_rss_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) // 1024


@pytest.fixture(scope="module")
def chat(tmp_path_factory):
    index = tmp_path_factory.mktemp("limits") / "index"
    port = free_port()
    env = {**os.environ, "NEWSRAG_INDEX": str(index), "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "chat", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "config", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    yield {"url": url, "proc": proc, "index": index}
    stop_process(proc)


@pytest.mark.integration
def test_200_mb_upload_is_refused_by_the_server_without_holding_it(chat):
    before = _peak_rss_mb(chat["proc"].pid)

    def body():
        yield (
            b'--xx\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n"
        )
        chunk = b"The harbour reopened on Friday. " * 32768  # ~1 MB
        for _ in range(200 * MB // len(chunk)):
            yield chunk
        yield b"\r\n--xx--\r\n"

    started = time.perf_counter()
    try:
        response = httpx.post(
            chat["url"] + "gradio_api/upload",
            content=body(),
            timeout=300,
            headers={"Content-Type": "multipart/form-data; boundary=xx"},
        )
        status, text = response.status_code, response.text[:300]
    except httpx.HTTPError as exc:  # the server may hang up as soon as the limit is passed
        status, text = 0, f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    growth = _peak_rss_mb(chat["proc"].pid) - before
    print(f"\n200 MB upload: HTTP {status} {text!r} after {seconds:.1f} s; server peak RSS growth {growth} MB")
    assert status in (0, 413) and (status == 0 or "20" in text), text
    assert growth < 150  # streamed and cut, never held whole
    assert not list(chat["index"].rglob("huge*"))


@pytest.mark.integration
def test_1000_files_in_one_upload(chat, tmp_path):
    from gradio_client import Client, handle_file

    warm = tmp_path / "warm.md"
    warm.write_text("Harbour log\n\nThe harbour office opened its log on Friday.", encoding="utf-8")
    Client(chat["url"], verbose=False).predict([handle_file(str(warm))], api_name="/upload")  # loads the ingest model
    files = []
    for n in range(1000):
        path = tmp_path / f"note{n:04d}.md"
        path.write_text(f"Harbour note {n}\n\nThe harbour office logged ship number {n} on Friday.", encoding="utf-8")
        files.append(handle_file(str(path)))
    before = _peak_rss_mb(chat["proc"].pid)
    started = time.perf_counter()
    _, summary, _ = Client(chat["url"], verbose=False).predict(files, api_name="/upload")
    seconds = time.perf_counter() - started
    growth = _peak_rss_mb(chat["proc"].pid) - before
    print(f"\n1,000-file upload: {seconds:.1f} s, server peak RSS growth {growth} MB")
    assert summary.count("more than 20 files in one upload") == 980
    assert len(list((chat["index"] / "uploads").glob("note*.md"))) == 20
    assert growth < 500
