"""A real HTTP server on 127.0.0.1 serving tests/fixtures/web, so URL and feed loading is tested without a network."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_DIR = Path(__file__).parent / "fixtures" / "web"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


@contextmanager
def private_fetch_allowed():
    """NEWSRAG_ALLOW_PRIVATE_FETCH=1 while inside: ingest may fetch from these loopback servers (off by default)."""
    from rag.core.settings import get_settings

    before = os.environ.get("NEWSRAG_ALLOW_PRIVATE_FETCH")
    os.environ["NEWSRAG_ALLOW_PRIVATE_FETCH"] = "1"
    get_settings.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("NEWSRAG_ALLOW_PRIVATE_FETCH", None)
        else:
            os.environ["NEWSRAG_ALLOW_PRIVATE_FETCH"] = before
        get_settings.cache_clear()


class FixtureServer:
    """Serves WEB_DIR files ("{{BASE}}" replaced by the server's base URL) plus a few special routes:

    /redirect -> 302 to /item1.html; /slow -> answers after 2 s; /image.png -> binary bytes;
    /feed-as-html -> feed.rss sent as text/html; /big -> 3,000,000 bytes of HTML; anything else unknown -> 404.
    """

    def __init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.requests.append(self.path)
                status, ctype, body, headers = server.route(self.path.split("?")[0])
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size limit or timeout tests)

        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str) -> tuple[int, str, bytes, dict[str, str]]:
        if path == "/redirect":
            return 302, "", b"", {"Location": f"{self.base}/item1.html"}
        if path == "/slow":
            time.sleep(2)
            return 200, "text/html", b"<html><body><p>late</p></body></html>", {}
        if path == "/image.png":
            return 200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), {}
        if path == "/feed-as-html":
            return 200, "text/html", self._file("feed.rss"), {}
        if path == "/big":
            return 200, "text/html", b"<html><body><p>" + b"x" * 3_000_000 + b"</p></body></html>", {}
        name = path.lstrip("/")
        file = WEB_DIR / name
        if "/" in name or not name or not file.is_file():
            return 404, "text/html", b"<html><body><h1>Not Found</h1></body></html>", {}
        return 200, CONTENT_TYPES.get(file.suffix, "application/octet-stream"), self._file(name), {}

    def _file(self, name: str) -> bytes:
        return (WEB_DIR / name).read_bytes().replace(b"{{BASE}}", self.base.encode())

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
