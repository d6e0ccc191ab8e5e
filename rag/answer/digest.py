"""What an outlet reported on a day or in a month, asked with no topic ("What did the Daily Ledger report on November
21?"): the articles it published then, each by its headline and opening sentence, in the order they were published.

Asked about a topic too ("... report about Globex on November 21?"), the question is no digest: the quotes answer it.

"What is the latest on the Globex trial?" asks for the newest reports on a topic: the articles whose headline says
it, newest first, each by its headline and the opening sentence that says most of the topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.compose import Citations, outlet_of, quoted
from rag.answer.parts import Retrieve, Window
from rag.core.text import is_markup, split_sentences
from rag.core.types import Answer, Filters, Hit
from rag.query import published_window
from rag.verify.lexical import coverage

# Articles listed at most; with more, the answer says so, so that the reader can narrow the question with a topic.
MAX_ARTICLES = 5
# Passages searched for them: several per article, since one long article can fill the first ranks.
DIGEST_HITS = 40
# An opening sentence this short is a dateline or a caption, not the lead.
LEAD_WORDS = 8
# The sentences an article opens with, where news says what happened.
OPENING_SENTENCES = 5

_DIGEST = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have)\s+(?P<outlets>.+?)\s+(?:report|reported|publish|published|write|written|"
    r"cover|covered|run)\s+(?P<when>(?:on|in|during)\s+[^?]+?)\s*\??\s*$",
    re.I,
)


@dataclass
class Digest:
    """The outlets asked about and the days their articles were published on."""

    outlets: list[str]
    first: str
    last: str
    asked: str  # the day or month as the question wrote it ("on November 21")
    asked_year: bool  # the question wrote the year; without it, the answer says which year it took


def read_digest(question: str, outlets: list[str], newest: str) -> Digest | None:
    """The digest a question asks for: it names outlets, a day or a month, and nothing else; None otherwise."""
    m = _DIGEST.match(question)
    if m is None or not outlets:
        return None
    window = published_window(m["when"], newest)
    # "on November 21 about Globex": a topic besides the time is a question the quotes answer
    after_preposition = m["when"].split(maxsplit=1)[-1]
    if window is None or re.search(r"\b(?:about|on\s+(?!\w+\s+\d|\d)|regarding|concerning)\b", after_preposition, re.I):
        return None
    return Digest(outlets, window[0], window[1], m["when"], bool(re.search(r"\b\d{4}\b", m["when"])))


def compose_digest(question: str, digest: Digest, retrieve: Retrieve, hits: list[Hit]) -> Answer:
    """Each article the outlets published in the window, quoted by its lead and cited; refused when they published
    none that the index holds."""
    found = retrieve(question, DIGEST_HITS, Filters(sources=digest.outlets, since=digest.first, until=digest.last))
    articles: dict[str, Hit] = {}
    for hit in found:
        articles.setdefault(hit.article.id, hit)
    outlets = " or ".join(digest.outlets)
    when = f"on {digest.first}" if digest.first == digest.last else f"from {digest.first} to {digest.last}"
    year = (
        ""
        if digest.asked_year
        else f" I read “{digest.asked}” as the latest in the articles found; name the year to ask about another."
    )
    if not articles:
        return Answer(
            question=question,
            text=f"I have no articles from {outlets} published {when}.{year}",
            refused=True,
            hits=hits,
        )
    cites, lines = Citations(), []
    shown = list(articles.values())[:MAX_ARTICLES]
    # in the order they were published, as a reader goes through a day or a month of news
    for hit in sorted(shown, key=lambda h: (h.article.published_at, h.article.published_instant)):
        lead = _lead(hit)
        if lead is not None:
            # the headline says what the article is about better than a first sentence can; it is the cited article's
            n = cites.cite(lead)
            lines.append(
                f"“{hit.article.title.strip()}”: {quoted(lead.text, n)}" if hit.article.title else quoted(lead.text, n)
            )
    more = (
        f" The first {MAX_ARTICLES} found are shown: add a topic to narrow it." if len(articles) > MAX_ARTICLES else ""
    )
    head = f"Articles from {outlets} published {when}, as they open.{year}{more}"
    return Answer(question=question, text="\n".join([head, *lines]), citations=cites.items, hits=hits)


def _lead(hit: Hit, topic: str = "") -> Window | None:
    """The article's opening sentence: the first that is neither markup nor a dateline or caption; with a topic, the
    one of its first few that says most of it (a feature may open on a scene, and say its news a little later)."""
    text = hit.article.text
    spans = split_sentences(text)
    opening = [
        Window(hit, start, end)
        for start, end in spans
        if not is_markup(text[start:end]) and len(text[start:end].split()) >= LEAD_WORDS
    ][:OPENING_SENTENCES]
    if not opening:
        return Window(hit, *spans[0]) if spans else None
    return max(opening, key=lambda w: coverage(topic, w.text)) if topic else opening[0]


# "What is the latest on X?", "What's new with X?", "Any news on X?", "latest updates about X"
_LATEST = re.compile(
    r"^\W*(?:(?:what|what's|what’s)\s+(?:is\s+|are\s+)?(?:the\s+)?(?:latest|newest|most\s+recent|new)"
    r"|(?:(?:are|is)\s+there\s+)?any\s+(?:news|updates?|developments?)"
    r"|(?:the\s+)?(?:latest|newest|most\s+recent))"
    r"(?:\s+(?:news|reports?|updates?|developments?|coverage))?\s+(?:on|about|with|regarding|in|from)\s+(?:the\s+)?"
    r"(?P<topic>[^?]+?)\s*\??\s*$",
    re.I,
)
# Newest reports shown; earlier ones the reader finds by asking about them.
MAX_LATEST = 3
# A headline names this share of the topic's words (names weigh more) to be about it.
LATEST_COVER = 0.5


def read_latest(question: str) -> str:
    """The topic a "what is the latest on ...?" question asks about, or "" for any other question."""
    m = _LATEST.match(question)
    # ("Tide Pay, the app that ...": the description beside the topic is no word its headlines must say)
    return re.split(r",\s+(?:the|a|an|which|who|whose)\s", m["topic"], maxsplit=1)[0].strip() if m else ""


def compose_latest(question: str, topic: str, retrieve: Retrieve, hits: list[Hit]) -> Answer | None:
    """The newest articles whose headline says the topic, newest first, each by its headline and its lead, cited;
    None when no headline does (the quotes then answer): an article that only mentions the topic is about something
    else."""
    articles: dict[str, Hit] = {}
    for hit in [*hits, *retrieve(topic, DIGEST_HITS, Filters())]:
        if coverage(topic, hit.article.title) >= LATEST_COVER:
            articles.setdefault(hit.article.id, hit)
    newest = sorted(
        articles.values(), key=lambda h: (h.article.published_at, h.article.published_instant), reverse=True
    )
    cites, lines = Citations(), []
    for hit in newest[:MAX_LATEST]:
        lead = _lead(hit, topic)
        if lead is not None:
            lines.append(f"{outlet_of(lead)}, “{hit.article.title.strip()}”: {quoted(lead.text, cites.cite(lead))}")
    if not lines:
        return None
    head = f"The newest reports on {topic} in the articles, newest first:"
    return Answer(question=question, text="\n".join([head, *lines]), citations=cites.items, hits=hits)
