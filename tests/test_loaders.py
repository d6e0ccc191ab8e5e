"""Article loaders: every format, every bad input, URLs and feeds on a real local HTTP server, MultiHop-RAG records."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from ingest import fetch as safe_fetch
from ingest.dates import normalize_date, published_instant
from ingest.loaders import SUPPORTED, LoadProblem, article_id, dispatch, load
from rag.core.types import Article

try:  # tests/ is a plain folder (rootdir on sys.path) or a package, depending on who else adds files
    from http_fixture_server import FixtureServer, private_fetch_allowed
except ImportError:  # pragma: no cover
    from tests.http_fixture_server import FixtureServer, private_fetch_allowed

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES, RECORDS, HOSTILE = FIXTURES / "articles", FIXTURES / "records", FIXTURES / "hostile"


def run(*inputs: object, **kw: object) -> tuple[list[Article], list[LoadProblem]]:
    items = list(load([str(i) for i in inputs], **kw))
    assert all(isinstance(i, (Article, LoadProblem)) for i in items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, LoadProblem)]


def fatal(problems: list[LoadProblem]) -> list[LoadProblem]:
    return [p for p in problems if p.fatal]


def only_problem(*inputs: object, **kw: object) -> LoadProblem:
    """Inputs that must load nothing and give exactly one fatal problem."""
    articles, problems = run(*inputs, **kw)
    assert articles == [] and len(problems) == 1 and problems[0].fatal, problems
    return problems[0]


def midnight(day: str) -> int:
    return calendar.timegm(dt.date.fromisoformat(day).timetuple())


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF written by hand: one Helvetica text page per entry of `pages`."""
    objs: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    contents = []
    for lines in pages:
        ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
        ops += ["(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for ln in lines]
        stream = "\n".join(ops + ["ET"]).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        contents.append(len(objs))
    pages_id = len(objs) + len(pages) + 1
    kids = []
    for content in contents:
        objs.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, content)
        )
        kids.append(len(objs))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objs.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    catalog = len(objs)
    objs.append(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), v.encode()) for k, v in (info or {}).items()) + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        len(objs),
        xref,
    )
    return bytes(out)


# ---------------------------------------------------------------- dates and ids


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-11-27 08:45:59.000000000Z", "2023-11-27"),  # MultiHop-RAG's format
        ("2023-11-24T23:10:22+00:00", "2023-11-24"),
        ("2023-11-24T23:10:22-05:00", "2023-11-24"),  # the date as written, not shifted to UTC
        ("February 19, 2023", "2023-02-19"),
        ("Mon, 20 Feb 2023 10:00:00 GMT", "2023-02-20"),  # RSS
        ("2023-02-19", "2023-02-19"),
        ("20230219", "2023-02-19"),
        ("D:20230219120000+01'00'", "2023-02-19"),  # PDF metadata
        ("1676764800", "2023-02-19"),  # epoch seconds
        (dt.date(2023, 2, 19), "2023-02-19"),  # what YAML front matter parses dates into
    ],
)
def test_normalize_date_formats(value: object, day: str) -> None:
    assert normalize_date(value) == (day, midnight(day))


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "None",
        "null",
        "sometime last week",
        "Feb 2023",
        "2023",
        "Sunday",
        "99999-01-01",
        "<script>alert(1)</script>",
        "x" * 500,
    ],
)
def test_normalize_date_refuses_what_is_not_a_full_date(value: object) -> None:
    assert normalize_date(value) == ("", 0)


def test_article_id_is_stable_and_prefers_the_url() -> None:
    a = article_id("https://Example.com/news/1#comments", "/data/a.json", "k1")
    assert re.fullmatch(r"[0-9a-f]{16}", a)
    assert a == article_id("https://example.com/news/1", "/elsewhere/b.txt")  # origin ignored when there is a URL
    assert a != article_id("https://example.com/news/2", "/data/a.json")
    assert article_id("", "/data/a.json", "k1") == article_id("", "/data/a.json", "k1")
    assert article_id("", "/data/a.json", "k1") != article_id("", "/data/a.json", "k2")
    assert article_id("", "/data/a.json") != article_id("", "/data/b.json")


# ---------------------------------------------------------------- text and markdown


def test_markdown_front_matter() -> None:
    (art,), problems = run(ARTICLES / "keane.md")
    assert problems == []
    assert art.title == "Keane: Blinken's warning may let China pull back"
    assert (art.source, art.author, art.url) == ("The Hill", "Jane Doe", "https://example.com/news/keane-beijing")
    assert (art.published_at, art.published_ts) == ("2023-02-20", midnight("2023-02-20"))
    assert art.text.startswith("Meanwhile, on Sunday, Jack Keane")
    assert art.text.endswith('Beijing wants Russia to prosper."')
    assert "\n\nAccording to The Hill" in art.text  # paragraph breaks kept
    assert art.origin == str((ARTICLES / "keane.md").resolve())
    assert art.id == article_id(art.url, "")


def test_plain_text_without_front_matter_warns_and_keeps_text_verbatim() -> None:
    (art,), problems = run(ARTICLES / "plain.txt")
    assert art.title == "US: China Considers Giving Russia 'Lethal' Military Aid"
    assert art.text.startswith("US: China Considers")  # leading blank lines removed ...
    assert "\n    Indented line kept as is." in art.text  # ... but indentation inside is not
    assert art.text.endswith("kept as is.")
    assert (art.published_at, art.published_ts, art.url) == ("", 0, "")
    assert art.id == article_id("", art.origin)
    assert [p.fatal for p in problems] == [False, False]
    assert "no title" in problems[0].error and "first line" in problems[0].error
    assert "no publication date" in problems[1].error and "published:" in problems[1].error


def test_long_first_line_is_not_a_title() -> None:
    (art,), problems = run(ARTICLES / "long_first_line.txt")
    assert art.title == "long_first_line"
    assert any("'long_first_line'" in p.error and not p.fatal for p in problems)


def test_text_normalisation_nfc_and_newlines(tmp_path: Path) -> None:
    raw = (
        "\ufeff---\r\ntitle: Cafe\u0301 news\r\npublished: 2023-02-19\r\n---\r\n"
        "\r\nCafe\u0301  opens.\r\n\r\n\r\nSecond\tpara.\r\n"
    )
    (tmp_path / "crlf.md").write_bytes(raw.encode("utf-8"))
    (art,), problems = run(tmp_path / "crlf.md")
    assert problems == []
    assert art.title == "Caf\u00e9 news"
    assert art.text == "Caf\u00e9  opens.\n\n\nSecond\tpara."  # NFC, \n, spacing otherwise untouched
    assert unicodedata.is_normalized("NFC", art.text)


def test_front_matter_with_html_and_script_is_plain_text() -> None:
    (art,), _ = run(HOSTILE / "script_title.md")
    assert art.title == "<script>alert('title')</script><img src=x onerror=alert(1)>"
    assert art.author == "<b onmouseover=alert(2)>Mallory</b>"
    assert art.text.startswith("<script>alert('body')</script>\n<iframe")
    assert "{{ 7*7 }} ${7*7}" in art.text  # not evaluated by any template engine


def test_yaml_alias_bomb_title_is_ignored_quickly() -> None:
    start = time.perf_counter()
    (art,), problems = run(HOSTILE / "yaml_bomb.md")
    print(f"yaml alias bomb handled in {time.perf_counter() - start:.3f} s")
    assert art.title == "Alias bomb in the front matter."
    assert art.published_at == "2023-02-19"
    assert any("`title` is a list" in p.error and not p.fatal for p in problems)


def test_bad_front_matter_and_front_matter_only() -> None:
    bad = only_problem(HOSTILE / "bad_front_matter.md")
    assert "not valid YAML at line 3" in bad.error and bad.path.endswith("bad_front_matter.md")
    assert "no article text after the front matter" in only_problem(HOSTILE / "front_matter_only.md").error


# ---------------------------------------------------------------- HTML


def test_html_main_text_and_metadata() -> None:
    (art,), problems = run(ARTICLES / "page.html")
    assert problems == []
    assert art.title == "Keane says Beijing wants Russia to prosper"
    assert (art.author, art.source) == ("Jane Doe", "Example News")
    assert (art.published_at, art.url) == ("2023-02-20", "https://example.com/news/keane-prosper")
    assert "Wang Yi at the Munich Security Conference" in art.text
    assert '"strategic partners"' in art.text
    for boilerplate in ("NAVLINK", "FOOTER-BOILERPLATE", "SCRIPT-IN-BODY", "SHOULD-NOT-APPEAR", "<p>"):
        assert boilerplate not in art.text


def test_html_scripts_are_dropped_and_escaped_markup_stays_literal() -> None:
    (art,), _ = run(HOSTILE / "script_page.html")
    assert art.title == "Officials meet in Munich"
    assert '<script>alert("text")</script> is part of the article text' in art.text
    for code in ("head-script", "body-script", "onload", "alert('img')", "alert('css')", "javascript:"):
        assert code not in art.text


def test_html_without_article_text(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text((FIXTURES / "web" / "nav_only.html").read_text())
    assert "no article text found in the HTML" in only_problem(tmp_path / "menu.html").error


@pytest.mark.parametrize("depth", [3000, 100_000])
def test_deeply_nested_html_is_a_problem_not_a_crash(tmp_path: Path, depth: int) -> None:
    path = HOSTILE / "deep.html"
    if depth != 3000:
        path = tmp_path / "deeper.html"
        path.write_text("<html><body>" + "<div>" * depth + "<p>buried text of an article</p>" + "</div>" * depth)
    assert "no article text found in the HTML" in only_problem(path).error


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    body = "<p>Le caf\u00e9 de la gare a rouvert ses portes ce matin apr\u00e8s trois mois de travaux importants.</p>"
    html = f'<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><article>{body}</article>'
    (tmp_path / "cp1252.html").write_bytes(html.encode("cp1252"))
    (art,), _ = run(tmp_path / "cp1252.html")
    assert "Le caf\u00e9 de la gare" in art.text


# ---------------------------------------------------------------- JSON and JSONL records


def test_multihop_record_shape_and_quirks() -> None:
    path = str((RECORDS / "multihop_sample.json").resolve())
    articles, problems = run(path)
    by_title = {a.title: a for a in articles}
    assert len(articles) == 6
    keane = by_title["Keane: Beijing wants Russia to prosper"]
    assert (keane.author, keane.source, keane.published_at) == ("", "The Hill", "2023-11-27")  # author null
    assert keane.published_ts == midnight("2023-11-27")
    assert keane.id == article_id("https://example.com/mh/1", "") and keane.origin == path
    assert by_title["Cyber Monday deals"].author == ""  # the string "None"
    assert by_title["Cyber Monday deals"].published_at == "2023-11-24"
    munich = by_title["Munich Security Conference"]  # `text` body, `date` field, long-form date
    assert (munich.text, munich.published_at) == (
        "Blinken met Wang Yi on Saturday at the Munich Security Conference.",
        "2023-02-19",
    )
    short = by_title["Short note"]  # `content` body, `published` RFC 822 date, near-empty body, no URL
    assert (short.text, short.published_at, short.url) == ("Brief.", "2023-02-20", "")
    untitled = by_title["Untitled record first line"]
    assert untitled.published_at == "" and untitled.published_ts == 0
    assert by_title["<script>alert('x')</script> Breaking"].text.startswith("Text with <img src=x onerror")
    assert len({a.id for a in articles}) == 6
    # Problems name the record (1-based) and say what to do; only #5 and #7 are fatal.
    assert {p.path for p in fatal(problems)} == {f"{path}#5", f"{path}#7"}
    assert "empty 'body'" in next(p.error for p in problems if p.path.endswith("#5"))
    assert "must be a JSON object" in next(p.error for p in problems if p.path.endswith("#7"))
    warnings = [p for p in problems if not p.fatal]
    assert {p.path for p in warnings} == {f"{path}#6"} and len(warnings) == 2


def test_single_record_object() -> None:
    (art,), problems = run(RECORDS / "single_record.json")
    assert problems == [] and art.url == "https://example.com/mh/1"


def test_jsonl_bad_lines_do_not_stop_the_others() -> None:
    path = str((RECORDS / "multihop_sample.jsonl").resolve())
    articles, problems = run(path)
    assert [a.url for a in articles] == [f"https://example.com/mh/{n}" for n in (1, 2, 3)]
    assert all(a.origin == path for a in articles)
    assert {p.path: p.fatal for p in problems} == {f"{path}:3": True, f"{path}:6": True, f"{path}:7": True}
    broken = next(p for p in problems if p.path.endswith(":3"))
    assert broken.error.startswith("line 3: invalid JSON (Expecting ',' delimiter") and "fix or remove" in broken.error


def test_jsonl_invalid_utf8_line_names_the_byte_offset() -> None:
    (art,), (problem,) = run(HOSTILE / "bad_utf8_line.jsonl")
    data = (HOSTILE / "bad_utf8_line.jsonl").read_bytes()
    assert art.title == "ok"
    assert problem.path.endswith(":2") and problem.fatal
    offset = data.index(b"\xe9")
    assert f"byte offset {offset} (line 2)" in problem.error and "UTF-8" in problem.error


def test_record_without_url_keeps_its_id_when_records_are_reordered(tmp_path: Path) -> None:
    a = {"title": "A", "body": "Text A.", "published_at": "2023-01-01"}
    b = {"title": "B", "body": "Text B.", "published_at": "2023-01-02"}
    path = tmp_path / "recs.json"
    path.write_text(json.dumps([a, b]))
    first = {x.title: x.id for x in run(path)[0]}
    path.write_text(json.dumps([b, a]))
    assert {x.title: x.id for x in run(path)[0]} == first and len(set(first.values())) == 2
    path.write_text(json.dumps([{"body": "First untitled."}, {"body": "Second untitled."}]))
    articles, problems = run(path)  # neither URL nor title nor date: still two articles, not duplicates
    assert len({x.id for x in articles}) == 2 and not any("duplicate" in p.error for p in problems)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_json.json", "invalid JSON at line 1 column 2"),
        ("deep.json", "nested too deeply"),
    ],
)
def test_broken_json_files(name: str, message: str) -> None:
    assert message in only_problem(HOSTILE / name).error


def test_json_that_is_not_records(tmp_path: Path) -> None:
    (tmp_path / "n.json").write_text("42")
    (tmp_path / "e.json").write_text("[]")
    (tmp_path / "k.json").write_text('{"headline": "x", "summary": "y"}')
    articles, problems = run(tmp_path / "n.json", tmp_path / "e.json", tmp_path / "k.json")
    assert articles == [] and len(problems) == 3
    assert "expected an array of article records" in problems[0].error
    assert "array is empty" in problems[1].error
    assert "no 'body' field (keys: headline, summary)" in problems[2].error


# ---------------------------------------------------------------- PDF


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    info = {"Title": "Keane on Beijing", "Author": "Jane Doe", "CreationDate": "D:20230220100000+00'00'"}
    pdf = make_pdf(
        [["Keane said Beijing wants Russia to prosper.", "He called them (strategic) partners."], ["Page two text."]],
        info,
    )
    (tmp_path / "keane.pdf").write_bytes(pdf)
    (art,), problems = run(tmp_path / "keane.pdf")
    assert problems == []
    assert (art.title, art.author, art.published_at) == ("Keane on Beijing", "Jane Doe", "2023-02-20")
    assert art.text == (
        "Keane said Beijing wants Russia to prosper.\nHe called them (strategic) partners.\n\nPage two text."
    )


def test_pdf_without_text_or_not_a_pdf(tmp_path: Path) -> None:
    (tmp_path / "blank.pdf").write_bytes(make_pdf([[]]))
    assert "no extractable text" in only_problem(tmp_path / "blank.pdf").error
    assert "not a readable PDF" in only_problem(HOSTILE / "not_a_pdf.pdf").error


def test_password_protected_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    (tmp_path / "plain.pdf").write_bytes(make_pdf([["Secret article text here."]]))
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with open(tmp_path / "locked.pdf", "wb") as f:
        writer.write(f)
    assert "password-protected" in only_problem(tmp_path / "locked.pdf").error


# ---------------------------------------------------------------- bad input and folders


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "file is empty"),
        ("whitespace_only.md", "file is empty"),
        ("binary.txt", "looks binary (NUL byte at byte offset 8)"),
        ("latin1.txt", "not valid UTF-8: byte 0xe9 at byte offset 3 (line 1); re-save it as UTF-8"),
        ("utf16.txt", "UTF-16 encoded: re-save it as UTF-8"),
        ("report.docx", f"unsupported file type ('.docx'): supported are {SUPPORTED}"),
        ("README", "unsupported file type (no extension)"),
    ],
)
def test_hostile_files(name: str, message: str) -> None:
    problem = only_problem(HOSTILE / name)
    assert message in problem.error
    assert problem.path == str((HOSTILE / name).resolve())


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # 50 MB made here, never committed
        f.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    problem = only_problem(big)
    print(f"50 MB file refused in {time.perf_counter() - start:.3f} s")
    assert "52,428,800 bytes, over the 20,000,000-byte limit" in problem.error and "split" in problem.error
    small = tmp_path / "small.txt"
    small.write_text("Title\n" + "word " * 300)
    assert "over the 1,000-byte limit" in only_problem(small, max_bytes=1000).error


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    with open(bytes(tmp_path) + b"/caf\xe9.txt", "wb") as f:  # a Latin-1 file name, as old archives have
        f.write(b"Title\nText.")
    problem = only_problem(tmp_path)
    assert problem.path == f"{tmp_path}/caf\ufffd.txt" and "file name is not valid UTF-8" in problem.error


def test_missing_path() -> None:
    assert "no such file or folder" in only_problem("/nonexistent/newsrag/article.txt").error


def test_hostile_folder_loads_what_it_can_and_reports_the_rest() -> None:
    items = list(load([str(HOSTILE)]))
    names = [Path(i.origin if isinstance(i, Article) else i.path.split(":")[0]).name for i in items]
    loaded = sorted(Path(i.origin).name for i in items if isinstance(i, Article))
    assert loaded == ["bad_utf8_line.jsonl", "script_page.html", "script_title.md", "yaml_bomb.md"]
    files = sorted(p.name for p in HOSTILE.iterdir())
    assert sorted(set(names)) == files  # every file accounted for, nothing silently dropped
    assert names == sorted(names)  # sorted walk


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z title\nZ text.")
    (tmp_path / "a.md").write_text("A title\nA text.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git" / "x.txt").write_text("hidden too")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)  # a symlink loop must not hang the walk
    articles, problems = run(tmp_path)
    assert [a.title for a in articles] == ["A title", "Z title"]
    assert not fatal(problems)
    (tmp_path / "empty").mkdir()
    assert "holds no visible files" in only_problem(tmp_path / "empty").error


def test_same_file_twice_is_reported_as_duplicate() -> None:
    articles, problems = run(ARTICLES / "keane.md", ARTICLES)
    assert [a.title for a in articles].count("Keane: Blinken's warning may let China pull back") == 1
    (dup,) = [p for p in problems if "duplicate" in p.error]
    assert dup.path.endswith("keane.md") and not dup.fatal and "the first copy is kept" in dup.error


def test_duplicate_url_across_files_names_both_records() -> None:
    json_path, jsonl_path = (str((RECORDS / n).resolve()) for n in ("multihop_sample.json", "multihop_sample.jsonl"))
    articles, problems = run(json_path, jsonl_path)
    assert len(articles) == 6  # the JSONL's three good lines repeat records 1-3 of the JSON file
    dups = [p for p in problems if "duplicate" in p.error]
    assert [p.path for p in dups] == [f"{jsonl_path}:{n}" for n in (1, 2, 5)]
    assert dups[0].error.startswith(f"duplicate of {json_path}#1 (same URL https://example.com/mh/1)")


def test_an_unexpected_loader_error_does_not_stop_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(data: bytes, path: str, stem: str):  # a loader bug, not bad input
        raise RuntimeError("boom")
        yield

    monkeypatch.setitem(dispatch.LOADERS, ".txt", explode)
    (tmp_path / "a.txt").write_text("x")
    articles, problems = run(tmp_path / "a.txt", ARTICLES / "keane.md")
    assert len(articles) == 1
    assert "unexpected error (RuntimeError: boom)" in problems[0].error and problems[0].fatal


def test_a_lone_string_is_one_input() -> None:
    assert len([i for i in load(str(ARTICLES / "keane.md")) if isinstance(i, Article)]) == 1  # type: ignore[arg-type]


# ---------------------------------------------------------------- URLs and feeds (local HTTP server)


@pytest.fixture(scope="module")
def server():
    with FixtureServer() as srv, private_fetch_allowed():  # loopback is refused by default (tests/test_safe_fetch.py)
        yield srv


def test_url_article(server: FixtureServer) -> None:
    url = f"{server.base}/item1.html"
    (art,), problems = run(url)
    assert problems == []
    assert (art.title, art.author, art.published_at) == (
        "Blinken warns China over arms for Russia",
        "Page Author",
        "2023-02-19",
    )
    assert (art.url, art.origin, art.id) == (url, url, article_id(url, ""))
    assert "non-lethal support" in art.text and "All rights reserved" not in art.text


def test_redirect_is_followed(server: FixtureServer) -> None:
    (art,), _ = run(f"{server.base}/redirect")
    assert art.url == f"{server.base}/item1.html" and art.origin == f"{server.base}/redirect"


def test_rss_feed_loads_each_item_and_fills_gaps_from_the_feed(server: FixtureServer) -> None:
    articles, problems = run(f"{server.base}/feed.rss")
    one, two = articles
    # The page's own metadata wins ...
    assert (one.title, one.author, one.published_at) == (
        "Blinken warns China over arms for Russia",
        "Page Author",
        "2023-02-19",
    )
    # ... and the feed item fills in what the page lacks.
    assert (two.title, two.author, two.published_at) == (
        "Wagner Group accused over satellite images",
        "Feed Author Two",
        "2023-02-17",
    )
    assert two.source == "Example World Feed" and two.origin == two.url == f"{server.base}/item2.html"
    (gone,) = problems
    assert gone.fatal and gone.path == f"{server.base}/gone.html"
    assert "HTTP 404" in gone.error and "item 3 of feed" in gone.error


def test_atom_feed_and_feed_served_as_html(server: FixtureServer) -> None:
    (art,), (no_link,) = run(f"{server.base}/feed.atom")
    assert (art.title, art.author, art.published_at) == ("Atom item two", "Atom Author", "2023-02-18")
    assert art.url == f"{server.base}/item2.html"  # a relative item link, resolved against the feed's URL
    assert no_link.path == f"{server.base}/feed.atom#2" and "has no http(s) link" in no_link.error
    articles, _ = run(f"{server.base}/feed-as-html")
    assert len(articles) == 2


def test_empty_feed_is_a_warning(server: FixtureServer) -> None:
    articles, (problem,) = run(f"{server.base}/empty.rss")
    assert articles == [] and not problem.fatal and "no items" in problem.error


@pytest.mark.parametrize("path", ["/notafeed.xml", "/nav_only.html", "/image.png"])
def test_url_that_is_neither_article_nor_feed(server: FixtureServer, path: str) -> None:
    assert "not an article or a feed" in only_problem(server.base + path).error


def test_http_errors(server: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "HTTP 404 Not Found" in only_problem(f"{server.base}/missing.html").error
    assert "over the 1,000,000-byte limit" in only_problem(f"{server.base}/big", max_bytes=1_000_000).error
    assert "not a valid http(s) URL" in only_problem("http://[::1").error
    monkeypatch.setattr(safe_fetch, "FETCH_TIMEOUT", 0.5)
    assert "no response within 0.5 s" in only_problem(f"{server.base}/slow").error


def test_unreachable_url_does_not_stop_the_rest(server: FixtureServer) -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    articles, problems = run(f"http://127.0.0.1:{port}/article", ARTICLES / "keane.md")
    assert len(articles) == 1
    assert "cannot reach the URL" in problems[0].error and problems[0].path == f"http://127.0.0.1:{port}/article"


# ---------------------------------------------------------------- the real MultiHop-RAG corpus


@pytest.mark.integration
def test_real_multihop_rag_corpus() -> None:
    from rag.core.settings import get_settings

    path = Path(get_settings().data_dir) / "multihop-rag" / "corpus.json"
    if not path.is_file():
        pytest.skip(f"MultiHop-RAG corpus not found at {path} (set NEWSRAG_DATA_DIR to the shared data folder)")
    records = json.loads(path.read_text(encoding="utf-8"))
    start = time.perf_counter()
    articles, problems = run(path)
    seconds = time.perf_counter() - start
    warnings = [p for p in problems if not p.fatal]
    print(
        f"MultiHop-RAG: {len(records)} records -> {len(articles)} articles, {len(fatal(problems))} fatal, "
        f"{len(warnings)} warnings, {len({a.id for a in articles})} unique ids in {seconds:.2f} s"
    )
    assert len(records) == 609 and len(articles) == 609 and not fatal(problems)
    assert len({a.id for a in articles}) == 609  # every record has its own URL
    for art, rec in zip(articles, records, strict=True):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", art.published_at), rec["published_at"]
        assert art.published_at == rec["published_at"][:10]
        assert art.published_ts == midnight(art.published_at)
        assert art.author not in ("None", "null") and (art.author == "" or rec["author"] not in (None, "None"))
        assert art.url == rec["url"] and art.title == " ".join(rec["title"].split())
        assert art.text in unicodedata.normalize("NFC", rec["body"].replace("\r\n", "\n"))  # only edges trimmed
        assert len(art.text) >= len(rec["body"].strip()) - 2


@pytest.mark.parametrize(
    "value, moment",
    [
        ("2023-11-27 08:45:59.000000000Z", "2023-11-27T08:45:59+00:00"),
        ("2023-11-24T23:10:22-05:00", "2023-11-25T04:10:22+00:00"),  # the moment in UTC, whatever day is written
        ("Fri, 24 Nov 2023 10:00:00 GMT", "2023-11-24T10:00:00+00:00"),
        ("2023-11-24 10:00", "2023-11-24T10:00:00+00:00"),  # no zone written: read as UTC
        (1700000000, "2023-11-14T22:13:20+00:00"),
    ],
)
def test_a_written_time_of_day_gives_the_publication_moment(value: object, moment: str) -> None:
    import datetime as dt

    assert published_instant(value) == int(dt.datetime.fromisoformat(moment).timestamp())


@pytest.mark.parametrize("value", ["2023-11-24", "November 24, 2023", "Feb 2023", "D:20230219101010", "", None])
def test_a_date_without_a_time_of_day_gives_no_moment(value: object) -> None:
    assert published_instant(value) == 0
