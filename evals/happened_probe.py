"""Bare "did it happen?" questions asked of the MultiHop-RAG index, the way a reader asks them (no outlet named).

The MultiHop-RAG yes/no questions all name an outlet ("does the Daily Ledger suggest ..."), so they never test
whether a plain "Did Globex cut prices?" is answered from a statement of the event rather than from a plan, a
condition or a bag of its words. The questions in evals/data/happened_probe.tsv were written by hand from sentences
of the corpus; gold is what the articles say ("unsettled" when they only report a plan or nothing). Set "inspected"
was looked at while the rules were built; sets "fresh" and "third" were each first read once, after which fixes
followed (docs/experiments.md gives the first-read figures).

    python -m evals.happened_probe --index DIR
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

from rag.assistant import Assistant
from rag.core.errors import NewsragError

PROBE = Path(__file__).parent / "data" / "happened_probe.tsv"


def outcome(answer_text: str, gold: str) -> str:
    """right / wrong / unsettled: a Yes or No that is not the gold is wrong; declining to settle is neither, and is
    right only when the articles do not settle it."""
    said = "yes" if answer_text.startswith("**Yes") else "no" if answer_text.startswith("**No") else ""
    if not said:
        return "right" if gold == "unsettled" else "unsettled"
    return "right" if said == gold else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.happened_probe", description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="the MultiHop-RAG index directory")
    args = parser.parse_args(argv)
    try:
        bot = Assistant.open(args.index)
    except NewsragError as e:  # no index there: say so, no traceback
        print(f"error: {e}", file=sys.stderr)
        return 2
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with PROBE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            answer = bot.ask(row["question"])
            result = outcome(answer.text, row["gold"])
            counts[row["set"]][result] += 1
            print(
                f"{row['set']:9s} {row['gold']:9s} {result:9s} {row['question']} | {answer.text.splitlines()[0][:90]}"
            )
    for name, c in counts.items():
        print(f"{name}: right {c['right']}, wrong {c['wrong']}, unsettled {c['unsettled']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
