"""SummEdits (Laban et al. 2023) loader: the local copy under data_dir, else a fetch from salesforce/factualNLG."""

from __future__ import annotations

import json
from pathlib import Path

from rag.core.settings import get_settings

DOMAINS = ("news", "ectsum", "podcast", "qmsumm", "sales_call", "sales_email", "samsum", "scitldr")
# News is kept for reporting only; the scorer is trained and calibrated on these.
TRAIN_DOMAINS = tuple(d for d in DOMAINS if d != "news")
URL = "https://raw.githubusercontent.com/salesforce/factualNLG/master/data/summedits/summedits_{domain}.json"
_REQUIRED = ("doc", "summary", "label")


def local_path(domain: str, data_dir: str | Path | None = None) -> Path:
    """Where the local copy of a domain lives: <data_dir>/summedits/summedits_<domain>.json."""
    base = Path(data_dir if data_dir is not None else get_settings().data_dir)
    return base / "summedits" / f"summedits_{domain}.json"


def fetch(domain: str, dest: Path, timeout: float = 60.0) -> Path:
    """Download one domain from its public home to `dest` (written atomically)."""
    import httpx

    url = URL.format(domain=domain)
    response = httpx.get(url, timeout=timeout, follow_redirects=True)
    response.raise_for_status()
    json.loads(response.text)  # refuse to store something that is not JSON
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".part")
    tmp.write_text(response.text, encoding="utf-8")
    tmp.replace(dest)
    return dest


def load_domain(domain: str, data_dir: str | Path | None = None, download: bool = True) -> list[dict]:
    """Records `{id, doc, summary, label, ...}` of one domain (label 1 = consistent), validated.

    Reads the local copy; when it is missing and `download` is true, fetches it from GitHub into data_dir first.
    """
    if domain not in DOMAINS:
        raise ValueError(f"unknown SummEdits domain {domain!r}; choose one of {', '.join(DOMAINS)}")
    path = local_path(domain, data_dir)
    if not path.is_file():
        if not download:
            raise FileNotFoundError(f"{path} is missing; set NEWSRAG_DATA_DIR to a folder holding summedits/")
        try:
            fetch(domain, path)
        except Exception as exc:  # no network, HTTP error, read-only data_dir: say what to do
            raise FileNotFoundError(
                f"{path} is missing and fetching {URL.format(domain=domain)} failed ({type(exc).__name__}: {exc}); "
                "download it by hand into that path or set NEWSRAG_DATA_DIR to a folder holding summedits/"
            ) from exc
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc}); delete it to fetch a fresh copy") from exc
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON list of records, got {type(records).__name__}")
    for i, rec in enumerate(records):
        missing = [k for k in _REQUIRED if not isinstance(rec, dict) or k not in rec]
        if missing:
            raise ValueError(f"{path}: record {i} lacks field(s) {missing}; expected {{id, doc, summary, label}}")
        if rec["label"] not in (0, 1):
            raise ValueError(f"{path}: record {i} has label {rec['label']!r}; expected 0 or 1")
    return records
