"""Does a passage support a claim? A fast, deterministic lexical score in [0, 1], plus sentence spans with offsets.

The score is the weighted share of the claim's content words that the passage contains (numbers and names weigh
more), multiplied down when the claim brings a number or a name the passage lacks, or when a word both share is
negated on one side only ("was not in critical condition" vs "was in critical condition"). MiniLM cosine can be blended in (`embedder=`) to forgive paraphrase. It is a citation check, not an
entailment model: it catches invented claims and swapped numbers/names, not subtle rewording (see models.md on why
a small LLM judge is no better on real data).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Chosen on the 24 hand-made pairs in tests/test_generate.py (SUPPORT_PAIRS), not on any benchmark we report:
# supported claims there score 0.68-1.0 and unsupported ones 0.0-0.46 (lexical; blended with MiniLM 0.69-0.97 vs
# 0.0-0.40). 0.55 is about the middle of both gaps, leaving room for a generator's paraphrase.
SUPPORT_THRESHOLD = 0.55
# How much MiniLM cosine counts when an embedder is given; lexical evidence stays the larger part because cosine
# is blind to swapped numbers and negation.
EMBED_WEIGHT = 0.35

_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves said says say according told tells stated states added
    reported also may might must shall mr mrs ms dr per via upon""".split()
)
_NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
NEGATION_SCOPE = 2  # content tokens after a negation word that it is taken to negate ("not in critical condition")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"})
# Spelling variants a model writes for the same thing; mapped before matching.
_ALIASES = {"u.s.": "us", "u.s": "us", "usa": "us", "u.k.": "uk", "u.n.": "un", "chinese": "china", "russian": "russia",
            "american": "us", "americans": "us", "ukrainian": "ukraine", "british": "uk", "percent": "%", "pct": "%"}

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|%|[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Za-z][A-Za-z'’\-]*")
_ABBREV = frozenset("mr mrs ms dr prof gen sen rep gov st jr sr inc corp co ltd vs lt col sgt capt maj adm jan feb mar "
                    "apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc".split())


def _stem(word: str) -> str:
    # Crude suffix stripping: enough to match "sanctions"/"sanctioned"/"sanctioning"; deterministic and dependency-free.
    for suffix in ("ingly", "edly", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "es",
                   "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _norm_number(tok: str) -> str:
    tok = tok.replace(",", "")
    if "." in tok.rstrip("%"):
        tok = tok.rstrip("0").rstrip(".") if "%" not in tok else tok
    return tok


def _is_number(tok: str) -> bool:
    return tok[:1].isdigit()


@lru_cache(maxsize=4096)
def _analyse(text: str) -> tuple[frozenset[str], tuple[tuple[str, float, str], ...], frozenset[str]]:
    """(every normalised token of text, its content tokens with weight and kind, the tokens under a negation)."""
    all_tokens: set[str] = set()
    content: list[tuple[str, float, str]] = []
    negated: set[str] = set()
    scope = 0  # content tokens still covered by the last negation word
    for i, m in enumerate(_TOKEN.finditer(text)):
        raw = m.group(0).strip("'’-")
        if not raw:
            continue
        low = raw.lower().replace("’", "'")
        low = _ALIASES.get(low, low)
        if low in _NEGATIONS or low.endswith("n't"):
            scope = NEGATION_SCOPE
            continue
        low = _NUMBER_WORDS.get(low, low)
        if _is_number(low):
            tok, kind, weight = _norm_number(low), "number", 2.0
        else:
            if low.endswith("'s"):
                low = low[:-2]
            tok = _stem(low)
            # A capitalised word is taken as a name (the first word too: "Globex reported ..." names a company).
            kind = "name" if raw[0].isupper() and low not in _STOP else "word"
            weight = 1.5 if kind == "name" else 1.0
        all_tokens.add(tok)
        if kind == "number" or (low not in _STOP and len(low) > 1):
            content.append((tok, weight, kind))
            if scope:
                if kind == "word":  # "not surprising that Beijing ...": the name is not what is negated
                    negated.add(tok)
                scope -= 1
    return frozenset(all_tokens), tuple(dict.fromkeys(content)), frozenset(negated)


def coverage(claim: str, passage: str) -> float:
    """Weighted share of the claim's content tokens found in passage, no penalties: what one passage contributes."""
    _, claim_content, _ = _analyse(claim)
    passage_tokens, _, _ = _analyse(passage)
    total = sum(w for _, w, _ in claim_content)
    return sum(w for t, w, _ in claim_content if t in passage_tokens) / total if total else 0.0


def lexical_support(claim: str, passage: str) -> float:
    """Weighted coverage of the claim's content tokens by the passage, with mismatch penalties; in [0, 1]."""
    _, claim_content, claim_neg = _analyse(claim)
    passage_tokens, _, passage_neg = _analyse(passage)
    if not claim_content:
        return 0.0
    total = sum(w for _, w, _ in claim_content)
    covered = sum(w for t, w, _ in claim_content if t in passage_tokens)
    score = covered / total
    # A number the passage does not hold is the classic wrong-citation error: penalise hard.
    missing_numbers = sum(1 for t, _, k in claim_content if k == "number" and t not in passage_tokens)
    missing_names = sum(1 for t, _, k in claim_content if k == "name" and t not in passage_tokens)
    score *= 0.5 ** missing_numbers
    score *= 0.6 ** missing_names
    # Negation mismatch: a word both sides share is negated on one side only ("was not in critical condition").
    shared = {t for t, _, _ in claim_content if t in passage_tokens}
    if (claim_neg & shared) != (passage_neg & shared):
        score *= 0.4
    return max(0.0, min(1.0, score))


def support_score(claim: str, passage: str, embedder: Any | None = None) -> float:
    """How well `passage` supports `claim`, in [0, 1]; >= SUPPORT_THRESHOLD counts as supported.

    With `embedder` (anything with `.encode(list[str]) -> normalised vectors`, e.g. rag.core.embedder.get_embedder()),
    MiniLM cosine is blended in; the number/name/negation penalties still apply on top.
    """
    lexical = lexical_support(claim, passage)
    if embedder is None or lexical == 0.0:
        return lexical
    vectors = embedder.encode([claim, passage])
    cosine = max(0.0, float(vectors[0] @ vectors[1]))
    # Blend the raw coverage with cosine, then re-apply the lexical penalties (cosine cannot see them).
    raw = coverage(claim, passage)
    penalty = lexical / raw if raw > 0 else 0.0
    return max(0.0, min(1.0, ((1 - EMBED_WEIGHT) * raw + EMBED_WEIGHT * cosine) * penalty))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, whitespace trimmed, so text[start:end] is the sentence exactly."""
    spans: list[tuple[int, int]] = []
    start = 0
    # Candidate boundaries: end punctuation (plus closing quotes/brackets) followed by whitespace, or a line break.
    for m in re.finditer(r"[.!?]+[\"'”’)\]]*(?=\s)|\n", text):
        end = m.end()
        if m.group(0) != "\n":
            word = re.search(r"([A-Za-z.]+)[.!?]*[\"'”’)\]]*$", text[start:end])
            w = word.group(1).lower().rstrip(".") if word else ""
            # "Mr. Keane", "U.S. officials", "Gen. Keane", "J. Smith": not a sentence end.
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or (w == "no" and re.match(r"\s*\d", text[end:])):
                continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if piece.strip():
        spans.append((start + lead, end - trail))
