"""Shared by the property-based (hypothesis) tests: profiles, a per-entry-point case counter, a PDF maker.

Profiles, picked with HYPOTHESIS_PROFILE: "ci" (default, the bounded run in `make test`) and "long" (`make
test-long`: >= 10,000 generated cases over all entry points). No deadline: timing is not a property here.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

CASES: Counter[str] = Counter()  # entry point -> generated cases run
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def count(entry_point: str) -> None:
    CASES[entry_point] += 1


def budget(share: float) -> int:
    """max_examples for an expensive entry point: a share of the profile's (never below 5)."""
    return max(5, int(settings.get_profile(PROFILE).max_examples * share))


def write_counts(name: str) -> None:
    """test-artifacts/fuzz_<name>_<profile>.json: the cases each entry point ran, for the report."""
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"fuzz_{name}_{PROFILE}.json").write_text(json.dumps(dict(CASES), indent=2, sort_keys=True))
    print(f"\nfuzz cases ({PROFILE}): {dict(CASES)}, total {sum(CASES.values())}")


def make_pdf(pages: list[str], title: str = "") -> bytes:
    """A small valid PDF with one text line per page (Helvetica), built by hand: no PDF writer needed."""
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, text in enumerate(pages):
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")
        stream = b"BT /F1 12 Tf 72 720 Td (" + safe + b") Tj ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info_id = len(objects) + 1
    objects.append(f"<< /Title ({title}) >>".encode("latin-1", "replace"))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_id,
        xref,
    )
    return bytes(out)
