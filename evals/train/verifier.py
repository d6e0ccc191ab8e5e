"""Train, validate and benchmark the claim verifier (rag/verify/trained.py -> rag/models/verifier.json).

    python -m evals.train.verifier                 # rebuild the model file; prints LODO CV and per-transformation
    python -m evals.train.verifier --ablation      # + LODO for synthetic-only and human-only models
    python -m evals.train.verifier --report-news   # + SummEdits news, all 819 pairs (read once per final model)
    python -m evals.train.verifier --multihop      # + MultiHop-RAG tune half, Yes/No questions
    python -m evals.train.verifier --bench         # speed only (loads the shipped model)
    python -m evals.train.verifier --llm-pairs F --compare  # LODO etc. with and without the LLM pairs; writes nothing
    python -m evals.train.verifier --llm-pairs F   # rebuild with LLM-written pairs (evals.train.llm_pairs) added
Measured: 6-7 min on 2 busy cores; the file comes out byte-identical run to run. Results: docs/verifier.md.

Training data, never SummEdits news:
  * synthetic (premise, claim, label) pairs from evals.train.claims (generated in memory, same seed -> same pairs);
    its article-level "valid" slice is held back for choosing the threshold and its "test" slice for the
    per-transformation report;
  * the seven non-news SummEdits domains, one row per summary sentence against the whole document: a sentence of a
    consistent summary is supported; in an inconsistent one, a sentence that differs from the original (consistent)
    summary is the edit (not supported) and an unchanged one supported.
  * optionally (--llm-pairs) the LLM-written pairs of evals.train.llm_pairs, "train" split only, together carrying
    LLM_SHARE of the synthetic weight; their valid + test slices are held back and reported on their own.
Two boosted-tree models (sklearn HistGradientBoosting, fixed seed, one thread) exported as JSON: P(supported) on
everything, and P(contradicted | not supported) on the synthetic negatives. A summary's score is its weakest
sentence's P(supported). The threshold is the one that maximises balanced accuracy over the LODO out-of-fold
summary scores of the seven domains together with the held-back synthetic slice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # the machine is shared: one thread for the heavy work

import numpy as np

from evals.multihop import load_queries
from evals.train import claims as claimgen
from rag.verify.trained import (
    FEATURES,
    MODEL_FILE,
    TrainedVerifier,
    TreeModel,
    aggregate,
    feature_rows,
)

SEED = 0
N_SYNTHETIC = 40_000  # pairs generated and trained on (the same seed's first 40k of the 120k the generator CLI writes); sized for 2 busy cores
PARAMS = {
    "max_iter": 150,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
}
HUMAN_SHARE = 0.5  # share of the total training weight the human-labelled summaries carry (the rest: synthetic)
LLM_SHARE = 0.2  # total weight of the LLM pairs, as a share of the synthetic pairs' weight (--llm-share)
LLM_FAMILIES = ("llm_paraphrase", "llm_rule_edit")  # default families used from an --llm-pairs file
TRAIN_DOMAINS = ("ectsum", "podcast", "qmsumm", "sales_call", "sales_email", "samsum", "scitldr")


# ---------------------------------------------------------------- data -> feature rows


def _key(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().lower()


def load_summedits(domain: str) -> list[dict]:
    path = claimgen.data_dir() / "summedits" / f"summedits_{domain}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def summedits_rows(domain: str) -> dict[str, np.ndarray]:
    """One row per summary (its sentences' rows aggregated, as at question time) and the summary label.

    Summary level, not sentence level: in an inconsistent summary the annotators' edit often rewords every sentence,
    so "which sentence is wrong" is not known; the min/max aggregate lets the model find it.
    """
    x, y = [], []
    for rec in load_summedits(domain):
        rows, _, _ = feature_rows(rec["summary"], [rec["doc"]])
        if not len(rows):
            continue
        x.append(aggregate(rows))
        y.append(int(rec["label"]))
    y_a = np.array(y)
    return {"x": np.array(x).reshape(len(y), 2 * len(FEATURES)), "y": y_a, "owner": np.arange(len(y)), "summary_y": y_a}


def load_llm_pairs(path: Path, families: tuple[str, ...]) -> list[dict]:
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [p for p in pairs if p["method"] in families]


def synthetic_rows(pairs: list[dict]) -> dict[str, np.ndarray]:
    """One aggregated row per pair: the claim against its premise (as at question time)."""
    x, keep = [], []
    for i, p in enumerate(pairs):
        rows, _, _ = feature_rows(p["claim"], [p["premise"]])
        if len(rows):
            x.append(aggregate(rows))
            keep.append(i)
    kept = [pairs[i] for i in keep]
    return {
        "x": np.array(x).reshape(-1, 2 * len(FEATURES)),
        "y": np.array([int(p["label"] == "supported") for p in kept]),
        "contra": np.array([int(p["label"] == "contradicted") for p in kept]),
        "method": np.array([p["method"] for p in kept]),
        "split": np.array([p["split"] for p in kept]),
    }


# ---------------------------------------------------------------- model fit / export


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray | None = None, params: dict | None = None):
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**(params or PARAMS), early_stopping=False, random_state=SEED)
    return model.fit(x, y, sample_weight=w)


def export(model) -> dict:
    """HistGradientBoosting (binary) -> the JSON trees rag.verify.trained.TreeModel evaluates; floats rounded."""
    trees = []
    for (pred,) in model._predictors:
        nodes = pred.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [
                    float(v) for v in nodes["num_threshold"]
                ],  # exact: a threshold can equal a training value
                "left": [(-1 if lf else int(v)) for v, lf in zip(nodes["left"], leaf)],
                "right": [(-1 if lf else int(v)) for v, lf in zip(nodes["right"], leaf)],
                "value": [round(float(v), 9) if lf else 0.0 for v, lf in zip(nodes["value"], leaf)],
            }
        )
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
    return {
        "n": int(len(y)),
        "ba": round(float(balanced_accuracy_score(y, pred)), 4),
        "auc": round(float(roc_auc_score(y, s)), 4) if len(set(y.tolist())) == 2 else None,
        "f1_supported": round(float(f1_score(y, pred, pos_label=1, zero_division=0)), 4),
        "f1_unsupported": round(float(f1_score(y, pred, pos_label=0, zero_division=0)), 4),
    }


# ---------------------------------------------------------------- experiments


def build_data(n_synthetic: int, log, cache: Path | None = None) -> tuple[dict, dict]:
    """Feature rows of the synthetic pairs and the seven domains; `cache` (an .npz) saves them for repeated
    experiments on the same code and data (the rebuild command does not use it)."""
    tag = hashlib.sha256(json.dumps([n_synthetic, SEED, FEATURES, TRAIN_DOMAINS]).encode()).hexdigest()[:12]
    if cache is not None and cache.exists():
        z = np.load(cache, allow_pickle=False)
        if str(z["tag"]) == tag:
            syn = {k[4:]: z[k] for k in z.files if k.startswith("syn_")}
            human = {d: {k[len(d) + 4 :]: z[k] for k in z.files if k.startswith(f"hu_{d}_")} for d in TRAIN_DOMAINS}
            log(f"features from {cache}")
            return syn, human
    t = time.perf_counter()
    pairs = claimgen.generate(n_synthetic, SEED)
    log(f"generated {len(pairs)} synthetic pairs in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    syn = synthetic_rows(pairs)
    log(f"synthetic features in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    human = {d: summedits_rows(d) for d in TRAIN_DOMAINS}
    log(f"SummEdits (7 non-news domains) features in {time.perf_counter() - t:.0f} s")
    if cache is not None:
        arrays = {f"syn_{k}": v for k, v in syn.items()}
        arrays.update({f"hu_{d}_{k}": v for d in TRAIN_DOMAINS for k, v in human[d].items()})
        arrays["tag"] = np.array(tag)
        np.savez(cache, **arrays)  # type: ignore[arg-type]  # numpy's stub reads **kwds as allow_pickle
    return syn, human


def _stack(human: dict, domains: list[str]) -> tuple[np.ndarray, np.ndarray]:
    if not domains:
        return np.zeros((0, 2 * len(FEATURES))), np.zeros(0, int)
    return (np.vstack([human[d]["x"] for d in domains]), np.concatenate([human[d]["y"] for d in domains]))


def train_mix(
    syn: dict,
    human: dict,
    domains: list[str],
    use_syn: bool,
    use_human: bool,
    params: dict | None = None,
    llm: dict | None = None,
    llm_share: float = LLM_SHARE,
):
    """Fit P(supported) on synthetic train pairs and/or the given human domains (weights: HUMAN_SHARE of the total),
    plus the LLM pairs' train split when given (llm_share of the synthetic weight, inside the synthetic half)."""
    xs, ys, ws = [], [], []
    m = syn["split"] == "train"
    hx, hy = _stack(human, domains)
    syn_weight = float(m.sum())
    if use_syn:
        xs.append(syn["x"][m])
        ys.append(syn["y"][m])
        ws.append(np.ones(int(m.sum())))
        if llm is not None:
            lm = llm["split"] == "train"
            xs.append(llm["x"][lm])
            ys.append(llm["y"][lm])
            ws.append(np.full(int(lm.sum()), llm_share * m.sum() / max(int(lm.sum()), 1)))
            syn_weight *= 1 + llm_share
    if use_human:
        w = HUMAN_SHARE / (1 - HUMAN_SHARE) * syn_weight / max(len(hy), 1) if use_syn else 1.0
        xs.append(hx)
        ys.append(hy)
        ws.append(np.full(len(hy), w))
    return fit(np.vstack(xs), np.concatenate(ys), np.concatenate(ws), params)


def lodo(
    syn: dict,
    human: dict,
    use_syn: bool,
    use_human: bool,
    params: dict | None = None,
    llm: dict | None = None,
    llm_share: float = LLM_SHARE,
) -> dict:
    """Leave-one-domain-out: out-of-fold summary scores per domain; one pooled threshold chosen from them."""
    oof = {}
    for d in TRAIN_DOMAINS:
        others = [o for o in TRAIN_DOMAINS if o != d]
        model = train_mix(syn, human, others, use_syn, use_human, params, llm, llm_share)
        h = human[d]
        oof[d] = summary_scores(model.predict_proba(h["x"])[:, 1], h["owner"], len(h["summary_y"]))
    y = np.concatenate([human[d]["summary_y"] for d in TRAIN_DOMAINS])
    s = np.concatenate([oof[d] for d in TRAIN_DOMAINS])
    t = best_threshold(y, s)
    per = {d: metrics(human[d]["summary_y"], oof[d], t) for d in TRAIN_DOMAINS}
    return {
        "threshold_pooled": round(t, 4),
        "pooled": metrics(y, s, t),
        "per_domain": per,
        "mean_domain_ba": round(float(np.mean([v["ba"] for v in per.values()])), 4),
        "mean_domain_auc": round(float(np.mean([v["auc"] for v in per.values()])), 4),
        "_y": y,
        "_s": s,
    }


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
    out["_all"] = {
        "n": int(m.sum()),
        "acc": round(float((pred == syn["y"][m]).mean()), 4),
        "auc": round(float(roc_auc_score(syn["y"][m], p)), 4),
    }
    return out


def heldout_report(model, rows: dict, t: float, split: tuple[str, ...]) -> dict:
    """Balanced accuracy / AUC at threshold t on the given splits of a set of pair rows, and accuracy per family."""
    m = np.isin(rows["split"], split)
    p, y = model.predict_proba(rows["x"][m])[:, 1], rows["y"][m]
    out = metrics(y, p, t)
    for meth in sorted(set(rows["method"][m].tolist())):
        k = rows["method"][m] == meth
        out[f"acc_{meth}"] = round(float(((p[k] >= t).astype(int) == y[k]).mean()), 4)
    return out


def choose_threshold(cv: dict, model, syn: dict) -> float:
    """Maximise the mean of balanced accuracy on LODO summaries and on the held-back synthetic valid slice."""
    from sklearn.metrics import balanced_accuracy_score

    v = syn["split"] == "valid"
    pv, yv = model.predict_proba(syn["x"][v])[:, 1], syn["y"][v]
    best, best_score = 0.5, -1.0
    for t in np.round(np.arange(0.02, 0.981, 0.01), 2):
        score = 0.5 * balanced_accuracy_score(yv, (pv >= t).astype(int)) + 0.5 * balanced_accuracy_score(
            cv["_y"], (cv["_s"] >= t).astype(int)
        )
        if score > best_score + 1e-12:
            best, best_score = float(t), score
    return best


def train_final(
    syn: dict,
    human: dict,
    cv: dict,
    llm: dict | None = None,
    llm_share: float = LLM_SHARE,
    llm_info: dict | None = None,
) -> tuple[dict, object]:
    """Both models on all training data, exported as JSON. The contradiction model stays on the rule-made negatives."""
    support = train_mix(syn, human, list(TRAIN_DOMAINS), True, True, None, llm, llm_share)
    neg = (syn["y"] == 0) & (syn["split"] == "train")
    contradiction = fit(syn["x"][neg], syn["contra"][neg], None, {**PARAMS, "max_iter": 150})
    threshold = choose_threshold(cv, support, syn)
    spec = {
        "features": FEATURES,
        "threshold": threshold,
        "support": export(support),
        "contradiction": export(contradiction),
        "trained_on": {
            "synthetic_train_pairs": int((syn["split"] == "train").sum()),
            "seed": SEED,
            "summedits_domains": list(TRAIN_DOMAINS),
            "human_share": HUMAN_SHARE,
            "params": PARAMS,
            **({"llm_pairs": llm_info, "llm_share": llm_share} if llm is not None else {}),
        },
    }
    return spec, support


def write_model(spec: dict, path: Path = MODEL_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, separators=(",", ":"), sort_keys=True) + "\n")


# ---------------------------------------------------------------- reports on data the model never trained on


def report_news(model_spec: dict, log) -> dict:
    """SummEdits news, all pairs, with the shipped threshold. Read once per final model, never for a choice."""
    support = TreeModel(model_spec["support"])
    recs = load_summedits("news")
    s = []
    for rec in recs:
        rows, _, _ = feature_rows(rec["summary"], [rec["doc"]])
        s.append(float(support.predict(aggregate(rows)[None, :])[0]) if len(rows) else 1.0)
    y = np.array([int(r["label"]) for r in recs])
    return metrics(y, np.array(s), model_spec["threshold"])


_YESNO_SPLIT = re.compile(r",?\s+(?:while|and|whereas|but)\s+(?:the\s+)?(?=['‘\"“]?[A-Z])")


_ATTRIBUTION = re.compile(r"^(?:the\s+)?.{0,60}?\b(?:article|report|piece|story)\b\s+\w+\s+(?:that\s+)?", re.I)


def claim_parts(question: str) -> list[str]:
    """The claims inside a Yes/No question: the text around 'while'/'and' joins between two reports."""
    q = re.sub(r"^(?:Does|Did|Is|Was|Are|Were|Has|Have|Do)\s+", "", question.strip().rstrip("?"))
    parts = [p for p in _YESNO_SPLIT.split(q) if len(p.split()) >= 4] or [q]
    # "the X article suggest(s) that ..." -> "...": the outlet and the reporting verb are not part of the claim.
    return [_ATTRIBUTION.sub("", p, count=1) for p in parts]


def report_multihop(verifier: TrainedVerifier) -> dict:
    """MultiHop-RAG dev, tune half, Yes/No questions: does the verdict score on (question parts vs the gold evidence
    facts) rank gold Yes above gold No? Score = the weakest part's P(supported) against all the facts."""
    from sklearn.metrics import roc_auc_score

    out = {}
    qs = [q for q in load_queries(split="tune") if q.answer.strip().lower() in {"yes", "no"}]
    for kind in ("comparison_query", "temporal_query", "all"):
        sub = [q for q in qs if kind == "all" or q.question_type == kind]
        y = np.array([int(q.answer.strip().lower() == "yes") for q in sub])
        s = np.array([min(verifier.verify(part, q.facts).score for part in claim_parts(q.question)) for q in sub])
        out[kind] = {
            "n": len(sub),
            "yes": int(y.sum()),
            "auc": round(float(roc_auc_score(y, s)), 4) if 0 < y.sum() < len(y) else None,
        }
    return out


def bench(verifier: TrainedVerifier, log) -> dict:
    """Speed: cold load, per claim-window pair, and a 5-sentence answer against 10 passages (warm)."""
    t = time.perf_counter()
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import time; t=time.perf_counter(); "
                "from rag.verify.trained import TrainedVerifier; v=TrainedVerifier(); "
                "v.verify('The firm said profits rose.', ['Profits rose, the company said.']); "
                "print(time.perf_counter()-t)"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    cold_s = float(cold.stdout.strip().splitlines()[-1])
    articles = claimgen.load_articles()
    rng = np.random.default_rng(0)
    passages = [" ".join(articles[i][:8]) for i in rng.choice(len(articles), 10, replace=False)]
    answers = [" ".join(articles[int(i)][2:7]) for i in rng.choice(len(articles), 6, replace=False)]
    verifier.verify(answers[0], passages)  # warm: models loaded; every timed answer is a new text
    t = time.perf_counter()
    for answer in answers[1:]:
        verifier.verify(answer, passages)
    answer_s = (time.perf_counter() - t) / (len(answers) - 1)
    pairs = [(articles[i][4], [" ".join(articles[i][3:6])]) for i in range(100, 150)]
    t = time.perf_counter()
    for c, p in pairs:
        verifier.verify(c, p)
    pair_ms = (time.perf_counter() - t) / len(pairs) * 1000
    return {
        "cold_load_and_first_verdict_s": round(cold_s, 3),
        "ms_per_claim_window_pair": round(pair_ms, 2),
        "s_per_5_sentence_answer_vs_10_passages": round(answer_s, 3),
    }


def compare(syn: dict, human: dict, llm_all: dict | None, llm_share: float, log) -> dict:
    """The candidates side by side on data chosen for choosing: LODO (7 non-news domains), the held-back synthetic
    valid and test slices, and the LLM pairs' valid + test slices. SummEdits news is not read here."""
    cands: list[tuple[str, dict | None, float]] = [("C", None, 0.0)]
    if llm_all is not None:
        for fams in (("llm_paraphrase",), ("llm_paraphrase", "llm_rule_edit")):
            keep = np.isin(llm_all["method"], fams)
            if keep.any():
                sub = {k: v[keep] for k, v in llm_all.items()}
                for share in sorted({llm_share, 2 * llm_share}):
                    cands.append((f"C + {' + '.join(fams)} @ {share:g}", sub, share))
    out = {}
    for name, llm, share in cands:
        cv = lodo(syn, human, True, True, None, llm, share)
        _, support = train_final(syn, human, cv, llm, share)
        t = choose_threshold(cv, support, syn)
        r = {
            "threshold": t,
            "lodo_pooled": cv["pooled"],
            "lodo_mean_domain_ba_auc": [cv["mean_domain_ba"], cv["mean_domain_auc"]],
            "synthetic_valid": heldout_report(support, syn, t, ("valid",)),
            "synthetic_test": per_transformation(support, syn, t)["_all"],
        }
        r["synthetic_valid"] = {k: v for k, v in r["synthetic_valid"].items() if not k.startswith("acc_")}
        if llm_all is not None:
            r["llm_heldout"] = heldout_report(support, llm_all, t, ("valid", "test"))
        out[name] = r
        log(f"{name}: {json.dumps(r)}")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=N_SYNTHETIC, help="synthetic pairs to generate")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--ablation", action="store_true", help="also LODO for synthetic-only and human-only")
    parser.add_argument("--report-news", action="store_true", help="read SummEdits news once, for the report")
    parser.add_argument("--multihop", action="store_true", help="MultiHop-RAG tune half Yes/No AUC")
    parser.add_argument("--bench", action="store_true", help="only measure speed of the shipped model")
    parser.add_argument("--llm-pairs", type=Path, help="LLM-written pairs (python -m evals.train.llm_pairs)")
    parser.add_argument("--llm-families", default=",".join(LLM_FAMILIES), help="families used from --llm-pairs")
    parser.add_argument("--llm-share", type=float, default=LLM_SHARE, help="their weight / the synthetic weight")
    parser.add_argument("--feature-cache", type=Path, help="an .npz to reuse feature rows across experiments")
    parser.add_argument(
        "--compare", action="store_true", help="LODO + held-back slices without / with the LLM pairs; writes nothing"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - start:6.0f}s] {msg}", flush=True)

    if args.bench:
        print(json.dumps(bench(TrainedVerifier(), log)))
        return
    syn, human = build_data(args.n, log, args.feature_cache)
    llm, llm_all, llm_info = None, None, None
    if args.llm_pairs:
        families = tuple(f for f in args.llm_families.split(",") if f)
        llm_all = synthetic_rows(load_llm_pairs(args.llm_pairs, ("llm_paraphrase", "llm_rule_edit", "llm_edit")))
        keep = np.isin(llm_all["method"], families)
        llm = {k: v[keep] for k, v in llm_all.items()}
        llm_info = {
            "file_sha256": hashlib.sha256(args.llm_pairs.read_bytes()).hexdigest(),
            "families": list(families),
            "train_pairs": int((llm["split"] == "train").sum()),
        }
        log(f"LLM pairs: {json.dumps(llm_info)}")
    if args.compare:
        print(json.dumps(compare(syn, human, llm_all, args.llm_share, log), indent=1))
        return
    report: dict = {}
    cv = lodo(syn, human, True, True, None, llm, args.llm_share)
    report["lodo_both"] = {k: v for k, v in cv.items() if not k.startswith("_")}
    log(f"LODO (synthetic + human): {json.dumps(report['lodo_both']['pooled'])}")
    spec, support = train_final(syn, human, cv, llm, args.llm_share, llm_info)
    write_model(spec, args.out)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB), threshold {spec['threshold']}")
    report["synthetic_test_per_transformation"] = per_transformation(support, syn, spec["threshold"])
    if llm_all is not None:
        report["llm_heldout"] = heldout_report(support, llm_all, spec["threshold"], ("valid", "test"))
        log(f"LLM pairs, held-back valid + test: {json.dumps(report['llm_heldout'])}")
    if args.ablation:
        for name, use_syn, use_human in (("synthetic_only", True, False), ("human_only", False, True)):
            r = lodo(syn, human, use_syn, use_human)
            report[f"lodo_{name}"] = {k: v for k, v in r.items() if not k.startswith("_")}
            log(f"LODO ({name}): {json.dumps(report[f'lodo_{name}']['pooled'])}")
            if args.report_news:  # each ablation model is its own candidate: read news once for it, for the report
                model = train_mix(syn, human, list(TRAIN_DOMAINS), use_syn, use_human)
                thr = best_threshold(r["_y"], r["_s"]) if not use_syn else choose_threshold(r, model, syn)
                ab = {"features": FEATURES, "threshold": thr, "support": export(model)}
                report[f"summedits_news_{name}"] = report_news(ab, log)
                log(f"SummEdits news ({name}, read once): {json.dumps(report[f'summedits_news_{name}'])}")
    if args.report_news:
        report["summedits_news"] = report_news(spec, log)
        log(f"SummEdits news (read once): {json.dumps(report['summedits_news'])}")
    if args.multihop:
        report["multihop_tune_yesno"] = report_multihop(TrainedVerifier(args.out))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
