"""Grow an index to N chunks with synthetic articles, and time queries on it in a fresh process.

Synthetic articles are documented, reproducible stand-ins for "more news": article k is real article k mod n with its
sentences in a seeded shuffled order, a fresh id (`synthetic-k`) and URL, so the keyword side sees real term
statistics. Its chunks are cut by the real chunker, but their vectors are NOT embedded (100k chunks would take ~90 min
here): each is a real chunk vector of the base article plus seeded Gaussian noise, re-normalised (cosine ~0.93 to the
original). That keeps the dense side's clustering realistic for HNSW timing; it says nothing about retrieval quality.
Writes go through the real Store protocol (begin -> add_vectors -> commit), so the index is an ordinary newsrag index.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from ingest.chunking import Chunker
from ingest.index import content_hash
from rag.assistant import Assistant
from rag.core.embedder import get_tokenizer_counter
from rag.core.store import Store
from rag.core.text import split_sentences
from rag.core.types import Article, Chunk

SYNTHETIC_PREFIX = "synthetic-"
NOISE_SIGMA = 0.02  # per dimension; |noise| ~ 0.02 * sqrt(384) ~ 0.39, so cosine to the base vector ~ 0.93
WRITE_BATCH = 2000  # chunks per begin/add/commit round


def _real_articles(store: Store) -> list[Article]:
    ids = [i for i in store.article_ids() if not i.startswith(SYNTHETIC_PREFIX)]
    by_id = store.articles_by_id(ids)
    return [by_id[i] for i in ids if i in by_id]


def synthetic_article(base: Article, k: int, seed: int) -> Article:
    """Real article `base` with its sentences shuffled by a seeded RNG, under a fresh id and URL."""
    sentences = [base.text[s:e] for s, e in split_sentences(base.text)]
    random.Random(seed * 1_000_003 + k).shuffle(sentences)
    return Article(
        id=f"{SYNTHETIC_PREFIX}{k:07d}",
        title=f"{base.title} (synthetic {k})",
        text=" ".join(sentences),
        source=base.source,
        author=base.author,
        published_at=base.published_at,
        published_ts=base.published_ts,
        url=f"https://synthetic.invalid/{k}",
        origin=f"synthetic://{k}",
    )


def grow(store: Store, target_chunks: int, seed: int = 0) -> dict:
    """Add synthetic articles until the index holds at least `target_chunks` chunks; returns what was added."""
    started = time.perf_counter()
    real = _real_articles(store)
    if not real:
        raise ValueError(f"{store.directory}: no real articles to grow from; ingest some first")
    vectors = store.vectors_by_article([a.id for a in real])
    real = [a for a in real if a.id in vectors]
    # synthetic articles reuse the base articles' sentences, so each sentence is tokenised once
    count_tokens = get_tokenizer_counter()
    known: dict[str, int] = {}

    def cached_count(texts: list[str]) -> list[int]:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, count_tokens(missing)))
        return [known[t] for t in texts]

    chunker = Chunker(cached_count)
    rng = np.random.default_rng(seed)
    have = store.stats().chunks
    k = sum(1 for i in store.article_ids() if i.startswith(SYNTHETIC_PREFIX))
    added_articles = added_chunks = 0
    while have < target_chunks:
        articles: list[Article] = []
        chunks: list[Chunk] = []
        base_of: dict[str, str] = {}  # synthetic article id -> the real article it was made from
        while len(chunks) < WRITE_BATCH and have + len(chunks) < target_chunks:
            base = real[k % len(real)]
            article = synthetic_article(base, k, seed)
            k += 1
            new = chunker.chunk(article)
            if new:
                articles.append(article)
                chunks.extend(new)
                base_of[article.id] = base.id
        # each synthetic chunk borrows a random real chunk vector of its base article, then gets noise
        rows = []
        for c in chunks:
            pool = vectors[base_of[c.article_id]]
            rows.append(pool[rng.integers(len(pool))])
        vec = np.stack(rows) + rng.normal(0.0, NOISE_SIGMA, size=(len(rows), rows[0].shape[0])).astype(np.float32)
        vec /= np.linalg.norm(vec, axis=1, keepdims=True)
        by_id = {a.id: a for a in articles}
        store.begin(list(by_id), {a.id: a.origin for a in articles})
        store.add_vectors(chunks, by_id, vec.astype(np.float32))
        store.commit(articles, {a.id: content_hash(a) for a in articles}, chunks)
        have += len(chunks)
        added_articles += len(articles)
        added_chunks += len(chunks)
    return {
        "added_articles": added_articles,
        "added_chunks": added_chunks,
        "seconds": round(time.perf_counter() - started, 3),
    }


def index_without_embedding(store: Store, items, seed: int = 0) -> int:
    """Write loaded articles exactly as `ingest` would, but with seeded random unit vectors instead of embeddings.

    For timing what does not depend on the vectors (re-ingesting an unchanged corpus) without paying the encoder.
    Returns the number of chunks written."""
    chunker = Chunker(get_tokenizer_counter())
    rng = np.random.default_rng(seed)
    seen: set[str] = set()
    articles: list[Article] = []
    chunks: list[Chunk] = []
    written = 0

    def flush() -> None:
        nonlocal written
        if not articles:
            return
        vec = rng.normal(size=(len(chunks), 384)).astype(np.float32)
        vec /= np.linalg.norm(vec, axis=1, keepdims=True)
        by_id = {a.id: a for a in articles}
        store.begin(list(by_id), {a.id: a.origin for a in articles})
        store.add_vectors(chunks, by_id, vec)
        store.commit(articles, {a.id: content_hash(a) for a in articles}, chunks)
        written += len(chunks)
        articles.clear()
        chunks.clear()

    for item in items:
        if not isinstance(item, Article) or item.id in seen:  # load problems and duplicates, as ingest skips them
            continue
        seen.add(item.id)
        new = chunker.chunk(item)
        if new:
            articles.append(item)
            chunks.extend(new)
        if len(chunks) >= WRITE_BATCH:
            flush()
    flush()
    return written


def _peak_rss_mb() -> float:
    """This process's VmHWM: ru_maxrss would include the RSS of the parent that forked it (Linux keeps it over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, int(np.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def measure(index: str, questions: list[str], warmup: int = 3) -> dict:
    """Warm latencies of Assistant.retrieve and Assistant.ask (extractive), in this process; plus its peak RSS."""
    t0 = time.perf_counter()
    bot = Assistant.open(index, chroma_url="")  # the bench measures the embedded store
    open_s = time.perf_counter() - t0
    for q in questions[:warmup]:
        bot.ask(q)
    retrieve_ms: list[float] = []
    ask_ms: list[float] = []
    parts: dict[str, list[float]] = {}
    for q in questions:
        t = time.perf_counter()
        bot.retrieve(q, k=10)
        retrieve_ms.append((time.perf_counter() - t) * 1000)
    for q in questions:
        t = time.perf_counter()
        answer = bot.ask(q)
        ask_ms.append((time.perf_counter() - t) * 1000)
        for key, value in answer.timings_ms.items():
            parts.setdefault(key, []).append(value)
    stats_ms = []
    for _ in range(3):  # Assistant.ask calls store.stats() once per question (the empty-index check)
        t = time.perf_counter()
        stats = bot.store.stats()
        stats_ms.append((time.perf_counter() - t) * 1000)
    return {
        "chunks": stats.chunks,
        "articles": stats.articles,
        "consistent": stats.to_dict()["consistent"],
        "queries": len(questions),
        "open_s": round(open_s, 3),
        "retrieve_p50_ms": round(percentile(retrieve_ms, 50), 2),
        "retrieve_p95_ms": round(percentile(retrieve_ms, 95), 2),
        "ask_p50_ms": round(percentile(ask_ms, 50), 2),
        "ask_p95_ms": round(percentile(ask_ms, 95), 2),
        "ask_parts_median_ms": {k: round(statistics.median(v), 2) for k, v in sorted(parts.items())},
        "store_stats_ms": round(statistics.median(stats_ms), 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m evals.bench.scale measure --index DIR --questions FILE`: one JSON line on stdout."""
    p = argparse.ArgumentParser(prog="python -m evals.bench.scale")
    sub = p.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure", help="time retrieve/ask on an index in this fresh process")
    m.add_argument("--index", required=True)
    m.add_argument("--questions", required=True, help="a JSON list of question strings")
    m.add_argument("--warmup", type=int, default=3)
    g = sub.add_parser("grow", help="add synthetic articles until the index holds N chunks")
    g.add_argument("--index", required=True)
    g.add_argument("--chunks", type=int, required=True)
    g.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if args.command == "measure":
        questions = json.loads(Path(args.questions).read_text())
        result = measure(args.index, questions, args.warmup)
    else:
        store = Store(args.index, chroma_url="")
        result = grow(store, args.chunks, args.seed)
        store.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
