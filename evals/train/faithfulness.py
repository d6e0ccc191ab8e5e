"""Rebuild rag/models/faithfulness.json from the seven non-news SummEdits domains (news is never read here).

The model is the "features" verifier (rag/verify/features.py); its text rules are the toolkit's (rag.core.text).

    .venv/bin/python -m evals.train.faithfulness      # features, leave-one-domain-out CV report, model file
    # measured: 5 min 19 s on 2 idle cores (200 s of it MiniLM features), and the file came out byte-identical

Two boosted-tree models, stacked:
  * a word model: P(word supported) for each content/negation word of a summary sentence. Labels come from the
    edit: in an inconsistent summary, words absent from the original (consistent) summary are the edit (0);
    every other word is 1;
  * a sentence model on alignment/novelty features plus the word model's weakest-word probabilities (out-of-fold
    while training). A sentence of a consistent summary is 1; in an inconsistent one, a sentence left exactly as in
    the original summary is 1 and edited ones are 0. Each consistent summary also appears once against another
    document of its domain (all 0): without these, a claim about something else entirely would look "supported".
A summary's score is its lowest sentence score, as at scoring time. Reported CV is leave-one-domain-out.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from evals.faithfulness import binary_metrics
from evals.summedits import TRAIN_DOMAINS, load_domain
from rag.core.text import is_negation, sentences
from rag.verify.features import (
    FEATURE_NAMES,
    MODEL_FILE,
    WORD_FEATURES,
    _encoder,
    _is_content,
    _norm,
    _words,
    features,
)
from rag.verify.trees import TreeModel

PARAMS = {
    "max_iter": 120,
    "learning_rate": 0.08,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
}
SEED = 0
WORD_P = [FEATURE_NAMES.index(n) for n in ("word_p_min", "word_p_2nd", "word_p_mean", "words_below_05")]


def _key(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().lower()


def domain_features(domain: str) -> dict[str, np.ndarray]:
    """Sentence rows (without word-model columns), word rows, and their labels for one domain."""
    records = load_domain(domain)
    docs = sorted({r["doc"] for r in records})
    out: dict[str, list] = {k: [] for k in ("x", "y", "summary_of", "wx", "wy", "w_sent")}
    summary_y: list[int] = []
    synthetic: list[bool] = []
    n_sent = 0

    def add(summary: str, doc: str, label: int, original: str, is_synthetic: bool) -> None:
        nonlocal n_sent
        sents = sentences(summary) or [summary]
        x, _, _, words = features(sents, [doc])
        orig_sents = {_key(s) for s in sentences(original)}
        orig_words = Counter(_norm(w) for w in _words(original))
        labs = [0 if is_synthetic else (1 if label == 1 or _key(s) in orig_sents else 0) for s in sents]
        if label == 0 and all(labs):  # no sentence differs from the original: blame them all
            labs = [0] * len(sents)
        k = len(summary_y)
        for s, row, wrows, lab in zip(sents, x, words, labs):
            out["x"].append(row)
            out["y"].append(lab)
            out["summary_of"].append(k)
            claim_words = _encoder().encode([s])[0].words  # cached: features() just encoded it
            idx = [i for i, w in enumerate(claim_words) if _is_content(w) or is_negation(w)]
            for wr, i in zip(wrows, idx):
                edited = label == 0 and _norm(claim_words[i]) not in orig_words
                out["wx"].append(wr)
                # Off-topic rows feed the word columns of their sentence but never train the word model (-1).
                out["wy"].append(-1 if is_synthetic else 0 if edited else 1)
                out["w_sent"].append(n_sent)
            n_sent += 1
        summary_y.append(label)
        synthetic.append(is_synthetic)

    for rec in records:
        add(rec["summary"], rec["doc"], int(rec["label"]), rec.get("original_summary") or rec["summary"], False)
    # Off-topic negatives: each consistent summary against the next document of the domain (deterministic).
    for rec in records:
        if int(rec["label"]) == 1 and len(docs) > 1:
            other = docs[(docs.index(rec["doc"]) + 1) % len(docs)]
            add(rec["summary"], other, 0, rec["summary"], True)
    return {
        "x": np.array(out["x"]),
        "y": np.array(out["y"]),
        "summary_of": np.array(out["summary_of"]),
        "wx": np.array(out["wx"]).reshape(-1, len(WORD_FEATURES)),
        "wy": np.array(out["wy"]),
        "w_sent": np.array(out["w_sent"], dtype=int),
        "summary_y": np.array(summary_y),
        "synthetic": np.array(synthetic),
    }


def _fit(x: np.ndarray, y: np.ndarray):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.utils.class_weight import compute_sample_weight

    model = HistGradientBoostingClassifier(random_state=SEED, early_stopping=False, **PARAMS)
    model.fit(x, y, sample_weight=compute_sample_weight("balanced", y))
    return model


def tree_spec(model) -> dict:
    """A fitted HistGradientBoostingClassifier as plain JSON for rag.verify.trees.TreeModel (no pickle)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "left": np.where(leaf, -1, nodes["left"].astype(np.int64)).tolist(),
                "right": np.where(leaf, -1, nodes["right"].astype(np.int64)).tolist(),
                "feature": nodes["feature_idx"].astype(int).tolist(),
                "threshold": [float(v) for v in nodes["num_threshold"]],  # exact: a rounded cut can flip a row
                "value": [float(v) for v in nodes["value"]],
            }
        )
    return {"init": float(np.ravel(model._baseline_prediction)[0]), "learning_rate": 1.0, "trees": trees}


def _with_word_p(d: dict[str, np.ndarray], word_model) -> np.ndarray:
    """Sentence rows with the word-model columns filled from `word_model` (None leaves them at 1)."""
    x = d["x"].copy()
    x[:, WORD_P] = [1.0, 1.0, 1.0, 0.0]
    if word_model is None or not len(d["wx"]):
        return x
    p = word_model.predict_proba(d["wx"])[:, 1]
    order = np.argsort(d["w_sent"], kind="stable")
    bounds = np.flatnonzero(np.diff(d["w_sent"][order])) + 1
    for group in np.split(order, bounds):
        ps = np.sort(p[group])
        x[d["w_sent"][group[0]], WORD_P] = [ps[0], ps[1] if len(ps) > 1 else ps[0], ps.mean(), float((ps < 0.5).sum())]
    return x


def _fit_words(data: dict[str, dict], domains: list[str]):
    wx = np.concatenate([data[d]["wx"] for d in domains])
    wy = np.concatenate([data[d]["wy"] for d in domains])
    return _fit(wx[wy >= 0], wy[wy >= 0])


def _fit_stack(data: dict[str, dict], domains: list[str]):
    """Word model on `domains`; sentence model on their rows with out-of-fold word probabilities."""
    word_all = _fit_words(data, domains)
    xs, ys = [], []
    # Out-of-fold word probabilities from three domain groups (cheaper than one fold per domain).
    groups = [domains[i::3] for i in range(3)]
    for group in groups:
        inner = _fit_words(data, [r for r in domains if r not in group])
        for d in group:
            xs.append(_word_p_rows(data[d], inner))
            ys.append(data[d]["y"])
    sentence = _fit(np.concatenate(xs), np.concatenate(ys))
    return word_all, sentence


def _word_p_rows(d: dict[str, np.ndarray], word_model) -> np.ndarray:
    return _with_word_p(d, word_model)


def _summary_scores(word_model, sentence_model, d: dict[str, np.ndarray]) -> np.ndarray:
    p = sentence_model.predict_proba(_word_p_rows(d, word_model))[:, 1]
    out = np.ones(len(d["summary_y"]))
    np.minimum.at(out, d["summary_of"], p)
    return out


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    """The cut that maximises balanced accuracy (midpoint between neighbouring scores, deterministic)."""
    from sklearn.metrics import balanced_accuracy_score

    cands = np.unique(scores)
    mids = np.concatenate([[cands[0] - 1e-6], (cands[:-1] + cands[1:]) / 2]) if len(cands) > 1 else cands
    accs = [balanced_accuracy_score(labels, (scores >= t).astype(int)) for t in mids]
    return float(mids[int(np.argmax(accs))])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--cache", type=Path, help="optional .npz to reuse features between runs (experiments)")
    ap.add_argument("--encodings", type=Path, help="optional pickle to reuse MiniLM encodings between runs")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1 is fastest on a busy shared machine)")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)

    # 1. Features for every training domain (the slow part: MiniLM over documents and summaries).
    start = time.perf_counter()
    keys = ("x", "y", "summary_of", "wx", "wy", "w_sent", "summary_y", "synthetic")
    data: dict[str, dict[str, np.ndarray]] = {}
    if args.cache and args.cache.is_file():
        z = np.load(args.cache)
        data = {d: {k: z[f"{d}/{k}"] for k in keys} for d in TRAIN_DOMAINS}
    else:
        if args.encodings and args.encodings.is_file():
            _encoder().cache.update(pickle.loads(args.encodings.read_bytes()))
        for d in TRAIN_DOMAINS:
            data[d] = domain_features(d)
            print(
                f"features {d}: {len(data[d]['summary_y'])} summaries, {len(data[d]['y'])} sentences, "
                f"{len(data[d]['wy'])} words ({time.perf_counter() - start:.0f}s)",
                file=sys.stderr,
            )
        if args.encodings:
            args.encodings.write_bytes(pickle.dumps(_encoder().cache))
        if args.cache:
            arrays: dict[str, Any] = {f"{d}/{k}": v for d, dd in data.items() for k, v in dd.items()}
            np.savez(args.cache, **arrays)

    # 2. Leave-one-domain-out: train on six, score the seventh's real pairs; pooled scores set the threshold.
    cv_scores, cv_labels = {}, {}
    for held in TRAIN_DOMAINS:
        word, sentence = _fit_stack(data, [d for d in TRAIN_DOMAINS if d != held])
        real = ~data[held]["synthetic"]
        cv_scores[held] = _summary_scores(word, sentence, data[held])[real]
        cv_labels[held] = data[held]["summary_y"][real]
        print(f"cv {held} ({time.perf_counter() - start:.0f}s)", file=sys.stderr)
    labels = np.concatenate([cv_labels[d] for d in TRAIN_DOMAINS])
    pooled = np.concatenate([cv_scores[d] for d in TRAIN_DOMAINS])
    threshold = best_threshold(labels, pooled)
    cv_domains = {d: binary_metrics(cv_labels[d], cv_scores[d], threshold) for d in TRAIN_DOMAINS}
    report = {
        "cv_threshold": threshold,
        "cv_pooled": binary_metrics(labels, pooled, threshold),
        "cv_domains": cv_domains,
    }
    print(json.dumps(report, indent=1))

    # 3. The shipped models: all seven domains; check the JSON trees reproduce sklearn before writing.
    word, sentence = _fit_stack(data, list(TRAIN_DOMAINS))
    spec: dict[str, Any] = {
        "about": "two stacked boosted-tree models; rebuild with `python -m evals.train.faithfulness`",
        "features": FEATURE_NAMES,
        "word_features": WORD_FEATURES,
        "threshold": round(threshold, 6),
        "params": PARAMS,
        "train_domains": list(TRAIN_DOMAINS),
        "report": report,
        "word_model": tree_spec(word),
        "sentence_model": tree_spec(sentence),
    }
    probe = data[TRAIN_DOMAINS[0]]
    for name, model, x in (("word", word, probe["wx"]), ("sentence", sentence, _word_p_rows(probe, word))):
        diff = np.abs(TreeModel(spec[f"{name}_model"]).predict(x) - model.predict_proba(x)[:, 1]).max()
        if diff > 1e-5:
            raise RuntimeError(f"exported {name} trees disagree with sklearn by {diff:.2e}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(spec, separators=(",", ":")) + "\n")
    print(
        f"wrote {args.out} ({args.out.stat().st_size // 1024} KB) in {time.perf_counter() - start:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
