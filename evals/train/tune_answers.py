"""Calibrate the extractive answerer's refusal threshold on the tune half of MultiHop-RAG dev.

    python -m evals.train.tune_answers --index DIR [--max-wrong-refusals 0.05]

The threshold is the highest one that refuses at most 5% of answerable tune queries; `newsrag eval answers
--split report` then measures refusal precision/recall on the unseen half.
"""

from __future__ import annotations

import argparse

import numpy as np
from tqdm import tqdm

from evals.multihop import load_queries, sample
from rag.assistant import Assistant
from rag.extractive import ExtractiveAnswerer, ExtractiveConfig


def best_scores(bot: Assistant, split: str, limit: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The best candidate sentence score per query, and whether the query is answerable."""
    answerer = ExtractiveAnswerer(bot.embedder)
    scores, answerable = [], []
    for q in tqdm(sample(load_queries(split=split), limit), desc=f"answers ({split})"):
        hits = bot.retrieve(q.question, k=10)
        sentences = answerer.candidates(hits)
        answerer.score(q.question, sentences)
        scores.append(max((s.score for s in sentences), default=0.0))
        answerable.append(q.answerable)
    return np.array(scores), np.array(answerable)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", required=True)
    parser.add_argument("--max-wrong-refusals", type=float, default=0.05)
    parser.add_argument("--limit", type=int, default=None, help="a fixed sample of the tune queries")
    parser.add_argument("--check", action="store_true", help="measure the configured threshold on the report half")
    args = parser.parse_args()
    if args.check:
        bot = Assistant.open(args.index)
        scores, answerable = best_scores(bot, "report", args.limit)
        refuse_below = ExtractiveConfig().refuse_below
        refused = scores < refuse_below
        right = int((refused & ~answerable).sum())
        print(
            f"report half, refuse_below {refuse_below}: refused {int(refused.sum())} of {len(scores)}; "
            f"refusal precision {right / max(1, refused.sum()):.3f}, recall {right / max(1, (~answerable).sum()):.3f}; "
            f"answerable refused {refused[answerable].mean():.3f}"
        )
        return
    scores, answerable = best_scores(Assistant.open(args.index), "tune", args.limit)
    threshold = float(np.quantile(scores[answerable], args.max_wrong_refusals))
    refused = scores < threshold
    print(
        f"answerable best-score quartiles {np.quantile(scores[answerable], [0.25, 0.5, 0.75]).round(3)}; "
        f"null {np.quantile(scores[~answerable], [0.25, 0.5, 0.75]).round(3)}"
    )
    print(
        f"refuse_below = {threshold:.4f}: refuses {refused[~answerable].mean():.3f} of null and "
        f"{refused[answerable].mean():.3f} of answerable tune queries"
    )


if __name__ == "__main__":
    main()
