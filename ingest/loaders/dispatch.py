"""`load()`: walk the inputs, pick a loader by extension or URL, and turn every failure into a LoadProblem."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import httpx

from ingest import fetch as safe_fetch
from ingest.loaders import web
from ingest.loaders.common import InputError, Loaded, LoadProblem, check_bytes, decode_utf8
from ingest.loaders.html import decode_html, load_html
from ingest.loaders.pdf import load_pdf
from ingest.loaders.records import load_json, load_jsonl
from ingest.loaders.text import load_text
from rag.core.types import Article


def _text(data: bytes, path: str, stem: str) -> Loaded:
    check_bytes(data)
    return load_text(decode_utf8(data), label=path, origin=path, stem=stem)


def _html(data: bytes, path: str, stem: str) -> Loaded:
    check_bytes(data)
    return load_html(decode_html(data), label=path, origin=path, stem=stem)


def _json(data: bytes, path: str, stem: str) -> Loaded:
    check_bytes(data)
    return load_json(data, path=path)


def _jsonl(data: bytes, path: str, stem: str) -> Loaded:
    check_bytes(data)
    return load_jsonl(data, path=path)


def _pdf(data: bytes, path: str, stem: str) -> Loaded:
    if not data.strip():
        raise InputError("file is empty: add the article text or remove the file")
    return load_pdf(data, label=path, origin=path, stem=stem)


LOADERS: dict[str, Callable[[bytes, str, str], Loaded]] = {
    ".txt": _text,
    ".md": _text,
    ".markdown": _text,
    ".html": _html,
    ".htm": _html,
    ".json": _json,
    ".jsonl": _jsonl,
    ".pdf": _pdf,
}
SUFFIXES = tuple(LOADERS)  # the file types newsrag reads: the one list `newsrag ingest` and the page's uploads accept
SUPPORTED = ", ".join(SUFFIXES)


def load(inputs: list[str], max_bytes: int = 20_000_000) -> Iterator[Article | LoadProblem]:
    """Files, folders (recursively, sorted, hidden files skipped), http(s) URLs, RSS/Atom feed URLs.

    Yields Articles and LoadProblems in input order and never raises for bad input: each problem names its file
    (":LINE" / "#N" for one record) or URL and says what to do. An article already yielded (same id: same URL, or
    the same file reached twice) is not yielded again; a non-fatal problem names both copies.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [str(inputs)]  # a lone path is a common slip; treat it as a list of one
    seen: dict[str, str] = {}
    client: httpx.Client | None = None
    try:
        for raw in inputs:
            name = str(raw).strip()
            if name.lower().startswith(("http://", "https://")):
                if client is None:
                    client = safe_fetch.new_client()
                items = _guard(name, partial(web.load_url, client, name, max_bytes))
            else:
                items = _load_path(name, max_bytes)
            for item in items:
                if isinstance(item, LoadProblem):
                    yield item
                    continue
                label, article = item
                first = seen.get(article.id)
                if first is not None:
                    if not article.url:
                        why = " (the same file or record reached twice)"
                    else:
                        why = "" if article.url in first else f" (same URL {article.url})"
                    # Not fatal: the article itself is loaded (its first copy), and a fatal problem would mark
                    # this file as failed, which keeps `ingest --sync` from cleaning up after it.
                    yield LoadProblem(label, f"duplicate of {first}{why}; skipped, the first copy is kept", False)
                    continue
                seen[article.id] = label
                yield article
    finally:
        if client is not None:
            client.close()


def _guard(label: str, make: Callable[[], Loaded]) -> Loaded:
    """Run one loader; whatever goes wrong becomes a fatal LoadProblem, and what it yielded before is kept."""
    try:
        yield from make()
    except InputError as exc:
        yield LoadProblem(label, str(exc))
    except MemoryError:
        yield LoadProblem(label, "too large to load in memory: split it into smaller files")
    except RecursionError:
        yield LoadProblem(label, "nested too deeply to read: simplify or re-save the file")
    except Exception as exc:  # noqa: BLE001 - one broken input must never stop the others
        yield LoadProblem(label, f"unexpected error ({type(exc).__name__}: {str(exc)[:200]}): please report this")


def _load_path(name: str, max_bytes: int) -> Loaded:
    path = Path(name).expanduser()
    if not path.exists():
        yield LoadProblem(name, "no such file or folder: check the path (or give an http(s) URL)")
        return
    path = path.resolve()
    if path.is_dir():
        files = list(_walk(path))
        if not files:
            yield LoadProblem(str(path), f"the folder holds no visible files to load (supported: {SUPPORTED})")
        for file in files:
            kind = _media_kind(file)
            if kind:  # a photo next to the articles is no failure: skipped, and counted in the summary
                yield LoadProblem(_printable(file), f"not an article type ({kind}); skipped", fatal=False, skipped=kind)
                continue
            yield from _guard(_printable(file), partial(_load_file, file, max_bytes))
    else:
        yield from _guard(_printable(path), lambda: _load_file(path, max_bytes))


# Kinds of file that cannot hold an article's text: skipped inside a folder. A document newsrag cannot read
# (.docx, .rtf, no extension) still fails, with advice to convert it: it may be an article the user meant to add.
_MEDIA = ("image/", "audio/", "video/", "font/")
_BINARY_SUFFIXES = {
    ".zip",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".rar",
    ".tar",
    ".exe",
    ".dll",
    ".so",
    ".dylib",
    ".bin",
    ".iso",
    ".dmg",
    ".woff",
    ".woff2",
    ".ttf",
    ".otf",
    ".ico",
    ".db",
    ".sqlite",
    ".pyc",
}


def _media_kind(path: Path) -> str:
    """The suffix of a file that is plainly not an article (a picture, a sound, an archive…), else ""."""
    suffix = path.suffix.lower()
    if not suffix or suffix in LOADERS:
        return ""
    guessed = mimetypes.guess_type(f"x{suffix}")[0] or ""
    return suffix if guessed.startswith(_MEDIA) or suffix in _BINARY_SUFFIXES else ""


def _printable(path: Path) -> str:
    """The path as valid UTF-8 text (undecodable bytes shown as U+FFFD), safe to print and store."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _walk(folder: Path, visited: set[Path] | None = None) -> Iterator[Path]:
    """Files under `folder` in sorted order, skipping hidden names; symlink loops are visited once."""
    visited = visited if visited is not None else set()
    real = folder.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # reading it will report the permission problem with its path
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        if entry.is_dir():
            yield from _walk(child, visited)
        else:
            yield child


def _load_file(path: Path, max_bytes: int) -> Loaded:
    label = _printable(path)
    if label != str(path):  # the origin is stored in the index and shown to users: it must be real text
        raise InputError("the file name is not valid UTF-8: rename the file")
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        kind = f"'{suffix}'" if suffix else "no extension"
        raise InputError(f"unsupported file type ({kind}): supported are {SUPPORTED}; rename or convert the file")
    if not path.is_file():
        raise InputError("not a regular file: give a file, a folder or a URL")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit: split it into smaller files "
            "(or raise the limit)"
        )
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied: make the file readable") from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})") from None
    yield from loader(data, label, path.stem)
