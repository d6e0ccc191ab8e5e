"""Faithfulness scorer: is each answer sentence supported by the passages it cites? Trained on SummEdits, not news.

How it scores one claim sentence against a set of passages:
  1. split the passages into sentences and embed everything with all-MiniLM-L6-v2 (sentence and contextual word
     vectors);
  2. align the claim to its best evidence sentences (embedding cosine + content-word overlap);
  3. word model: for each claim word, what an edit would leave behind (no close match in context, absent from the
     passages, a different word between the same neighbours, a number/name/negation the evidence lacks) -> P(word ok);
  4. sentence model: alignment and novelty features plus the weakest words' P(ok) -> P(sentence supported).
Both are small boosted-tree models stored as JSON in evals/models/faithfulness.json, rebuilt from SummEdits (never
its news domain) by `python -m evals.train.faithfulness`.
The answer score is the lowest sentence score: one unsupported claim makes the answer unfaithful.
Tried and not adopted (2026-11-27, code and figures on branch scorer-v2, commit 7310579): MiniLM's top layer + a head
fine-tuned as a cross-encoder on (aligned evidence, claim) pairs from the same seven domains reached a cross-domain CV
balanced accuracy of only 0.544 (AUC 0.541) against this model's 0.619 (AUC 0.646), and 0.504 on news against 0.630.
"""
from __future__ import annotations

import json
import math
import re
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "models" / "faithfulness.json"
TOP_EVIDENCE = 3  # evidence sentences a claim is compared with token by token

_STOP = frozenset(
    """a an the and or but if then so of to in on at by for with from into onto over under about as than that this
    these those it its it's is are was were be been being am do does did done have has had having will would shall
    should can could may might must i me my we our us you your he him his she her they them their there here what
    which who whom whose when where why how all any both each few more most other some such only own same too very
    just also not no nor s t don't isn't wasn't weren't aren't hasn't haven't hadn't doesn't didn't won't wouldn't
    said says say according up down out off again further once per via while during before after above below between
    through against among within without upon one's yet still even however""".split()
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't nowhere hardly barely fail failed fails "
    "refuse refused refuses deny denied denies lack lacked lacks unable".split()
)
_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
    "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000", "first": "1st",
    "second": "2nd", "third": "3rd", "half": "0.5", "dozen": "12",
}
_WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)?")
# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space and a capital, digit or quote;
# a blank line also ends one. Good enough for news prose; abbreviations like "U.S. officials" stay joined.
_SENT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_CITATION_RE = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|vs|No|Inc|Co|Corp|Ltd"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)

# Names of the features, in the order the trained model expects them.
FEATURE_NAMES = [
    "sent_cos_max", "sent_cos_2nd", "tok_min", "tok_p10", "tok_p25", "tok_mean", "tok_below_06", "tok_below_07",
    "tok_ev_min", "tok_ev_mean", "novel_words", "novel_frac", "novel_words_ev", "novel_frac_ev", "novel_numbers",
    "novel_names", "novel_bigrams", "novel_bigram_frac", "neg_claim", "neg_evidence", "neg_mismatch", "content_words",
    "overlap_best", "sent_cos_ev_concat", "word_p_min", "word_p_2nd", "word_p_mean", "words_below_05",
]


@dataclass
class SentenceResult:
    """One answer sentence: its score, whether it passes the threshold, and the passage that best supports it."""

    text: str
    score: float
    supported: bool
    passage_index: int  # index into the `passages` list; -1 when there were no passages
    evidence: str  # the passage sentence the claim aligned to best ("" when none)


@dataclass
class FaithfulnessResult:
    """Answer-level result: `score` is the lowest sentence score (1.0 = every claim supported)."""

    score: float
    supported: bool
    threshold: float
    sentences: list[SentenceResult] = field(default_factory=list)


# ---------------------------------------------------------------- text helpers


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; joins pieces wrongly cut after an abbreviation like "Dr." or "U.S."."""
    pieces = [p.strip() for p in _SENT_RE.split(text or "") if p and p.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and _ABBREV_END.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w[0].isdigit():
        return w.replace(",", "").rstrip("%")
    w = _NUMBER_WORDS.get(w, w)
    # Crude stemming: "tariffs"/"tariff", "announced"/"announce" should not count as new words.
    for suffix in ("'s", "ies", "es", "s", "ed", "ing", "ly"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in _NUMBER_WORDS


def _present(word: str, vocab: set[str], prefixes: set[str]) -> bool:
    n = _norm(word)
    return n in vocab or (len(n) >= 6 and n[:6] in prefixes)


# ---------------------------------------------------------------- encoder


@dataclass
class _Encoded:
    sentence: np.ndarray  # (384,) L2-normalised
    words: list[str]  # surface words (regex)
    vecs: np.ndarray  # (len(words), 384) contextual word vectors (mean of their word pieces), L2-normalised


class _Encoder:
    """all-MiniLM-L6-v2 sentence + contextual word vectors, memoised per text (passages repeat across calls)."""

    def __init__(self, cache_size: int = 50000) -> None:
        from rag.core.embedder import get_embedder  # the project's one loaded copy, sha256-checked

        self._embedder = get_embedder()
        self.cache: dict[str, _Encoded] = {}
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> list[_Encoded]:
        missing = sorted({t for t in texts if t not in self.cache})
        if missing:
            model = self._embedder.model
            with self._embedder._lock:
                outs = model.encode(missing, batch_size=32, output_value=None, show_progress_bar=False)
            offsets = model.tokenizer(missing, return_offsets_mapping=True, truncation=True, max_length=model.max_seq_length)
            with self._lock:
                if len(self.cache) + len(missing) > self._cache_size:
                    self.cache.clear()
                for text, out, offs in zip(missing, outs, offsets["offset_mapping"]):
                    self.cache[text] = _word_vectors(text, out, offs)
        return [self.cache[t] for t in texts]


def _word_vectors(text: str, out: dict, offsets: list[tuple[int, int]]) -> _Encoded:
    spans = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    tok = out["token_embeddings"].float().numpy()
    n = min(len(tok), len(offsets))
    starts = np.array([s for s, _, _ in spans]) if spans else np.zeros(0, int)
    sums = np.zeros((len(spans), tok.shape[1]), np.float32)
    counts = np.zeros(len(spans))
    for i in range(n):
        a, b = offsets[i]
        if b <= a:  # [CLS], [SEP]
            continue
        w = int(np.searchsorted(starts, a, side="right")) - 1  # the word this piece starts in
        if w >= 0 and a < spans[w][1]:
            sums[w] += tok[i]
            counts[w] += 1
    keep = counts > 0  # words past the model's 256 pieces have no vector and are left out
    vecs = sums[keep] / np.maximum(np.linalg.norm(sums[keep], axis=1, keepdims=True), 1e-9)
    sent = out["sentence_embedding"].float().numpy()
    sent = sent / max(float(np.linalg.norm(sent)), 1e-9)
    return _Encoded(sent, [w for (_, _, w), k in zip(spans, keep) if k], vecs.astype(np.float32))


@lru_cache(maxsize=1)
def _encoder() -> _Encoder:
    return _Encoder()


# ---------------------------------------------------------------- features


@dataclass
class _Evidence:
    """All passage sentences of one scoring call, encoded, with the lookup sets the lexical features need."""

    sentences: list[str]
    passage_of: list[int]
    enc: list[_Encoded]
    sent_matrix: np.ndarray  # (n_sentences, 384)
    word_matrix: np.ndarray  # (content words of all sentences, 384)
    word_owner: np.ndarray  # sentence index of each row of word_matrix
    word_norm: list[str]  # normalised form of each row of word_matrix
    vocab: set[str]
    prefixes: set[str]
    sent_vocab: list[set[str]]
    bigrams: set[tuple[str, str]]
    gaps: dict[tuple[str, str], list[str]]  # (word before, word after) -> the words found between them
    word_surface: list[str]  # surface form of each row of word_matrix


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP and (len(word) > 1 or word.isdigit())


def _is_negation(word: str) -> bool:
    w = word.lower()
    return w in _NEGATIONS or w.endswith("n't")


def _build_evidence(passages: list[str], encoder: _Encoder) -> _Evidence:
    sentences, owner = [], []
    for j, passage in enumerate(passages):
        for s in split_sentences(passage):
            sentences.append(s)
            owner.append(j)
    enc = encoder.encode(sentences)
    sent_matrix = np.stack([e.sentence for e in enc]) if enc else np.zeros((0, 384), np.float32)
    rows, row_owner, row_norm, row_surface, bigrams, gaps = [], [], [], [], set(), {}
    for i, e in enumerate(enc):
        norms = [_norm(w) for w in e.words]
        bigrams.update(zip(norms, norms[1:]))
        for k in range(1, len(norms) - 1):
            gaps.setdefault((norms[k - 1], norms[k + 1]), []).append(e.words[k])
        for k, w in enumerate(e.words):
            if _is_content(w):
                rows.append(e.vecs[k])
                row_owner.append(i)
                row_norm.append(norms[k])
                row_surface.append(w)
    word_matrix = np.stack(rows) if rows else np.zeros((0, 384), np.float32)
    sent_vocab = [{_norm(w) for w in e.words} for e in enc]
    vocab = set().union(*sent_vocab) if sent_vocab else set()
    prefixes = {w[:6] for w in vocab if len(w) >= 6}
    return _Evidence(sentences, owner, enc, sent_matrix, word_matrix, np.array(row_owner, dtype=int), row_norm,
                     vocab, prefixes, sent_vocab, bigrams, gaps, row_surface)


def _claim_words(claim: _Encoded, ev: _Evidence, top: np.ndarray, sent_cos: float) -> tuple[np.ndarray, list[int]]:
    """Word-model rows for the claim's content and negation words, and their positions in claim.words."""
    idx = [k for k, w in enumerate(claim.words) if _is_content(w) or _is_negation(w)]
    if not idx or not len(ev.word_matrix):
        return np.zeros((0, len(WORD_FEATURES))), idx
    norms = [_norm(w) for w in claim.words]
    sims = claim.vecs[idx] @ ev.word_matrix.T
    best_all = sims.max(axis=1)
    arg_all = sims.argmax(axis=1)
    in_top = np.isin(ev.word_owner, top)
    best_top = sims[:, in_top].max(axis=1) if in_top.any() else np.zeros(len(idx))
    top_vocab = set().union(*(ev.sent_vocab[i] for i in top))
    top_prefixes = {w[:6] for w in top_vocab if len(w) >= 6}
    mean_sim = float(best_all.mean())
    ev_neg = any(_is_negation(w) for i in top for w in ev.enc[i].words)
    # The passage word each claim word stands in for: the one between the same two neighbours ("sandwiched", as in
    # a one-word edit), else its closest word in context. A synonym stays close to it out of context; a swap does not.
    counterpart, sandwiched = [], []
    for r, k in enumerate(idx):
        between = ev.gaps.get((norms[k - 1], norms[k + 1])) if 0 < k < len(norms) - 1 else None
        if between and norms[k] not in {_norm(b) for b in between}:
            counterpart.append(between[0])
            sandwiched.append(1.0)
        else:
            counterpart.append(ev.word_surface[arg_all[r]])
            sandwiched.append(0.0)
    differ = [r for r, k in enumerate(idx) if _norm(counterpart[r]) != norms[k]]
    iso = _encoder().encode(sorted({claim.words[idx[r]].lower() for r in differ} | {counterpart[r].lower() for r in differ}))
    iso_vec = {e.words[0].lower() if e.words else "": e.sentence for e in iso}
    pair_sim = np.ones(len(idx))
    for r in differ:
        a, b = iso_vec.get(claim.words[idx[r]].lower()), iso_vec.get(counterpart[r].lower())
        pair_sim[r] = float(a @ b) if a is not None and b is not None else 0.0
    rows = []
    for r, k in enumerate(idx):
        w = claim.words[k]
        cp = counterpart[r]
        left = r - 1 if r > 0 else r
        right = r + 1 if r + 1 < len(idx) else r
        rows.append([
            float(_present(w, ev.vocab, ev.prefixes)),
            float(_present(w, top_vocab, top_prefixes)),
            float(best_all[r]),
            float(best_top[r]),
            float(ev.word_norm[arg_all[r]] == norms[k]),
            float(_is_number(w)),
            float(k > 0 and w[:1].isupper()),
            float(_is_negation(w)),
            float(_is_negation(w) != ev_neg),
            float(min(len(w), 15)),
            float(min(best_all[left], best_all[right])),
            float(best_all[r] - mean_sim),
            float(k > 0 and (norms[k - 1], norms[k]) in ev.bigrams),
            float(k + 1 < len(norms) and (norms[k], norms[k + 1]) in ev.bigrams),
            float(sent_cos),
            sandwiched[r],
            float(pair_sim[r]),
            float(_is_number(w) == _is_number(cp) and (w[:1].isupper() == cp[:1].isupper() or k == 0)),
        ])
    return np.array(rows, dtype=np.float64), idx


WORD_FEATURES = [
    "in_doc", "in_evidence", "ctx_sim", "ctx_sim_ev", "aligned_same", "is_number", "is_name", "is_negation",
    "negation_mismatch", "length", "neighbour_sim", "ctx_sim_rel", "left_bigram", "right_bigram", "sent_cos",
    "sandwiched", "pair_static_sim", "pair_type_match",
]


def _claim_features(claim: _Encoded, ev: _Evidence, word_model: "_TreeModel | None") -> tuple[np.ndarray, int, np.ndarray]:
    """Sentence feature vector of one claim, its best evidence sentence, and its word-model rows."""
    content = [w for w in claim.words if _is_content(w)]
    content_norm = {_norm(w) for w in content}
    # Align: cosine of sentence vectors plus the share of the claim's content words each sentence holds.
    cos = ev.sent_matrix @ claim.sentence
    overlap = np.array([len(content_norm & v) / max(len(content_norm), 1) for v in ev.sent_vocab])
    order = np.argsort(-(cos + overlap), kind="stable")
    top = order[:TOP_EVIDENCE]
    best = int(order[0])
    cos_sorted = np.sort(cos)[::-1]
    wrows, _ = _claim_words(claim, ev, top, float(cos_sorted[0]))
    ctx = wrows[:, WORD_FEATURES.index("ctx_sim")] if len(wrows) else np.ones(1)
    ctx_ev = wrows[:, WORD_FEATURES.index("ctx_sim_ev")] if len(wrows) else np.ones(1)

    # Lexical novelty: content words, numbers and capitalised names the passages never mention.
    top_vocab = set().union(*(ev.sent_vocab[i] for i in top))
    top_prefixes = {w[:6] for w in top_vocab if len(w) >= 6}
    novel = [w for w in content if not _present(w, ev.vocab, ev.prefixes)]
    novel_ev = [w for w in content if not _present(w, top_vocab, top_prefixes)]
    norms = [_norm(w) for w in claim.words]
    pairs = list(zip(norms, norms[1:]))
    novel_bigrams = sum(1 for p in pairs if p not in ev.bigrams)

    neg_claim = sum(1 for w in claim.words if _is_negation(w))
    neg_ev = sum(1 for w in ev.enc[best].words if _is_negation(w))
    ev_vec = ev.sent_matrix[top].mean(axis=0)
    ev_vec = ev_vec / max(float(np.linalg.norm(ev_vec)), 1e-9)
    # The word model's view: how unsupported is the claim's weakest word?
    wp = np.sort(word_model.predict(wrows)) if word_model is not None and len(wrows) else np.ones(1)

    feats = [
        float(cos_sorted[0]),
        float(cos_sorted[1]) if len(cos_sorted) > 1 else float(cos_sorted[0]),
        float(ctx.min()),
        float(np.percentile(ctx, 10)),
        float(np.percentile(ctx, 25)),
        float(ctx.mean()),
        float((ctx < 0.6).mean()),
        float((ctx < 0.7).mean()),
        float(ctx_ev.min()),
        float(ctx_ev.mean()),
        float(len(novel)),
        len(novel) / max(len(content), 1),
        float(len(novel_ev)),
        len(novel_ev) / max(len(content), 1),
        float(sum(1 for w in novel if _is_number(w))),
        float(sum(1 for i, w in enumerate(claim.words) if i > 0 and w[:1].isupper() and w in novel)),
        float(novel_bigrams),
        novel_bigrams / max(len(pairs), 1),
        float(neg_claim),
        float(neg_ev),
        float((neg_claim > 0) != (neg_ev > 0)),
        float(len(content)),
        float(overlap[best]),
        float(ev_vec @ claim.sentence),
        float(wp[0]),
        float(wp[1]) if len(wp) > 1 else float(wp[0]),
        float(wp.mean()),
        float((wp < 0.5).sum()),
    ]
    return np.nan_to_num(np.array(feats, dtype=np.float64), nan=0.0, posinf=1.0, neginf=0.0), best, wrows


def features(
    claims: list[str], passages: list[str], word_model: "_TreeModel | None" = None
) -> tuple[np.ndarray, list[int], _Evidence, list[np.ndarray]]:
    """Sentence feature rows (and word-model rows) for each claim sentence against the passages."""
    encoder = _encoder()
    ev = _build_evidence(passages, encoder)
    rows, best, words = [], [], []
    for enc in encoder.encode(claims):
        f, b, w = _claim_features(enc, ev, word_model)
        rows.append(f)
        best.append(b)
        words.append(w)
    return np.array(rows).reshape(len(claims), len(FEATURE_NAMES)), best, ev, words


# ---------------------------------------------------------------- model (gradient-boosted trees stored as JSON)


class _TreeModel:
    """Evaluates boosted trees written by train_faithfulness as JSON: no pickle, no sklearn at scoring time."""

    def __init__(self, spec: dict) -> None:
        self.init = float(spec["init"])
        self.rate = float(spec["learning_rate"])
        self.trees = [{k: np.array(v) for k, v in t.items()} for t in spec["trees"]]

    def predict(self, x: np.ndarray) -> np.ndarray:
        """P(supported) for each row."""
        raw = np.full(len(x), self.init)
        rows = np.arange(len(x))
        for t in self.trees:
            node = np.zeros(len(x), dtype=int)
            for _ in range(64):  # depth bound; a leaf (left child -1) stops moving
                left = t["left"][node]
                leaf = left < 0
                if leaf.all():
                    break
                go_left = x[rows, t["feature"][node]] <= t["threshold"][node]
                node = np.where(leaf, node, np.where(go_left, left, t["right"][node]))
            raw += self.rate * t["value"][node]
        return 1.0 / (1.0 + np.exp(-np.clip(raw, -30, 30)))


@dataclass
class _Model:
    word: _TreeModel
    sentence: _TreeModel
    threshold: float


@lru_cache(maxsize=1)
def _model(path: Path = MODEL_FILE) -> _Model:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: rebuild it with `python -m evals.train.faithfulness`")
    spec = json.loads(path.read_text())
    if spec.get("features") != FEATURE_NAMES or spec.get("word_features") != WORD_FEATURES:
        raise ValueError(f"{path}: its features differ from this code's; rebuild with `python -m evals.train.faithfulness`")
    return _Model(_TreeModel(spec["word_model"]), _TreeModel(spec["sentence_model"]), float(spec["threshold"]))


# ---------------------------------------------------------------- public scorer


class FaithfulnessScorer:
    """Scores how well passages support an answer, sentence by sentence. Deterministic and offline.

    Edge cases, by design: an empty answer (no sentences) scores 1.0 and is supported (it claims nothing);
    a non-empty answer with no passages (or only blank ones) scores 0.0 and is unsupported (nothing backs it).
    """

    def __init__(self, threshold: float | None = None) -> None:
        self.model = _model()
        self.threshold = self.model.threshold if threshold is None else float(threshold)

    def score(self, answer: str, passages: list[str]) -> FaithfulnessResult:
        if not isinstance(answer, str) or not isinstance(passages, (list, tuple)):
            raise TypeError("score(answer: str, passages: list[str])")
        claims = [s for s in split_sentences(answer) if _words(_CITATION_RE.sub("", s))]
        if not claims:
            return FaithfulnessResult(1.0, True, self.threshold, [])
        for i, p in enumerate(passages):
            if not isinstance(p, str):
                raise TypeError(f"passages[{i}] is {type(p).__name__}; pass the passage text as str")
        if not any(_words(p) for p in passages):
            sents = [SentenceResult(c, 0.0, False, -1, "") for c in claims]
            return FaithfulnessResult(0.0, False, self.threshold, sents)
        x, best, ev, _ = features([_CITATION_RE.sub("", c) for c in claims], list(passages), self.model.word)
        probs = self.model.sentence.predict(x)
        sents = []
        for claim, p, b in zip(claims, probs, best):
            s = _clean(p)
            sents.append(SentenceResult(claim, s, s >= self.threshold, ev.passage_of[b], ev.sentences[b]))
        total = min(s.score for s in sents)
        return FaithfulnessResult(total, total >= self.threshold, self.threshold, sents)

    def score_sentence(self, claim: str, passage: str) -> float:
        """P(claim is supported by passage), in [0, 1]; 1.0 for an empty claim, 0.0 for an empty passage."""
        result = self.score(claim, [passage])
        return result.score


def _clean(p: float) -> float:
    # Rounded so that float noise from batching never flips a result; never NaN, never outside [0, 1].
    if not math.isfinite(p):
        return 0.0
    return round(min(max(float(p), 0.0), 1.0), 6)


# ---------------------------------------------------------------- evaluation on SummEdits


def summary_scores(records: list[dict], scorer: FaithfulnessScorer | None = None) -> np.ndarray:
    """Faithfulness score of each SummEdits summary against its document."""
    scorer = scorer or FaithfulnessScorer()
    return np.array([scorer.score(r["summary"], [r["doc"]]).score for r in records])


def binary_metrics(labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    """Balanced accuracy, per-class F1 and AUC; label 1 = consistent. Never NaN: undefined values are 0.0."""
    from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score

    labels = np.asarray(labels).astype(int)
    pred = (np.asarray(scores) >= threshold).astype(int)
    auc = float(roc_auc_score(labels, scores)) if len(set(labels.tolist())) == 2 else 0.0
    return {
        "balanced_accuracy": float(balanced_accuracy_score(labels, pred)) if len(labels) else 0.0,
        "f1_inconsistent": float(f1_score(labels, pred, pos_label=0, zero_division=0)),
        "f1_consistent": float(f1_score(labels, pred, pos_label=1, zero_division=0)),
        "auc": auc,
    }


def evaluate_on_summedits(domain: str = "news", limit: int | None = None) -> dict:
    """Score a SummEdits domain with the calibrated threshold; `limit` takes the first N pairs (in file order)."""
    from evals.summedits import load_domain

    records = load_domain(domain)
    if limit is not None:
        records = records[: int(limit)]
    scorer = FaithfulnessScorer()
    start = time.perf_counter()
    scores = summary_scores(records, scorer)
    elapsed = time.perf_counter() - start
    labels = np.array([int(r["label"]) for r in records])
    out = {"domain": domain, "n": len(records), "threshold": scorer.threshold}
    out.update(binary_metrics(labels, scores, scorer.threshold))
    out["seconds_per_item"] = elapsed / max(len(records), 1)
    return out
