"""The eval suite end to end: the seed gold set as a CI gate, reports, --compare, determinism, MultiHop-RAG data
handling (split, download, missing data), and a retrieval floor on a fixed MultiHop-RAG subset (integration)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import CANONICAL_QUESTION, require_multihop, run_cli

import evals
from evals import multihop
from evals.gold import CANONICAL_ID, load_seed_gold
from rag.core.errors import NewsragError


def eval_args(what: str, **kw) -> argparse.Namespace:
    base = {
        "what": what,
        "dataset": None,
        "limit": None,
        "split": "report",
        "answerer": "extractive",
        "out": "runs",
        "compare": None,
        "index": None,
    }
    base.update(kw)
    return argparse.Namespace(**base)


@pytest.fixture(scope="module")
def seed_answers(seed_index, tmp_path_factory):
    from evals.cli import run_eval

    out = tmp_path_factory.mktemp("seed_answers")
    assert run_eval(eval_args("answers", dataset="seed", index=str(seed_index), out=str(out))) == 0
    return out


def test_importing_evals_stays_light():
    # The scorer is exported lazily: importing the package, the metrics or the CLI must not load torch.
    code = (
        "import sys, evals, evals.metrics, evals.multihop, evals.gold, evals.runner, evals.report, evals.cli; "
        "assert 'torch' not in sys.modules, 'torch imported'; "
        "from evals import FaithfulnessScorer; from evals.faithfulness import FaithfulnessScorer as F; "
        "assert FaithfulnessScorer is F; print('ok')"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
    with pytest.raises(AttributeError):
        evals.NoSuchThing  # noqa: B018


# ---------------------------------------------------------------- the seed gold set (CI gate)


def test_seed_gold_spans_are_exact_and_cover_both_kinds():
    gold = load_seed_gold()
    assert len(gold) >= 12 and len({g.id for g in gold}) == len(gold)
    assert sum(not g.answerable for g in gold) >= 4
    canonical = next(g for g in gold if g.id == CANONICAL_ID)
    assert canonical.question == CANONICAL_QUESTION and canonical.article_ids


def test_seed_gold_rejects_a_span_not_in_the_article(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text(
        json.dumps({"questions": [{"id": "x", "question": "Q?", "answers": ["Keane said Beijing is weak"]}]})
    )
    with pytest.raises(NewsragError, match="not an exact substring"):
        load_seed_gold(bad)


def test_seed_answers_gate(seed_answers):
    results = json.loads((seed_answers / "results.json").read_text())
    overall = results["summary"]["overall"]
    rows = {r["id"]: r for r in results["rows"]}
    canonical = rows[CANONICAL_ID]
    # The product's canonical question: answered, both things Keane said about Beijing quoted and cited exactly.
    assert canonical["accuracy"] == 1.0 and not canonical["refused"]
    assert all(span in canonical["answer"] for span in canonical["gold"])
    assert canonical["faithfulness"] == 1.0 and canonical["citation_recall"] == 1.0
    # Measured 2026-11-26: answerable accuracy 1.0, refusal precision 1.0, recall 0.75 ("How many soldiers has
    # China deployed..." is answered with the article's arms-to-Russia sentence).
    assert overall["accuracy_answerable"] >= 0.9
    assert overall["refusal_precision"] == 1.0
    assert overall["refusal_recall"] >= 0.75
    assert overall["faithfulness"] == 1.0 and overall["bad_spans"] == 0
    for row in results["rows"]:
        for c in row["citations"]:
            assert c["quote"] and c["end"] > c["start"]


def test_seed_report_is_self_contained_and_escaped(seed_answers):
    page = (seed_answers / "report.html").read_text()
    assert "<svg" in page and "<script" not in page.lower() and "src=" not in page
    assert "Worst cases" in page and "By question type" in page
    # Article text is shown escaped: the foreign ministry's quoted words appear as entities, never raw markup.
    assert "&quot;coercion&quot;" in page and '"coercion"' not in page


def test_seed_retrieval_and_determinism(seed_index, tmp_path):
    from evals.cli import build_payload

    a = build_payload(eval_args("retrieval", dataset="seed", index=str(seed_index), out=str(tmp_path)))
    b = build_payload(eval_args("retrieval", dataset="seed", index=str(seed_index), out=str(tmp_path)))
    assert a["summary"] == b["summary"] and a["rows"] == b["rows"]
    overall = a["summary"]["overall"]
    assert overall["n"] == 11 and a["summary"]["overall"]["skipped"] == 4  # unanswerable: nothing to find
    assert overall["hits@4"] >= 0.9 and overall["mrr@10"] >= 0.9  # measured 1.0 and 1.0


def test_answers_are_deterministic(seed_index, seed_answers):
    from evals.cli import build_payload

    again = build_payload(eval_args("answers", dataset="seed", index=str(seed_index)))
    first = json.loads((seed_answers / "results.json").read_text())
    assert json.loads(json.dumps(again["summary"])) == first["summary"]
    assert json.loads(json.dumps(again["rows"])) == first["rows"]


def test_compare_flags_regressions_through_the_cli(seed_index, tmp_path):
    first = tmp_path / "first"
    r = run_cli("eval", "retrieval", "--dataset", "seed", "--index", str(seed_index), "--out", str(first))
    assert r.returncode == 0, r.stderr
    assert "hits@10" in r.stdout and "fact" in r.stdout and "overall" in r.stdout
    # Doctor the old run to look better: the new run must report those metrics as regressed and exit 1.
    old = json.loads((first / "results.json").read_text())
    old["summary"]["overall"]["map@10"] = 1.0
    old["summary"]["by_type"]["speech"]["ndcg@10"] = 1.0
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old))
    r = run_cli(
        "eval",
        "retrieval",
        "--dataset",
        "seed",
        "--index",
        str(seed_index),
        "--out",
        str(tmp_path / "second"),
        "--compare",
        str(old_path),
    )
    assert r.returncode == 1, r.stdout + r.stderr
    regressed = r.stdout.split("REGRESSED", 1)[1]
    assert "map@10" in regressed and "speech" in regressed and "ndcg@10" in regressed
    # Compared with itself nothing regressed.
    r = run_cli(
        "eval",
        "retrieval",
        "--dataset",
        "seed",
        "--index",
        str(seed_index),
        "--out",
        str(tmp_path / "third"),
        "--compare",
        str(first / "results.json"),
    )
    assert r.returncode == 0 and "no metric changed" in r.stdout


@pytest.mark.llm
def test_llm_answerer_answers_are_scored(seed_index, tmp_path):
    """`--answerer ollama` against the stand-in server: the good model's answers are right, cited and faithful;
    a model that refuses everything leaves the checked (extractive) answer standing, with a warning, so its run
    scores what the extractive run scores."""
    import llm_standin

    server, thread = llm_standin.start()
    try:
        runs = {}
        for model in ("standin-good", "standin-refuse", "extractive"):
            out = tmp_path / model
            r = run_cli(
                "eval",
                "answers",
                "--dataset",
                "seed",
                "--index",
                str(seed_index),
                "--answerer",
                "extractive" if model == "extractive" else "ollama",
                "--out",
                str(out),
                env={"NEWSRAG_LLM_URL": server.url, "NEWSRAG_LLM_MODEL": model},
            )
            assert r.returncode == 0, r.stderr
            runs[model] = json.loads((out / "results.json").read_text())
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    good = runs["standin-good"]
    assert good["answerer"] == "ollama"
    canonical = next(r for r in good["rows"] if r["id"] == CANONICAL_ID)
    assert canonical["accuracy"] == 1.0 and canonical["faithfulness"] == 1.0 and canonical["citation_precision"] == 1.0
    assert good["summary"]["overall"]["bad_spans"] == 0
    refuse, checked = runs["standin-refuse"], runs["extractive"]
    assert [r["answer"] for r in refuse["rows"]] == [r["answer"] for r in checked["rows"]]
    assert refuse["summary"]["overall"]["accuracy"] == checked["summary"]["overall"]["accuracy"]
    assert refuse["summary"]["overall"]["refusal_recall"] == checked["summary"]["overall"]["refusal_recall"]


def test_compare_refuses_unlike_runs(tmp_path):
    from evals.report import compare

    old = tmp_path / "old.json"
    old.write_text(json.dumps({"what": "answers", "dataset": "seed", "summary": {"overall": {}, "by_type": {}}}))
    with pytest.raises(NewsragError, match="compare like with like"):
        compare(old, {"what": "retrieval", "dataset": "seed", "summary": {"overall": {}, "by_type": {}}})
    (tmp_path / "junk.json").write_text("not json")
    with pytest.raises(NewsragError, match="not a readable results.json"):
        compare(tmp_path / "junk.json", {"what": "retrieval", "dataset": "seed", "summary": {}})


def test_bad_eval_arguments_are_clear_errors(tmp_path):
    from evals.cli import run_eval

    with pytest.raises(NewsragError, match="runs on summedits"):
        run_eval(eval_args("scorer", dataset="seed", out=str(tmp_path)))
    with pytest.raises(NewsragError, match="runs on multihop or seed"):
        run_eval(eval_args("retrieval", dataset="summedits", out=str(tmp_path)))
    with pytest.raises(NewsragError, match="no index at"):
        run_eval(eval_args("retrieval", dataset="seed", index=str(tmp_path / "nothing"), out=str(tmp_path)))
    with pytest.raises(NewsragError, match="--limit"):
        run_eval(eval_args("retrieval", dataset="seed", limit=0, out=str(tmp_path)))
    with pytest.raises(NewsragError, match="no such file"):
        run_eval(eval_args("retrieval", dataset="seed", compare=str(tmp_path / "old.json"), out=str(tmp_path)))


def test_seed_eval_needs_the_seed_article_in_the_index(tmp_path):
    from conftest import write_articles

    from evals.cli import run_eval
    from ingest.index import ingest

    write_articles(tmp_path / "other", 2)
    ingest([str(tmp_path / "other")], index=tmp_path / "idx")
    with pytest.raises(NewsragError, match="lacks the seed article"):
        run_eval(eval_args("retrieval", dataset="seed", index=str(tmp_path / "idx"), out=str(tmp_path)))


# ---------------------------------------------------------------- MultiHop-RAG data


def _query(text: str, qtype: str) -> multihop.Query:
    return multihop.Query(id=multihop.query_id(text), question=text, answer="x", question_type=qtype)


def test_split_is_stratified_and_order_free():
    queries = [_query(f"question {i}", t) for i, t in enumerate(["inference_query"] * 9 + ["null_query"] * 4)]
    multihop.assign_splits(queries)
    first = {q.question: q.split for q in queries}
    shuffled = list(reversed(queries))
    multihop.assign_splits(shuffled)
    assert {q.question: q.split for q in shuffled} == first
    for qtype, n in (("inference_query", 9), ("null_query", 4)):
        tune = sum(1 for q in queries if q.question_type == qtype and q.split == "tune")
        assert tune in (n // 2, (n + 1) // 2)


@pytest.mark.integration
def test_real_dev_split_halves():
    require_multihop()
    tune, report = multihop.load_queries(split="tune"), multihop.load_queries(split="report")
    everything = multihop.load_queries(split="all")
    assert not {q.id for q in tune} & {q.id for q in report}
    assert len(tune) + len(report) == len(everything) == 782
    for qtype in {q.question_type for q in everything}:
        t = sum(q.question_type == qtype for q in tune)
        r = sum(q.question_type == qtype for q in report)
        assert abs(t - r) <= 1
    assert multihop.sample(report, 5) == multihop.sample(list(reversed(report)), 5)
    with pytest.raises(NewsragError, match="split"):
        multihop.load_queries(split="train")


def test_missing_data_without_download_says_what_to_do(tmp_path):
    with pytest.raises(NewsragError, match="NEWSRAG_DATA_DIR") as err:
        multihop.load_queries(tmp_path / "nowhere", download=False)
    assert str(tmp_path / "nowhere" / "multihop-rag") in str(err.value)


def test_failed_download_is_a_clear_error(tmp_path):
    # Port 9 (discard) on localhost refuses connections: the same path a user without network takes.
    with pytest.raises(NewsragError, match="downloading it from http://127.0.0.1:9 failed") as err:
        multihop.ensure_data(tmp_path / "nowhere", base_url="http://127.0.0.1:9")
    assert "yixuantt/MultiHopRAG" in str(err.value)
    assert not list((tmp_path / "nowhere").rglob("*.json"))


class _DatasetServer:
    """Serves corpus.json and MultiHopRAG.json like the Hugging Face resolve/main URLs."""

    def __init__(self, files: dict[str, bytes]) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                body = files.get(self.path.rsplit("/", 1)[-1])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/datasets/yixuantt/MultiHopRAG/resolve/main"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


def test_download_from_a_dataset_server(tmp_path):
    corpus = [
        {
            "title": "T",
            "author": None,
            "source": "S",
            "published_at": "2023-10-01",
            "category": "c",
            "url": "https://example.com/1",
            "body": "Body text.",
        }
    ]
    queries = [
        {"query": "Who?", "answer": "Insufficient information.", "question_type": "null_query", "evidence_list": []},
        {
            "query": "What?",
            "answer": "Body",
            "question_type": "inference_query",
            "evidence_list": [{"fact": "Body text.", "url": "https://example.com/1", "title": "T"}],
        },
    ]
    server = _DatasetServer(
        {"corpus.json": json.dumps(corpus).encode(), "MultiHopRAG.json": json.dumps(queries).encode()}
    )
    try:
        folder = multihop.ensure_data(tmp_path, base_url=server.base)
    finally:
        server.close()
    assert sorted(p.name for p in folder.iterdir()) == ["MultiHopRAG.json", "corpus.json"]
    loaded = multihop.load_queries(tmp_path, download=False)
    assert [q.answerable for q in loaded] == [False, True] and loaded[1].facts == ["Body text."]
    assert multihop.load_corpus(tmp_path, download=False) == corpus


def test_download_refuses_an_error_page(tmp_path):
    server = _DatasetServer({"corpus.json": b"<html>rate limited</html>", "MultiHopRAG.json": b"[]"})
    try:
        with pytest.raises(NewsragError, match="failed"):
            multihop.ensure_data(tmp_path, base_url=server.base)
    finally:
        server.close()
    assert not (tmp_path / "multihop-rag" / "corpus.json").exists()


def test_bad_query_record_names_file_and_field(tmp_path):
    folder = tmp_path / "multihop-rag"
    folder.mkdir()
    (folder / "corpus.json").write_text("[]")
    (folder / "queries-dev.json").write_text(json.dumps([{"query": "Q", "answer": "A"}]))
    with pytest.raises(
        NewsragError, match=r"queries-dev.json: record 0 lacks field\(s\) \['question_type', 'evidence_list'\]"
    ):
        multihop.load_queries(tmp_path, download=False)


# ---------------------------------------------------------------- scorer eval and MultiHop-RAG retrieval floor


@pytest.mark.integration
def test_scorer_eval_on_summedits_news(tmp_path):
    from evals.cli import run_eval
    from evals.summedits import local_path

    if not local_path("news").is_file():
        pytest.skip(f"SummEdits news not found at {local_path('news')} (set NEWSRAG_DATA_DIR)")
    assert run_eval(eval_args("scorer", limit=40, out=str(tmp_path))) == 0
    result = json.loads((tmp_path / "results.json").read_text())
    overall = result["summary"]["overall"]
    assert result["dataset"] == "summedits" and overall["n"] == 40
    assert 0.0 <= overall["balanced_accuracy"] <= 1.0
    assert "balanced_accuracy" in (tmp_path / "report.html").read_text()


SUBSET_QUERIES = 40
SUBSET_OTHERS = 100
# Measured 2026-11-27 on this subset (175 articles, 2,451 chunks), with the reranker's sentence features: Hits@10
# 0.900, Hits@4 0.800, MRR@10 0.650, MAP@10 0.369, nDCG@10 0.610 (before them: 0.900, 0.725, 0.604, 0.308, 0.514).
# The floors sit a little below, so a real regression fails and noise does not.
FLOORS = {"hits@10": 0.85, "hits@4": 0.75, "mrr@10": 0.60, "map@10": 0.33}


@pytest.fixture(scope="module")
def multihop_subset(tmp_path_factory):
    """40 fixed report-split queries over an index of their evidence articles plus 100 others (~175 articles)."""
    from ingest.index import ingest

    require_multihop()
    queries = multihop.sample([q for q in multihop.load_queries(split="report") if q.answerable], SUBSET_QUERIES)
    records = multihop.subset_corpus(queries, multihop.load_corpus(), SUBSET_OTHERS)
    folder = tmp_path_factory.mktemp("mh_subset")
    (folder / "subset.json").write_text(json.dumps(records))
    summary = ingest([str(folder / "subset.json")], index=folder / "index")
    assert not summary.failed
    return queries, folder / "index"


@pytest.mark.integration
@pytest.mark.timeout(2400)  # the fixture embeds ~2,450 chunks: ~3 min on 2 idle cores, 13+ min on a busy machine
def test_multihop_retrieval_floor(multihop_subset):
    from evals.runner import EvalItem, retrieval_rows, summarize
    from rag.assistant import Assistant

    queries, index = multihop_subset
    items = [EvalItem(q.id, q.question, q.kind, [q.answer], q.facts, True, q.split) for q in queries]
    bot = Assistant.open(index)
    rows = retrieval_rows(bot, items)
    again = retrieval_rows(bot, items[:10])
    bot.close()
    assert again == rows[:10]  # the same index and questions give the same passages and scores
    overall = summarize("retrieval", rows)["overall"]
    assert overall["n"] == SUBSET_QUERIES
    assert overall["hits@10"] >= FLOORS["hits@10"]
    assert overall["hits@4"] >= FLOORS["hits@4"]
    assert overall["mrr@10"] >= FLOORS["mrr@10"]
    assert overall["map@10"] >= FLOORS["map@10"]


def test_the_happened_probe_counts_a_wrong_verdict_apart_from_declining():
    import csv

    from evals.reader_probe import PROBES, outcome

    assert outcome("**Yes**, as of 2023-11-20: Tech Wire [1].", "yes") == "right"
    assert outcome("**No.** What Tech Wire reports contradicts ...", "yes") == "wrong"
    # declining is right only when the articles do not settle it
    assert outcome("The articles do not settle this: ...", "yes") == "unsettled"
    assert outcome("The articles do not settle this: ...", "unsettled") == "right"
    assert outcome("**Yes.** Each part is supported ...", "unsettled") == "wrong"
    with PROBES["happened"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert {r["set"] for r in rows} == {
        "inspected",
        "fresh",
        "third",
        "passive",
        "paraphrased",
        "testers53",
        "testers54",
        "testers55",
        "testers56",
        "testers57",
        "testers58",
        "testers59",
        "testers60",
        "testers61",
        "testers62",
    } and {r["gold"] for r in rows} <= {
        "yes",
        "no",
        "unsettled",
    }
    # bare questions: none names an outlet, which is what the probe is for (the testers' own questions are as they
    # typed them, "According to Tech Wire, ...", "Were A and B ...?" included)
    assert all(
        r["question"].startswith(("Did ", "Was ", "Does ", "Is ", "Are "))
        for r in rows
        if not r["set"].startswith("testers")  # the testers' own questions are as they typed them
    )


def test_the_entity_probe_counts_a_wrong_name_apart_from_declining():
    import csv

    from evals.reader_probe import PROBES, entity_outcome

    assert entity_outcome("**Globex** — stated by Tech Wire [1].", "Globex|Globex Holdings") == "right"
    # a longer name holding the gold's word is another entity ("Azure Globex" is not Globex)
    assert entity_outcome("**Azure Globex** — stated by Tech Wire [1].", "Globex") == "wrong"
    assert entity_outcome("**Globex** — stated by Tech Wire [1].", "none") == "wrong"
    assert entity_outcome("**Mara Lind and Theo Park**, as of 2023-10-02", "Mara Lind|Theo Park") == "right"
    assert entity_outcome("**Mara Lind and Ada Brin**, as of 2023-10-02", "Mara Lind|Theo Park") == "wrong"
    assert entity_outcome("The articles I have do not answer this question: ...", "Globex") == "declined"
    assert entity_outcome("The articles I have do not answer this question: ...", "none") == "right"
    with PROBES["entity"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert {r["set"] for r in rows} == {
        "inspected",
        "fresh2",
        "fresh3",
        "posts",
        "paraphrased",
        "testers53",
        "testers54",
        "testers55",
        "testers56",
        "testers57",
        "testers58",
        "testers59",
        "testers60",
        "testers61",
        "testers62",
    } and all(r["gold"] and r["evidence"] for r in rows)
    assert all(
        r["question"].startswith(("Who ", "Which "))
        for r in rows
        if not r["set"].startswith("testers")  # the testers' own questions are as they typed them
    )


def test_the_when_probe_tells_a_wrong_day_from_an_imprecise_one():
    import csv

    from evals.reader_probe import PROBES, when_outcome

    assert when_outcome("**2023-11-17** (Friday) — Tech Wire [1] dates it “Friday”.", "2023-11-17") == "right"
    assert when_outcome("**2023-11-16** (Thursday) — ...", "2023-11-17") == "wrong"
    # a day for an event no sentence dates is invented precision; "reported by" it is right
    assert when_outcome("**2023-11-16** (Thursday) — ...", "undated") == "wrong"
    assert when_outcome("**Reported by 2023-11-20** — the earliest report ...", "undated") == "right"
    assert when_outcome("**Reported by 2023-11-20** — the earliest report ...", "2023-11-17") == "imprecise"
    assert when_outcome("**Reported by 2023-11-10** — the earliest report ...", "2023-11-17") == "wrong"
    assert when_outcome("**In 2022** — Tech Wire [1] dates it “last year”.", "2022-10-27") == "imprecise"
    assert when_outcome("**In 2021** — Tech Wire [1] dates it “in 2021”.", "2022-10-27") == "wrong"
    assert when_outcome("**In 2022** — Tech Wire [1] dates it “last year”.", "none") == "wrong"
    assert when_outcome("The articles I have do not answer this question: ...", "none") == "right"
    assert when_outcome("The articles I have do not answer this question: ...", "2023-11-17") == "declined"
    with PROBES["when"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert {r["set"] for r in rows} == {"inspected", "fresh"} and all(r["question"].startswith("When ") for r in rows)


def test_the_reader_probe_on_a_missing_index_says_so_without_a_traceback(tmp_path, capsys):
    from evals.reader_probe import main

    assert main(["--index", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert "no index at" in err and "Traceback" not in err


def test_an_answer_left_open_is_scored_on_its_own_words_not_on_the_passage_it_quotes():
    from evals.metrics import strict_correct
    from evals.runner import scored_text

    left_open = (
        "The articles do not settle this: I could not confirm or rule out “Ostland beat no one”; the closest passage, "
        "Coast Times (2023-11-11) [1], is quoted below.\nNo. 3 Ostland face Norrvik on Saturday. [1]"
    )
    # neither a "no" in the claim it could not settle nor one in the quote is its answer
    assert not strict_correct(scored_text(left_open), False, "No")
    answered = "**No** — Norrvik won the latest meeting reported.\nNorrvik beat Ostland 3-1. [1]"
    assert scored_text(answered) == answered and strict_correct(scored_text(answered), False, "No")
