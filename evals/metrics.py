"""Evaluation metrics: MultiHop-RAG's official retrieval and answer scoring, nDCG, citations, faithfulness, refusals.

Every score is a finite number in [0, 1]. A ratio whose denominator is empty is 0.0 (never NaN), and per-answer
metrics that do not apply (a refusal has no sentences to check) are None, so averages skip them and say how many
answers they cover.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rag.core.text import CITATION_MARK, cited_numbers, split_sentences
from rag.core.types import Citation

K = 10
RETRIEVAL_METRICS = ("hits@10", "hits@4", "map@10", "mrr@10", "ndcg@10")
# MultiHop-RAG's gold answer for questions the corpus cannot answer.
UNANSWERABLE_GOLD = "insufficient information"


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, 0.0 when the denominator is 0: an empty set scores 0, never NaN."""
    return float(numerator) / float(denominator) if denominator else 0.0


def mean(values: Iterable[float | None]) -> float:
    """Mean of the values that are not None; 0.0 when there are none."""
    kept = [float(v) for v in values if v is not None]
    return math.fsum(kept) / len(kept) if kept else 0.0


# ---------------------------------------------------------------- retrieval (MultiHop-RAG retrieval_evaluate.py)


def squash(text: str) -> str:
    """The official comparison form: spaces and newlines removed (tabs and other whitespace are kept, as there)."""
    return text.replace(" ", "").replace("\n", "")


def retrieval_scores(retrieved: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """Hits@10, Hits@4, MAP@10, MRR@10 exactly as MultiHop-RAG's `calculate_metrics` computes them for one query,
    plus nDCG@10.

    A gold fact is found at a rank when it is a substring of that retrieved text (both squashed). MAP@10 follows
    the reference: at each rank holding a fact, add (facts first found there) / rank, divide by min(#facts, 10).
    nDCG@10 uses binary gain: a rank gains 1 when it holds a fact not found above it (so a duplicate passage
    gains nothing), ideal = min(#distinct facts, 10) gains at the top.
    Two departures, both for inputs the reference would mishandle: empty facts are dropped (the reference counts
    "" as found everywhere), and a query with no facts scores 0.0 (the reference divides by zero); MAP is
    capped at 1.0 (the reference exceeds it only with more than 10 facts found in one passage).
    """
    facts = [g for g in (squash(f) for f in gold) if g]
    scores = dict.fromkeys(RETRIEVAL_METRICS, 0.0)
    if not facts:
        return scores
    found: list[str] = []
    ap_sum, dcg, first_rank = 0.0, 0.0, None
    for rank, passage in enumerate((squash(t) for t in retrieved[:K]), start=1):
        if not any(f in passage for f in facts):
            continue
        scores["hits@10"] = 1.0
        if rank <= 4:
            scores["hits@4"] = 1.0
        if first_rank is None:
            first_rank = rank
        # Sequential, as in the reference: a fact listed twice in the gold counts once.
        new = 0
        for f in facts:
            if f in passage and f not in found:
                new += 1
                found.append(f)
        ap_sum += new / rank
        if new:
            dcg += 1.0 / math.log2(rank + 1)
    scores["map@10"] = min(1.0, ap_sum / min(len(facts), K))
    scores["mrr@10"] = 1.0 / first_rank if first_rank else 0.0
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(len(set(facts)), K) + 1))
    scores["ndcg@10"] = min(1.0, ratio(dcg, ideal))
    return scores


def gold_found(retrieved: Sequence[str], gold: Sequence[str]) -> list[bool]:
    """For each retrieved passage (top 10), whether it holds a gold fact: the report marks those passages."""
    facts = [g for g in (squash(f) for f in gold) if g]
    return [any(f in squash(t) for f in facts) for t in retrieved[:K]]


# ---------------------------------------------------------------- answers (MultiHop-RAG: gold answer in the answer)

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalize(text: str) -> str:
    """Lower case, straight quotes, single spaces."""
    return " ".join((text or "").translate(_QUOTES).lower().split())


def is_unanswerable(gold: str | None) -> bool:
    """True for MultiHop-RAG's "Insufficient information." (and for a missing gold answer)."""
    return gold is None or normalize(gold).strip(" .!?\"'") == UNANSWERABLE_GOLD


def contains_answer(answer: str, gold: str) -> bool:
    """The official rule, the gold answer appears in the generated answer (case-insensitive), read on word
    boundaries so that the gold "no" is not found inside "not" or "know"."""
    g = normalize(gold).strip(" .!?\"'")
    if not g:
        return False
    return re.search(r"(?<!\w)" + re.escape(g) + r"(?!\w)", normalize(answer)) is not None


def answer_correct(answer: str, refused: bool, gold: str | None) -> bool:
    """A refusal is right exactly when the question is unanswerable; otherwise the gold answer must appear."""
    if is_unanswerable(gold):
        return bool(refused)
    if refused:
        return False
    return contains_answer(answer, gold or "")


# The strict rule: a Yes/No gold must be the *first* yes/no word of the answer, so an answer saying both cannot score.
_YES_NO_WORD = re.compile(r"(?<!\w)(yes|no)(?!\w)")


def strict_correct(answer: str, refused: bool, gold: str | None) -> bool:
    """Like `answer_correct`, except that a Yes/No gold must be the first yes/no word of the answer."""
    g = normalize(gold or "").strip(" .!?\"'")
    if is_unanswerable(gold) or g not in ("yes", "no"):
        return answer_correct(answer, refused, gold)
    if refused:
        return False
    first = _YES_NO_WORD.search(normalize(answer))
    return first is not None and first.group(1) == g


def refusal_scores(refused: Sequence[bool], unanswerable: Sequence[bool]) -> dict[str, float]:
    """Precision/recall/F1 of refusing, where the positive class is "the question cannot be answered"."""
    if len(refused) != len(unanswerable):
        raise ValueError(f"refused has {len(refused)} items but unanswerable has {len(unanswerable)}")
    tp = sum(1 for r, u in zip(refused, unanswerable) if r and u)
    n_refused, n_unanswerable = sum(map(bool, refused)), sum(map(bool, unanswerable))
    precision, recall = ratio(tp, n_refused), ratio(tp, n_unanswerable)
    return {
        "refusal_precision": precision,
        "refusal_recall": recall,
        "refusal_f1": ratio(2 * precision * recall, precision + recall),
        "n_refused": float(n_refused),
        "n_unanswerable": float(n_unanswerable),
    }


# ---------------------------------------------------------------- citations and faithfulness

# One or more citation groups like "[1]", "[1][2]" or "[1, 3]", and the sentence end just after them ("X [1].").
_MARKS = re.compile(rf"((?:\s*{CITATION_MARK})+)([.!?]?)")
_WORD = re.compile(r"\w")

# judge(claim, passages) -> is the claim supported by those passages together?
Judge = Callable[[str, list[str]], bool]


@dataclass
class Claim:
    """One answer sentence (citation markers removed) and the citation numbers it carries."""

    text: str
    cites: list[int] = field(default_factory=list)


def answer_claims(text: str) -> list[Claim]:
    """Split an answer into sentences with their citation numbers; a sentence before a marker in the same segment
    carries no citation (the marker belongs to the sentence it ends)."""
    claims: list[Claim] = []

    def add_segment(segment: str, cites: list[int], punct: str = "") -> None:
        pieces = [segment[s:e] for s, e in split_sentences(segment)]
        pieces = [p for p in pieces if _WORD.search(p)]
        if not pieces:  # a marker right after another, or after the previous sentence's end: same sentence
            if claims and cites:
                claims[-1].cites.extend(n for n in cites if n not in claims[-1].cites)
            return
        claims.extend(Claim(p.strip()) for p in pieces[:-1])
        claims.append(Claim(pieces[-1].strip() + punct, list(dict.fromkeys(cites))))

    pos = 0
    for m in _MARKS.finditer(text or ""):
        add_segment(text[pos : m.start()], cited_numbers(m.group(1)), m.group(2))
        pos = m.end()
    add_segment((text or "")[pos:], [])
    return claims


def valid_span(citation: Citation, article_text: str | None) -> bool:
    """The citation's quote is exactly article_text[start:end]."""
    if article_text is None or not citation.quote:
        return False
    s, e = citation.start, citation.end
    return 0 <= s < e <= len(article_text) and article_text[s:e] == citation.quote


def _plain(text: str) -> str:
    return " ".join(text.split()).strip(" .!?\"'”’")


def _verbatim(claim: str, quote: str) -> bool:
    """The claim is one or more whole sentences of the quote (an extractive answer), up to whitespace and end
    punctuation. A fragment ("Yes") inside a quote is not a quote of it: that goes to the judge."""
    target = _plain(claim)
    if not target:
        return False
    sentences = [_plain(quote[s:e]) for s, e in split_sentences(quote)]
    return any(
        " ".join(sentences[i:j]) == target for i in range(len(sentences)) for j in range(i + 1, len(sentences) + 1)
    )


@dataclass
class SentenceCheck:
    text: str
    cites: list[int]
    supporting: list[int]  # the cited numbers whose passage supports the sentence on its own
    supported: bool  # the cited passages together support it
    verbatim: bool  # an exact quote of a validly cited span


@dataclass
class CitationCheck:
    """Per-answer citation metrics; None when the answer has no sentence to check (a refusal or an empty answer)."""

    sentences: list[SentenceCheck]
    faithfulness: float | None
    citation_precision: float | None
    citation_recall: float | None
    pairs: int
    bad_spans: int  # citations whose quote is not the article's text at [start:end], or [n] with no citation

    def to_dict(self) -> dict:
        return {
            "faithfulness": self.faithfulness,
            "citation_precision": self.citation_precision,
            "citation_recall": self.citation_recall,
            "pairs": self.pairs,
            "bad_spans": self.bad_spans,
            "sentences": [s.__dict__ for s in self.sentences],
        }


def check_citations(
    text: str,
    citations: Sequence[Citation],
    article_texts: Mapping[str, str],
    judge: Judge | None = None,
    refused: bool = False,
    not_claims: Collection[str] = (),
) -> CitationCheck:
    """Faithfulness (share of sentences supported by the passages they cite), citation precision (share of
    (sentence, cited passage) pairs where the passage supports the sentence) and citation recall (share of
    sentences with at least one supporting citation).

    A citation counts only when its quote is the exact span of its article; a sentence that is a verbatim quote of
    such a span is supported without a model; any other sentence goes to `judge` (the faithfulness scorer).
    Uncited sentences are unsupported; a [n] with no matching citation is an unsupported pair. The eval runner's
    judge asks rag.verify (FaithfulnessScorer over the "evals" verifier), as LLM answers are checked.
    `not_claims`: sentences that state nothing about what the articles say ("nothing found about X"), left out.
    """
    claims = [] if refused else [c for c in answer_claims(text) if c.text not in not_claims]
    if not claims:
        return CitationCheck([], None, None, None, 0, 0)
    by_n = {c.n: c for c in citations}
    ok = {c.n: valid_span(c, article_texts.get(c.article_id)) for c in citations}
    checks, pairs, supporting_pairs = [], 0, 0
    bad = sum(1 for v in ok.values() if not v)
    for claim in claims:
        good = [n for n in claim.cites if ok.get(n)]
        bad += sum(1 for n in claim.cites if n not in by_n)
        verbatim = [n for n in good if _verbatim(claim.text, by_n[n].quote)]
        if verbatim:
            supporting = verbatim
            supported = True
        elif good:
            if judge is None:
                raise ValueError("a sentence that is not an exact quote needs a judge (the faithfulness scorer)")
            supporting = [n for n in good if judge(claim.text, [by_n[n].quote])]
            supported = bool(supporting) or judge(claim.text, [by_n[n].quote for n in good])
        else:
            supporting, supported = [], False
        pairs += len(claim.cites)
        supporting_pairs += len(supporting)
        checks.append(SentenceCheck(claim.text, claim.cites, supporting, supported, bool(verbatim)))
    n = len(checks)
    return CitationCheck(
        sentences=checks,
        faithfulness=ratio(sum(c.supported for c in checks), n),
        citation_precision=ratio(supporting_pairs, pairs) if pairs else None,
        citation_recall=ratio(sum(1 for c in checks if c.supporting), n),
        pairs=pairs,
        bad_spans=bad,
    )
