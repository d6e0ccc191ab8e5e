"""What the real `newsrag chat` server exposes: the bind address, credentials off loopback, and what an upload can
write. tests/test_ui.py checks safe_name and the in-process app; here the CLI server is a child process and files
are sent the way a hostile client would (raw multipart with crafted file names, then the /upload API).
The Chroma bearer-token path is covered by tests/test_server_mode.py (a recording auth proxy in front of `chroma run`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, free_port, stop_process

ARTICLE = (
    b"---\ntitle: Harbour dredging starts\nsource: Exposure Test\npublished: 2024-02-02\n---\n"
    b"Dredging of the Osterby harbour starts in May, the port said on Friday.\n"
)


def _start(tmp: Path, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`newsrag chat` on a free port with its own Gradio temp dir; returns once it answers HTTP."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "chat", "--index", str(tmp / "index"), "--port", str(port), *args],
        cwd=ROOT,
        env={**os.environ, "GRADIO_TEMP_DIR": str(tmp / "gradio"), **(env or {})},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 600
    while True:
        if proc.poll() is not None:
            raise AssertionError(f"newsrag chat exited {proc.returncode}: {log.read_text()[-3000:]}")
        try:
            if httpx.get(url + "config", timeout=5).status_code in (200, 401):
                return proc, url
        except httpx.HTTPError:
            pass
        if time.time() > deadline:
            proc.kill()
            raise AssertionError("newsrag chat did not answer HTTP within 10 minutes")
        time.sleep(0.5)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`newsrag chat` with no --host, over an empty index (articles arrive by upload)."""
    tmp = tmp_path_factory.mktemp("exposure")
    proc, url = _start(tmp)
    yield {"url": url, "tmp": tmp, "index": tmp / "index", "port": int(url.rsplit(":", 1)[1].strip("/"))}
    stop_process(proc)


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of LISTEN sockets on `port`, from /proc/net/tcp{,6} (what the kernel really bound)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                if len(addr) == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(addr)[::-1]))
                else:
                    words = bytes.fromhex(addr)
                    found.add(
                        socket.inet_ntop(socket.AF_INET6, b"".join(words[i : i + 4][::-1] for i in range(0, 16, 4)))
                    )
    return found


def _own_non_loopback_ip() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
            ip = s.getsockname()[0]
        except OSError:
            return None
    return None if ip.startswith("127.") else ip


@pytest.mark.integration
def test_chat_binds_loopback_only_by_default(served):
    assert _listening_addresses(served["port"]) == {"127.0.0.1"}
    ip = _own_non_loopback_ip()
    if ip:  # reachable on loopback, not on this machine's network address
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://{ip}:{served['port']}/config", timeout=5)
    assert httpx.get(served["url"] + "config", timeout=10).status_code == 200


@pytest.mark.integration
def test_network_addresses_need_credentials_and_get_a_login(tmp_path):
    from rag.core.errors import NewsragError
    from ui.auth import auth_for

    ip = _own_non_loopback_ip() or "192.0.2.2"
    for host in (ip, "0.0.0.0", "::", "fd00::2", "example.org", "127.0.0.1.nip.io"):
        with pytest.raises(NewsragError, match=f"refusing to serve on {host}"):
            auth_for(host, {})
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSRAG_UI_AUTH")}
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.cli",
            "chat",
            "--index",
            str(tmp_path / "index"),
            "--host",
            ip,
            "--port",
            str(free_port()),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (
        refused.returncode == 2 and f"refusing to serve on {ip}" in refused.stderr and "Traceback" not in refused.stderr
    )
    assert not (tmp_path / "index").exists()  # refused before anything was created

    proc, url = _start(tmp_path, "--host", "0.0.0.0", env={"NEWSRAG_UI_AUTH": "ann:correct-horse"})
    try:
        assert httpx.get(url + "config", timeout=10).status_code == 401
        assert httpx.post(url + "login", data={"username": "ann", "password": "wrong"}, timeout=10).status_code == 400
        assert httpx.post(url + "gradio_api/upload", files={"files": ("x.md", ARTICLE)}, timeout=10).status_code in (
            401,
            403,
        )
        with httpx.Client(timeout=10) as browser:
            assert browser.post(url + "login", data={"username": "ann", "password": "correct-horse"}).status_code == 200
            assert browser.get(url + "config").status_code == 200
    finally:
        stop_process(proc)


def _raw_upload(url: str, filename: bytes, content: bytes) -> httpx.Response:
    """A multipart upload with the file name bytes exactly as given (httpx would escape or refuse some)."""
    boundary = b"newsragboundary7"
    body = (
        b"--"
        + boundary
        + b'\r\nContent-Disposition: form-data; name="files"; filename="'
        + filename
        + b'"\r\nContent-Type: text/markdown\r\n\r\n'
        + content
        + b"\r\n--"
        + boundary
        + b"--\r\n"
    )
    return httpx.post(
        url + "gradio_api/upload",
        content=body,
        timeout=60,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary.decode()}"},
    )


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


CRAFTED = [
    b"../../x.md",
    b"../../../../../../tmp/newsrag-escape.md",
    b"/etc/newsrag-evil.md",
    b"a\x00b.md",
    b"..\\..\\win.md",
    b"C:\\Windows\\System32\\drv.md",
    b"%2e%2e%2fenc.md",
]


@pytest.mark.integration
def test_crafted_upload_names_are_written_only_under_uploads(served):
    from gradio_client import Client

    tmp, index, uploads = served["tmp"], served["index"], served["index"] / "uploads"
    before_tmp, before_root = _files(tmp), _files(ROOT)
    client = Client(served["url"], verbose=False)
    summaries = []
    for name in CRAFTED:
        r = _raw_upload(served["url"], name, ARTICLE.replace(b"Osterby", name.replace(b"\x00", b"").decode().encode()))
        assert r.status_code == 200, (name, r.text)
        server_path = r.json()[0]
        # the page passes back what the browser named the file, as the Gradio frontend does
        _, summary, _ = client.predict(
            [{"path": server_path, "orig_name": name.decode(errors="replace"), "meta": {"_type": "gradio.FileData"}}],
            api_name="/upload",
        )
        summaries.append(summary)
        assert "Added 1" in summary or "❌" in summary, summary
    new = _files(tmp) - before_tmp
    allowed = (uploads.resolve(), (tmp / "gradio").resolve(), index.resolve())
    for p in new:
        rp = p.resolve()
        assert any(rp.is_relative_to(a) for a in allowed), f"written outside the index and Gradio's temp dir: {p}"
        if rp.is_relative_to(index.resolve()) and not rp.is_relative_to(uploads.resolve()):
            # inside the index only the index's own files change, never an uploaded name
            assert (
                rp.name.startswith(("newsrag.sqlite", "feedback", ".lock", "changes.jsonl")) or "chroma" in rp.parts
            ), p
    stored = sorted(p.name for p in uploads.iterdir())
    for name in stored:
        assert "/" not in name and "\\" not in name and "\x00" not in name and not name.startswith(".")
    assert {"x.md", "newsrag-evil.md"} <= set(stored), stored
    assert _files(ROOT) - before_root == set(), "an upload wrote into the project tree"
    for escaped in (tmp / "x.md", tmp.parent / "x.md", Path("/tmp/newsrag-escape.md"), Path("/etc/newsrag-evil.md")):
        assert not escaped.exists(), f"upload escaped to {escaped}"


def test_names_with_nothing_usable_are_refused_with_a_message(tmp_path):
    from ui.uploads import check_and_store

    src = tmp_path / "in.md"
    src.write_bytes(ARTICLE)
    uploads = tmp_path / "index" / "uploads"
    names = ["\x00", "/", "..\\..", "\x00\x00.", "C:\\"]
    checked = check_and_store([(str(src), n) for n in names + ["/etc/"]] + [(str(src), "/abs/dir/ok.md")], uploads)
    assert [a.name for a in checked.accepted] == ["ok.md"]
    assert len(checked.refused) == len(names) + 1
    for r in checked.refused[:-1]:
        assert "no usable characters: rename it" in r.reason, r
    # a directory path leaves its last part, "etc": refused as a file type newsrag does not read
    assert (
        checked.refused[-1].name == "etc"
        and "no extension files are not articles newsrag reads" in checked.refused[-1].reason
    )
    assert sorted(p.name for p in uploads.iterdir()) == ["ok.md"]
    assert _files(tmp_path) == {src, uploads / "ok.md"}


@pytest.mark.integration
def test_oversized_uploads_are_refused_with_clear_messages_and_not_stored(served):
    from gradio_client import Client, handle_file

    tmp, uploads = served["tmp"], served["index"] / "uploads"
    over = tmp / "over_limit.md"  # just over newsrag's 10 MB: reaches ui/uploads.py, which explains the limit
    over.write_bytes(ARTICLE + b"More text. " * 1_000_000)
    _, summary, _ = Client(served["url"], verbose=False).predict([handle_file(str(over))], api_name="/upload")
    assert (
        "over_limit.md</b>: 11 MB is over the 10 MB limit per file: split it, or ingest it with `newsrag ingest PATH`"
        in summary
    ), summary
    # far over: Gradio cuts the request off (twice the limit) before anything reaches the disk
    huge = tmp / "huge.md"
    huge.write_bytes(ARTICLE + b"x" * 21_000_000)
    with huge.open("rb") as f:
        r = httpx.post(served["url"] + "gradio_api/upload", files={"files": ("huge.md", f)}, timeout=120)
    assert r.status_code == 413 and "maximum allowed size" in r.text, (r.status_code, r.text[:300])
    assert not (uploads / "over_limit.md").exists() and not (uploads / "huge.md").exists()
    assert not any(p.name == "huge.md" for p in (tmp / "gradio").rglob("*"))
