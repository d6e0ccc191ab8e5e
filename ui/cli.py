"""The `newsrag` console script: ingest, stats, ask, chat, eval, bench.

It sits at the top of the stack (it may import rag, ingest, evals and ui). Each command imports its own layer inside
its function: chromadb, onnxruntime, gradio and scikit-learn take seconds to import, and `newsrag --help` or a
mistyped flag should not pay for the commands not run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap

from rag.answerers import ANSWERERS, get_answerer
from rag.core.errors import InputError, NewsragError
from rag.core.settings import get_settings


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _apply_index_options(args: argparse.Namespace) -> None:
    """--index / --chroma-url win over env and newsrag.toml; settings are read once, so set them first."""
    if getattr(args, "chroma_url", None):
        os.environ["NEWSRAG_CHROMA_URL"] = args.chroma_url
    if getattr(args, "index", None):
        os.environ["NEWSRAG_INDEX"] = args.index
    get_settings.cache_clear()


def _check_paths_exist(paths: list[str]) -> None:
    """Every local input must exist before the index is opened: a typo must not leave an empty index folder behind."""
    missing = [p for p in paths if "://" not in p and not os.path.exists(os.path.expanduser(p))]
    if missing:
        raise InputError(
            f"no such file or folder: {', '.join(missing)}; nothing was ingested. "
            "Check the path (or give an http(s) URL or a feed URL)"
        )


def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.index import ingest

    _check_paths_exist(args.paths)
    summary = ingest(args.paths, sync=args.sync, progress=not args.json and sys.stderr.isatty())
    result = summary.to_dict()
    if args.json:
        _print_json(result)
    else:
        print(
            f"added {summary.added}, updated {summary.updated}, unchanged {summary.unchanged}, removed {summary.removed}, "
            f"chunks embedded {summary.chunks_embedded}, failed {len(summary.failed)} ({summary.seconds:.1f} s)"
        )
        if summary.skipped:
            kinds = sorted({s["kind"] for s in summary.skipped})
            print(
                f"skipped {len(summary.skipped)} file{'s' if len(summary.skipped) != 1 else ''} that "
                f"{'is' if len(summary.skipped) == 1 else 'are'} not an article type ({', '.join(kinds)})"
            )
        if summary.recovered:
            print(f"cleaned up {summary.recovered} article(s) left half-written by an interrupted run")
        for f in summary.failed:
            print(f"  FAILED {f['path']}: {f['error']}", file=sys.stderr)
        for w in summary.warnings:
            print(f"  warning {w['path']}: {w['error']}", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from rag.core.store import Store
    from rag.rerank import ranker_problem

    store = Store.open()
    stats = store.stats().to_dict()
    stats["ranker"] = ranker_problem() or "trained"
    count, recent = store.changes(last=5)  # replacements and removals, from <index>/changes.jsonl
    if args.json:
        _print_json({**stats, "changes": count, "recent_changes": recent})
    else:
        for key, value in stats.items():
            print(f"{key}: {len(value) if isinstance(value, dict) else value}")  # sources: how many
        print(f"changes: {count} article(s) replaced or removed (log: {store.directory / 'changes.jsonl'})")
        for c in recent:
            print(
                f"  {c.get('at', '')} {c.get('action', '')} {c.get('title', '')[:60]!r} from {c.get('old_origin', '')}"
                + (
                    f" -> {c['new_origin']} ({', '.join(c.get('changed', [])) or 'same fields'})"
                    if c.get("new_origin")
                    else ""
                )
            )
    return 0 if stats["consistent"] else 1


def _format_answer(answer) -> str:
    lines = [textwrap.fill(line, 100) for line in answer.text.splitlines()] + [""]
    if getattr(answer, "parts", None):
        lines.append("Parts:")
        for p in answer.parts:
            lines.append(
                f"  - {p.verdict}: {p.claim}" + (" " + "".join(f"[{n}]" for n in p.citations) if p.citations else "")
            )
        lines.append("")
    for c in answer.citations:
        meta = ", ".join(x for x in (c.source, c.published_at) if x)
        lines.append(f"[{c.n}] {c.title}" + (f" ({meta})" if meta else "") + (f" {c.url}" if c.url else ""))
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", 96), "    "))
    if answer.refused and answer.hits:
        lines.append("Closest passages:")
        for h in answer.hits[:3]:
            lines.append(f"  - {h.title} ({h.source}): {h.text[:160]}…")
    for w in answer.warnings:
        lines.append(f"note: {w}")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    from rag.assistant import Assistant

    bot = Assistant.open()
    streams = get_answerer(args.answerer).streams
    stream = (lambda t: print(t, end="", flush=True)) if streams and not args.json else None
    with bot.store.rw.read():  # a `newsrag ingest` in another process waits, or is waited for: no half-written index
        answer = bot.ask(
            args.question,
            source=args.source,
            since=args.since,
            until=args.until,
            answerer=args.answerer,
            on_token=stream,
        )
    if stream:
        print("\n")
    if args.json:
        _print_json(answer.to_dict())
    else:
        print(_format_answer(answer))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from ui.app import serve

    serve(host=args.host, port=args.port)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from evals.cli import run_eval

    return run_eval(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from evals.bench.harness import run_bench

    return run_bench(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsrag", description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    parser.set_defaults(subparsers=sub.choices)  # main() reports an unknown flag with its subcommand's usage

    def with_index(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--index", help="index directory (default ./index, or NEWSRAG_INDEX)")
        p.add_argument("--chroma-url", help="use a Chroma server (http://host:port) for the vectors")
        return p

    p = with_index(sub.add_parser("ingest", help="add files, folders, .json/.jsonl records, URLs or feeds"))
    p.add_argument("paths", nargs="+")
    p.add_argument("--sync", action="store_true", help="remove articles whose files under PATH are gone")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ingest)

    p = with_index(sub.add_parser("stats", help="what the index holds"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = with_index(sub.add_parser("ask", help="answer a question with cited quotes"))
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    p.add_argument("--source", action="append", help="only this outlet (repeatable)")
    p.add_argument("--since", help="YYYY-MM-DD, inclusive")
    p.add_argument("--until", help="YYYY-MM-DD, inclusive")
    p.add_argument(
        "--answerer",
        choices=list(ANSWERERS),
        default=None,
        help="how to answer (default: the `answerer` setting, NEWSRAG_ANSWERER, else extractive)",
    )
    p.set_defaults(func=cmd_ask)

    p = with_index(sub.add_parser("chat", help="serve the web UI"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_chat)

    p = with_index(sub.add_parser("eval", help="retrieval, answer and scorer benchmarks"))
    p.add_argument(
        "what",
        choices=["retrieval", "answers", "scorer"],
        help="retrieval: are the gold passages found (Hits, MRR, nDCG); answers: are answers right, "
        "cited and faithful; scorer: the faithfulness scorer on SummEdits",
    )
    p.add_argument(
        "--dataset",
        default=None,
        choices=["multihop", "seed", "summedits"],
        help="multihop: MultiHop-RAG (default for retrieval/answers); seed: the questions about corpus/; "
        "summedits: the scorer's benchmark",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=None,
        help="only the first N questions of a fixed sample (same N, same questions every run)",
    )
    p.add_argument(
        "--split",
        default="report",
        choices=["tune", "report", "all"],
        help="MultiHop-RAG half: tune (choices were made on it), report (held out; default), or all",
    )
    p.add_argument(
        "--answerer",
        choices=list(ANSWERERS),
        default=None,
        help="the answerer to evaluate (answers only); default extractive",
    )
    p.add_argument(
        "--out",
        default=None,
        help="folder for results.json and report.html (default: a new runs/WHAT-DATASET-SPLIT-TIME/)",
    )
    p.add_argument(
        "--compare",
        default=None,
        help="an earlier run (its folder or results.json) to diff against; exit 1 if a metric got worse. "
        "Default: the previous run of the same kind under runs/, shown but not failing",
    )
    p.add_argument("--no-compare", action="store_true", help="do not compare with any earlier run")
    p.set_defaults(func=cmd_eval)

    p = with_index(sub.add_parser("bench", help="speed benchmarks"))
    p.add_argument("--out", default="runs/bench")
    p.add_argument("--quick", action="store_true")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # argparse would print the top-level usage; the subcommand's is the one that helps
        args.subparsers[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    _apply_index_options(args)
    try:
        return args.func(args)
    except NewsragError as exc:
        if getattr(args, "json", False):
            _print_json({"error": str(exc)})
        print(f"newsrag: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsrag: interrupted; re-run the same command to finish (the index stays consistent)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
