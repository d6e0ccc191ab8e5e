"""`newsrag eval retrieval|answers|scorer`: run a benchmark, print a table, write results.json and report.html."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from evals.faithfulness import evaluate_on_summedits
from evals.gold import CORPUS_DIR, corpus_articles
from evals.multihop import CORPUS_FILE, data_path
from evals.report import compare, format_table, skipped_note, write_html, write_results
from evals.runner import answer_rows, multihop_items, retrieval_rows, seed_items, summarize
from evals.runs import new_run_dir, previous_run
from rag.assistant import Assistant
from rag.core.errors import InputError, NewsragError
from rag.core.settings import get_settings

RUNS_DIR = Path("runs")  # each eval run gets runs/<what>-<dataset>-<split>-<UTC time>/
DATASETS = {"retrieval": ("multihop", "seed"), "answers": ("multihop", "seed"), "scorer": ("summedits",)}


def _dataset(args: argparse.Namespace) -> str:
    dataset = getattr(args, "dataset", None) or DATASETS[args.what][0]
    if dataset not in DATASETS[args.what]:
        raise NewsragError(f"`eval {args.what}` runs on {' or '.join(DATASETS[args.what])}, not {dataset!r}")
    return dataset


def _open_assistant(args: argparse.Namespace, dataset: str):
    index = getattr(args, "index", None) or get_settings().index
    bot = Assistant.open(index)
    stats = bot.store.stats()
    if stats.articles == 0:
        raise NewsragError(f"the index at {index} is empty: run `newsrag ingest PATH --index {index}` first")
    if dataset == "seed":
        missing = [a.origin or a.id for a in corpus_articles() if bot.store.article(a.id) is None]
        if missing:
            raise NewsragError(
                f"the index at {index} lacks the seed article(s) {missing}: "
                f"run `newsrag ingest {CORPUS_DIR} --index {index}`"
            )
    return bot, str(index), stats.articles


def evidence_coverage(bot, items: list) -> tuple[int, int]:
    """(gold facts whose evidence article is in the index, gold facts): MultiHop numbers on an index that lacks
    the corpus would be meaningless, so the CLI refuses 0 and warns below 100%."""
    urls, titles = bot.store.urls_and_titles()
    evidence = [e for item in items for e in getattr(item, "evidence", [])]
    held = sum(1 for e in evidence if e.get("url") in urls or e.get("title") in titles)
    return held, len(evidence)


def multihop_corpus_path() -> Path:
    return data_path() / CORPUS_FILE


def _items(args: argparse.Namespace, dataset: str) -> list:
    limit = getattr(args, "limit", None)
    if limit is not None and limit < 1:
        raise NewsragError(f"--limit must be at least 1, got {limit}")
    if dataset == "seed":
        return seed_items(limit)
    return multihop_items(getattr(args, "split", "report") or "report", limit)


def build_payload(args: argparse.Namespace, progress: bool = False) -> dict:
    """Run the eval named by args and return {what, dataset, split, limit, ..., summary, rows}."""
    dataset = _dataset(args)
    payload = {"what": args.what, "dataset": dataset, "split": None, "limit": getattr(args, "limit", None)}
    started = time.perf_counter()
    if args.what == "scorer":
        try:
            result = evaluate_on_summedits(domain="news", limit=payload["limit"])
        except (OSError, ValueError) as exc:  # missing data or model file: the message says what to do
            raise NewsragError(f"the faithfulness scorer eval could not run: {exc}") from exc
        payload.update(split="news", summary={"overall": result, "by_type": {}}, rows=[])
    else:
        items = _items(args, dataset)
        bot, index, articles = _open_assistant(args, dataset)
        warnings = []
        if dataset == "multihop":
            held, total = evidence_coverage(bot, items)
            hint = f"ingest {multihop_corpus_path()} --index {index}"
            if total and not held:
                bot.close()
                raise NewsragError(
                    f"the index at {index} holds none of MultiHop-RAG's evidence articles: run `newsrag {hint}`"
                )
            if held < total:
                warnings.append(
                    f"only {held} of {total} gold evidence articles are in the index at {index}; "
                    f"scores are capped accordingly (`newsrag {hint}` for the full corpus)"
                )
                print(f"warning: {warnings[-1]}", file=sys.stderr)
        try:
            answerer = getattr(args, "answerer", None) or "extractive"
            if args.what == "retrieval":
                rows = retrieval_rows(bot, items, k=10, progress=progress)
            else:
                rows = answer_rows(bot, items, answerer=answerer, progress=progress)
        finally:
            bot.close()
        payload.update(
            split="seed" if dataset == "seed" else (getattr(args, "split", None) or "report"),
            index=index,
            index_articles=articles,
            answerer=answerer if args.what == "answers" else None,
            warnings=warnings,
            summary=summarize(args.what, rows),
            rows=rows,
        )
    payload["seconds"] = round(time.perf_counter() - started, 1)
    payload["created"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    return payload


def _compare_path(value: str) -> Path:
    """--compare takes a run folder or its results.json; checked before a long run, not after."""
    path = Path(value)
    if path.is_dir():
        path = path / "results.json"
    if not path.is_file():
        raise InputError(f"--compare {value}: no such file; pass an earlier run's folder or its results.json")
    return path


def run_eval(args: argparse.Namespace) -> int:
    """The `newsrag eval` command; returns 1 when an explicit --compare finds a regression, else 0."""
    explicit = _compare_path(args.compare) if getattr(args, "compare", None) else None
    payload = build_payload(args, progress=sys.stderr.isatty())
    # Without --out each run keeps its own folder, and is compared with the last one of its kind at a glance.
    out = Path(args.out) if getattr(args, "out", None) else new_run_dir(RUNS_DIR, payload)
    against = explicit
    if against is None and not getattr(args, "no_compare", False) and not getattr(args, "out", None):
        against = previous_run(RUNS_DIR, payload, exclude=out)
    changes: list[str] = []
    regressions: list[str] = []
    old_summary: dict | None = None
    if against is not None:
        changes, regressions = compare(against, payload)
        old_summary = json.loads(against.read_text(encoding="utf-8"))["summary"]
    results = write_results(out, payload)
    report = write_html(out, payload, changes, old_summary, against)
    print(f"{payload['what']} on {payload['dataset']} ({payload['split']}), {payload['seconds']} s")
    print(format_table(payload))
    note = skipped_note(payload)
    if note:
        print(note)
    print(f"\nwrote {results} and {report}")
    if against is not None:
        print(f"\ncompared with {against}:")
        print("\n".join(changes) if changes else "no metric changed")
        if regressions and explicit is None:
            print(f"\n{len(regressions)} metric(s) lower than in that run (pass --compare to fail on them)")
        elif regressions:
            print(f"\nREGRESSED ({len(regressions)}):")
            print("\n".join(regressions))
            return 1
    return 0
