"""PDF articles: the text layer of every page via pypdf (scanned pages have none: no OCR here)."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ingest.loaders.common import InputError, Loaded, LoadProblem, build

# Pages read per PDF: an article, a report or a newspaper issue has far fewer. Measured: a 5,000-page PDF takes
# ~8 s and ~30 MB just to extract; its ~500 chunks would then hold ingest (and an upload's lock) for minutes.
MAX_PDF_PAGES = 1000


def load_pdf(data: bytes, *, label: str, origin: str, stem: str) -> Loaded:
    """One article from a PDF; pages are joined with a blank line, title/author/date from the PDF's metadata."""
    # pypdf logs every repaired cross-reference table as a warning; the user only needs our one-line verdict.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is password-protected: save an unprotected copy and load that")
        n_pages = len(reader.pages)
        if n_pages > MAX_PDF_PAGES:
            raise InputError(
                f"the PDF has {n_pages:,} pages; newsrag reads articles of up to {MAX_PDF_PAGES:,} "
                "pages: split it, or extract the articles you need"
            )
        pages = list(reader.pages)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        reason = f"{type(exc).__name__}: {str(exc)[:120]}"
        raise InputError(f"not a readable PDF ({reason}): re-export or re-save it") from None
    texts, failed = [], 0
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one damaged page must not lose the others
            failed += 1
    if failed:
        yield LoadProblem(label, f"{failed} of {len(pages)} pages could not be read and were skipped", fatal=False)
    text = "\n\n".join(t.strip("\n") for t in texts if t.strip())
    if not text.strip():
        raise InputError(
            "the PDF has no extractable text (scanned images or an empty document): run OCR on it first, or load "
            "the article's text as .txt"
        )
    meta = _metadata(reader)
    yield from build(
        text=text,
        label=label,
        origin=origin,
        title=meta.get("/Title", ""),
        author=meta.get("/Author", ""),
        date=meta.get("/CreationDate"),
        fallback_title=stem,
    )


def _metadata(reader: object) -> dict[str, str]:
    """The document info dictionary as plain strings ({} when absent or unreadable)."""
    try:
        info = reader.metadata or {}  # type: ignore[attr-defined]
        return {str(k): str(v) for k, v in info.items() if isinstance(v, (str, bytes)) or hasattr(v, "strip")}
    except Exception:  # noqa: BLE001 - metadata is optional; a broken info dict must not lose the text
        return {}
