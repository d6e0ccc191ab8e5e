"""Train, validate and benchmark the claim verifier (rag/verifier_model.py -> rag/models/verifier.json).

    python -m evals.train.verifier                 # synthetic pairs + 7 non-news SummEdits domains -> model file
    python -m evals.train.verifier --cv            # + leave-one-domain-out CV, ablation, per-transformation accuracy
    python -m evals.train.verifier --report-news   # + SummEdits news, all 819 pairs (read once per final model)
    python -m evals.train.verifier --multihop      # + MultiHop-RAG tune half, Yes/No questions
    python -m evals.train.verifier --bench         # speed only (loads the shipped model)

Training data, never SummEdits news:
  * synthetic (premise, claim, label) pairs from evals.train.claims (generated in memory, same seed -> same pairs);
    its article-level "valid" slice is held back for choosing the threshold and its "test" slice for the
    per-transformation report;
  * the seven non-news SummEdits domains, one row per summary sentence against the whole document: a sentence of a
    consistent summary is supported; in an inconsistent one, a sentence that differs from the original (consistent)
    summary is the edit (not supported) and an unchanged one supported.
Two boosted-tree models (sklearn HistGradientBoosting, fixed seed, one thread) exported as JSON: P(supported) on
everything, and P(contradicted | not supported) on the synthetic negatives. A summary's score is its weakest
sentence's P(supported). The threshold is the one that maximises balanced accuracy over the LODO out-of-fold
summary scores of the seven domains together with the held-back synthetic slice.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # the machine is shared: one thread for the heavy work

import numpy as np

from evals.train import claims as claimgen
from rag.verifier_model import FEATURES, MODEL_FILE, FeatureVerifier, feature_rows, split_sentences

SEED = 0
N_SYNTHETIC = 120_000
PARAMS = {"max_iter": 300, "learning_rate": 0.06, "max_leaf_nodes": 31, "min_samples_leaf": 40,
          "l2_regularization": 1.0, "max_bins": 255}
HUMAN_WEIGHT = 4.0  # one human-labelled sentence counts as this many synthetic ones (SummEdits is the target shape)
TRAIN_DOMAINS = ("ectsum", "podcast", "qmsumm", "sales_call", "sales_email", "samsum", "scitldr")


# ---------------------------------------------------------------- data -> feature rows


def _key(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().lower()


def load_summedits(domain: str) -> list[dict]:
    path = claimgen.data_dir() / "summedits" / f"summedits_{domain}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def summedits_rows(domain: str) -> dict[str, np.ndarray]:
    """Per summary sentence: features, sentence label, and which summary it belongs to (summary label too)."""
    x, y, owner, summary_y = [], [], [], []
    for i, rec in enumerate(load_summedits(domain)):
        rows, _, _ = feature_rows(rec["summary"], [rec["doc"]])
        spans = split_sentences(rec["summary"])
        texts = [rec["summary"][s:e] for s, e in spans][: len(rows)]
        original = {_key(rec["summary"][s:e]) for s, e in split_sentences(rec.get("original_summary") or "")}
        labels = [1 if rec["label"] == 1 or _key(t) in original else 0 for t in texts]
        if rec["label"] == 0 and all(labels):  # no sentence differs from the original: blame them all
            labels = [0] * len(labels)
        for r, lab in zip(rows, labels):
            x.append(r)
            y.append(lab)
            owner.append(i)
        summary_y.append(int(rec["label"]))
    return {"x": np.array(x).reshape(-1, len(FEATURES)), "y": np.array(y), "owner": np.array(owner),
            "summary_y": np.array(summary_y)}


def synthetic_rows(pairs: list[dict]) -> dict[str, np.ndarray]:
    """One row per pair: the claim's weakest sentence against the premise (as at question time)."""
    x, keep = [], []
    for i, p in enumerate(pairs):
        rows, _, _ = feature_rows(p["claim"], [p["premise"]])
        if len(rows):
            x.append(rows.min(axis=0) if len(rows) == 1 else rows[0])  # claims are one sentence by construction
            keep.append(i)
    kept = [pairs[i] for i in keep]
    return {"x": np.array(x).reshape(-1, len(FEATURES)),
            "y": np.array([int(p["label"] == "supported") for p in kept]),
            "contra": np.array([int(p["label"] == "contradicted") for p in kept]),
            "method": np.array([p["method"] for p in kept]), "split": np.array([p["split"] for p in kept])}


# ---------------------------------------------------------------- model fit / export


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, params: dict | None = None):
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**(params or PARAMS), early_stopping=False, random_state=SEED)
    return model.fit(x, y, sample_weight=w)


def export(model) -> dict:
    """HistGradientBoosting (binary) -> the JSON trees rag.verifier_model.TreeModel evaluates; floats rounded."""
    trees = []
    for (pred,) in model._predictors:
        nodes = pred.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": [int(v) for v in nodes["feature_idx"]],
            "threshold": [round(float(v), 9) for v in nodes["num_threshold"]],
            "left": [(-1 if lf else int(v)) for v, lf in zip(nodes["left"], leaf)],
            "right": [(-1 if lf else int(v)) for v, lf in zip(nodes["right"], leaf)],
            "value": [round(float(v), 9) if lf else 0.0 for v, lf in zip(nodes["value"], leaf)],
        })
    init = float(np.ravel(model._baseline_prediction)[0])
    return {"init": round(init, 9), "trees": trees}


def summary_scores(p: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """Min over each summary's sentences (a summary with no sentence row scores 1: it claims nothing)."""
    out = np.ones(n)
    np.minimum.at(out, owner, p)
    return out


def best_threshold(y: np.ndarray, s: np.ndarray) -> float:
    from sklearn.metrics import balanced_accuracy_score

    cands = np.unique(np.round(s, 4))
    best, best_ba = 0.5, -1.0
    for t in cands:
        ba = balanced_accuracy_score(y, (s >= t).astype(int))
        if ba > best_ba + 1e-12:
            best, best_ba = float(t), ba
    return best


def metrics(y: np.ndarray, s: np.ndarray, t: float) -> dict:
    from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score

    pred = (s >= t).astype(int)
    return {"n": int(len(y)), "ba": round(float(balanced_accuracy_score(y, pred)), 4),
            "auc": round(float(roc_auc_score(y, s)), 4) if len(set(y.tolist())) == 2 else None,
            "f1_supported": round(float(f1_score(y, pred, pos_label=1, zero_division=0)), 4),
            "f1_unsupported": round(float(f1_score(y, pred, pos_label=0, zero_division=0)), 4)}


# ---------------------------------------------------------------- experiments


def build_data(n_synthetic: int, log) -> tuple[dict, dict]:
    t = time.perf_counter()
    pairs = claimgen.generate(n_synthetic, SEED)
    log(f"generated {len(pairs)} synthetic pairs in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    syn = synthetic_rows(pairs)
    log(f"synthetic features in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    human = {d: summedits_rows(d) for d in TRAIN_DOMAINS}
    log(f"SummEdits (7 non-news domains) features in {time.perf_counter() - t:.0f} s")
    return syn, human


def _stack(human: dict, domains: list[str]) -> tuple[np.ndarray, np.ndarray]:
    if not domains:
        return np.zeros((0, len(FEATURES))), np.zeros(0, int)
    return (np.vstack([human[d]["x"] for d in domains]), np.concatenate([human[d]["y"] for d in domains]))


def train_mix(syn: dict, human: dict, domains: list[str], use_syn: bool, use_human: bool, params: dict | None = None):
    xs, ys, ws = [], [], []
    if use_syn:
        m = syn["split"] == "train"
        xs.append(syn["x"][m]); ys.append(syn["y"][m]); ws.append(np.ones(int(m.sum())))
    if use_human:
        hx, hy = _stack(human, domains)
        xs.append(hx); ys.append(hy); ws.append(np.full(len(hy), HUMAN_WEIGHT))
    return fit(np.vstack(xs), np.concatenate(ys), np.concatenate(ws), params)


def lodo(syn: dict, human: dict, use_syn: bool, use_human: bool, params: dict | None = None) -> dict:
    """Leave-one-domain-out: out-of-fold summary scores per domain; one pooled threshold chosen from them."""
    oof = {}
    for d in TRAIN_DOMAINS:
        model = train_mix(syn, human, [o for o in TRAIN_DOMAINS if o != d], use_syn, use_human, params)
        h = human[d]
        oof[d] = summary_scores(model.predict_proba(h["x"])[:, 1], h["owner"], len(h["summary_y"]))
    y = np.concatenate([human[d]["summary_y"] for d in TRAIN_DOMAINS])
    s = np.concatenate([oof[d] for d in TRAIN_DOMAINS])
    t = best_threshold(y, s)
    per = {d: metrics(human[d]["summary_y"], oof[d], t) for d in TRAIN_DOMAINS}
    return {"threshold_pooled": round(t, 4), "pooled": metrics(y, s, t), "per_domain": per,
            "mean_domain_ba": round(float(np.mean([v["ba"] for v in per.values()])), 4),
            "mean_domain_auc": round(float(np.mean([v["auc"] for v in per.values()])), 4),
            "_y": y, "_s": s}


def per_transformation(model, syn: dict, t: float) -> dict:
    """Accuracy of the supported/not decision on the held-back synthetic test slice, per transformation."""
    from sklearn.metrics import roc_auc_score

    m = syn["split"] == "test"
    p = model.predict_proba(syn["x"][m])[:, 1]
    pred = (p >= t).astype(int)
    out = {}
    for meth in sorted(set(syn["method"][m].tolist())):
        k = syn["method"][m] == meth
        out[meth] = {"n": int(k.sum()), "acc": round(float((pred[k] == syn["y"][m][k]).mean()), 4)}
    out["_all"] = {"n": int(m.sum()), "acc": round(float((pred == syn["y"][m]).mean()), 4),
                   "auc": round(float(roc_auc_score(syn["y"][m], p)), 4)}
    return out


def choose_threshold(cv: dict, model, syn: dict) -> float:
    """Maximise the mean of balanced accuracy on LODO summaries and on the held-back synthetic valid slice."""
    from sklearn.metrics import balanced_accuracy_score

    v = syn["split"] == "valid"
    pv, yv = model.predict_proba(syn["x"][v])[:, 1], syn["y"][v]
    best, best_score = 0.5, -1.0
    for t in np.round(np.arange(0.02, 0.981, 0.01), 2):
        score = 0.5 * balanced_accuracy_score(yv, (pv >= t).astype(int)) + \
            0.5 * balanced_accuracy_score(cv["_y"], (cv["_s"] >= t).astype(int))
        if score > best_score + 1e-12:
            best, best_score = float(t), score
    return best


def train_final(syn: dict, human: dict, cv: dict) -> tuple[dict, object]:
    """Both models on all training data, exported as JSON."""
    support = train_mix(syn, human, list(TRAIN_DOMAINS), True, True)
    neg = (syn["y"] == 0) & (syn["split"] == "train")
    contradiction = fit(syn["x"][neg], syn["contra"][neg], None, {**PARAMS, "max_iter": 150})
    threshold = choose_threshold(cv, support, syn)
    spec = {"features": FEATURES, "threshold": threshold, "support": export(support),
            "contradiction": export(contradiction),
            "trained_on": {"synthetic_train_pairs": int((syn["split"] == "train").sum()), "seed": SEED,
                           "summedits_domains": list(TRAIN_DOMAINS), "human_weight": HUMAN_WEIGHT}}
    return spec, support


def write_model(spec: dict, path: Path = MODEL_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True) + "\n")
