"""A claim verifier: does a set of passages support, contradict, or not mention a claim? No torch, no embeddings.

How one claim is judged:
  1. the claim is split into sentences; each passage into sentences, with exact character offsets;
  2. each claim sentence is aligned to its best window of 1-3 adjacent passage sentences (weighted recall of its
     content-word stems: names and numbers weigh more);
  3. mismatch features between the claim sentence and that window: unaligned content words, names, numbers,
     dates, negation flips, antonyms, modality and quantifier words, speakers, the order of two names (roles),
     one-word substitutions between identical neighbours, and how much of the word order survives;
  4. two small boosted-tree models read them: P(supported), and for a rejected sentence
     P(contradicted | not supported) -> the 3-way label;
  5. the claim's verdict is its weakest sentence (SummaC-style: min over claim sentences of the best window), and
     its span is that sentence's window.
The models are trained by `python -m evals.train.verifier` (synthetic pairs from the news corpus + the seven
non-news SummEdits domains) and stored as JSON in rag/models/verifier.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer
from safetensors import safe_open
from tokenizers import Tokenizer

from rag.core.embedder import Int8Embedder, model_path
from rag.core.text import split_sentences
from rag.verify import Span, Verdict
from rag.verify.trees import TreeModel

MODEL_FILE = Path(__file__).parents[1] / "models" / "verifier.json"

# ---------------------------------------------------------------- words

_WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*%?|[A-Za-z]+(?:['’][A-Za-z]+)*")
_STOP = frozenset(
    """a an the and or but if then so of to in on at by for with from into onto over under about as than that this
    these those it its is are was were be been being am do does did done have has had having i me my we our us you
    your he him his she her they them their there here what which who whom whose when where why how both each other
    such own same too very just also s t up down out off again once per via while during before after above below
    between through against among within upon yet still even however said says say according told""".split()
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot n't nowhere fail failed fails refuse refused "
    "refuses deny denied denies lack lacked lacks unable".split()
)
_MODAL = frozenset(
    "may might could would will should must can likely unlikely possibly probably perhaps certain definitely all "
    "some many most few several every always never often sometimes nearly almost only exactly least more less "
    "fewer".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SPEECH = frozenset("said says told added wrote noted explained stated argued claimed announced insisted".split())
_NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "dozen": "12",
    "percent": "%",
    "half": "0.5",
}
# Generic English opposites (both directions): a claim word whose opposite is in the evidence is a red flag.
_ANTONYM_PAIRS = """increase:decrease rise:fall rose:fell higher:lower high:low more:fewer more:less larger:smaller
large:small big:small gain:loss win:lose won:lost victory:defeat profit:loss strong:weak success:failure
approve:reject accept:reject allow:ban allow:prohibit early:late earlier:later first:last before:after above:below
up:down positive:negative best:worst better:worse new:old young:old open:close start:end begin:end cheap:expensive
expand:shrink raise:lower hire:fire majority:minority legal:illegal public:private domestic:foreign full:partial
enter:leave join:leave agree:disagree include:exclude surge:plunge strengthen:weaken easy:difficult safe:dangerous
true:false guilty:innocent buy:sell bought:sold import:export north:south east:west maximum:minimum rich:poor
love:hate like:dislike arrive:depart push:pull give:take gave:took send:receive sent:received lend:borrow
always:never everyone:nobody all:none increasing:decreasing""".split()
_STEM = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w[0].isdigit():
        return w.replace(",", "").rstrip("%")
    w = _NUMBER_WORDS.get(w, w)
    if w.endswith("'s"):
        w = w[:-2]
    return _STEM.stemWord(w)


_ANTONYMS: dict[str, set[str]] = {}
for _pair in _ANTONYM_PAIRS:
    _a, _b = (_stem(x) for x in _pair.split(":"))
    _ANTONYMS.setdefault(_a, set()).add(_b)
    _ANTONYMS.setdefault(_b, set()).add(_a)


@dataclass
class _Text:
    """A sentence or window: its words, their stems, and the lookup sets the features read."""

    words: list[str]
    stems: list[str]
    stem_set: set[str]
    bigrams: set[tuple[str, str]]
    gaps: dict[tuple[str, str], set[str]]  # (stem before, stem after) -> stems found between them
    neg: int
    positions: dict[str, list[int]]


def _analyse(text: str) -> _Text:
    words = _WORD_RE.findall(text)
    stems = [_stem(w) for w in words]
    gaps: dict[tuple[str, str], set[str]] = {}
    positions: dict[str, list[int]] = {}
    for k, s in enumerate(stems):
        positions.setdefault(s, []).append(k)
        if 0 < k < len(stems) - 1:
            gaps.setdefault((stems[k - 1], stems[k + 1]), set()).add(s)
    neg = sum(1 for w in words if _is_negation(w))
    return _Text(words, stems, set(stems), set(zip(stems, stems[1:])), gaps, neg, positions)


def _is_negation(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in _NEGATIONS or w.endswith("n't")


def _is_content(word: str) -> bool:
    return word.lower() not in _STOP and word.lower() not in _NEGATIONS and (len(word) > 1 or word.isdigit())


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in _NUMBER_WORDS


def _is_name(words: list[str], k: int) -> bool:
    w = words[k]
    return (
        k > 0
        and w[:1].isupper()
        and w.lower() not in _STOP
        and not w.isupper()
        or (k > 0 and w.isupper() and len(w) > 1)
    )


def _is_date(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _MONTHS or w in _DAYS or (len(w) == 4 and w.isdigit() and w[:2] in {"19", "20"})


def _weight(words: list[str], k: int) -> float:
    """How much a claim word counts when aligning: names and numbers say most about where a claim comes from."""
    if _is_number(words[k]) or _is_name(words, k):
        return 2.0
    return 1.0 if len(words[k]) > 3 else 0.6


# ---------------------------------------------------------------- evidence windows


@dataclass
class _Evidence:
    spans: list[tuple[int, int, int]]  # (passage, start, end) per sentence
    sents: list[_Text]
    all_stems: set[str]
    windows: list[tuple[int, int]]  # [first, last] sentence index, same passage


def _build_evidence(passages: Sequence[str], max_window: int = 3) -> _Evidence:
    spans, sents = [], []
    for j, p in enumerate(passages):
        for s, e in split_sentences(p):
            spans.append((j, s, e))
            sents.append(_analyse(p[s:e]))
    windows = []
    for i in range(len(spans)):
        for size in range(1, max_window + 1):
            last = i + size - 1
            if last >= len(spans) or spans[last][0] != spans[i][0]:
                break
            windows.append((i, last))
    all_stems = set().union(*(t.stem_set for t in sents)) if sents else set()
    return _Evidence(spans, sents, all_stems, windows)


def _window_text(ev: _Evidence, w: tuple[int, int], cache: dict) -> _Text:
    if w not in cache:
        if w[0] == w[1]:
            cache[w] = ev.sents[w[0]]
        else:
            parts = ev.sents[w[0] : w[1] + 1]
            words = [x for t in parts for x in t.words]
            stems = [x for t in parts for x in t.stems]
            gaps: dict[tuple[str, str], set[str]] = {}
            positions: dict[str, list[int]] = {}
            for k, s in enumerate(stems):
                positions.setdefault(s, []).append(k)
                if 0 < k < len(stems) - 1:
                    gaps.setdefault((stems[k - 1], stems[k + 1]), set()).add(s)
            cache[w] = _Text(
                words, stems, set(stems), set(zip(stems, stems[1:])), gaps, sum(t.neg for t in parts), positions
            )
    return cache[w]


def _align(claim: _Text, ev: _Evidence, cache: dict) -> tuple[tuple[int, int], float, float]:
    """Best window for a claim sentence, its weighted recall, and the runner-up's (from another sentence)."""
    weights: dict[str, float] = {}
    for k, word in enumerate(claim.words):
        if _is_content(word):
            weights[claim.stems[k]] = max(weights.get(claim.stems[k], 0.0), _weight(claim.words, k))
    total = sum(weights.values()) or 1.0
    sent_recall = [sum(v for s, v in weights.items() if s in t.stem_set) / total for t in ev.sents]
    best: tuple[int, int] | None = None
    best_score = -1.0
    for w in ev.windows:
        if w[0] == w[1]:
            r = sent_recall[w[0]]
        else:
            # Only worth building when its sentences together could beat the best single one.
            if sum(sent_recall[w[0] : w[1] + 1]) <= best_score:
                continue
            t = _window_text(ev, w, cache)
            r = sum(v for s, v in weights.items() if s in t.stem_set) / total
        score = r - 0.03 * (w[1] - w[0])  # a longer window must earn its extra sentences
        if score > best_score + 1e-12:
            best, best_score = w, score
    second = max((r for i, r in enumerate(sent_recall) if best is None or not best[0] <= i <= best[1]), default=0.0)
    return (best or (0, 0)), max(best_score, 0.0), second


# ---------------------------------------------------------------- static word vectors


class _StaticVectors:
    """MiniLM's input word-piece embeddings (mean over a word's pieces): a free, context-less synonym signal.

    Read from the weights the project already ships (one 47 MB tensor, ~0.1-0.3 s, no torch); "purchase"/"buy"
    come out ~0.75, "car"/"banana" ~0.1. Blind to antonyms and to names of the same kind, which other features cover.
    """

    def __init__(self) -> None:
        path = model_path()
        with safe_open(str(path / "model.safetensors"), "np") as f:
            self.matrix = f.get_tensor("embeddings.word_embeddings.weight").astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self._cache: dict[str, np.ndarray] = {}

    def vectors(self, words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._cache]
        if missing:
            for w, enc in zip(missing, self.tokenizer.encode_batch(missing, add_special_tokens=False)):
                v = self.matrix[enc.ids].mean(axis=0) if enc.ids else np.zeros(self.matrix.shape[1], np.float32)
                self._cache[w] = v / max(float(np.linalg.norm(v)), 1e-9)
            if len(self._cache) > 200_000:
                self._cache.clear()
                return self.vectors(words)
        return np.stack([self._cache[w] for w in words]) if words else np.zeros((0, self.matrix.shape[1]), np.float32)


@lru_cache(maxsize=1)
def _static() -> _StaticVectors:
    return _StaticVectors()


def _novel_similarity(claim_words: list[str], window_words: list[str]) -> np.ndarray:
    """For each (novel) claim word, its closest window content word's cosine (0 when the window has none)."""
    if not claim_words or not window_words:
        return np.zeros(len(claim_words))
    sv = _static()
    a = sv.vectors([w.lower() for w in claim_words])
    b = sv.vectors(sorted({w.lower() for w in window_words}))
    return (a @ b.T).max(axis=1)


# ---------------------------------------------------------------- contextual word vectors (int8 MiniLM, no torch)


class _Contextual:
    """Contextual word vectors from the int8 ONNX MiniLM the project ships for queries: a claim word whose closest
    window word (in context) is far away is likely an edit; a paraphrase stays close. Memoised per text."""

    def __init__(self) -> None:
        self.enc = Int8Embedder()
        self.tokenizer = self.enc.tokenizer
        self.cache: dict[str, tuple[list[tuple[int, int]], np.ndarray]] = {}

    def words(self, texts: list[str]) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """For each text: the character spans of its regex words that fit in 256 pieces, and their unit vectors."""
        missing = sorted({t for t in texts if t not in self.cache}, key=len)
        for start in range(0, len(missing), 8):  # short, length-sorted batches: little padding
            batch = missing[start : start + 8]
            encs = self.tokenizer.encode_batch(batch)
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if self.enc.wants_token_types:
                feed["token_type_ids"] = np.zeros_like(ids)
            with self.enc._lock:
                hidden = self.enc.session.run(None, feed)[0]
            for text, e, h in zip(batch, encs, hidden):
                self.cache[text] = _pool_words(text, e.offsets, e.attention_mask, h)
        if len(self.cache) > 50_000:
            keep = {t: self.cache[t] for t in texts}
            self.cache = keep
        return [self.cache[t] for t in texts]


def _pool_words(text: str, offsets, mask, hidden: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    starts = np.array([s for s, _ in spans]) if spans else np.zeros(0, int)
    sums = np.zeros((len(spans), hidden.shape[1]), np.float32)
    counts = np.zeros(len(spans))
    for i, (a, b) in enumerate(offsets):
        if not mask[i] or b <= a:  # [CLS], [SEP], padding
            continue
        w = int(np.searchsorted(starts, a, side="right")) - 1
        if w >= 0 and a < spans[w][1]:
            sums[w] += hidden[i]
            counts[w] += 1
    keep = counts > 0
    vecs = sums[keep] / np.maximum(np.linalg.norm(sums[keep], axis=1, keepdims=True), 1e-9)
    return [s for s, k in zip(spans, keep) if k], vecs


@lru_cache(maxsize=1)
def _contextual() -> _Contextual:
    return _Contextual()


def _ctx_features(claim_text: str, window_text: str) -> list[float]:
    """Closest-in-context window word for each claim content word: min, 10th percentile, mean, share below 0.6;
    and the mean-pooled sentence cosine."""
    (cspans, cv), (wspans, wv) = _contextual().words([claim_text, window_text])
    ck = [i for i, (a, b) in enumerate(cspans) if _is_content(claim_text[a:b])]
    wk = [i for i, (a, b) in enumerate(wspans) if _is_content(window_text[a:b])]
    if not ck or not wk:
        return [0.0, 0.0, 0.0, 1.0, 0.0]
    best = (cv[ck] @ wv[wk].T).max(axis=1)
    a, b = cv.mean(axis=0), wv.mean(axis=0)
    cos = float(a @ b / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-9))
    return [float(best.min()), float(np.percentile(best, 10)), float(best.mean()), float((best < 0.6).mean()), cos]


CTX_FEATURES = ["ctx_min", "ctx_p10", "ctx_mean", "ctx_below_06", "ctx_sent_cos"]


# ---------------------------------------------------------------- features

FEATURES = [
    "n_words",
    "n_content",
    "recall_w",
    "recall_doc",
    "second_recall",
    "window_len",
    "novel",
    "novel_frac",
    "novel_doc",
    "novel_doc_frac",
    "novel_names",
    "novel_names_doc",
    "novel_numbers",
    "novel_numbers_doc",
    "ev_numbers_unused",
    "novel_dates",
    "ev_dates_unused",
    "neg_claim",
    "neg_window",
    "neg_flip",
    "antonym",
    "modal_novel",
    "substitutions",
    "substituted_names",
    "substituted_numbers",
    "bigram_novel_frac",
    "lcs_frac",
    "name_order_flip",
    "speaker_mismatch",
    "speaker_claim",
    "novel_longest_run",
    "novel_first_pos",
    "window_words",
    "claim_window_ratio",
    "content_matched_window",
    "novel_lower",
    "novel_sim_min",
    "novel_sim_mean",
    "novel_sim_below_04",
    "sub_sim_min",
    "date_swap",
    "name_not_speaker",
]
LEXICAL_FEATURES = list(FEATURES)
# Contextual word features (int8 MiniLM) on top of the lexical ones: measured as candidate B (docs/verifier.md) and
# not shipped: no better on LODO balanced accuracy, ~50 ms per claim-window pair against ~1 ms, 3x the rebuild time.
USE_CONTEXT = False
if USE_CONTEXT:
    FEATURES = FEATURES + ["ctx_min", "ctx_p10", "ctx_mean", "ctx_below_06", "ctx_sent_cos"]


def _lcs(a: list[str], b: list[str]) -> int:
    """Longest common subsequence length (content stems), O(len a * len b) with small inputs."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _speakers(t: _Text) -> set[str]:
    """Stems of capitalised words right before or after a speech verb ("Smith said", "said Smith")."""
    out = set()
    for k, w in enumerate(t.words):
        if w.lower() in _SPEECH:
            for j in (k - 1, k + 1, k + 2):
                if 0 <= j < len(t.words) and t.words[j][:1].isupper() and t.words[j].lower() not in _STOP:
                    out.add(t.stems[j])
    return out


def _features(claim: _Text, window: _Text, ev: _Evidence, recall: float, second: float, wlen: int) -> list[float]:
    words, stems = claim.words, claim.stems
    content = [k for k, w in enumerate(words) if _is_content(w)]
    novel = [k for k in content if stems[k] not in window.stem_set]
    novel_doc = [k for k in content if stems[k] not in ev.all_stems]
    names = [k for k in content if _is_name(words, k)]
    numbers = [k for k in content if _is_number(words[k])]
    dates = [k for k in content if _is_date(words[k])]
    claim_set = set(stems)
    ev_numbers = {s for w, s in zip(window.words, window.stems) if _is_number(w)}
    ev_dates = {s for w, s in zip(window.words, window.stems) if _is_date(w)}
    # One-word substitutions: a claim word between the same two neighbours as a different word in the window.
    subs = [k for k in novel if 0 < k < len(stems) - 1 and (stems[k - 1], stems[k + 1]) in window.gaps]
    antonym = sum(
        1 for k in content if stems[k] not in window.stem_set and _ANTONYMS.get(stems[k], set()) & window.stem_set
    )
    modal_novel = sum(1 for k, w in enumerate(words) if w.lower() in _MODAL and stems[k] not in window.stem_set)
    pairs = [(stems[a], stems[b]) for a, b in zip(content, content[1:])]
    bigram_novel = sum(1 for p in pairs if p not in window.bigrams) / max(len(pairs), 1)
    cstems = [stems[k] for k in content]
    wcontent = [s for w, s in zip(window.words, window.stems) if _is_content(w)]
    lcs = _lcs(cstems[:60], wcontent[:200]) / max(len(cstems), 1)
    # Roles: two names both in the window but in the opposite order ("A beat B" vs "B beat A").
    flip = 0.0
    name_stems = [stems[k] for k in names if stems[k] in window.positions]
    for a, b in zip(name_stems, name_stems[1:]):
        if a != b and window.positions[a][0] > window.positions[b][-1]:
            flip = 1.0
    claim_speakers = _speakers(claim)
    window_speakers = _speakers(window)
    speaker_mismatch = float(bool(claim_speakers) and bool(window_speakers) and not claim_speakers & window_speakers)
    run, longest = 0, 0
    novel_set = set(novel)
    for k in content:
        run = run + 1 if k in novel_set else 0
        longest = max(longest, run)
    n_content = max(len(content), 1)
    # Is each novel common word a near-synonym of something in the window ("purchase" for "buy")?
    lower_novel = [k for k in novel if k not in names and k not in numbers]
    wcontent_words = [w for w in window.words if _is_content(w)]
    sims = _novel_similarity([words[k] for k in lower_novel], wcontent_words)
    sub_sims = [_pair_sim(words[k], window.gaps[(stems[k - 1], stems[k + 1])], window) for k in subs]
    # A day, month or year in the claim that the window gives differently ("Friday" where it says "Sunday").
    date_swap = 0.0
    for k in novel:
        kind = _date_kind(words[k])
        if kind and any(_date_kind(w) == kind and s not in claim_set for w, s in zip(window.words, window.stems)):
            date_swap += 1.0
    # A claimed speaker whom the window names, but not as a speaker ("B said X" where the window has "A said X").
    name_not_speaker = float(
        bool(claim_speakers) and bool(window_speakers) and bool((claim_speakers - window_speakers) & window.stem_set)
    )
    return [
        float(len(words)),
        float(len(content)),
        recall,
        recall_doc(content, stems, ev),
        second,
        float(wlen),
        float(len(novel)),
        len(novel) / n_content,
        float(len(novel_doc)),
        len(novel_doc) / n_content,
        float(sum(1 for k in novel if k in names)),
        float(sum(1 for k in novel_doc if k in names)),
        float(sum(1 for k in novel if k in numbers)),
        float(sum(1 for k in novel_doc if k in numbers)),
        float(len(ev_numbers - claim_set) > 0 and any(k in novel for k in numbers)),
        float(sum(1 for k in novel if k in dates)),
        float(len(ev_dates - claim_set) > 0 and any(k in novel for k in dates)),
        float(claim.neg),
        float(window.neg),
        float((claim.neg > 0) != (window.neg > 0)),
        float(antonym),
        float(modal_novel),
        float(len(subs)),
        float(sum(1 for k in subs if k in names)),
        float(sum(1 for k in subs if k in numbers)),
        bigram_novel,
        lcs,
        flip,
        speaker_mismatch,
        float(bool(claim_speakers)),
        float(longest),
        (novel[0] / len(words)) if novel else 1.0,
        float(len(window.words)),
        len(words) / max(len(window.words), 1),
        sum(1 for s in set(wcontent) if s in claim_set) / max(len(set(wcontent)), 1),
        float(len(lower_novel)),
        float(sims.min()) if len(sims) else 1.0,
        float(sims.mean()) if len(sims) else 1.0,
        float((sims < 0.4).sum()),
        min(sub_sims) if sub_sims else 1.0,
        date_swap,
        name_not_speaker,
    ]


def _date_kind(word: str) -> str:
    w = word.lower().rstrip(".")
    if w in _DAYS:
        return "day"
    if w in _MONTHS and word[:1].isupper():
        return "month"
    if len(w) == 4 and w.isdigit() and w[:2] in {"19", "20"}:
        return "year"
    return ""


def _pair_sim(word: str, stems: set[str], window: _Text) -> float:
    """Cosine between a substituted claim word and the window word it replaced (the most similar one)."""
    replaced = [w for w, s in zip(window.words, window.stems) if s in stems]
    if not replaced:
        return 0.0
    return float(_novel_similarity([word], replaced)[0])


def aggregate(rows: np.ndarray) -> np.ndarray:
    """A claim's model input from its sentences' rows: the elementwise min and max (a multi-instance summary, so one
    bad sentence shows in the max of a mismatch feature and the min of a match feature)."""
    return np.concatenate([rows.min(axis=0), rows.max(axis=0)])


def recall_doc(content: list[int], stems: list[str], ev: _Evidence) -> float:
    return sum(1 for k in content if stems[k] in ev.all_stems) / max(len(content), 1)


def claim_sentences(claim: str) -> list[tuple[int, int]]:
    """Spans of the claim's sentences that hold a word (a bare citation like "[2]" is not a claim)."""
    return [
        (s, e)
        for s, e in split_sentences(claim)
        if _WORD_RE.search(re.sub(r"\[\d+(?:\s*[,;]\s*\d+)*\]", "", claim[s:e]))
    ]


def feature_rows(claim: str, passages: Sequence[str]) -> tuple[np.ndarray, list[tuple[int, int]], _Evidence]:
    """One feature row per claim sentence against its best window, the windows, and the evidence."""
    ev = _build_evidence(passages)
    cache: dict = {}
    rows, wins = [], []
    for s, e in claim_sentences(claim):
        c = _analyse(claim[s:e])
        if not ev.sents:
            rows.append(
                _features(c, _analyse(""), ev, 0.0, 0.0, 0) + ([0.0, 0.0, 0.0, 1.0, 0.0] if USE_CONTEXT else [])
            )
            wins.append((-1, -1))
            continue
        w, recall, second = _align(c, ev, cache)
        row = _features(c, _window_text(ev, w, cache), ev, recall, second, w[1] - w[0] + 1)
        if USE_CONTEXT:
            j = ev.spans[w[0]][0]
            row += _ctx_features(claim[s:e], passages[j][ev.spans[w[0]][1] : ev.spans[w[1]][2]])
        rows.append(row)
        wins.append(w)
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES)), wins, ev


# ---------------------------------------------------------------- boosted trees stored as JSON


@dataclass
class _Models:
    support: TreeModel
    contradiction: TreeModel
    threshold: float


@lru_cache(maxsize=4)
def load_models(path: Path = MODEL_FILE) -> _Models:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: rebuild it with `python -m evals.train.verifier`")
    spec = json.loads(path.read_text())
    if spec.get("features") != FEATURES:
        raise ValueError(f"{path}: its features differ from this code's; rebuild with `python -m evals.train.verifier`")
    return _Models(TreeModel(spec["support"]), TreeModel(spec["contradiction"]), float(spec["threshold"]))


class TrainedVerifier:
    """The shipped verifier: alignment + mismatch features -> boosted trees. Deterministic, ~1 ms per sentence."""

    def __init__(self, path: Path = MODEL_FILE, threshold: float | None = None) -> None:
        self.models = load_models(path)
        self.threshold = self.models.threshold if threshold is None else float(threshold)

    def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
        if not isinstance(claim, str) or isinstance(passages, str):
            raise TypeError("verify(claim: str, passages: Sequence[str])")
        x, wins, ev = feature_rows(claim, list(passages))
        if not len(x):  # nothing claimed
            return Verdict("supported", 1.0, None)
        whole = aggregate(x)[None, :]
        score = round(min(max(float(self.models.support.predict(whole)[0]), 0.0), 1.0), 6)  # rounded: no float noise
        # The deciding span: the window of the claim sentence that on its own looks least supported.
        i = 0
        if len(x) > 1:
            i = int(np.argmin(self.models.support.predict(np.stack([aggregate(r[None, :]) for r in x]))))
        span = None
        if wins[i][0] >= 0:
            first, last = ev.spans[wins[i][0]], ev.spans[wins[i][1]]
            span = Span(first[0], first[1], last[2])
        if score >= self.threshold:
            return Verdict("supported", score, span)
        if span is None:
            return Verdict("not_mentioned", score, None)
        contradicted = float(self.models.contradiction.predict(whole)[0]) >= 0.5
        return Verdict("contradicted" if contradicted else "not_mentioned", score, span)


@lru_cache(maxsize=1)
def get_verifier() -> TrainedVerifier:
    return TrainedVerifier()
