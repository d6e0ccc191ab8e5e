"""Server-side fetching that an article URL or a feed item cannot turn against the machine it runs on.

Every request (and every redirect hop, followed here by hand) is checked before it is sent:
- only http(s), only the default or an explicit port, no user:password@ in the URL;
- the host is resolved and EVERY address it resolves to must be public: loopback, private, link-local (cloud
  metadata at 169.254.169.254), multicast, reserved, shared (100.64/10) and unspecified addresses are refused,
  including IPv4 hidden in IPv6 (::ffff:127.0.0.1, 6to4, NAT64) and IPv4 written oddly (2130706433, 0x7f.1, 127.1),
  which the system resolver turns into the address they mean;
- the connection goes to the address that was checked (the URL's host is kept for Host and TLS SNI), so a DNS
  answer that changes between check and connect (rebinding) cannot reach a private address;
- only content types the loaders read are downloaded; the body is streamed and cut at max_bytes; the whole
  download (all hops) must finish within FETCH_DEADLINE seconds, so a server trickling bytes cannot hold ingest.
Setting `allow_private_fetch = 1` (NEWSRAG_ALLOW_PRIVATE_FETCH=1) allows non-public addresses, e.g. an intranet
feed; the other checks stay.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from ingest.loaders.common import InputError
from rag.core.settings import get_settings

FETCH_TIMEOUT = 15.0  # seconds per connect/read; a module constant so tests can shorten it
FETCH_DEADLINE = 60.0  # seconds for one URL, every redirect hop and the whole body included
MAX_REDIRECTS = 5
USER_AGENT = "newsrag/0.1 (+https://github.com/newsrag; article loader)"
# What the loaders read: HTML pages, plain text, PDF, RSS/Atom/XML feeds; an unlabelled body is sniffed later.
READABLE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/pdf",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "",
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
ALLOW_HINT = "set NEWSRAG_ALLOW_PRIVATE_FETCH=1 to fetch from a private network on purpose"


@dataclass
class Page:
    url: str  # after redirects
    content_type: str  # "text/html", lower case, no parameters
    charset: str
    body: bytes


def new_client() -> httpx.Client:
    """The client `fetch` needs: no automatic redirects (each hop is checked), no proxy from the environment
    (a proxy would connect to the host itself, after our check)."""
    return httpx.Client(
        timeout=FETCH_TIMEOUT, follow_redirects=False, trust_env=False, headers={"User-Agent": USER_AGENT}
    )


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def why_not_public(address: str) -> str:
    """'' for a public unicast address, else what kind of address it is (for the error message)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)) is not None:
        reason = why_not_public(str(inner))
        return f"{reason} (IPv4 {inner} inside IPv6)" if reason else ""
    for kind, bad in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
    ):
        if bad:
            return kind
    return "" if ip.is_global else "non-public"


def resolve(url: httpx.URL) -> list[str]:
    """Every address the URL's host resolves to (an IP literal resolves to itself, whatever its spelling)."""
    host = url.host
    if not host:
        raise InputError(f"no host in the URL {str(url)[:200]!r}")
    try:
        port = url.port or (443 if url.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise InputError(f"cannot reach the URL (host {host!r} does not resolve: {exc}): check the address") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(f"cannot reach the URL (host {host!r} has no address): check the address")
    return addresses


def check_target(url: httpx.URL, allow_private: bool) -> str:
    """The checked address to connect to; InputError for a URL that may not be fetched."""
    if url.scheme not in ("http", "https"):
        raise InputError(f"not a valid http(s) URL: {url.scheme or 'no'} scheme in {str(url)[:200]!r}")
    if url.userinfo:
        raise InputError("URLs with a user name or password (user:pass@host) are not fetched: remove them")
    addresses = resolve(url)
    if not allow_private:
        for address in addresses:
            reason = why_not_public(address)
            if reason:
                raise InputError(
                    f"refused to fetch {str(url)[:200]}: host {url.host!r} resolves to {address}, a {reason} address "
                    f"(server-side fetches reach only public addresses; {ALLOW_HINT})"
                )
    return addresses[0]


def _pinned_request(client: httpx.Client, url: httpx.URL, address: str) -> httpx.Request:
    """A GET to `address` that still says `url`'s host in Host and TLS SNI (certificates are checked against it)."""
    host_header = url.netloc.decode("ascii").rsplit("@", 1)[-1]
    target = url.copy_with(host=address)
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return client.build_request("GET", target, headers={"Host": host_header}, extensions=extensions)


def fetch(client: httpx.Client, url: str, max_bytes: int) -> Page:
    """GET `url` safely (see the module docstring); every failure becomes an InputError saying why."""
    allow_private = bool(get_settings().allow_private_fetch)
    deadline = time.monotonic() + FETCH_DEADLINE
    try:
        current = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InputError(f"not a valid http(s) URL ({exc})") from None
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            address = check_target(current, allow_private)
            request = _pinned_request(client, current, address)
            response = client.send(request, stream=True)
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise InputError(f"HTTP {response.status_code} redirect without a Location header")
                    current = httpx.URL(urljoin(str(current), location))
                    continue
                return _read(response, str(current), max_bytes, deadline)
            finally:
                response.close()
        raise InputError(
            f"more than {MAX_REDIRECTS} redirects: the URL loops; open it in a browser to find the final address"
        )
    except httpx.TimeoutException:
        raise InputError(f"no response within {FETCH_TIMEOUT:g} s: the site is slow or down; try again later") from None
    except httpx.ConnectError as exc:
        raise InputError(f"cannot reach the URL ({exc}): check the address and your network connection") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise InputError(f"not a valid http(s) URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise InputError(f"download failed ({type(exc).__name__}: {exc}): try again later") from None


def _read(response: httpx.Response, url: str, max_bytes: int, deadline: float) -> Page:
    if response.status_code >= 400:
        raise InputError(
            f"HTTP {response.status_code} {response.reason_phrase}: check the URL (the page may have moved or need "
            "a login)"
        )
    kind, _, params = response.headers.get("content-type", "").partition(";")
    kind = kind.strip().lower()
    if kind not in READABLE_TYPES and not kind.endswith("+xml"):
        raise InputError(
            f"not an article or a feed: the URL returned {kind} (newsrag reads HTML, plain text, PDF "
            "and RSS/Atom feeds)"
        )
    declared = response.headers.get("content-length") or "0"
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(_too_big(int(declared), max_bytes))
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(_too_big(size, max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise InputError(
                f"the download took longer than {FETCH_DEADLINE:g} s: the site is too slow; save the "
                "article as a file instead"
            )
        chunks.append(chunk)
    charset = params.split("charset=", 1)[1].strip(" \"'") if "charset=" in params else ""
    return Page(url, kind, charset, b"".join(chunks))


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"the download is {more}{size:,} bytes, over the {limit:,}-byte limit: save the article text as a file"
