"""The hand-written gold set over corpus/: questions whose gold answers are exact spans of the seed article.

evals/data/seed_gold.json holds {"questions": [{id, question, type, answers: [span, ...]}]}; an empty `answers`
marks a question the article cannot answer (the right answer is a refusal). `load_seed_gold` checks every span
against the article text as the loaders read it, so an edit to corpus/ that breaks a span fails loudly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders import load
from rag.core.errors import NewsragError
from rag.core.types import Article

GOLD_FILE = Path(__file__).parent / "data" / "seed_gold.json"
CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"
CANONICAL_ID = "keane-beijing"


@dataclass
class GoldQuestion:
    id: str
    question: str
    kind: str
    answers: list[str] = field(default_factory=list)  # exact spans of an article; any one makes an answer right
    article_ids: list[str] = field(default_factory=list)  # the articles holding the spans

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def corpus_articles(corpus_dir: str | Path = CORPUS_DIR) -> list:
    """The corpus articles as the loaders read them (front matter removed): the text citations point into."""
    return [a for a in load([str(corpus_dir)]) if isinstance(a, Article)]


def load_seed_gold(path: str | Path = GOLD_FILE, corpus_dir: str | Path = CORPUS_DIR) -> list[GoldQuestion]:
    """The gold questions, each span checked to be an exact substring of a corpus article."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsragError(f"{path}: cannot read the gold set ({exc})") from exc
    records = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise NewsragError(f'{path}: expected {{"questions": [...]}}')
    articles = corpus_articles(corpus_dir)
    if not articles:
        raise NewsragError(f"{corpus_dir}: no articles to check the gold spans against")
    out, seen = [], set()
    for i, rec in enumerate(records):
        missing = [k for k in ("id", "question", "answers") if not isinstance(rec, dict) or k not in rec]
        if missing:
            raise NewsragError(
                f"{path}: question {i} lacks field(s) {missing}; expected {{id, question, type, answers}}"
            )
        if rec["id"] in seen:
            raise NewsragError(f"{path}: question id {rec['id']!r} appears twice; ids must be unique")
        seen.add(rec["id"])
        holders: list[str] = []
        for span in rec["answers"]:
            found = [a.id for a in articles if span and span in a.text]
            if not found:
                raise NewsragError(
                    f"{path}: question {rec['id']!r}: gold span {span!r} is not an exact substring of any "
                    f"article in {corpus_dir}; copy it verbatim from the article text"
                )
            holders.extend(x for x in found if x not in holders)
        out.append(GoldQuestion(rec["id"], rec["question"], rec.get("type") or "fact", list(rec["answers"]), holders))
    return out
