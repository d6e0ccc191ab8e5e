"""Property-based fuzzing of every loader and of ingest itself (hypothesis; profile via HYPOTHESIS_PROFILE).

Properties, for any bytes in any supported file type: load() yields only Articles and LoadProblems (no exception),
every problem names the file it is about and says what to do, no problem is an "unexpected error" (a bug caught by
the last-resort guard), every article has text and a stable id. Ingesting such files into an index never loses or
alters what the index already holds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from fuzz_support import budget, count, make_pdf, write_counts
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.loaders import LoadProblem, load
from rag.core.types import Article

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".pdf"]
_DIR = Path(tempfile.mkdtemp(prefix="newsrag-fuzz-"))


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    write_counts("loaders")


def check_load(path: Path) -> tuple[list[Article], list[LoadProblem]]:
    items = list(load([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, LoadProblem)]
    assert len(articles) + len(problems) == len(items), items
    for p in problems:
        assert p.path.startswith(str(path)), p  # names the input ("file", "file:LINE", "file#N")
        assert "unexpected error" not in p.error, p  # a bug that only the last-resort guard caught
        assert len(p.error) > 15, p
    for a in articles:
        assert a.text.strip() and len(a.id) == 16 and a.origin == str(path)
        assert a.title.strip()
    assert articles or any(p.fatal for p in problems), items  # nothing loaded must be said
    return articles, problems


def write(suffix: str, data: bytes, name: str = "input") -> Path:
    path = _DIR / f"{name}{suffix}"
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- strategies

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            text | st.sampled_from(["title", "body", "url", "published_at", "author", "source", "text"]),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@st.composite
def broken_encoding(draw) -> bytes:
    """Valid text with invalid UTF-8 bytes spliced in, or text in another encoding."""
    body = draw(text).encode("utf-8")
    kind = draw(st.sampled_from(["splice", "latin1", "utf16", "bom"]))
    if kind == "splice":
        at = draw(st.integers(0, len(body)))
        return body[:at] + draw(st.binary(min_size=1, max_size=4).filter(lambda b: b[0] >= 0x80)) + body[at:]
    if kind == "latin1":
        return draw(text).encode("latin-1", "replace") + "é café".encode("latin-1")
    if kind == "utf16":
        return draw(text).encode("utf-16")
    return b"\xef\xbb\xbf" + body


@st.composite
def huge_line(draw) -> bytes:
    unit = draw(st.text(min_size=1, max_size=8)).encode("utf-8")
    return unit * draw(st.integers(10_000, 300_000).map(lambda n: n // len(unit)))


@st.composite
def deep_json(draw) -> bytes:
    depth = draw(st.integers(50, 50_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    closed = draw(st.booleans())
    return (opener * depth + "1" + (closer * depth if closed else "")).encode()


@st.composite
def truncated_pdf(draw) -> bytes:
    pages = draw(
        st.lists(
            st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=60), min_size=1, max_size=4
        )
    )
    pdf = make_pdf(pages, title=draw(st.text(max_size=20)))
    how = draw(st.sampled_from(["cut", "flip", "keep"]))
    if how == "cut":
        return pdf[: draw(st.integers(1, len(pdf) - 1))]
    if how == "flip":
        at = draw(st.integers(0, len(pdf) - 1))
        return pdf[:at] + bytes([pdf[at] ^ draw(st.integers(1, 255))]) + pdf[at + 1 :]
    return pdf


@st.composite
def front_matter_file(draw) -> bytes:
    keys = (
        st.sampled_from(
            ["title", "date", "published", "author", "source", "url", "tags", "!!python/object", "<<", "&a", "*a", "? "]
        )
        | text
    )
    values = text | st.sampled_from(
        [
            "2023-02-30",
            "yesterday",
            "[1, 2",
            "{a: b",
            "!!binary AAAA",
            "*undefined",
            "&x [*x, *x]",
            "1e999",
            "null",
            "~",
            "- - -",
            "'",
            '"',
        ]
    )
    lines = draw(st.lists(st.tuples(keys, values).map(lambda kv: f"{kv[0]}: {kv[1]}"), max_size=8))
    closing = draw(st.sampled_from(["---\n", "...\n", "", "--- \n"]))
    return ("---\n" + "\n".join(lines) + "\n" + closing + draw(text)).encode("utf-8", "surrogatepass")


def records(value: object, jsonl: bool) -> bytes:
    if jsonl and isinstance(value, list):
        return "\n".join(json.dumps(v, allow_nan=True) for v in value).encode()
    return json.dumps(value, allow_nan=True).encode()


# ---------------------------------------------------------------- every loader, every kind of bad input


@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_random_bytes(suffix, data):
    count(f"loader random bytes ({suffix})")
    check_load(write(suffix, data))


@given(suffix=st.sampled_from(SUFFIXES), data=text)
def test_random_unicode(suffix, data):
    count(f"loader random unicode ({suffix})")
    check_load(write(suffix, data.encode("utf-8")))


@given(suffix=st.sampled_from(SUFFIXES), data=broken_encoding())
def test_broken_encodings(suffix, data):
    count("loader broken encodings")
    check_load(write(suffix, data))


@settings(max_examples=budget(0.1))
@given(suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]), data=huge_line())
def test_huge_lines(suffix, data):
    count("loader huge lines")
    check_load(write(suffix, data))


@settings(max_examples=budget(0.3))
@given(suffix=st.sampled_from([".json", ".jsonl", ".html"]), data=deep_json())
def test_deep_nesting(suffix, data):
    count("loader deep JSON/HTML nesting")
    if suffix == ".html":
        data = data.replace(b"[", b"<div>").replace(b"]", b"</div>").replace(b'{"a":', b"<b>").replace(b"}", b"</b>")
    check_load(write(suffix, data))


@given(value=json_values, jsonl=st.booleans())
def test_json_records_of_any_shape(value, jsonl):
    count("loader JSON/JSONL records")
    check_load(write(".jsonl" if jsonl else ".json", records(value, jsonl)))


@settings(max_examples=budget(0.5))
@given(data=truncated_pdf())
def test_truncated_and_damaged_pdfs(data):
    count("loader truncated/damaged PDF")
    check_load(write(".pdf", data))


@example(data=b"---\ntitle: 0000-00-00\n---\n", suffix=".md")  # found by the long run: YAML's timestamp of year 0
@given(data=front_matter_file(), suffix=st.sampled_from([".md", ".txt"]))
def test_front_matter(data, suffix):
    count("front matter")
    check_load(write(suffix, data))


@given(html=st.text(st.sampled_from(list("<>/=\"' abcdivpstyle:none;hidden-![]&#;x0123")), max_size=600))
def test_html_made_of_markup_fragments(html):
    count("loader HTML fragments")
    check_load(write(".html", ("<html><body><article>" + html + "</article></body></html>").encode()))


# ---------------------------------------------------------------- ingest never loses what is stored


@pytest.fixture(scope="module")
def stocked_index(tmp_path_factory):
    from ingest.index import ingest
    from rag.core.store import Store

    root = tmp_path_factory.mktemp("fuzz_index")
    (root / "keep").mkdir()
    (root / "keep" / "keep.md").write_text(
        "---\ntitle: Harbour bridge reopens\ndate: 2024-03-01\n---\nThe harbour "
        "bridge reopened on Friday after two years of repairs.\n",
        encoding="utf-8",
    )
    store = Store.open(root / "index", create=True)
    assert ingest([str(root / "keep")], store=store).added == 1
    return store, root


def snapshot(store) -> dict:
    return {i: store.article(i) for i in store.article_ids()}


@settings(max_examples=budget(0.04))
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=2000) | text.map(str.encode) | front_matter_file())
def test_ingesting_hostile_files_never_alters_what_is_stored(stocked_index, suffix, data):
    from ingest.index import ingest

    count("ingest (index unchanged)")
    store, root = stocked_index
    before = snapshot(store)
    folder = root / "incoming"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / f"fuzz{suffix}").write_bytes(data)
    summary = ingest([str(folder)], store=store)
    after = snapshot(store)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing stored is lost or altered
    assert len(after) - len(before) == summary.added + summary.updated - summary.updated  # only new articles
    assert store.stats().to_dict()["consistent"]
    store.remove([k for k in after if k not in before])  # keep the index small for the next case
