"""The scale-out path: a real `chroma run` server holds the vectors, the index directory keeps SQLite (manifest,
offsets, FTS5). Ingest, ask, re-ingest and stats go through the console script with --chroma-url / NEWSRAG_CHROMA_URL.

Token auth: chromadb 1.5.9's Rust `chroma run` has no server-side auth (the CHROMA_SERVER_AUTHN_* variables of the
0.4-0.6 Python server are ignored; Chroma's docs for 1.0.x point to a proxy such as Envoy). So the token test puts a
small proxy in front of the server that refuses requests without `Authorization: Bearer <token>`, the way a
deployment would, and checks that newsrag sends the header from NEWSRAG_CHROMA_TOKEN and fails clearly without it.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import CANONICAL_QUESTION, CORPUS, free_port, run_cli

pytestmark = pytest.mark.integration


@pytest.fixture
def chroma_server(tmp_path):
    """A fresh `chroma run` on a free loopback port; stopped (its process group) when the test ends."""
    exe = Path(sys.executable).parent / "chroma"
    assert exe.exists(), f"{exe} missing: the chroma CLI ships with chromadb==1.5.9; reinstall it"
    port = free_port()
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(tmp_path / "chroma-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (
                f"chroma run exited: {(tmp_path / 'chroma.log').read_text(errors='replace')[-800:]}"
            )
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "chroma run did not answer its heartbeat within 120 s"
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


class AuthProxy:
    """Forwards to `upstream` only requests carrying `Authorization: Bearer <token>`; counts both kinds."""

    def __init__(self, upstream: str, token: str):
        self.upstream = urlparse(upstream)
        self.token = token
        self.authorized = 0
        self.rejected = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Authorization") != f"Bearer {proxy.token}":
                    proxy.rejected += 1
                    payload = b'{"error":"Unauthorized","message":"missing or wrong bearer token"}'
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                proxy.authorized += 1
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=120)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "authorization")
                }
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-1500:]}"
    return json.loads(result.stdout)


def _check_keane_answer(answer: dict, index: Path, chroma_url: str, token: str = "") -> None:
    from rag.core.store import Store

    assert not answer["refused"] and answer["citations"], answer
    store = Store(index, chroma_url=chroma_url, chroma_token=token)
    try:
        for c in answer["citations"]:
            assert "Keane" in c["quote"]
            assert store.article(c["article_id"]).text[c["start"] : c["end"]] == c["quote"]
    finally:
        store.close()


def _collection_name(index: Path) -> str:
    import sqlite3

    with sqlite3.connect(index / "newsrag.sqlite") as db:
        name = db.execute("SELECT value FROM meta WHERE key = 'server_collection'").fetchone()[0]
    assert name.startswith("newsrag_chunks_"), name  # one collection per index on a shared server
    return name


def _server_count(chroma_url: str, index: Path) -> int:
    """Vectors the server itself holds in the index's collection (named in the index's meta table)."""
    import chromadb
    from chromadb.config import Settings

    name = _collection_name(index)
    u = urlparse(chroma_url)
    client = chromadb.HttpClient(host=u.hostname, port=u.port, settings=Settings(anonymized_telemetry=False))
    return client.get_collection(name).count()


def test_ingest_ask_reingest_and_stats_through_a_chroma_server(chroma_server, tmp_path):
    index = tmp_path / "index"
    added = _json(run_cli("ingest", str(CORPUS), "--index", str(index), "--chroma-url", chroma_server, "--json"))
    assert added["failed"] == [] and added["added"] >= 1 and added["chunks_embedded"] >= 1
    # the vectors live on the server, not in an embedded store beside the SQLite side
    assert not (index / "chroma").exists()
    assert _server_count(chroma_server, index) == added["chunks_embedded"]

    # the same server named through the environment instead of the flag
    env = {"NEWSRAG_CHROMA_URL": chroma_server}
    answer = _json(run_cli("ask", CANONICAL_QUESTION, "--index", str(index), "--json", env=env))
    _check_keane_answer(answer, index, chroma_server)

    again = _json(run_cli("ingest", str(CORPUS), "--index", str(index), "--json", env=env))
    assert again["chunks_embedded"] == 0 and again["added"] == 0 and again["updated"] == 0
    assert again["unchanged"] == added["added"]

    stats = _json(run_cli("stats", "--index", str(index), "--json", env=env))
    assert stats["consistent"] is True
    assert stats["chunks"] == stats["dense_chunks"] == stats["keyword_docs"] == added["chunks_embedded"]
    assert stats["articles"] == added["added"]

    # a second index on the same server gets its own collection: neither sees nor disturbs the first one's vectors
    other = tmp_path / "other-index"
    _json(run_cli("ingest", str(CORPUS), "--index", str(other), "--json", env=env))
    other_stats = _json(run_cli("stats", "--index", str(other), "--json", env=env))
    assert other_stats["consistent"] is True and other_stats["dense_chunks"] == added["chunks_embedded"]
    assert _collection_name(index) != _collection_name(other)
    assert _server_count(chroma_server, index) == _server_count(chroma_server, other) == added["chunks_embedded"]


def test_token_is_sent_to_a_server_that_requires_it(chroma_server, tmp_path):
    proxy = AuthProxy(chroma_server, token="s3cret-token")
    try:
        index = tmp_path / "index"
        with_token = {"NEWSRAG_CHROMA_URL": proxy.url, "NEWSRAG_CHROMA_TOKEN": "s3cret-token"}
        added = _json(run_cli("ingest", str(CORPUS), "--index", str(index), "--json", env=with_token))
        assert added["failed"] == [] and added["chunks_embedded"] >= 1
        answer = _json(run_cli("ask", CANONICAL_QUESTION, "--index", str(index), "--json", env=with_token))
        _check_keane_answer(answer, index, proxy.url, token="s3cret-token")
        assert proxy.authorized > 0 and proxy.rejected == 0

        # without the token, or with a wrong one, the server refuses and newsrag says so instead of half-working
        for env in (
            {"NEWSRAG_CHROMA_URL": proxy.url, "NEWSRAG_CHROMA_TOKEN": ""},
            {"NEWSRAG_CHROMA_URL": proxy.url, "NEWSRAG_CHROMA_TOKEN": "wrong"},
        ):
            before = proxy.rejected
            refused = run_cli("stats", "--index", str(index), "--json", env=env)
            assert refused.returncode == 2, refused.stderr[-1500:]
            assert "Chroma server" in refused.stderr and "Traceback" not in refused.stderr
            assert proxy.rejected > before
        assert _server_count(chroma_server, index) == added["chunks_embedded"]  # nothing lost by the refused calls
    finally:
        proxy.close()
