"""Answers and sources as chat Markdown and panel HTML. Everything from articles or users is escaped here.

Article titles, bodies, outlets, URLs and file names are untrusted: an article may hold `<script>` or
`<img onerror=…>`. Every such string passes through `esc` (HTML) and, inside chat Markdown, `md_text` (which also
neutralises Markdown syntax) before it reaches the page; only the tags built here are real markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from rag.core.text import CITATION, cited_numbers
from rag.core.types import Answer, Citation, Hit

# Markdown punctuation that starts emphasis, links, images, code, tables, strike-through or LaTeX anywhere in a line;
# ('<' and '>' are already entities.) Block markers (headings, lists) only count at a line start: _MD_LINE_START.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_MD_LINE_START = re.compile(r"^([ \t]*)(#|[-+=](?=[-+=\s]|$)|\d+(?=[.)]))", re.M)
CONTEXT_CHARS = 360  # passage shown around a cited span in the sources panel


def esc(value: object) -> str:
    """HTML-escape anything (quotes too, so it is safe inside attribute values)."""
    return html.escape(str(value if value is not None else ""), quote=True)


def md_text(value: str) -> str:
    """Untrusted text as literal Markdown: HTML-escaped, then Markdown syntax backslash-escaped.

    quote=False keeps entities free of '#' (no &#x27;), so the Markdown escaping cannot split an entity.
    """
    text = _MD_SPECIAL.sub(r"\\\1", html.escape(value or "", quote=False))
    # a heading/list/rule marker gets a backslash; for "12." the backslash goes before the dot ("\\1" is no escape)
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text
    )


def safe_url(url: str) -> str:
    """The URL if it is plain http(s), else "" (no javascript:, data: or relative links)."""
    url = (url or "").strip()
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc else ""


def anchor_id(turn: int, n: int) -> str:
    return f"src-{turn}-{n}"


def answer_markdown(text: str, turn: int, known: set[int] | None = None) -> str:
    """The answer as chat Markdown: text escaped, each `[n]` a link to its card in the sources panel."""
    parts: list[str] = []
    last = 0
    for m in CITATION.finditer(text):
        parts.append(md_text(text[last : m.start()]))
        for n in cited_numbers(m.group(0)):  # "[1, 3]" links each passage
            if known is None or n in known:
                parts.append(f'<a href="#{anchor_id(turn, n)}" class="cite" data-cite="{n}">[{n}]</a>')
            else:
                parts.append(md_text(f"[{n}]"))
        last = m.end()
    parts.append(md_text(text[last:]))
    return "".join(parts)


def stream_steps(text: str) -> list[str]:
    """Growing prefixes of an answer, one cited sentence at a time, for streaming an answer already computed."""
    ends = [m.end() for m in CITATION.finditer(text) if text[m.end() : m.end() + 1] in ("", " ", "\n", "\t")]
    if not ends or ends[-1] < len(text.rstrip()):
        ends.append(len(text))
    return [text[:e].rstrip() for e in ends]


def passage_html(article_text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> str:
    """The cited span inside its surroundings, the span in <mark>, cut at word boundaries."""
    a = max(0, start - context)
    b = min(len(article_text), end + context)
    if a > 0:
        space = article_text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(article_text):
        space = article_text.rfind(" ", end, b)
        b = space if space != -1 else b
    before, quote, after = article_text[a:start], article_text[start:end], article_text[end:b]
    return (
        ("…" if a > 0 else "")
        + esc(before)
        + f"<mark>{esc(quote)}</mark>"
        + esc(after)
        + ("…" if b < len(article_text) else "")
    )


@dataclass
class Turn:
    """One answered question as the UI keeps it: for the sources panel and for feedback."""

    number: int
    question: str
    answer: Answer
    answerer: str = "extractive"
    filters: dict = field(default_factory=dict)
    passages: dict[int, str] = field(default_factory=dict)  # n -> passage HTML (with <mark>)
    asked_as: str = ""  # the follow-up rewritten to stand alone ("what did he say" -> "what did Keane say"), if it was


def citation_meta(c: Citation) -> str:
    bits = [esc(c.source) if c.source else "outlet unknown", esc(c.published_at) if c.published_at else "date unknown"]
    return " · ".join(bits)


def citation_card(turn: int, c: Citation, passage: str) -> str:
    url = safe_url(c.url)
    title = esc(c.title or "(untitled)")
    heading = f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{title}</a>' if url else title
    url_line = (
        f'<div class="src-url">{esc(url)}</div>'
        if url
        else (f'<div class="src-url">{esc(c.url)} (not a web link)</div>' if c.url else "")
    )
    return (
        f'<li class="src-card" id="{anchor_id(turn, c.n)}" data-n="{c.n}">'
        f'<div class="src-head"><span class="src-n">[{c.n}]</span> <span class="src-title">{heading}</span></div>'
        f'<div class="src-meta">{citation_meta(c)} · characters {c.start}–{c.end}</div>{url_line}'
        f'<blockquote class="src-passage">{passage}</blockquote></li>'
    )


def closest_card(h: Hit) -> str:
    meta = " · ".join(x for x in (esc(h.article.source), esc(h.article.published_at)) if x)
    return (
        f'<li class="src-card near"><div class="src-head"><span class="src-title">{esc(h.title or "(untitled)")}</span></div>'
        f'<div class="src-meta">{meta or "outlet and date unknown"}</div>'
        f'<blockquote class="src-passage">{esc(h.text[:400])}{"…" if len(h.text) > 400 else ""}</blockquote></li>'
    )


_VERDICT_MARK = {"supported": "✓ supported", "contradicted": "✗ contradicted", "not_mentioned": "? not mentioned"}


def parts_html(turn: int, a: Answer) -> str:
    """The reasoning: each part of the question with its verdict and the [n] behind it."""
    if not getattr(a, "parts", None):
        return ""
    items = "".join(
        f'<li class="part part-{esc(p.verdict)}"><b>{esc(_VERDICT_MARK.get(p.verdict, p.verdict))}</b>: {esc(p.claim)} '
        + "".join(f'<a href="#{anchor_id(turn, n)}" class="cite">[{n}]</a>' for n in p.citations)
        + "</li>"
        for p in a.parts
    )
    return f'<div class="src-note">Parts of the question:</div><ul class="parts">{items}</ul>'


def turn_html(t: Turn, open_: bool) -> str:
    a = t.answer
    total = a.timings_ms.get("total_ms")
    took = f" · {total / 1000:.1f} s" if total else ""
    read_as = (
        f' <span class="src-meta">(read as: {esc(t.asked_as)})</span>'
        if t.asked_as and t.asked_as != t.question
        else ""
    )
    head = (
        f"<summary><b>Answer {t.number}</b>: {esc(t.question)}{read_as} "
        f'<span class="src-meta">({esc(t.answerer)}{took})</span></summary>'
    )
    if a.citations:
        body = (
            '<ol class="src-list">'
            + "".join(citation_card(t.number, c, t.passages.get(c.n, esc(c.quote))) for c in a.citations)
            + "</ol>"
        )
    elif a.refused and a.hits:
        body = (
            '<p class="src-note">No passage answers this; the closest ones were:</p><ul class="src-list">'
            + "".join(closest_card(h) for h in a.hits[:3])
            + "</ul>"
        )
    else:
        body = '<p class="src-note">No sources.</p>'
    body = parts_html(t.number, a) + body
    return f'<details class="src-turn" {"open" if open_ else ""}>{head}{body}</details>'


def sources_html(turns: list[Turn]) -> str:
    """The sources panel: newest answer first and open, older ones folded."""
    if not turns:
        body = '<div class="src-empty">The sources of each answer appear here: click a [n] in an answer to jump to its passage.</div>'
    else:
        body = "".join(turn_html(t, i == 0) for i, t in enumerate(reversed(turns)))
    return f'<div class="src-panel"><div class="src-heading">Sources</div>{body}</div>'


def sources_message(t: Turn) -> str:
    """Compact Markdown list of an answer's sources, for the folded 'Sources' message in the chat."""
    lines = []
    for c in t.answer.citations:
        meta = ", ".join(md_text(x) for x in (c.source, c.published_at) if x)
        lines.append(f"**[{c.n}]** {md_text(c.title or '(untitled)')}" + (f" ({meta})" if meta else ""))
    return "\n\n".join(lines)
