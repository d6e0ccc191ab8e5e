"""LLM-written (premise, claim, label) pairs for the claim verifier: abstractive positives and one-fact edits.

    python -m evals.train.llm_pairs --out /tmp/llm/pairs.jsonl --n 290 [--model 1.5b] [--threads 1] [--minutes 45]

One llama.cpp thread: on two cores shared with other work, two threads waited on each other (18-135 s an item
against 3-13 s with one). Measured results (not shipped): docs/verifier.md, "LLM-written pairs".

The rule-made pairs of evals.train.claims are near-extractive, while human summaries are abstractive
(docs/verifier.md, "What limits it"). Here the local Qwen2.5-Coder GGUF model (rag.llm.gguf_path) writes, for 1-3
adjacent sentences of one MultiHop-RAG article (never SummEdits):
  llm_paraphrase  (supported)     a summary-style rewrite that keeps every fact;
  llm_rule_edit   (contradicted)  that rewrite with one fact changed by a claims.py rule (entity, number, date,
                                  unit, negation, antonym, speaker, role, modality): a small controlled edit of a
                                  faithful abstractive summary, the way SummEdits was built; costs no LLM time;
  llm_edit        (contradicted)  --llm-edits only: the model itself asked, in the same chat, to change exactly one
                                  fact. The 1.5B did not do it: of 13 tries, 8 copied the sentence, 2 swapped
                                  a synonym, 3 rewrote it (kept as an option, filtered by edit_problem).
The premise is a window of up to claims.WINDOW sentences of the article around them; the split (train / valid /
test) is claims.article_split, so pairs stay split by article as the rule-made ones are.

Deterministic: items are drawn with a seeded RNG, the model runs at temperature 0 with a fixed seed. Raw outputs
are appended to OUT.raw.jsonl as they come (a crash or the --minutes budget loses nothing; a rerun resumes from
it); OUT holds the filtered pairs in the record shape the trainer reads, in item order.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import snowballstemmer

from evals.train import claims as claimgen
from rag.llm import gguf_path, to_chatml

SEED = 0
SYSTEM = "You are a careful news editor. You reply with one sentence only, with no preamble."
PARAPHRASE = (
    "Rewrite the text below as one sentence, the way a short news summary would say it: use your own words and a "
    "different sentence structure, but keep every fact (names, numbers, dates, who did what). Do not add anything "
    "that the text does not say.\n\nText: {text}"
)
EDIT = (
    "Now write that summary sentence again, but change exactly one fact so that it becomes false: a name, a number, "
    "a date, a negation, or who did what to whom. Keep every other word the same."
)
MAX_TOKENS = 70  # a summary sentence; a longer reply is a run-on that the filters would drop anyway
# Rules that change one fact of a sentence (claims.py), tried in a seeded order on each paraphrase.
RULE_EDITS = (
    "entity_swap",
    "number_change",
    "date_change",
    "unit_change",
    "negation",
    "antonym",
    "speaker_swap",
    "role_swap",
    "modality",
)
_BOILERPLATE = re.compile(r"https?:|www\.|click|subscribe|newsletter|sign up|learn more|commission|cookie", re.I)
_REFUSAL = re.compile(r"\b(?:I'm sorry|I am sorry|I cannot|I can't|as an AI|language model|here is|here's)\b", re.I)
_PREFIX = re.compile(
    r"^(?:\*\*)?(?:summary|rewritten|rewrite|sentence|edited|changed|answer|output)[^:]{0,20}:\s*", re.I
)
MAX_NOVEL = 0.5  # share of a positive's content stems allowed outside the premise
_STEM = snowballstemmer.stemmer("porter")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPWORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z’'-]+")


def select_items(articles: list[list[str]], n: int, seed: int = SEED) -> list[dict]:
    """n (article, first sentence, count, premise window) items, drawn without replacement, deterministic in seed."""
    rng = random.Random(seed)
    sources = [
        (a, i)
        for a, sents in enumerate(articles)
        for i, s in enumerate(sents)
        if claimgen.MIN_WORDS <= len(claimgen._words(s)) <= claimgen.MAX_WORDS
    ]
    rng.shuffle(sources)
    items: list[dict] = []
    used: set[tuple[int, int]] = set()
    for a, pos in sources:
        if len(items) >= n:
            break
        sents = articles[a]
        k = rng.choice((1, 2, 2, 3))  # summary sentences often fuse two or three document sentences
        k = min(k, len(sents) - pos)
        source = " ".join(sents[pos : pos + k])
        if (a, pos) in used or len(claimgen._words(source)) > 90 or _BOILERPLATE.search(source):
            continue
        used.add((a, pos))
        lo, hi = claimgen.premise_window(sents, pos, rng, need_next=k > 1)
        lo, hi = min(lo, pos), max(hi, pos + k)  # the window holds every source sentence
        items.append(
            {
                "item": len(items),
                "article": a,
                "sentence": pos,
                "n_sentences": k,
                "source": source,
                "premise": " ".join(sents[lo:hi]),
                "split": claimgen.article_split(sents),
            }
        )
    return items


def clean(text: str) -> str:
    """First line of the reply, without a label prefix or wrapping quotes/markdown."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    out = _PREFIX.sub("", lines[0] if lines else "").strip().strip("*").strip()
    if len(out) > 2 and out[0] in "\"“'" and out[-1] in "\"”'":
        out = out[1:-1].strip()
    return out


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", "") for m in _NUMBER.finditer(text)}


def _names(text: str) -> set[str]:
    """Capitalised words not at a sentence start: the names a rewrite could invent."""
    return {m.group().lower().strip("’'") for m in _CAPWORD.finditer(text)}


def paraphrase_problem(claim: str, source: str, premise: str) -> str | None:
    """Why an LLM paraphrase is not a usable positive (None: keep it)."""
    words = claimgen._words(claim)
    if not claim or len(words) < 5 or len(words) > 70:
        return "length"
    if _REFUSAL.search(claim):
        return "refusal"
    if _norm(claim) in _norm(premise):
        return "copy"
    if difflib.SequenceMatcher(None, _norm(claim), _norm(source)).ratio() > 0.9:
        return "copy"
    if _numbers(claim) - _numbers(premise):
        return "new_number"  # a paraphrase must not bring a number the premise lacks
    low = premise.lower()
    if any(name not in low for name in _names(claim)):
        return "new_name"
    # Human summaries leave ~43% of their content words outside the best window (docs/verifier.md); a rewrite with
    # more than half its content stems absent from the whole premise was, in a look at the first 40, mostly invented.
    stems = [_STEM.stemWord(w) for w in claimgen._content(claim)]
    have = {_STEM.stemWord(w) for w in claimgen._content(premise)}
    if stems and sum(st not in have for st in stems) > MAX_NOVEL * len(stems):
        return "new_words"
    return None


def edit_problem(edit: str, claim: str, premise: str) -> str | None:
    """Why an LLM edit is not a usable negative: it must be a small, real change of a usable paraphrase."""
    if not edit or _REFUSAL.search(edit):
        return "refusal"
    if _norm(edit) == _norm(claim):
        return "unchanged"
    if _norm(edit) in _norm(premise):
        return "copy"
    a, b = _norm(claim).split(), _norm(edit).split()
    changed = sum(
        max(i2 - i1, j2 - j1)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes()
        if op != "equal"
    )
    if changed > 6 or changed > 0.4 * len(a):
        return "too_big"  # a rewrite of the whole sentence is not one controlled edit
    return None


def rule_edit(claim: str, item: dict, articles: list[list[str]], bank: claimgen.Bank) -> tuple[str, str] | None:
    """(rule, edited claim): the first claims.py contradiction rule, in an order seeded by the item, that changes
    the paraphrase into a sentence the premise does not hold."""
    rng = random.Random(f"{SEED}:{item['item']}")
    sents = articles[item["article"]]
    ctx = claimgen.Ctx(item["article"], sents, item["sentence"], bank)
    # Weighted random order (claims.WEIGHTS; negation, which fits almost any sentence, weighs least) so the edits
    # spread over the families instead of being mostly "not".
    weight = {**{k: claimgen.WEIGHTS[k] for k in RULE_EDITS}, "negation": 0.5}
    order = sorted(RULE_EDITS, key=lambda k: -(rng.random() ** (1 / weight[k])))
    for name in order:
        edited = claimgen.RULES[name][1](claim, ctx, rng)
        if edited and edited != claim and _norm(edited) not in _norm(item["premise"]):
            return name, edited
    return None


def load_model(model: str, threads: int) -> Any:
    from llama_cpp import Llama

    return Llama(model_path=str(gguf_path(model)), n_ctx=2048, n_threads=threads, n_batch=512, verbose=False, seed=0)


def chat(llm: Any, messages: list[dict[str, str]]) -> tuple[str, int]:
    out = llm(to_chatml(messages), max_tokens=MAX_TOKENS, temperature=0.0, stop=["<|im_end|>"], seed=0)
    return out["choices"][0]["text"], int(out["usage"]["completion_tokens"])


def generate_raw(item: dict, llm: Any, edits: bool) -> dict:
    """The model's two replies for one item (the edit is asked in the same chat, after the paraphrase)."""
    t = time.perf_counter()
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": PARAPHRASE.format(text=item["source"])},
    ]
    para, tok = chat(llm, messages)
    rec = {**item, "paraphrase_raw": para, "edit_raw": None, "tokens": tok}
    if edits and paraphrase_problem(clean(para), item["source"], item["premise"]) is None:
        messages += [{"role": "assistant", "content": clean(para)}, {"role": "user", "content": EDIT}]
        edit, tok2 = chat(llm, messages)
        rec["edit_raw"], rec["tokens"] = edit, tok + tok2
    rec["seconds"] = round(time.perf_counter() - t, 2)
    return rec


def to_pairs(raw: list[dict], articles: list[list[str]]) -> tuple[list[dict], Counter]:
    """Filtered pairs in the trainer's record shape, and the count of each rejection reason."""
    pairs: list[dict] = []
    reasons: Counter[str] = Counter()
    bank = claimgen.Bank(articles)
    for r in sorted(raw, key=lambda r: r["item"]):
        base = {"premise": r["premise"], "article": r["article"], "sentence": r["sentence"], "split": r["split"]}
        claim = clean(r["paraphrase_raw"])
        why = paraphrase_problem(claim, r["source"], r["premise"])
        reasons[f"paraphrase:{why or 'kept'}"] += 1
        if why:
            continue
        pairs.append({**base, "claim": claim, "label": "supported", "method": "llm_paraphrase"})
        edited = rule_edit(claim, r, articles, bank)
        reasons[f"rule_edit:{edited[0] if edited else 'none applies'}"] += 1
        if edited:
            pairs.append({**base, "claim": edited[1], "label": "contradicted", "method": "llm_rule_edit"})
        if r.get("edit_raw") is None:
            continue
        edit = clean(r["edit_raw"])
        why = edit_problem(edit, claim, r["premise"])
        reasons[f"edit:{why or 'kept'}"] += 1
        if not why:
            pairs.append({**base, "claim": edit, "label": "contradicted", "method": "llm_edit"})
    return pairs, reasons


def load_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="filtered pairs (JSONL); raw cache: OUT.raw.jsonl")
    parser.add_argument("--n", type=int, default=600, help="items (source passages) to draw")
    parser.add_argument("--model", default="1.5b", choices=("1.5b", "0.5b"))
    parser.add_argument("--llm-edits", action="store_true", help="also ask the model for a one-fact edit")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=0.0, help="stop generating after this long (0: no limit)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    articles = claimgen.load_articles()
    items = select_items(articles, args.n, args.seed)
    cache = args.out.with_name(args.out.name + ".raw.jsonl")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = {r["item"]: r for r in (load_pairs(cache) if cache.exists() else []) if r["item"] < args.n}
    todo = [it for it in items if it["item"] not in raw]
    print(f"{len(items)} items, {len(raw)} cached, {len(todo)} to generate with {args.model}", flush=True)
    if todo:
        llm = load_model(args.model, args.threads)
        with cache.open("a", encoding="utf-8") as f:
            for k, item in enumerate(todo):
                if args.minutes and time.perf_counter() - start > 60 * args.minutes:
                    print(f"time budget reached after {k} new items", flush=True)
                    break
                rec = generate_raw(item, llm, args.llm_edits)
                f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
                f.flush()
                raw[item["item"]] = rec
                if k % 10 == 0:
                    print(f"[{time.perf_counter() - start:6.0f}s] item {item['item']}: {rec['seconds']} s", flush=True)
    # Only a prefix of the items, so a run stopped by the budget and one asked for exactly that many agree.
    done = 0
    while done in raw:
        done += 1
    pairs, reasons = to_pairs([raw[i] for i in range(done)], articles)
    with args.out.open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n")
    secs = [raw[i]["seconds"] for i in range(done)]
    summary = {
        "items": done,
        "model": args.model,
        "pairs": len(pairs),
        "methods": dict(sorted(Counter(p["method"] for p in pairs).items())),
        "splits": dict(sorted(Counter(p["split"] for p in pairs).items())),
        "filter": dict(sorted(reasons.items())),
        "generation_s_total": round(sum(secs), 1),
        "generation_s_per_item": round(sum(secs) / max(done, 1), 2),
    }
    print(json.dumps(summary))
    args.out.with_name(args.out.name + ".summary.json").write_text(json.dumps(summary, indent=1) + "\n")


if __name__ == "__main__":
    main()
