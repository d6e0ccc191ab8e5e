"""Run an Assistant over eval items: one row per question (what was retrieved or answered and how it scored),
then summaries overall and per question type. Rows hold only deterministic values, so two runs compare equal."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from evals import metrics as M
from evals.faithfulness import FaithfulnessScorer
from evals.gold import load_seed_gold
from evals.multihop import load_queries, sample
from rag.answer.compose import UNSETTLED as UNSETTLED_PREFIX  # how an answer that leaves a yes/no open starts
from rag.answer.verdicts import claimed_day, judge
from rag.core.errors import NewsragError

ANSWER_METRICS = ("accuracy", "strict", "const_yes", "faithfulness", "citation_precision", "citation_recall")
REFUSAL_METRICS = ("refusal_precision", "refusal_recall", "refusal_f1")


@dataclass
class EvalItem:
    """A question with what counts as right: any of `answers` in the answer, `facts` in the retrieved passages."""

    id: str
    question: str
    kind: str
    answers: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    answerable: bool = True
    split: str = "all"
    evidence: list[dict] = field(default_factory=list)  # MultiHop-RAG evidence records (title, url, fact, ...)
    # True for a report-half question none of whose evidence facts any tune question shares (see UNSEEN_GROUP)
    unseen: bool = False


# 72% of report-half MultiHop questions share an evidence fact with some tune question (the split is by question, and
# questions reuse articles). A model that learns which passages were evidence scores well on those without ranking
# better, so results are also shown on the rest: the questions whose evidence no choice was made on.
UNSEEN_GROUP = "(evidence unseen in tune)"


def multihop_items(split: str = "report", limit: int | None = None, data_dir: str | None = None) -> list[EvalItem]:
    queries = sample(load_queries(data_dir, split), limit)
    tune_facts = {f for q in load_queries(data_dir, "tune") for f in q.facts} if split == "report" else set()
    return [
        EvalItem(
            q.id,
            q.question,
            q.kind,
            [q.answer] if q.answerable else [],
            q.facts,
            q.answerable,
            q.split,
            q.evidence,
            unseen=bool(tune_facts) and q.answerable and not tune_facts & set(q.facts),
        )
        for q in queries
    ]


def seed_items(limit: int | None = None) -> list[EvalItem]:
    """The seed gold set; for retrieval its answer spans are the facts a passage must hold."""
    items = [EvalItem(g.id, g.question, g.kind, g.answers, g.answers, g.answerable) for g in load_seed_gold()]
    return items[:limit] if limit else items


def _progress(items: list, desc: str, progress: bool) -> Iterable:
    return tqdm(items, desc=desc, unit="q", disable=not progress, leave=False)


def _passage(hit: Any, rank: int, gold: bool | None = None) -> dict:
    row = {
        "rank": rank,
        "article_id": hit.article_id,
        "title": hit.title,
        "source": hit.source,
        "start": hit.chunk.start,
        "end": hit.chunk.end,
        "score": round(float(hit.score), 6),
        "text": hit.text,
    }
    if gold is not None:
        row["gold"] = gold
    return row


def retrieval_rows(bot: Any, items: list[EvalItem], k: int = 10, progress: bool = False) -> list[dict]:
    """Retrieve k passages per item and score them; items with no gold facts (null queries) are kept, unscored."""
    rows = []
    for item in _progress(items, "retrieval", progress):
        hits = bot.retrieve(item.question, k=k)
        texts = [h.text for h in hits]
        scored = item.answerable and any(f.strip() for f in item.facts)
        marks = M.gold_found(texts, item.facts) if scored else [False] * len(texts)
        row = {
            "id": item.id,
            "question": item.question,
            "kind": item.kind,
            "split": item.split,
            "scored": scored,
            "unseen": item.unseen,
            "facts": item.facts,
            **M.retrieval_scores(texts, item.facts if scored else []),
        }
        row["hits"] = [_passage(h, r, g) for r, (h, g) in enumerate(zip(hits, marks), start=1)]
        rows.append(row)
    return rows


class ScorerJudge:
    """judge(claim, passages) backed by evals.faithfulness.FaithfulnessScorer, loaded on first use only
    (extractive answers are exact quotes and never need it)."""

    def __init__(self) -> None:
        self._scorer: FaithfulnessScorer | None = None

    def __call__(self, claim: str, passages: list[str]) -> bool:
        if self._scorer is None:
            try:
                self._scorer = FaithfulnessScorer()
            except (OSError, ValueError) as exc:  # model file missing or stale: say so instead of a traceback
                raise NewsragError(f"the faithfulness scorer could not load: {exc}") from exc
        return bool(self._scorer.score(claim, passages).supported)


def _article_texts(bot: Any, answer: Any) -> dict[str, str]:
    """Texts of every cited article (from the hits, else the index): the spans are checked against these."""
    texts = {h.article_id: h.article.text for h in answer.hits}
    for c in answer.citations:
        if c.article_id not in texts:
            article = bot.store.article(c.article_id)
            if article is not None:
                texts[c.article_id] = article.text
    return texts


def scored_text(text: str) -> str:
    """What an answer is scored on: all of it, or nothing of an answer that leaves the question open: it gives no
    answer, whatever words its explanation or the passages it quotes for the reader to judge hold (a quoted "No. 3
    Michigan" is no "No", nor is "I could not confirm or rule out ...")."""
    return "" if text.startswith(UNSETTLED_PREFIX) else text


def answer_rows(
    bot: Any, items: list[EvalItem], answerer: str = "extractive", judge: M.Judge | None = None, progress: bool = False
) -> list[dict]:
    """Ask each question; score correctness (a refusal is right only on an unanswerable question), faithfulness,
    citation precision/recall."""
    judge = judge or ScorerJudge()
    rows = []
    for item in _progress(items, "answers", progress):
        answer = bot.ask(item.question, answerer=answerer)
        unsettled = answer.text.startswith(UNSETTLED_PREFIX)
        scored = scored_text(answer.text)
        if item.answerable:
            correct = (not answer.refused) and any(M.contains_answer(scored, g) for g in item.answers)
        else:
            correct = bool(answer.refused)
        check = M.check_citations(
            answer.text,
            answer.citations,
            _article_texts(bot, answer),
            verdict_judge(answer, judge),
            answer.refused,
            not_claims=absence_statements(answer),
        )
        gold = item.answers[0] if item.answers else None
        strict = (
            any(M.strict_correct(scored, answer.refused, g) for g in item.answers)
            if item.answerable
            else bool(answer.refused)
        )
        # The prior every yes/no answer must beat: "Yes." to every question, never refusing.
        const_yes = M.strict_correct("Yes.", False, gold) if item.answerable else False
        rows.append(
            {
                "id": item.id,
                "question": item.question,
                "kind": item.kind,
                "split": item.split,
                "unseen": item.unseen,
                "answerable": item.answerable,
                "gold": item.answers,
                "answer": answer.text,
                "refused": bool(answer.refused),
                "accuracy": float(correct),
                "strict": float(strict),
                "const_yes": float(const_yes),
                "unsettled": unsettled,
                "parts": [p.to_dict() for p in getattr(answer, "parts", [])],
                "verdicts_failing": failing_verdicts(getattr(answer, "parts", []), answer.citations),
                **check.to_dict(),
                "citations": [{k: v for k, v in c.to_dict().items() if k != "score"} for c in answer.citations],
                "hits": [_passage(h, r) for r, h in enumerate(answer.hits[:3], start=1)],
            }
        )
    return rows


def part_holds(part: Any, by_n: dict[int, Any]) -> bool:
    """Does a supported / contradicted part get its verdict back from the citations it cites, judged again by the
    answers' verifier? A verdict must rest on the spans it cites; a part dated to a day its outlet published nothing
    on rests on the cited articles' dates."""
    cited = [by_n[n] for n in part.citations if n in by_n]
    if part.verdict not in ("supported", "contradicted") or not cited:
        return False
    day = claimed_day(part.claim)
    if day and part.verdict == "contradicted":
        return all(c.published_at != day for c in cited)
    return judge(part.claim, [c.quote for c in cited]).label == part.verdict


def holding_citations(parts: list, citations: list) -> dict[int, bool]:
    """For each cited [n] behind a part: does every part citing it hold (part_holds)?"""
    by_n = {c.n: c for c in citations}
    holds: dict[int, bool] = {}
    for part in parts:
        ok = part_holds(part, by_n)
        for n in part.citations:
            holds[n] = holds.get(n, True) and ok
    return holds


def verdict_judge(answer: Any, judge: M.Judge) -> M.Judge:
    """The judge for one answer. An answer built from parts leads with a verdict ("**No.** X says otherwise about
    ... [1]"): a judgement over its cited premises, not a claim any passage states, so it is faithful when each part
    it cites gets its verdict back from its own quotes. Every other sentence goes to `judge` as before."""
    parts = getattr(answer, "parts", [])
    if not parts or answer.refused:
        return judge
    lead = {c.text for c in M.answer_claims(answer.text.split("\n", 1)[0])}
    holds = holding_citations(parts, answer.citations)
    number_of = {c.quote: c.n for c in answer.citations}

    def judged(claim: str, quotes: list[str]) -> bool:
        if claim in lead and quotes and all(q in number_of for q in quotes):
            named = re.match(r"\s*\*\*(.+?)\*\* — named in", claim)  # "**Name** — named in X [n]"
            if named:
                return all(named.group(1) in q for q in quotes)
            return all(holds.get(number_of[q], False) for q in quotes)
        return judge(claim, quotes)

    return judged


def absence_statements(answer: Any) -> set[str]:
    """The uncited sentences of a parts answer's lead ("The articles do not settle this: nothing found about X"):
    they say what the articles lack, not what they state, so no passage can support them."""
    if not getattr(answer, "parts", []):
        return set()
    lead = M.answer_claims(answer.text.split("\n", 1)[0])
    # "**Yes.**" / "**Name**." without a citation is an answer with no premise shown: that stays unsupported
    return {c.text for c in lead if not c.cites and not c.text.lstrip().startswith("**")}


def failing_verdicts(parts: list, citations: list) -> int:
    """Supported / contradicted parts that do not hold (part_holds) (aim: 0)."""
    by_n = {c.n: c for c in citations}
    return sum(1 for p in parts if p.verdict in ("supported", "contradicted") and not part_holds(p, by_n))


def _retrieval_summary(rows: list[dict]) -> dict:
    scored = [r for r in rows if r["scored"]]
    out = {m: M.mean(r[m] for r in scored) for m in M.RETRIEVAL_METRICS}
    out.update(n=len(scored), skipped=len(rows) - len(scored))
    return out


def gave_wrong_answer(row: dict) -> bool:
    """An answer that settles the question the wrong way: a Yes for a No, a wrong name or order, or any answer to a
    question the articles cannot answer. Refusing and leaving a question unsettled are open, not wrong: the worst
    bug a reader can meet is this one, so it is counted apart from accuracy, which scores both alike."""
    if row["refused"] or row.get("unsettled"):
        return False
    return not row["answerable"] or not row["strict"]


def _answer_summary(rows: list[dict]) -> dict:
    out: dict[str, Any] = {m: M.mean(r[m] for r in rows) for m in ANSWER_METRICS}
    answerable = [r for r in rows if r["answerable"]]
    out["accuracy_answerable"] = M.mean(r["accuracy"] for r in answerable)
    refusals: dict[str, Any] = M.refusal_scores([r["refused"] for r in rows], [not r["answerable"] for r in rows])
    # In a group where nothing was refused (or nothing is unanswerable) the ratio is undefined: None, shown as "-".
    if not refusals["n_refused"]:
        refusals["refusal_precision"] = None
    if not refusals["n_unanswerable"]:
        refusals["refusal_recall"] = None
    if refusals["refusal_precision"] is None or refusals["refusal_recall"] is None:
        refusals["refusal_f1"] = None
    out.update(refusals)
    out.update(
        n=len(rows),
        answered=sum(1 for r in rows if r["faithfulness"] is not None),
        unsettled=sum(1 for r in rows if r.get("unsettled")),
        wrong=sum(1 for r in rows if gave_wrong_answer(r)),
        verdicts_failing=sum(r.get("verdicts_failing", 0) for r in rows),
        bad_spans=sum(r["bad_spans"] for r in rows),
    )
    for m in ("faithfulness", "citation_precision", "citation_recall"):
        # nothing was answered in this group, or it holds only questions with no answer (faithful to what?):
        # undefined, shown as "-", not a score
        if not any(r[m] is not None for r in rows) or not answerable:
            out[m] = None
    return out


def summarize(what: str, rows: list[dict]) -> dict:
    """{"overall": {...}, "by_type": {kind: {...}}}; types in sorted order so the output is stable."""
    one = _retrieval_summary if what == "retrieval" else _answer_summary
    kinds = sorted({r["kind"] for r in rows})
    by_type = {k: one([r for r in rows if r["kind"] == k]) for k in kinds}
    if what == "retrieval":
        by_type = {k: v for k, v in by_type.items() if v["n"]}  # null queries have nothing to retrieve
    unseen = [r for r in rows if r.get("unseen")]
    if unseen:
        by_type[UNSEEN_GROUP] = one(unseen)
    return {"overall": one(rows), "by_type": by_type}
