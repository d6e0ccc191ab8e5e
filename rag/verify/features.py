"""The features verifier: the faithfulness scorer's model, trained on SummEdits (never its news domain).

How it scores one claim sentence against a set of passages:
  1. split the passages into sentences (the toolkit's) and embed everything with all-MiniLM-L6-v2 (sentence and
     contextual word vectors);
  2. align the claim to its best evidence sentences (embedding cosine + content-word overlap);
  3. word model: for each claim word, what an edit would leave behind (no close match in context, absent from the
     passages, a different word between the same neighbours, a number/name/negation the evidence lacks) -> P(word ok);
  4. sentence model: alignment and novelty features plus the weakest words' P(ok) -> P(sentence supported).
Both are small boosted-tree models stored as JSON in rag/models/faithfulness.json, rebuilt from SummEdits by
`python -m evals.train.faithfulness`. Stopwords, negations, number words, stems and sentences are the text
toolkit's (rag.core.text). evals.faithfulness.FaithfulnessScorer scores whole answers through this verifier.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rag.core.embedder import get_embedder  # the project's one loaded copy, sha256-checked
from rag.core.errors import ModelError
from rag.core.text import CLAIM_STOPWORDS, NUMBER_WORDS, is_negation, split_sentences, stem, strip_citations
from rag.verify import Label, Span, Verdict
from rag.verify.trees import TreeModel

MODEL_FILE = Path(__file__).resolve().parents[1] / "models" / "faithfulness.json"
TOP_EVIDENCE = 3  # evidence sentences a claim is compared with token by token
# A claim below the threshold whose best evidence sentence holds at least this share of its content words is
# "contradicted" (the passage speaks of it and says otherwise); below that share, "not_mentioned".
CONTRADICTION_OVERLAP = 0.5
_WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)?")

# Names of the features, in the order the trained model expects them.
FEATURE_NAMES = [
    "sent_cos_max",
    "sent_cos_2nd",
    "tok_min",
    "tok_p10",
    "tok_p25",
    "tok_mean",
    "tok_below_06",
    "tok_below_07",
    "tok_ev_min",
    "tok_ev_mean",
    "novel_words",
    "novel_frac",
    "novel_words_ev",
    "novel_frac_ev",
    "novel_numbers",
    "novel_names",
    "novel_bigrams",
    "novel_bigram_frac",
    "neg_claim",
    "neg_evidence",
    "neg_mismatch",
    "content_words",
    "overlap_best",
    "sent_cos_ev_concat",
    "word_p_min",
    "word_p_2nd",
    "word_p_mean",
    "words_below_05",
]


# ---------------------------------------------------------------- text helpers


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _norm(word: str) -> str:
    """The form two words are compared in: digits without separators, spelled numbers as digits, Porter stems."""
    w = word.lower().replace("’", "'")
    if w[0].isdigit():
        return w.replace(",", "").rstrip("%")
    w = NUMBER_WORDS.get(w, w)
    return stem(w.removesuffix("'s"))


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in NUMBER_WORDS


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
            offsets = model.tokenizer(
                missing, return_offsets_mapping=True, truncation=True, max_length=model.max_seq_length
            )
            with self._lock:
                if len(self.cache) + len(missing) > self._cache_size:
                    self.cache.clear()
                for text, out, offs in zip(missing, outs, offsets["offset_mapping"]):
                    self.cache[text] = _word_vectors(text, out, offs)
        return [self.cache[t] for t in texts]


def _word_vectors(text: str, out: Any, offsets: list[tuple[int, int]]) -> _Encoded:
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
    spans: list[tuple[int, int]]  # sentences[i] == passages[passage_of[i]][start:end]
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
    return word.lower() not in CLAIM_STOPWORDS and (len(word) > 1 or word.isdigit())


def _build_evidence(passages: list[str], encoder: _Encoder) -> _Evidence:
    sentences, owner, spans = [], [], []
    for j, passage in enumerate(passages):
        for start, end in split_sentences(passage):
            sentences.append(passage[start:end])
            owner.append(j)
            spans.append((start, end))
    enc = encoder.encode(sentences)
    sent_matrix = np.stack([e.sentence for e in enc]) if enc else np.zeros((0, 384), np.float32)
    rows, row_owner, row_norm, row_surface = [], [], [], []
    bigrams: set[tuple[str, str]] = set()
    gaps: dict[tuple[str, str], list[str]] = {}
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
    return _Evidence(
        sentences,
        owner,
        spans,
        enc,
        sent_matrix,
        word_matrix,
        np.array(row_owner, dtype=int),
        row_norm,
        vocab,
        prefixes,
        sent_vocab,
        bigrams,
        gaps,
        row_surface,
    )


def _claim_words(claim: _Encoded, ev: _Evidence, top: np.ndarray, sent_cos: float) -> tuple[np.ndarray, list[int]]:
    """Word-model rows for the claim's content and negation words, and their positions in claim.words."""
    idx = [k for k, w in enumerate(claim.words) if _is_content(w) or is_negation(w)]
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
    ev_neg = any(is_negation(w) for i in top for w in ev.enc[i].words)
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
    iso = _encoder().encode(
        sorted({claim.words[idx[r]].lower() for r in differ} | {counterpart[r].lower() for r in differ})
    )
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
        rows.append(
            [
                float(_present(w, ev.vocab, ev.prefixes)),
                float(_present(w, top_vocab, top_prefixes)),
                float(best_all[r]),
                float(best_top[r]),
                float(ev.word_norm[arg_all[r]] == norms[k]),
                float(_is_number(w)),
                float(k > 0 and w[:1].isupper()),
                float(is_negation(w)),
                float(is_negation(w) != ev_neg),
                float(min(len(w), 15)),
                float(min(best_all[left], best_all[right])),
                float(best_all[r] - mean_sim),
                float(k > 0 and (norms[k - 1], norms[k]) in ev.bigrams),
                float(k + 1 < len(norms) and (norms[k], norms[k + 1]) in ev.bigrams),
                float(sent_cos),
                sandwiched[r],
                float(pair_sim[r]),
                float(_is_number(w) == _is_number(cp) and (w[:1].isupper() == cp[:1].isupper() or k == 0)),
            ]
        )
    return np.array(rows, dtype=np.float64), idx


WORD_FEATURES = [
    "in_doc",
    "in_evidence",
    "ctx_sim",
    "ctx_sim_ev",
    "aligned_same",
    "is_number",
    "is_name",
    "is_negation",
    "negation_mismatch",
    "length",
    "neighbour_sim",
    "ctx_sim_rel",
    "left_bigram",
    "right_bigram",
    "sent_cos",
    "sandwiched",
    "pair_static_sim",
    "pair_type_match",
]


def _claim_features(claim: _Encoded, ev: _Evidence, word_model: TreeModel | None) -> tuple[np.ndarray, int, np.ndarray]:
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

    neg_claim = sum(1 for w in claim.words if is_negation(w))
    neg_ev = sum(1 for w in ev.enc[best].words if is_negation(w))
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
    claims: list[str], passages: list[str], word_model: TreeModel | None = None
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


@dataclass
class _Model:
    word: TreeModel
    sentence: TreeModel
    threshold: float


@lru_cache(maxsize=1)
def _model(path: Path = MODEL_FILE) -> _Model:
    if not path.is_file():
        raise ModelError(f"{path} is missing: rebuild it with `python -m evals.train.faithfulness`")
    spec = json.loads(path.read_text())
    if spec.get("features") != FEATURE_NAMES or spec.get("word_features") != WORD_FEATURES:
        raise ModelError(
            f"{path}: its features differ from this code's; rebuild with `python -m evals.train.faithfulness`"
        )
    return _Model(TreeModel(spec["word_model"]), TreeModel(spec["sentence_model"]), float(spec["threshold"]))


def _clean(p: float) -> float:
    # Rounded so that float noise from batching never flips a result; never NaN, never outside [0, 1].
    if not math.isfinite(p):
        return 0.0
    return round(min(max(float(p), 0.0), 1.0), 6)


class FeaturesVerifier:
    """P(claim supported by the passages) from the stacked tree models; supported at the model's calibrated threshold.

    A claim without words claims nothing (supported, 1.0); passages without words support nothing (0.0). Below the
    threshold the label is "contradicted" when the best evidence sentence holds at least CONTRADICTION_OVERLAP of the
    claim's content words, else "not_mentioned". Span: the evidence sentence the claim aligned to best.
    """

    name = "features"

    def __init__(self, path: Path = MODEL_FILE) -> None:
        self.model = _model(path)
        self.threshold = self.model.threshold

    def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
        return self.verify_all([claim], passages)[0]

    def verify_all(self, claims: Sequence[str], passages: Sequence[str]) -> list[Verdict]:
        """One verdict per claim sentence; the passages are encoded once for all of them."""
        texts = [strip_citations(c) for c in claims]
        out: list[Verdict | None] = [Verdict("supported", 1.0, None) if not _words(t) else None for t in texts]
        todo = [i for i, v in enumerate(out) if v is None]
        if todo and not any(_words(p) for p in passages):
            return [v or Verdict("not_mentioned", 0.0, None) for v in out]
        if todo:
            x, best, ev, _ = features([texts[i] for i in todo], list(passages), self.model.word)
            probs = self.model.sentence.predict(x)
            overlap = x[:, FEATURE_NAMES.index("overlap_best")]
            for i, p, b, o in zip(todo, probs, best, overlap):
                score = _clean(p)
                span = Span(ev.passage_of[b], *ev.spans[b])
                label: Label = (
                    "supported"
                    if score >= self.threshold
                    else ("contradicted" if o >= CONTRADICTION_OVERLAP else "not_mentioned")
                )
                out[i] = Verdict(label, score, span)
        return [v for v in out if v is not None]
