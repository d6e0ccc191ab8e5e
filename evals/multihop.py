"""MultiHop-RAG (Tang & Yang, COLM 2024): the local copy under data_dir, else a download from Hugging Face.

Queries are split deterministically into a `tune` half (choose thresholds and weights there) and a `report` half
(publish numbers from there): within each question type, queries are ordered by the sha1 of their text and dealt
alternately, so both halves hold the same mix of types and no query ever changes side between runs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rag.core.errors import NewsragError
from rag.core.settings import get_settings

HF_BASE = "https://huggingface.co/datasets/yixuantt/MultiHopRAG/resolve/main"
# The published files; the local copy holds the dev subset as queries-dev.json and the full set may sit beside it.
CORPUS_FILE = "corpus.json"
QUERY_FILES = ("queries-dev.json", "MultiHopRAG.json")
SPLITS = ("tune", "report", "all")
_QUERY_FIELDS = ("query", "answer", "question_type", "evidence_list")


@dataclass
class Query:
    """One benchmark question with its gold answer and gold evidence facts."""

    id: str  # sha1 of the query text, short: stable across files and runs
    question: str
    answer: str
    question_type: str  # inference_query | comparison_query | temporal_query | null_query
    facts: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    split: str = ""

    @property
    def answerable(self) -> bool:
        return self.question_type != "null_query"

    @property
    def kind(self) -> str:
        """The question type without the "_query" suffix, for tables."""
        return self.question_type.removesuffix("_query")


def data_path(data_dir: str | Path | None = None) -> Path:
    """<data_dir>/multihop-rag, data_dir from NEWSRAG_DATA_DIR (default ../shared/data)."""
    return Path(data_dir if data_dir is not None else get_settings().data_dir) / "multihop-rag"


def fetch(dest: Path, base_url: str = HF_BASE, timeout: float = 120.0) -> list[Path]:
    """Download corpus.json and MultiHopRAG.json (all 2,556 queries) from the Hugging Face dataset into dest."""
    import httpx

    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (CORPUS_FILE, "MultiHopRAG.json"):
        url = f"{base_url.rstrip('/')}/{name}"
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
        response.raise_for_status()
        if not isinstance(json.loads(response.text), list):  # refuse to store an error page or the wrong file
            raise ValueError(f"{url} did not return a JSON list")
        tmp = dest / f"{name}.part"
        tmp.write_text(response.text, encoding="utf-8")
        tmp.replace(dest / name)  # atomic: a killed download leaves no half file behind
        written.append(dest / name)
    return written


def ensure_data(data_dir: str | Path | None = None, download: bool = True, base_url: str = HF_BASE) -> Path:
    """The folder holding corpus.json and a query file; downloads them when missing (and `download` is true)."""
    path = data_path(data_dir)
    if (path / CORPUS_FILE).is_file() and any((path / q).is_file() for q in QUERY_FILES):
        return path
    hint = "set NEWSRAG_DATA_DIR to a folder holding multihop-rag/corpus.json and multihop-rag/queries-dev.json"
    if not download:
        raise NewsragError(f"MultiHop-RAG is not at {path}: {hint}")
    try:
        fetch(path, base_url)
    except Exception as exc:  # no network, HTTP error, read-only data_dir: say what to do instead
        raise NewsragError(
            f"MultiHop-RAG is not at {path} and downloading it from {base_url} failed ({type(exc).__name__}: {exc}); "
            f"download corpus.json and MultiHopRAG.json from the Hugging Face dataset yixuantt/MultiHopRAG into "
            f"that folder, or {hint}"
        ) from exc
    return path


def _read_json_list(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise NewsragError(f"{path}: not valid JSON ({exc}); delete it and download a fresh copy") from exc
    if not isinstance(data, list):
        raise NewsragError(f"{path}: expected a JSON list of records, got {type(data).__name__}")
    return data


def query_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def load_corpus(data_dir: str | Path | None = None, download: bool = True) -> list[dict]:
    """The corpus records {title, author, source, published_at, category, url, body}."""
    return _read_json_list(ensure_data(data_dir, download) / CORPUS_FILE)


def load_queries(data_dir: str | Path | None = None, split: str = "all", download: bool = True) -> list[Query]:
    """The queries of one split (tune | report | all), in file order, each tagged with its split."""
    if split not in SPLITS:
        raise NewsragError(f"split {split!r} is unknown; choose one of {', '.join(SPLITS)}")
    folder = ensure_data(data_dir, download)
    path = next(folder / q for q in QUERY_FILES if (folder / q).is_file())
    queries = []
    for i, rec in enumerate(_read_json_list(path)):
        missing = [k for k in _QUERY_FIELDS if not isinstance(rec, dict) or k not in rec]
        if missing:
            raise NewsragError(f"{path}: record {i} lacks field(s) {missing}; expected {{{', '.join(_QUERY_FIELDS)}}}")
        evidence = rec["evidence_list"] or []
        queries.append(
            Query(
                id=query_id(rec["query"]),
                question=rec["query"],
                answer=str(rec["answer"]),
                question_type=str(rec["question_type"]),
                facts=[str(e.get("fact", "")) for e in evidence],
                evidence=evidence,
            )
        )
    assign_splits(queries)
    return [q for q in queries if split == "all" or q.split == split]


def assign_splits(queries: list[Query]) -> None:
    """Tag each query tune or report: per question type, in sha1 order, alternately (tune first)."""
    by_type: dict[str, list[Query]] = {}
    for q in queries:
        by_type.setdefault(q.question_type, []).append(q)
    for group in by_type.values():
        for i, q in enumerate(
            sorted(group, key=lambda q: (hashlib.sha1(q.question.encode("utf-8")).hexdigest(), q.question))
        ):
            q.split = "tune" if i % 2 == 0 else "report"


def sample(queries: list[Query], limit: int | None) -> list[Query]:
    """The first `limit` queries in sha1 order: a fixed pseudo-random sample that keeps the mix of types."""
    if limit is None:
        return list(queries)
    if limit < 1:
        raise NewsragError(f"--limit must be at least 1, got {limit}")
    return sorted(queries, key=lambda q: hashlib.sha1(q.question.encode("utf-8")).hexdigest())[:limit]


def subset_corpus(queries: list[Query], corpus: list[dict], others: int = 100) -> list[dict]:
    """The corpus records holding the queries' evidence (matched by URL, else title) plus `others` distractors
    (fixed: the first in sha1-of-URL order): a small index on which those queries stay answerable."""
    wanted_urls = {e.get("url") for q in queries for e in q.evidence if e.get("url")}
    wanted_titles = {e.get("title") for q in queries for e in q.evidence if e.get("title")}
    evidence = [r for r in corpus if r.get("url") in wanted_urls or r.get("title") in wanted_titles]
    rest = sorted(
        (r for r in corpus if r not in evidence),
        key=lambda r: hashlib.sha1(str(r.get("url") or r.get("title")).encode("utf-8")).hexdigest(),
    )
    return evidence + rest[:others]
