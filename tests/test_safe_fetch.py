"""Server-side fetches reach only public addresses, every redirect hop is re-checked, and size, time and content
type are capped. Every server here listens on loopback; nothing else is contacted: names are resolved by a stand-in
resolver, and the checks refuse private targets before any connection is made.

"A public server" is played by a loopback server on 127.0.0.2 that the address policy is told to treat as public
(the one seam: `why_not_public`); every other loopback address keeps the real policy.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ingest import fetch as safe_fetch
from ingest.loaders import load
from ingest.loaders.common import InputError, LoadProblem
from rag.core.types import Article

try:
    from http_fixture_server import private_fetch_allowed
except ImportError:  # pragma: no cover
    from tests.http_fixture_server import private_fetch_allowed

ARTICLE = (
    b"<html><head><title>Harbour bridge reopens</title><meta name='date' content='2024-03-01'></head><body>"
    b"<article><p>The harbour bridge reopened on Friday after two years of repairs, the city said.</p>"
    b"<p>Engineers replaced every cable and most of the deck.</p></article></body></html>"
)


class Server:
    """A loopback HTTP server whose routes are set by the test; it records each request's path and Host header."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        outer = self
        self.routes: dict[str, object] = {}
        self.requests: list[tuple[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append((self.path, self.headers.get("Host", "")))
                route = outer.routes.get(self.path.split("?")[0])
                try:
                    if callable(route):
                        route(self)
                        return
                    status, headers, body = route or (404, {"Content-Type": "text/html"}, b"<html>missing</html>")
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def html(body: bytes = ARTICLE) -> tuple[int, dict, bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body


def redirect(to: str, status: int = 302) -> tuple[int, dict, bytes]:
    return status, {"Location": to}, b""


@pytest.fixture()
def local():
    srv = Server("127.0.0.1")
    srv.routes["/article.html"] = html()
    srv.routes["/secret"] = html(
        b"<html><body><article><p>internal admin token 1234 leaked here.</p></article></body></html>"
    )
    yield srv
    srv.close()


@pytest.fixture()
def public(monkeypatch: pytest.MonkeyPatch):
    """A server on 127.0.0.2 that the policy treats as a public host (and `news.example` resolves to it)."""
    srv = Server("127.0.0.2")
    real_policy, real_resolve = safe_fetch.why_not_public, safe_fetch.resolve
    monkeypatch.setattr(safe_fetch, "why_not_public", lambda a: "" if a == "127.0.0.2" else real_policy(a))
    monkeypatch.setattr(safe_fetch, "resolve", lambda url: fake_dns(url, real_resolve))
    yield srv
    srv.close()


# Names the stand-in resolver knows; anything else goes to the real resolver (only ever IP literals / localhost here).
DNS = {
    "news.example": ["127.0.0.2"],
    "127.0.0.1.nip.io": ["127.0.0.1"],  # what the real nip.io service answers
    "metadata.example": ["169.254.169.254"],
    "mixed.example": ["127.0.0.2", "10.0.0.7"],  # one public and one private address: refused
    "v6mapped.example": ["::ffff:127.0.0.1"],
}


def fake_dns(url, real_resolve) -> list[str]:
    if url.host in DNS:
        return DNS[url.host]
    if url.host != "localhost" and url.host.rsplit(".", 1)[-1].isalpha():  # a DNS name: never ask a real resolver
        raise AssertionError(f"the test tried to resolve a real name: {url.host}")
    return real_resolve(url)


def refused(url: str, max_bytes: int = 1_000_000) -> str:
    with safe_fetch.new_client() as client, pytest.raises(InputError) as info:
        safe_fetch.fetch(client, url, max_bytes)
    return str(info.value)


def fetched(url: str, max_bytes: int = 1_000_000) -> safe_fetch.Page:
    with safe_fetch.new_client() as client:
        return safe_fetch.fetch(client, url, max_bytes)


# ---------------------------------------------------------------- the address policy itself (no traffic)


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("fc00::5", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::1", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 wrapping 169.254.169.254
    ],
)
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    assert safe_fetch.why_not_public(address).startswith(kind)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert safe_fetch.why_not_public(address) == ""


# ---------------------------------------------------------------- default: loopback refused, in every spelling


def test_loopback_is_refused_by_default_without_connecting(local: Server) -> None:
    p = local.port
    for url in (
        f"http://127.0.0.1:{p}/article.html",
        f"http://localhost:{p}/article.html",
        f"http://2130706433:{p}/article.html",
        f"http://0x7f.1:{p}/article.html",
        f"http://127.1:{p}/",
        f"http://017700000001:{p}/",
        f"http://[::ffff:127.0.0.1]:{p}/article.html",
        f"http://[::1]:{p}/",
    ):
        message = refused(url)
        assert "refused to fetch" in message and "loopback" in message and "NEWSRAG_ALLOW_PRIVATE_FETCH" in message, url
    assert local.requests == []  # refused before any connection


def test_names_are_judged_by_every_address_they_resolve_to(local: Server, public: Server) -> None:
    assert "loopback" in refused(f"http://127.0.0.1.nip.io:{local.port}/article.html")
    assert "link-local" in refused("http://metadata.example/latest/meta-data/")
    assert "10.0.0.7, a private address" in refused(f"http://mixed.example:{public.port}/")
    assert "loopback" in refused(f"http://v6mapped.example:{local.port}/")
    assert local.requests == [] and public.requests == []


def test_a_public_host_is_fetched_from_the_checked_address_with_its_own_host_header(public: Server) -> None:
    public.routes["/article.html"] = html()
    calls: list[str] = []
    real = safe_fetch.resolve

    def counting(url):
        calls.append(url.host)
        return real(url)

    safe_fetch.resolve = counting
    try:
        page = fetched(f"http://news.example:{public.port}/article.html")
    finally:
        safe_fetch.resolve = real
    assert page.url == f"http://news.example:{public.port}/article.html" and b"harbour bridge" in page.body
    # One resolution per hop, and the connection went to that answer (a second lookup could be rebound).
    assert calls == ["news.example"]
    assert public.requests == [("/article.html", f"news.example:{public.port}")]


# ---------------------------------------------------------------- redirects: every hop re-checked


def test_public_looking_redirect_to_loopback_is_refused(local: Server, public: Server) -> None:
    for target in (
        f"{local.base}/secret",
        f"http://2130706433:{local.port}/secret",
        f"http://localhost:{local.port}/secret",
        "http://169.254.169.254/latest/meta-data/iam/",
        f"http://127.0.0.1.nip.io:{local.port}/secret",
    ):
        public.routes["/go"] = redirect(target)
        message = refused(f"http://news.example:{public.port}/go")
        assert "refused to fetch" in message, (target, message)
    assert local.requests == []  # the secret was never asked for
    assert [p for p, _ in public.requests] == ["/go"] * 5


def test_feed_items_pointing_inside_are_refused_and_public_items_load(local: Server, public: Server) -> None:
    items = [
        f"http://news.example:{public.port}/article.html",
        f"{local.base}/secret",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/admin",
        f"http://[::1]:{local.port}/secret",
    ]
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title>"
        + "".join(f"<item><title>i{n}</title><link>{u}</link></item>" for n, u in enumerate(items))
        + "</channel></rss>"
    ).encode()
    public.routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"}, rss)
    public.routes["/article.html"] = html()
    got = list(load([f"http://news.example:{public.port}/feed.rss"]))
    articles = [a for a in got if isinstance(a, Article)]
    problems = [p for p in got if isinstance(p, LoadProblem)]
    assert [a.title for a in articles] == ["Harbour bridge reopens"]
    assert len(problems) == 4 and all("refused to fetch" in p.error and p.fatal for p in problems)
    assert local.requests == []


def test_redirect_hops_are_capped(public: Server) -> None:
    public.routes["/loop"] = redirect("/loop")
    assert "more than 5 redirects" in refused(f"http://news.example:{public.port}/loop")
    assert len(public.requests) == 6


def test_redirect_followed_when_private_fetch_is_allowed(local: Server) -> None:
    local.routes["/moved"] = redirect("/article.html", 301)
    with private_fetch_allowed():
        page = fetched(f"{local.base}/moved")
    assert page.url == f"{local.base}/article.html" and b"harbour bridge" in page.body


# ---------------------------------------------------------------- what is downloaded: type, size, time


def test_only_readable_content_types_are_downloaded(local: Server) -> None:
    local.routes["/x.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG" + b"\0" * 5000)
    local.routes["/x.bin"] = (200, {"Content-Type": "application/octet-stream"}, b"\0" * 5000)
    local.routes["/x.zip"] = (200, {"Content-Type": "application/zip"}, b"PK" + b"\0" * 5000)
    with private_fetch_allowed():
        for path, kind in (
            ("/x.png", "image/png"),
            ("/x.bin", "application/octet-stream"),
            ("/x.zip", "application/zip"),
        ):
            message = refused(local.base + path)
            assert f"not an article or a feed: the URL returned {kind}" in message
        assert fetched(local.base + "/article.html").content_type == "text/html"


def _endless(handler: BaseHTTPRequestHandler) -> None:
    """Chunked HTML with no Content-Length, 64 kB per chunk, for ever (until the client hangs up)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    piece = b"<p>" + b"y" * 65530 + b"</p>"
    for _ in range(100_000):
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    """One byte every 0.1 s: each read is quick, the whole would take hours."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    for _ in range(100_000):
        handler.wfile.write(b"z")
        handler.wfile.flush()
        time.sleep(0.1)


def test_an_endless_body_is_cut_at_the_size_limit(local: Server) -> None:
    local.routes["/endless"] = _endless
    with private_fetch_allowed():
        started = time.perf_counter()
        message = refused(local.base + "/endless", max_bytes=2_000_000)
    assert "over the 2,000,000-byte limit" in message
    assert time.perf_counter() - started < 30


def test_a_trickling_server_hits_the_total_deadline(local: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    local.routes["/trickle"] = _trickle
    monkeypatch.setattr(safe_fetch, "FETCH_DEADLINE", 1.0)
    with private_fetch_allowed():
        message = refused(local.base + "/trickle")
    assert "took longer than 1 s" in message


@pytest.mark.parametrize(
    "url, words",
    [
        ("ftp://127.0.0.1/a.txt", "not a valid http(s) URL"),
        ("file:///etc/passwd", "not a valid http(s) URL"),
        ("http://user:secret@127.0.0.1/", "user name or password"),
        ("http://[::1", "not a valid http(s) URL"),
    ],
)
def test_urls_that_are_never_fetched(url: str, words: str) -> None:
    with private_fetch_allowed():
        assert words in refused(url)


def test_cli_ingest_refuses_a_loopback_url_by_default(local: Server, tmp_path) -> None:
    try:
        from conftest import run_cli
    except ImportError:  # pragma: no cover
        from tests.conftest import run_cli
    result = run_cli(
        "ingest",
        f"{local.base}/article.html",
        "--index",
        str(tmp_path / "idx"),
        "--json",
        env={"NEWSRAG_ALLOW_PRIVATE_FETCH": "0"},
    )
    assert result.returncode == 1, result.stderr
    assert "refused to fetch" in result.stdout and "loopback" in result.stdout
    assert "Traceback" not in result.stderr and local.requests == []
