"""Choose the fusion weights on the tune half of MultiHop-RAG dev; `newsrag eval retrieval` reports the other half.

    python -m evals.train.tune_retrieval --index DIR [--split tune]

Candidates are fetched once per query; the grid only re-fuses them, so the whole search takes seconds.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import asdict, replace

from tqdm import tqdm

from evals.metrics import mean, retrieval_scores
from evals.multihop import load_queries
from rag.assistant import Assistant
from rag.core.types import Filters
from rag.query import read_hints
from rag.retrieve import FusionWeights, fuse


def score(cached: list, weights: FusionWeights) -> dict[str, float]:
    rows = []
    for query, cands, hints in cached:
        ranked = fuse(cands, weights, hints)[:10]
        rows.append(retrieval_scores([cands.chunks[cid].text for cid, _ in ranked], query.facts))
    return {m: round(mean(r[m] for r in rows), 4) for m in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", required=True)
    parser.add_argument("--split", default="tune")
    args = parser.parse_args()
    bot = Assistant.open(args.index)
    sources = bot.store.sources()
    queries = [q for q in load_queries(split=args.split) if q.answerable]
    cached = []
    for q in tqdm(queries, desc="candidates"):
        hints = read_hints(q.question, sources)
        cached.append((q, bot.retriever.candidates(q.question, Filters(), {}, hints), hints))

    base = FusionWeights()
    print("dense only  ", score(cached, replace(base, keyword=0.0)))
    print("keyword only", score(cached, replace(base, dense=0.0)))
    results = []
    grid = itertools.product(["rrf", "score"], [0.0, 0.25, 0.5, 0.75, 1.0], [0.0, 0.5, 1.0, 2.0, 4.0], [0.0, 1.0])
    for mode, dense, source_boost, date_boost in grid:
        w = FusionWeights(mode=mode, dense=dense, keyword=1.0, source_boost=source_boost, date_boost=date_boost)
        if mode == "score":  # normalised scores sum to at most 1+dense: boost in that unit
            w = replace(w, source_boost=source_boost / 4, date_boost=date_boost / 4)
        results.append((score(cached, w), w))
    results.sort(key=lambda r: -(r[0]["mrr@10"] + r[0]["hits@10"]))
    for metrics, w in results[:8]:
        print(json.dumps(metrics), asdict(w))


if __name__ == "__main__":
    main()
