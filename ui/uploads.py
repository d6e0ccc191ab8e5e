"""Article uploads from the page: checked (type, size), copied under a safe name into <index>/uploads/, ingested."""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from ingest.index import ingest
from ingest.loaders.dispatch import SUFFIXES as ALLOWED_SUFFIXES  # what ingest reads is what the page accepts
from ingest.provenance import Provenance
from rag.core.errors import NewsragError

MAX_UPLOAD_BYTES = 10_000_000  # per file (10 MB); larger collections belong to `newsrag ingest`
MAX_FILES = 20  # per upload
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def human_size(n: int) -> str:
    """10_000_000 -> '10 MB', 20_000 -> '20 kB', 10_500_000 -> '10.5 MB'."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}".removesuffix(".0") + " MB"
    return f"{max(n, 1) / 1e3:.0f} kB" if n >= 1000 else f"{n} bytes"


def safe_name(name: str) -> str:
    """A plain file name from whatever the browser sent: no directories, no '..', no control or odd characters.

    Both / and \\ count as separators (a Windows browser may send C:\\...\\a.txt); what is left is NFKC-normalised,
    reduced to letters, digits, '.', '_', '-' and spaces, with leading dots and spaces dropped so it can be
    neither hidden nor '.' / '..'. Raises NewsragError when nothing usable is left.
    """
    base = PureWindowsPath(PurePosixPath(str(name or "")).name).name
    base = unicodedata.normalize("NFKC", base)
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if dot and len(base) > 120:  # keep the extension when shortening
        base = stem[: 119 - len(suffix)] + "." + suffix
    base = base[:120].strip(" .")
    if not base or set(base) <= {"_", ".", " "}:
        raise NewsragError(f"file name {str(name)[:80]!r} has no usable characters: rename it (letters, digits, . _ -)")
    return base


@dataclass
class Refused:
    name: str
    reason: str


@dataclass
class Accepted:
    name: str  # the safe name under uploads/
    path: Path


@dataclass
class Checked:
    accepted: list[Accepted] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def check_and_store(
    files: list[tuple[str, str]], uploads_dir: Path, max_bytes: int = MAX_UPLOAD_BYTES, uploader: str = ""
) -> Checked:
    """Copy each (temp path, name the browser gave) that passes the checks to uploads_dir/[<login>/]<safe name>.

    A re-uploaded name overwrites the same uploader's earlier copy on purpose: ingest then updates that article
    instead of adding a near-duplicate. Each logged-in uploader has a folder of their own, so one user's upload never
    overwrites another's file (ingest/provenance.py refuses replacing their articles).
    """
    out = Checked()
    if uploader:
        try:
            folder = safe_name(uploader)
        except NewsragError:  # a login of symbols only: a stable folder name all the same
            folder = "user_" + hashlib.sha256(uploader.encode()).hexdigest()[:12]
        uploads_dir = uploads_dir / folder
    if len(files) > MAX_FILES:
        out.refused += [
            Refused(
                Path(n).name,
                f"more than {MAX_FILES} files in one upload: add the rest in another upload "
                "or use `newsrag ingest FOLDER`",
            )
            for _, n in files[MAX_FILES:]
        ]
        files = files[:MAX_FILES]
    uploads_dir.mkdir(parents=True, exist_ok=True)
    root = uploads_dir.resolve()
    for tmp, given in files:
        shown = PureWindowsPath(PurePosixPath(str(given)).name).name or str(given)
        try:
            name = safe_name(given)
        except NewsragError as exc:
            out.refused.append(Refused(shown, str(exc)))
            continue
        suffix = Path(name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            kind = f"'{suffix}'" if suffix else "no extension"
            out.refused.append(
                Refused(shown, f"{kind} files are not articles newsrag reads; upload {', '.join(ALLOWED_SUFFIXES)}")
            )
            continue
        size = Path(tmp).stat().st_size
        if size > max_bytes:
            have, limit = human_size(size), human_size(max_bytes)
            have = f"{size:,} bytes" if have == limit else have  # just over: rounding would print the same figure
            out.refused.append(
                Refused(
                    shown,
                    f"{have} is over the {limit} limit per file: split it, or ingest it with `newsrag ingest PATH`",
                )
            )
            continue
        if size == 0:
            out.refused.append(Refused(shown, "the file is empty: add the article text"))
            continue
        dest = (uploads_dir / name).resolve()
        if dest.parent != root:  # safe_name makes this impossible; checked anyway because it guards the disk
            out.refused.append(Refused(shown, "file name points outside the uploads folder: rename it"))
            continue
        shutil.copyfile(tmp, dest)
        out.accepted.append(Accepted(name, dest))
    return out


def ingest_uploads(
    checked: Checked,
    store,
    on_file: Callable[[int, int, str], None] | None = None,
    on_chunks: Callable[[int, int, str, int, int], None] | None = None,
    uploader: str = "",
) -> dict:
    """Ingest accepted files one by one (so progress and failures are per file); a summary for the page.

    `on_chunks(i, n, name, done, total)` follows file i's passages as they are embedded. Recorded as uploads by
    `uploader`: they update only that uploader's earlier uploads (ingest/provenance.py).
    """

    totals = {"added": 0, "updated": 0, "unchanged": 0, "chunks_embedded": 0, "seconds": 0.0}
    failed = [{"name": r.name, "error": r.reason} for r in checked.refused]
    warnings: list[dict] = []
    n = len(checked.accepted)
    for i, item in enumerate(checked.accepted):
        if on_file:
            on_file(i, n, item.name)
        follow = (lambda done, total, i=i, name=item.name: on_chunks(i, n, name, done, total)) if on_chunks else None
        summary = ingest(
            [str(item.path)], store=store, on_progress=follow, provenance=Provenance(upload=True, uploader=uploader)
        )
        for key in ("added", "updated", "unchanged", "chunks_embedded", "seconds"):
            totals[key] += getattr(summary, key)
        failed += [{"name": item.name, "error": _strip_path(f["error"], item.path)} for f in summary.failed]
        warnings += [{"name": item.name, "error": _strip_path(w["error"], item.path)} for w in summary.warnings]
    # every file the browser sent counts, also those refused before ingesting (wrong type, too large)
    received = len(checked.accepted) + len(checked.refused)
    return {
        **totals,
        "files": [a.name for a in checked.accepted],
        "received": received,
        "failed": failed,
        "warnings": warnings,
    }


def _strip_path(message: str, path: Path) -> str:
    """Loader messages may name the server-side path; the page shows only the file's own name."""
    return str(message).replace(str(path), path.name).replace(str(path.parent) + "/", "")
