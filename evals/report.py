"""Eval output: a terminal table, results.json, a self-contained report.html (inline SVG, no scripts), and a diff
against an earlier run's results.json."""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from pathlib import Path

from evals.metrics import RETRIEVAL_METRICS
from evals.runner import ANSWER_METRICS, REFUSAL_METRICS
from rag.core.errors import NewsragError

# Metrics where lower is better; every other compared metric is better higher. Counts (n, skipped...) are not compared.
LOWER_IS_BETTER = {"bad_spans"}
COUNTS = {
    "n",
    "skipped",
    "answered",
    "unsettled",
    "wrong",
    "verdicts_failing",
    "n_refused",
    "n_unanswerable",
    "threshold",
    "seconds_per_item",
}
WORST_CASES = 20
# What each metric means and which way is good, shown under the scores so a reader needs no paper to read them.
GLOSSARY: dict[str, str] = {
    "hits@10": "share of questions with a gold fact in the top 10 passages (higher is better)",
    "hits@4": "share of questions with a gold fact in the top 4 passages, what an answer is built from (higher is better)",
    "map@10": "mean average precision over the top 10: are all the gold facts found, and high up (higher is better)",
    "mrr@10": "mean of 1/rank of the first passage holding a gold fact, 0 when none in the top 10 (higher is better)",
    "ndcg@10": "discounted gain of the distinct gold facts in the top 10, against the best order (higher is better)",
    "accuracy": "share of questions answered right: the gold answer in the answer, or a refusal where there is no "
    "answer (higher is better)",
    "accuracy_answerable": "accuracy on the questions that have an answer (higher is better)",
    "faithfulness": "share of answer sentences supported by the passages they cite; answers only, not refusals or "
    "unanswerable questions (higher is better)",
    "citation_precision": "share of (sentence, cited passage) pairs where the passage supports the sentence "
    "(higher is better)",
    "citation_recall": "share of answer sentences with at least one supporting citation (higher is better)",
    "refusal_precision": "of the questions refused, the share that had no answer in the articles (higher is better)",
    "refusal_recall": "of the questions with no answer in the articles, the share refused (higher is better)",
    "refusal_f1": "harmonic mean of refusal precision and recall (higher is better)",
    "bad_spans": "citations whose quote is not the exact span of its article (lower is better; should be 0)",
    "strict": "accuracy where a Yes/No gold must be the first yes/no word of the answer, so an answer saying both "
    "cannot score (higher is better)",
    "const_yes": 'accuracy of answering "Yes." to every question and never refusing: the prior to beat',
    "unsettled": "answers that say the articles do not settle a yes/no question instead of guessing (a count)",
    "wrong": "answers that settle the question the wrong way: a Yes for a No, a wrong name or order, an answer where "
    "the articles hold none (a count; lower is better; unsettled and refused answers are not counted)",
    "verdicts_failing": "parts whose verdict their own cited quotes do not give when judged again (a count; aim 0)",
    "n": "questions scored in the group",
}
# Scores that mean nothing for a question the articles cannot answer (there is no answer to be faithful to).
ANSWER_ONLY = ("faithfulness", "citation_precision", "citation_recall")


def table_metrics(what: str) -> list[str]:
    if what == "retrieval":
        return list(RETRIEVAL_METRICS)
    if what == "answers":
        return [*ANSWER_METRICS, *REFUSAL_METRICS, "unsettled", "wrong", "verdicts_failing"]
    return []


def _fmt(value: object) -> str:
    if value is None:
        return "-"  # undefined, e.g. refusal precision for a type where nothing was refused
    if isinstance(value, float):
        return f"{value:.4f}" if not value.is_integer() or value <= 1 else f"{int(value)}"
    return str(value)


def format_table(payload: dict) -> str:
    """Overall and per-type rows, one column per metric."""
    summary = payload["summary"]
    if payload["what"] == "scorer":
        return "\n".join(f"{k:>22}  {_fmt(v)}" for k, v in summary["overall"].items())
    cols = table_metrics(payload["what"])
    head = f"{'':<14}{'n':>5}" + "".join(
        f"{c.replace('citation_', 'cit_').replace('refusal_', 'ref_').replace('verdicts_failing', 'verd_failing'):>14}"
        for c in cols
    )
    lines = [head, "-" * len(head)]
    groups = [("overall", summary["overall"])] + list(summary["by_type"].items())
    for name, vals in groups:
        lines.append(f"{name:<14}{vals['n']:>5}" + "".join(f"{_fmt(vals[c]):>14}" for c in cols))
    return "\n".join(lines)


def skipped_note(payload: dict) -> str:
    """Why fewer questions were scored than asked for ("--limit 30" giving n=28), or "" when none were left out."""
    overall = payload.get("summary", {}).get("overall", {})
    skipped = int(overall.get("skipped") or 0)
    total = len(payload.get("rows") or [])
    notes = []
    if skipped:
        notes.append(
            f"{skipped} of {total} questions skipped: unanswerable (null) questions have no evidence to "
            "retrieve, so retrieval scores cover the other "
            f"{total - skipped}; `eval answers` scores the refusals"
        )
    limit = payload.get("limit")
    if limit and total < limit and payload.get("what") != "scorer":
        notes.append(f"--limit {limit} asked for more questions than the {payload.get('split')} split holds ({total})")
    return "\n".join(f"note: {n}" for n in notes)


def write_results(out_dir: Path, payload: dict) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "results.json"
    tmp = path.with_suffix(".part")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=False), encoding="utf-8")
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- compare


@dataclass(frozen=True)
class MetricChange:
    """One metric of one group (overall or a question type) in this run beside an earlier run."""

    group: str
    metric: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def better(self) -> bool | None:
        """True/False when the metric moved up/down in quality, None when it did not move or cannot be compared."""
        if self.delta is None or abs(self.delta) <= 1e-9:
            return None
        return self.delta < 0 if self.metric in LOWER_IS_BETTER else self.delta > 0


def metric_changes(old_summary: dict, new_summary: dict, metrics: list[str]) -> list[MetricChange]:
    """Every (group, metric) of either run, in table order: overall first, then the question types sorted."""
    old_types, new_types = old_summary.get("by_type", {}), new_summary.get("by_type", {})
    groups = [("overall", old_summary.get("overall", {}), new_summary.get("overall", {}))]
    groups += [(k, old_types.get(k, {}), new_types.get(k, {})) for k in sorted(set(old_types) | set(new_types))]

    def number(vals: dict, m: str) -> float | None:
        v = vals.get(m)
        return float(v) if isinstance(v, (int, float)) else None

    return [MetricChange(g, m, number(a, m), number(b, m)) for g, a, b in groups for m in metrics]


def compare(old_path: str | Path, payload: dict, tolerance: float = 1e-9) -> tuple[list[str], list[str]]:
    """(all changed metrics as lines, the regressions among them) between an old results.json and this run."""
    path = Path(old_path)
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
        old_summary = old["summary"]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise NewsragError(f"--compare {path}: not a readable results.json from `newsrag eval` ({exc})") from exc
    if old.get("what") != payload["what"] or old.get("dataset") != payload["dataset"]:
        raise NewsragError(
            f"--compare {path}: that run is `{old.get('what')} --dataset {old.get('dataset')}`, this one is "
            f"`{payload['what']} --dataset {payload['dataset']}`; compare like with like"
        )
    changes, regressions = [], []
    new_summary = payload["summary"]
    groups = [("overall", old_summary.get("overall", {}), new_summary["overall"])]
    for kind in sorted(set(old_summary.get("by_type", {})) | set(new_summary.get("by_type", {}))):
        groups.append(
            (kind, old_summary.get("by_type", {}).get(kind, {}), new_summary.get("by_type", {}).get(kind, {}))
        )
    for group, before, after in groups:
        for metric in sorted(set(before) | set(after)):
            if metric in COUNTS:
                continue
            a, b = before.get(metric), after.get(metric)
            if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or abs(b - a) <= tolerance:
                continue
            worse = b > a if metric in LOWER_IS_BETTER else b < a
            line = f"{group:<14}{metric:<22}{a:>9.4f} -> {b:.4f} ({b - a:+.4f})"
            changes.append(line)
            if worse:
                regressions.append(line)
    if old.get("split") != payload.get("split") or old.get("limit") != payload.get("limit"):
        changes.insert(
            0,
            f"note: split/limit differ ({old.get('split')}/{old.get('limit')} vs "
            f"{payload.get('split')}/{payload.get('limit')}); the questions are not the same",
        )
    return changes, regressions


# ---------------------------------------------------------------- HTML

_CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}.case{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
.gold{background:#e7f6e7}.passage{font-size:12.5px;color:#333;margin:.3em 0 .3em 1em;white-space:pre-wrap}
.meta{color:#666}.bad{color:#b00}.ok{color:#070}code{background:#f4f4f4;padding:0 3px}
dl.glossary dt{font-weight:bold;margin-top:.4em}dl.glossary dd{margin-left:1.5em}"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _bar_chart(title: str, groups: dict[str, dict], metrics: list[str]) -> str:
    """Grouped horizontal bars: one block per group (question type), one bar per metric, values in [0, 1]."""
    rows = [(g, m, vals.get(m)) for g, vals in groups.items() for m in metrics]
    bar_h, bar_w = 14, 360
    # wide enough for the longest "group · metric" label at 11 px (about 6.4 px a character): never cut off
    label_w = max(170, int(max((len(f"{g} · {m}") for g, m, _ in rows), default=0) * 6.4) + 12)
    width = label_w + bar_w + 60
    height = 24 + len(rows) * (bar_h + 4) + len(groups) * 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{_e(title)}">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{_e(title)}</text>',
    ]
    y, last = 24, None
    palette = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#9d755d"]
    for g, m, v in rows:
        if g != last:
            y += 8 if last is not None else 0
            last = g
        color = palette[metrics.index(m) % len(palette)]
        w = max(0.0, min(1.0, float(v or 0.0))) * bar_w
        shown = "-" if v is None else f"{float(v):.3f}"  # undefined (e.g. faithfulness of unanswerable questions)
        parts.append(f'<text x="0" y="{y + bar_h - 3}" font-size="11">{_e(g)} · {_e(m)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}" font-size="11">{shown}</text>')
        y += bar_h + 4
    parts.append("</svg>")
    return "".join(parts)


def _histogram(title: str, values: list[float], bins: int = 10) -> str:
    """Counts of values in [0, 1] per bin (the last bin includes 1.0)."""
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(math.floor(float(v) * bins))))] += 1
    width, height, pad = 420, 170, 28
    top = max(counts) or 1
    bw = (width - pad) / bins
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 16}" height="{height + 34}" role="img" aria-label="{_e(title)}">',
        f'<text x="0" y="14" font-size="13" font-weight="bold">{_e(title)} (n={len(values)})</text>',
    ]
    for i, c in enumerate(counts):
        h = c / top * (height - 30)
        x = pad + i * bw
        parts.append(f'<rect x="{x:.1f}" y="{height - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" fill="#4c78a8"/>')
        if c:
            parts.append(f'<text x="{x + 2:.1f}" y="{height - h - 3:.1f}" font-size="10">{c}</text>')
        parts.append(f'<text x="{x:.1f}" y="{height + 14}" font-size="10">{i / bins:.1f}</text>')
    parts.append(f'<text x="{width - 2}" y="{height + 14}" font-size="10">1.0</text></svg>')
    return "".join(parts)


def _summary_table(payload: dict) -> str:
    summary = payload["summary"]
    if payload["what"] == "scorer":
        body = "".join(f"<tr><td>{_e(k)}</td><td>{_e(_fmt(v))}</td></tr>" for k, v in summary["overall"].items())
        return f"<table><tr><th>metric</th><th>value</th></tr>{body}</table>"
    cols = table_metrics(payload["what"])
    head = "<tr><th>group</th><th>n</th>" + "".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>"
    rows = []
    for name, vals in [("overall", summary["overall"]), *summary["by_type"].items()]:
        rows.append(
            f"<tr><td>{_e(name)}</td><td>{vals['n']}</td>"
            + "".join(f"<td>{_fmt(vals[c])}</td>" for c in cols)
            + "</tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _passages_html(hits: list[dict]) -> str:
    out = []
    for h in hits:
        cls = "passage gold" if h.get("gold") else "passage"
        tag = " ✔ holds a gold fact" if h.get("gold") else ""
        out.append(
            f'<div class="{cls}"><span class="meta">#{h["rank"]} {_e(h["title"])} — {_e(h["source"])} '
            f"[{h['start']}:{h['end']}] score {h['score']:.4f}{tag}</span>\n{_e(h['text'])}</div>"
        )
    return "".join(out)


def _worst_retrieval(rows: list[dict]) -> str:
    scored = sorted((r for r in rows if r["scored"]), key=lambda r: (r["mrr@10"], r["ndcg@10"], r["id"]))
    out = []
    for r in scored[:WORST_CASES]:
        facts = "".join(f"<li>{_e(f)}</li>" for f in r["facts"])
        out.append(
            f'<div class="case"><b>{_e(r["question"])}</b> <span class="meta">({_e(r["kind"])}, {_e(r["id"])}, '
            f"MRR {r['mrr@10']:.3f}, nDCG {r['ndcg@10']:.3f})</span><div>Gold facts:<ul>{facts}</ul></div>"
            f"<details><summary>retrieved passages</summary>{_passages_html(r['hits'])}</details></div>"
        )
    return "".join(out) or "<p>No scored questions.</p>"


def _worst_answers(rows: list[dict]) -> str:
    def badness(r: dict) -> tuple:
        faith = r["faithfulness"] if r["answerable"] and r["faithfulness"] is not None else 1.0
        return (r["accuracy"], faith, r["id"])

    out = []
    for r in sorted(rows, key=badness)[:WORST_CASES]:
        verdict = '<span class="ok">right</span>' if r["accuracy"] else '<span class="bad">wrong</span>'
        gold = " | ".join(r["gold"]) if r["gold"] else "(unanswerable: should refuse)"
        sents = "".join(
            f'<li class="{"ok" if s["supported"] else "bad"}">{_e(s["text"])} <span class="meta">cites {s["cites"]}, '
            f"supported by {s['supporting']}</span></li>"
            for s in r["sentences"]
        )
        cites = "".join(
            f'<div class="passage">[{c["n"]}] {_e(c["title"])} [{c["start"]}:{c["end"]}]: {_e(c["quote"])}</div>'
            for c in r["citations"]
        )
        # the answer's reasoning: each part of the question, its verdict and the passages behind it
        parts = "".join(
            f'<li class="{"ok" if p["verdict"] == "supported" else "bad"}">{_e(p["verdict"])}: '
            f'{_e(p["claim"])} <span class="meta">cites {p["citations"]}</span></li>'
            for p in r.get("parts") or []
        )
        parts = f"<div>Parts:</div><ul>{parts}</ul>" if parts else ""
        # faithfulness of an answer to a question with no answer means nothing: not shown
        faith = "" if not r["answerable"] or r["faithfulness"] is None else f", faithfulness {r['faithfulness']:.2f}"
        out.append(
            f'<div class="case"><b>{_e(r["question"])}</b> <span class="meta">({_e(r["kind"])}, {_e(r["id"])})</span> '
            f"{verdict}{faith}{' — refused' if r['refused'] else ''}"
            f"<div>Gold: <code>{_e(gold)}</code></div><div>Answer: {_e(r['answer'])}</div>{parts}<ul>{sents}</ul>{cites}"
            f"<details><summary>top passages</summary>{_passages_html(r['hits'])}</details></div>"
        )
    return "".join(out) or "<p>No questions.</p>"


def _glossary(payload: dict) -> str:
    shown = ["n", *table_metrics(payload["what"])] + (
        ["accuracy_answerable", "bad_spans"] if payload["what"] == "answers" else []
    )
    items = "".join(f"<dt><code>{_e(m)}</code></dt><dd>{_e(GLOSSARY[m])}</dd>" for m in shown if m in GLOSSARY)
    return f"<h2>What the metrics mean</h2><dl class='glossary'>{items}</dl>" if items else ""


def _comparison(payload: dict, old_summary: dict, against: Path | str | None) -> str:
    """This run beside the earlier one, one row per group and metric that moved, best news last read first."""
    metrics = table_metrics(payload["what"])
    # `better` is None when either side is missing or nothing moved, so every row below has a delta
    moved = [c for c in metric_changes(old_summary, payload["summary"], metrics) if c.better is not None]
    worse, better = [c for c in moved if not c.better], [c for c in moved if c.better]
    where = f" (<code>{_e(against)}</code>)" if against else ""
    head = (
        f"<h2>Compared with the previous run</h2><p>{len(better)} score(s) better, {len(worse)} worse, the rest "
        f"unchanged, against the earlier run{where}.</p>"
    )
    if not moved:
        return head + "<p>No score moved.</p>"
    rows = "".join(
        f"<tr class='{'ok' if c.better else 'bad'}'><td>{_e(c.group)}</td><td>{_e(c.metric)}</td>"
        f"<td>{_fmt(c.before)}</td><td>{_fmt(c.after)}</td>"
        f"<td>{'▲' if (c.delta or 0) > 0 else '▼'} {c.delta or 0:+.4f}</td><td>{'better' if c.better else 'worse'}</td></tr>"
        for c in sorted(moved, key=lambda c: (bool(c.better), c.group != "overall", c.group, -abs(c.delta or 0)))
    )
    return head + (
        "<table class='moved'><tr><th>group</th><th>metric</th><th>before</th><th>now</th><th>change</th>"
        f"<th></th></tr>{rows}</table>"
    )


def render_html(
    payload: dict, changes: list[str] | None = None, old_summary: dict | None = None, against: Path | str | None = None
) -> str:
    what, summary, rows = payload["what"], payload["summary"], payload.get("rows", [])
    title = f"newsrag eval {what} — {payload['dataset']} ({payload.get('split')})"
    meta = ", ".join(
        f"{k}: {_e(payload.get(k))}" for k in ("index", "answerer", "limit", "created") if payload.get(k) is not None
    )
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1><p class='meta'>{meta}</p>",
    ]
    parts += [f"<p class='bad'>warning: {_e(w)}</p>" for w in payload.get("warnings") or []]
    parts += ["<h2>Scores</h2>", _summary_table(payload)]
    note = skipped_note(payload)
    if note:
        parts.append(f"<p class='meta'>{_e(note)}</p>")
    if old_summary is not None:
        parts.append(_comparison(payload, old_summary, against))
    elif changes:
        parts.append("<h2>Compared with the earlier run</h2><pre>" + _e("\n".join(changes)) + "</pre>")
    if what == "retrieval":
        parts.append(
            "<h2>By question type</h2>"
            + _bar_chart("retrieval by question type", summary["by_type"], list(RETRIEVAL_METRICS))
        )
        scored = [r for r in rows if r["scored"]]
        parts.append(
            "<h2>Score distributions</h2>"
            + _histogram("MRR@10 per question", [r["mrr@10"] for r in scored])
            + _histogram("nDCG@10 per question", [r["ndcg@10"] for r in scored])
        )
        scored_n = sum(1 for r in rows if r["scored"])
        parts.append(
            f"<h2>Worst cases</h2><p class='meta'>The {min(WORST_CASES, scored_n)} worst of {scored_n} "
            "scored questions, by MRR@10 then nDCG@10.</p>" + _worst_retrieval(rows)
        )
    elif what == "answers":
        parts.append(
            "<h2>By question type</h2>"
            + _bar_chart("answers by question type", summary["by_type"], list(ANSWER_METRICS))
        )
        answered = [r for r in rows if r["faithfulness"] is not None and r["answerable"]]  # not null questions
        parts.append(
            "<h2>Score distributions</h2>"
            + _histogram("faithfulness per answer", [r["faithfulness"] for r in answered])
            + _histogram("citation recall per answer", [r["citation_recall"] for r in answered])
        )
        parts.append(
            f"<h2>Worst cases</h2><p class='meta'>The {min(WORST_CASES, len(rows))} worst of {len(rows)}: "
            "wrong first, then least faithful.</p>" + _worst_answers(rows)
        )
    parts.append(_glossary(payload))
    parts.append("</body></html>")
    return "".join(parts)


def write_html(
    out_dir: Path,
    payload: dict,
    changes: list[str] | None = None,
    old_summary: dict | None = None,
    against: Path | str | None = None,
) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.html"
    path.write_text(render_html(payload, changes, old_summary, against), encoding="utf-8")
    return path
