"""Choose the part-verdict thresholds of rag.answer on the MultiHop-RAG *tune* half only.

Retrieval runs once per question (cached in memory); each threshold setting then re-reads, re-judges and re-composes
every answer and is scored with the official and the strict rule, refusals included:

    python -m evals.train.tune_parts --index /tmp/idx_mh [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import time
from collections import defaultdict
from pathlib import Path

from evals import metrics as M
from evals.runner import multihop_items
from rag.answer import StructuredAnswerer, compose, verdicts
from rag.assistant import Assistant
from rag.core.types import Filters
from rag.extractive import ExtractiveAnswerer
from rag.query import read_hints


def _cached(retrieve, memo: dict):

    def run(query, k, filters):
        key = (query, k, tuple(filters.sources), filters.since, filters.until)
        if key not in memo:
            memo[key] = retrieve(query, k, filters)
        return memo[key]

    return run


def score(rows: list[dict]) -> dict:
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    out = {
        k: {"official": M.mean(r["official"] for r in v), "strict": M.mean(r["strict"] for r in v), "n": len(v)}
        for k, v in sorted(by_kind.items())
    }
    refusals = M.refusal_scores([r["refused"] for r in rows], [not r["answerable"] for r in rows])
    answerable = [r for r in rows if r["answerable"]]
    out["overall"] = {
        "official": M.mean(r["official"] for r in rows),
        "strict": M.mean(r["strict"] for r in rows),
        "refusal_f1": refusals["refusal_f1"],
        "refusal_recall": refusals["refusal_recall"],
        "answerable_refused": M.ratio(sum(r["refused"] for r in answerable), len(answerable)),
        "unsettled": sum(r["unsettled"] for r in rows),
    }
    return out


def main(argv: list[str] | None = None) -> int:

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", required=True)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--supported", default="0.1,0.15,0.2,0.25,0.3")
    parser.add_argument("--refuse", default="0.34,0.5,0.67", help="NAMES_FOUND_BELOW values")
    parser.add_argument("--contradiction", default="0.6", help="CONTRADICTION_COVER values")
    parser.add_argument("--spread", default="6.0", help="ENTITY_SPREAD_WEIGHT values")
    parser.add_argument("--paraphrase", default="1.0", help="PARAPHRASE_AT values (1.0: words only)")
    parser.add_argument("--cache", default=None, help="a pickle of the retrieved passages, reused when it exists")
    parser.add_argument("--dump", default=None, help="write each answer of the last setting here (JSON lines)")
    args = parser.parse_args(argv)
    items = multihop_items("tune", args.limit)  # the tune half only: nothing here looks at the report half
    bot = Assistant.open(args.index)
    cache = Path(args.cache) if args.cache else None
    hits, memo = pickle.loads(cache.read_bytes()) if cache and cache.is_file() else ({}, {})
    retrieve = _cached(lambda q, k, f: bot._retrieve_part(q, k, f, Filters()), memo)
    t0 = time.perf_counter()
    for item in items:
        if item.id not in hits:
            hits[item.id] = bot.retriever.retrieve(
                item.question, k=10, hints=read_hints(item.question, bot.store.sources())
            )
    results = []
    grid = itertools.product(
        *(
            map(float, s.split(","))
            for s in (args.supported, args.refuse, args.contradiction, args.spread, args.paraphrase)
        )
    )
    answerer = StructuredAnswerer(ExtractiveAnswerer(bot.embedder), bot.store.sources)
    for supported, refuse, contradiction, spread, paraphrase in grid:
        compose.ENTITY_SPREAD_WEIGHT = spread
        verdicts.PARAPHRASE_AT = paraphrase
        verdicts.CONTRADICTION_COVER = contradiction
        verdicts.SUPPORTED_AT, compose.NAMES_FOUND_BELOW = supported, refuse
        rows = []
        for item in items:
            answer = answerer.answer(item.question, hits[item.id], retrieve)
            gold = item.answers[0] if item.answers else None
            rows.append(
                {
                    "question": item.question,
                    "gold": gold,
                    "answer": answer.text,
                    "parts": [p.to_dict() for p in answer.parts],
                    "kind": item.kind,
                    "answerable": item.answerable,
                    "refused": answer.refused,
                    "official": float(M.answer_correct(answer.text, answer.refused, gold)),
                    "strict": float(M.strict_correct(answer.text, answer.refused, gold)),
                    "unsettled": answer.text.startswith(compose.UNSETTLED),
                }
            )
        if cache and not cache.is_file():
            cache.write_bytes(pickle.dumps((hits, memo)))
        if args.dump:
            Path(args.dump).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        s = score(rows)
        results.append(
            {
                "supported_at": supported,
                "refuse_below": refuse,
                "contradiction": contradiction,
                "paraphrase": paraphrase,
                **s,
            }
        )
        print(
            json.dumps(
                {
                    "supported_at": supported,
                    "names_found_below": refuse,
                    "contradiction": contradiction,
                    "spread": spread,
                    "paraphrase": paraphrase,
                    **{k: {m: round(v, 3) for m, v in d.items()} for k, d in s.items()},
                }
            ),
            flush=True,
        )
    best = max(results, key=lambda r: (r["overall"]["strict"], r["overall"]["refusal_f1"]))
    print(
        f"best on tune ({time.perf_counter() - t0:.0f} s): supported_at={best['supported_at']} "
        f"refuse_below={best['refuse_below']} paraphrase={best['paraphrase']} strict={best['overall']['strict']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
