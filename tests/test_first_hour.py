"""A new user's first hour at the console: usage that helps, ingest that says what it skipped and shows real
progress, outlet names with close matches, and eval runs that keep their own folders and compare at a glance."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from rag.core.errors import NewsragError
from tests.conftest import ROOT, run_cli, write_articles


def test_an_unknown_flag_prints_the_subcommands_usage(tmp_path):
    r = run_cli("ask", "What did Keane say?", "--index", str(tmp_path), "--frobnicate")
    assert r.returncode == 2
    assert "usage: newsrag ask" in r.stderr and "unrecognized arguments: --frobnicate" in r.stderr
    assert "{ingest,stats,ask,chat,eval,bench}" not in r.stderr  # not the top-level usage


def test_ingest_of_a_missing_path_is_exit_2_and_creates_no_index(tmp_path):
    index = tmp_path / "index"
    r = run_cli("ingest", str(tmp_path / "no_such_folder"), "--index", str(index))
    assert r.returncode == 2
    assert "no such file or folder" in r.stderr and "nothing was ingested" in r.stderr and "Traceback" not in r.stderr
    assert not index.exists()


def test_a_picture_in_a_folder_is_skipped_and_counted_not_failed(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 2)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a JPEG")
    index = str(tmp_path / "index")
    first = run_cli("ingest", str(folder), "--index", index, "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["added"] == 2 and summary["failed"] == []
    assert [Path(s["path"]).name for s in summary["skipped"]] == ["photo.jpg"] and summary["skipped"][0][
        "kind"
    ] == ".jpg"
    again = run_cli("ingest", str(folder), "--index", index)
    assert again.returncode == 0 and "skipped 1 file that is not an article type (.jpg)" in again.stdout
    assert "FAILED" not in again.stderr
    # a file named on its own is what the user asked for: still a clear failure, not a skip
    alone = run_cli("ingest", str(folder / "photo.jpg"), "--index", index, "--json")
    assert alone.returncode == 1 and "unsupported file type ('.jpg')" in json.loads(alone.stdout)["failed"][0]["error"]


def test_ingest_progress_counts_chunks_embedded_of_a_known_total(tmp_path, monkeypatch, capsys):
    from ingest.index import ingest
    from rag.core.settings import get_settings

    write_articles(tmp_path / "news", 6, sentences=30)
    monkeypatch.setenv("NEWSRAG_INGEST_BATCH", "8")  # several write batches, so progress has steps to show
    get_settings.cache_clear()
    try:
        calls: list[tuple[int, int]] = []
        summary = ingest(
            [str(tmp_path / "news")],
            index=tmp_path / "index",
            progress=True,
            on_progress=lambda done, total: calls.append((done, total)),
        )
    finally:
        monkeypatch.delenv("NEWSRAG_INGEST_BATCH")
        get_settings.cache_clear()
    total = summary.chunks_embedded
    assert summary.added == 6 and total > 8
    assert len(calls) >= 2 and {t for _, t in calls} == {total}  # the total is known from the first step
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done) and done[-1] == total
    err = capsys.readouterr().err
    assert f"{total}/{total}" in err and "chunk/s" in err and f"6 article(s) to embed, {total} chunks" in err


def test_an_unknown_outlet_suggests_close_matches_not_the_whole_list():
    from rag.query import resolve_sources

    known = [f"Outlet {i:02d}" for i in range(40)] + ["Fox Business", "The Verge", "TechCrunch"]
    with pytest.raises(NewsragError) as err:
        resolve_sources(["Fox News"], known)
    message = str(err.value)
    assert "'Fox News' is not in the index" in message and "did you mean 'Fox Business'" in message
    assert "Outlet 07" not in message and "TechCrunch" not in message
    with pytest.raises(NewsragError, match="did you mean 'TechCrunch'"):
        resolve_sources(["techcrunch.com"], known)
    with pytest.raises(
        NewsragError, match=r"none of the 43 indexed outlets is close; `newsrag stats --json` lists them"
    ):
        resolve_sources(["Zzyzx Gazette"], known)
    assert resolve_sources(["the verge"], known) == ["The Verge"]


def test_every_eval_flag_has_help():
    from ui.cli import build_parser

    eval_parser = build_parser().parse_args(["eval", "retrieval"]).subparsers["eval"]
    undocumented = [a.dest for a in eval_parser._actions if not a.help]
    assert undocumented == []
    text = eval_parser.format_help()
    assert "fixed sample" in text and "runs/WHAT-DATASET-SPLIT-TIME" in text


def test_each_eval_run_keeps_its_folder_and_compares_with_the_previous_one(seed_index, tmp_path):
    env = {"PYTHONPATH": str(ROOT)}  # the package from this tree, though the command runs in tmp_path
    args = ("eval", "retrieval", "--dataset", "seed", "--index", str(seed_index), "--limit", "15")
    first = run_cli(*args, cwd=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    # the 4 unanswerable seed questions have no evidence to retrieve: n=11 of 15, and the output says why
    assert "note: 4 of 15 questions skipped: unanswerable (null) questions have no evidence" in first.stdout
    second = run_cli(*args, cwd=tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    runs = sorted((tmp_path / "runs").iterdir())
    assert len(runs) == 2 and all(re.fullmatch(r"retrieval-seed-seed-\d{8}T\d{6}Z(-\d+)?", r.name) for r in runs)
    assert all((r / "results.json").is_file() and (r / "report.html").is_file() for r in runs)
    assert f"compared with {Path('runs') / runs[0].name / 'results.json'}" in second.stdout
    assert "no metric changed" in second.stdout
    page = (runs[1] / "report.html").read_text()
    assert "Compared with the previous run" in page and "No score moved" in page
    assert "compared with" not in first.stdout  # nothing earlier of its kind
    third = run_cli(*args, "--no-compare", cwd=tmp_path, env=env)
    assert third.returncode == 0 and "compared with" not in third.stdout
    assert len(list((tmp_path / "runs").iterdir())) == 3


def _answer_row(i: int, kind: str, answerable: bool, accuracy: float, faithfulness: float | None) -> dict:
    return {
        "id": f"q{i:02d}",
        "question": f"Question {i}?",
        "kind": kind,
        "split": "report",
        "unseen": False,
        "answerable": answerable,
        "gold": ["yes"] if answerable else [],
        "answer": "An answer. [1]",
        "refused": False,
        "accuracy": accuracy,
        "strict": accuracy,
        "const_yes": 1.0 if answerable else 0.0,  # every gold here is "yes"
        "unsettled": False,
        "parts": [],
        "verdicts_failing": 0,
        "faithfulness": faithfulness,
        "citation_precision": faithfulness,
        "citation_recall": faithfulness,
        "bad_spans": 0,
        "sentences": [],
        "citations": [],
        "hits": [],
    }


def test_report_glossary_worst_twenty_readable_labels_and_no_faithfulness_for_null_questions():
    from evals.report import GLOSSARY, render_html, table_metrics
    from evals.runner import UNSEEN_GROUP, summarize

    rows = [_answer_row(i, "comparison_query", True, float(i % 2), 0.5 + i / 100) for i in range(24)]
    rows += [_answer_row(30 + i, "null_query", False, 0.0, 1.0) for i in range(4)]
    rows[0]["unseen"] = True
    summary = summarize("answers", rows)
    assert summary["by_type"]["null_query"]["faithfulness"] is None  # faithful to what? not a score
    assert summary["by_type"]["comparison_query"]["faithfulness"] is not None
    payload = {
        "what": "answers",
        "dataset": "multihop",
        "split": "report",
        "limit": None,
        "summary": summary,
        "rows": rows,
    }
    page = render_html(payload)
    assert "faithfulness per answer (n=24)" in page  # the 4 null questions are not in the distribution
    worst = page.split("<h2>Worst cases</h2>", 1)[1]
    assert worst.count('<div class="case">') == 20 and "The 20 worst of 28" in worst
    for case in re.findall(r'<div class="case">.*?</div>', worst):
        if "null_query" in case:
            assert "faithfulness" not in case
    for metric in table_metrics("answers"):
        assert f"<code>{metric}</code>" in page and GLOSSARY[metric] in html.unescape(page)
    assert "(higher is better)" in page and "(lower is better" in page
    # the longest bar label fits left of its bar (about 6.4 px a character at 11 px)
    longest = max(len(f"{g} · {m}") for g in summary["by_type"] for m in ("citation_precision",))
    bar_x = min(float(x) for x in re.findall(r'<rect x="([\d.]+)" y="\d+" width="[\d.]+" height="14"', page))
    assert UNSEEN_GROUP in summary["by_type"] and bar_x >= longest * 6.4


def test_report_compares_with_the_previous_run_per_question_type():
    from evals.report import metric_changes, render_html
    from evals.runner import summarize

    rows = [_answer_row(i, "comparison_query" if i % 2 else "temporal_query", True, 1.0, 1.0) for i in range(10)]
    old = summarize("answers", rows)
    rows[1]["accuracy"] = 0.0  # one comparison question got worse
    new = summarize("answers", rows)
    changes = {(c.group, c.metric): c for c in metric_changes(old, new, ["accuracy"])}
    assert changes[("comparison_query", "accuracy")].better is False
    assert changes[("comparison_query", "accuracy")].delta == pytest.approx(-0.2)
    assert changes[("temporal_query", "accuracy")].better is None
    payload = {"what": "answers", "dataset": "seed", "split": "seed", "limit": None, "summary": new, "rows": rows}
    page = render_html(payload, old_summary=old, against="runs/answers-seed-seed-1/results.json")
    moved = page.split("Compared with the previous run", 1)[1].split("</table>", 1)[0]
    assert "0 score(s) better, 2 worse" in moved  # accuracy overall and for comparison questions
    assert (
        "<td>comparison_query</td><td>accuracy</td><td>1.0000</td><td>0.8000</td><td>▼ -0.2000</td><td>worse</td>"
        in moved
    )
    assert "temporal_query" not in moved


def test_upload_progress_follows_passages_and_the_summary_counts_every_file(tmp_path, monkeypatch):
    from rag.core.settings import get_settings
    from rag.core.store import Store
    from ui.uploads import check_and_store, ingest_uploads

    files = []
    for f in range(2):  # two files of six records each: several write batches per file
        path = tmp_path / "in" / f"feed_{f}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        bodies = [p.read_text().split("---\n")[-1] for p in write_articles(tmp_path / f"src{f}", 6, seed=f)]
        path.write_text(
            "".join(
                json.dumps({"title": f"Report {f}-{i}", "body": b, "url": f"https://example.com/{f}/{i}"}) + "\n"
                for i, b in enumerate(bodies)
            )
        )
        files.append(path)
    (tmp_path / "in" / "scan.jpg").write_bytes(b"\xff\xd8\xff")
    sent = [(str(p), p.name) for p in [*files, tmp_path / "in" / "scan.jpg"]]
    checked = check_and_store(sent, tmp_path / "uploads")
    monkeypatch.setenv("NEWSRAG_INGEST_BATCH", "4")
    get_settings.cache_clear()
    steps: list[tuple[int, int, str, int, int]] = []
    try:
        summary = ingest_uploads(
            checked,
            Store.open(tmp_path / "index", create=True),
            on_chunks=lambda i, n, name, done, total: steps.append((i, n, name, done, total)),
        )
    finally:
        monkeypatch.delenv("NEWSRAG_INGEST_BATCH")
        get_settings.cache_clear()
    assert summary["received"] == 3 and summary["files"] == [p.name for p in files] and len(summary["failed"]) == 1
    for i in (0, 1):  # each file's passages counted up to its own total
        mine = [(d, t) for j, n, _, d, t in steps if j == i and n == 2]
        assert len(mine) >= 2 and [d for d, _ in mine] == sorted({d for d, _ in mine}) and mine[-1][0] == mine[-1][1]
    assert sum(t for _, _, _, d, t in steps if d == t) == summary["chunks_embedded"]
