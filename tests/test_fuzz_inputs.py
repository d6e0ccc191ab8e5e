"""Property-based fuzzing of the question side and the upload names (hypothesis; profile via HYPOTHESIS_PROFILE):
dates, time hints, filters, the BM25 query builder, whole questions, upload file names.

Property everywhere: the result is well-formed or a NewsragError whose message names the input; never another
exception. Questions run against the seed index (read only): the index is the same after them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pytest
from fuzz_support import budget, count, write_counts
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.core.errors import NewsragError

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
MONTHS = [*list(calendar.month_name)[1:], "Jan", "Sept", "Oct"]
# Pieces of real date and time wording, so generated strings reach the parsers' deeper branches.
date_words = st.lists(
    st.sampled_from(
        MONTHS
        + [
            "in",
            "on",
            "last",
            "past",
            "this",
            "week",
            "month",
            "year",
            "since",
            "until",
            "before",
            "after",
            ",",
            "2023",
            "1999",
            "0000",
            "9999",
            "99999",
            "31",
            "30",
            "29",
            "0",
            "-1",
            "12th",
            "T",
            "Z",
            "+05:00",
            "/",
            "-",
            "yesterday",
            "today",
            "published",
            "of",
        ]
    )
    | st.integers(-5, 100000).map(str),
    max_size=12,
).map(" ".join)
questions = (
    text
    | date_words
    | st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "*",
                "(",
                ")",
                "NEAR",
                "AND",
                "OR",
                "NOT",
                "^",
                ":",
                "-",
                "+",
                "{",
                "}",
                "title:",
                "Keane",
                "Beijing",
                "said",
                "the",
                "\\",
                "%",
                "_",
                "\x00",
                "’",
                "…",
                "ß",
                "İ",
                "ﬁ",
                "🙂",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    write_counts("inputs")


# ---------------------------------------------------------------- dates (ingest) and time hints (questions)


@given(
    value=text
    | date_words
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.none()
    | st.dates()
    | st.datetimes()
    | st.lists(st.integers(), max_size=3)
    | st.booleans()
)
def test_publication_dates(value):
    from ingest.dates import normalize_date

    count("dates: normalize_date")
    iso, ts = normalize_date(value)
    assert isinstance(iso, str) and isinstance(ts, int)
    if iso:
        assert ISO.fullmatch(iso), iso
        assert ts == calendar.timegm(dt.date.fromisoformat(iso).timetuple())
    else:
        assert ts == 0


@given(question=questions, today=st.dates(min_value=dt.date(1, 2, 1)))
def test_time_hints(question, today):
    from rag.query import mentioned_days, read_hints

    count("time hints: read_hints")
    hints = read_hints(question, ["The Verge", "TechCrunch", "The Independent - Life and Style"], today)
    for day in (hints.since, hints.until):
        assert day == "" or ISO.fullmatch(day)
    assert (hints.since == "") == (hints.until == "")
    assert not hints.since or hints.since <= hints.until
    assert all(ISO.fullmatch(d) for d in mentioned_days(question))


@given(
    source=st.none() | text | st.lists(text, max_size=3),
    since=st.none() | text | date_words,
    until=st.none() | text | date_words,
)
def test_filters(seed_assistant, source, since, until):
    count("filters: Assistant.filters")
    try:
        f = seed_assistant.filters(source, since, until)
    except NewsragError as exc:
        message = str(exc)
        assert any(word in message for word in ("since", "until", "source")), message
        return
    assert all(s in seed_assistant.store.sources() for s in f.sources)
    assert not (f.since and f.until) or f.since <= f.until


# ---------------------------------------------------------------- the question path


@given(question=questions)
def test_bm25_query_builder(seed_assistant, question):
    from rag.core.types import Filters
    from rag.keyword import keyword_search, query_terms

    count("BM25 query builder: keyword_search")
    terms = query_terms(question)
    assert all(t and t == t.strip() for t in terms)
    hits = keyword_search(seed_assistant.store, question, Filters(), 10)  # FTS5 must accept the expression
    assert all(isinstance(cid, str) and isinstance(score, float) for cid, score in hits)


@settings(max_examples=budget(0.3))
@given(question=questions | st.text(min_size=1900, max_size=2100))
def test_whole_questions(seed_assistant, question):
    count("question path: Assistant.ask (extractive)")
    before = seed_assistant.store.stats().to_dict()
    try:
        answer = seed_assistant.ask(question)
    except NewsragError as exc:
        assert "question" in str(exc), exc
        return
    for c in answer.citations:
        assert seed_assistant.store.article(c.article_id).text[c.start : c.end] == c.quote
    assert answer.refused or answer.citations
    assert seed_assistant.store.stats().to_dict() == before


# ---------------------------------------------------------------- upload names

names = text | st.lists(
    st.sampled_from(
        [
            "..",
            ".",
            "/",
            "\\",
            "C:",
            "~",
            "a",
            "b.md",
            ".md",
            " ",
            "\x00",
            "%2e",
            "\u202e",
            "ﬁle",
            "ｆｕｌｌ",
            "CON",
            "\n",
            "*",
            "?",
            ":",
            ".txt",
            ".pdf",
        ]
    ),
    max_size=10,
).map("".join)


@given(name=names)
def test_upload_names(name):
    from ui.uploads import safe_name

    count("upload names: safe_name")
    try:
        safe = safe_name(name)
    except NewsragError as exc:
        assert "file name" in str(exc) and "rename" in str(exc)
        return
    assert safe and len(safe) <= 120 and not safe.startswith((".", " ")) and safe == safe.strip(" .")
    assert re.fullmatch(r"[A-Za-z0-9._ -]+", safe), safe
    assert safe not in (".", "..")


@pytest.fixture(scope="module")
def upload_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Module-scoped so hypothesis may reuse it across examples; pytest removes it, unlike a bare mkdtemp.
    return tmp_path_factory.mktemp("upload-fuzz")


@settings(max_examples=budget(0.5))
@given(
    given_names=st.lists(names, min_size=1, max_size=4),
    uploader=st.sampled_from(["", "ann", "../../etc", "..", "日本", "a/b"]),
)
def test_uploads_land_only_in_the_uploads_folder(upload_root, given_names, uploader):
    from ui.uploads import check_and_store

    count("upload names: check_and_store")
    src = upload_root / "src.md"
    src.write_text("A short article about the harbour.", encoding="utf-8")
    uploads = upload_root / "index" / "uploads"
    checked = check_and_store([(str(src), n) for n in given_names], uploads, uploader=uploader)
    assert len(checked.accepted) + len(checked.refused) == len(given_names)
    root = uploads.resolve()
    for a in checked.accepted:
        assert root in a.path.resolve().parents
    outside = [p for p in upload_root.rglob("*") if p.is_file() and p != src and root not in p.resolve().parents]
    assert outside == []
