"""Break a read question into parts, find each part's best evidence inside the outlet and day it names, and judge it.

A part's evidence is the best sentence window of that outlet's best passages (a window is one sentence or two
adjacent ones, so a claim split over a sentence boundary can still be found); its citation is that exact span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rag.answer.deeds import TITLE_STEMS
from rag.answer.names import names_in, standalone, stands_for_a_person
from rag.answer.reading import Clause, Reading
from rag.answer.verdicts import ABOUT, Judgement, judge, speaker_claimed
from rag.core.text import (
    NAME_PHRASE,
    NAME_RUN,
    SPEECH_VERBS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    compound_deeds,
    folded,
    irregular_past,
    is_markup,
    is_year,
    quoted_phrases,
    same_event_words,
    split_sentences,
    straight_quotes,
    without_amounts,
)
from rag.core.types import Filters, Hit
from rag.extractive import PRONOUN_SAYS, attributions
from rag.verify.lexical import analyse, coverage

EVIDENCE_HITS = 5  # passages per part (tune strict: 3 -> 0.569, 5 -> 0.582, 8 -> 0.587 at more judging time)
MAX_WINDOW_CHARS = 600  # two sentences, unless they are long: a citation should stay readable
# of what a "do both ...?" question asks each report to do, the share a supporting passage must hold
HELD_AT = 0.5


@dataclass
class Window:
    """An exact span of an article: `hit.article.text[start:end]`."""

    hit: Hit
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.hit.article.text[self.start : self.end]


@dataclass
class Evidence:
    """One part of the question with the passage that decides it and the verdict."""

    clause: Clause
    judgement: Judgement
    window: Window | None = None
    hits: list[Hit] = field(default_factory=list)
    day_mismatch: bool = False  # the question names a day on which that outlet published nothing we found
    # the words the question quotes are given to another, by this name, not to the one it asks about
    said_instead: str = ""

    @property
    def label(self) -> str:
        return "contradicted" if self.day_mismatch and self.window is not None else self.judgement.label

    @property
    def published_at(self) -> str:
        return self.window.hit.article.published_at if self.window else ""

    @property
    def source(self) -> str:
        return self.window.hit.article.source if self.window else self.clause.source


def sentences_of(hits: list[Hit]) -> Iterator[Window]:
    """Every sentence of the hits' passages, each once: a sentence in two overlapping chunks is read once."""
    seen: set[tuple[str, int]] = set()
    for hit in hits:
        for s, e in split_sentences(hit.article.text, hit.chunk.start, hit.chunk.end):
            if (hit.article.id, s) not in seen:
                seen.add((hit.article.id, s))
                yield Window(hit, s, e)


def windows(hits: list[Hit]) -> list[Window]:
    """Every sentence and every pair of adjacent sentences of the hits' passages, each once."""
    out, seen = [], set()
    for hit in hits:
        # page markup a scraper left ("{{ /verifyErrors }}") is never quoted, alone, beside a sentence or between two
        spans = split_sentences(hit.article.text, hit.chunk.start, hit.chunk.end)
        clean = [not is_markup(hit.article.text[s:e]) for s, e in spans]
        for i, (s, e) in enumerate(spans):
            if not clean[i]:
                continue
            for end in (e, spans[i + 1][1] if i + 1 < len(spans) and clean[i + 1] else None):
                if end is None or (hit.article.id, s, end) in seen or end - s > MAX_WINDOW_CHARS or end - s < 15:
                    continue
                seen.add((hit.article.id, s, end))
                out.append(Window(hit, s, end))
    return out


# retrieve(query, k, filters) -> hits: the assistant's hybrid retriever with the ranker
Retrieve = Callable[[str, int, Filters], list[Hit]]


# The whole question's best passages from the clause's outlet (and day) join the clause's own: the question names
# what links its parts, and a short clause ("about the layoffs") alone often retrieves the wrong article. Tune strict:
# 0 -> 0.724, 1 -> 0.730, 3 and 5 -> 0.735; the share of supported parts citing a gold evidence article rose from
# 0.725 to 0.753 (3).
QUESTION_HITS_PER_PART = 3


# "Globex buy Tide Works": a name, then the deed's verb
_NAME_THEN_VERB = re.compile(rf"^(?P<name>{NAME_PHRASE.pattern})\s+(?P<verb>[a-z]+)\b")


def said_in_past(claim: str) -> str:
    """The claim with its verb in the past form, when the verb is irregular ("Globex bought Tide Works"); else the
    claim."""
    m = _NAME_THEN_VERB.match(claim)
    past = irregular_past(m.group("verb")) if m else ""
    return f"{claim[: m.start('verb')]}{past}{claim[m.end('verb') :]}" if m and past else claim


def part_hits(
    clause: Clause, retrieve: Retrieve, fallback: list[Hit], happened: bool = False
) -> tuple[list[Hit], bool]:
    """(the clause's best passages inside its outlet and day, whether the named day had to be dropped)."""
    if not clause.source:
        hits = fallback[:EVIDENCE_HITS]
        # "did he come back?" is judged as "did he return?", "did Globex buy Tide Works?" is reported as "Globex
        # bought Tide Works" (which the keyword index keeps apart from "buy"): search for that wording too
        reworded = same_event_words(clause.claim)
        if reworded == clause.claim:
            reworded = said_in_past(clause.claim)
        # and by the surnames the passages that tell it use ("Lind testified" for "did Mara Lind testify?"); and
        # without its amounts, which a search may weigh above the names ("did Globex pay $5 billion?" finds the
        # passages of Globex paying $4 billion that answer it)
        for query in (reworded, _surname_claim(clause.claim), without_amounts(clause.claim)) if happened else ():
            if query != clause.claim:
                seen = {h.chunk.id for h in hits}
                hits += [h for h in retrieve(query, EVIDENCE_HITS, Filters()) if h.chunk.id not in seen]
        return hits, False
    if clause.day:
        hits = retrieve(
            clause.claim, EVIDENCE_HITS, Filters(sources=clause.outlets, since=clause.day, until=clause.day)
        )
        if hits:
            return _with_question_hits(hits, clause, fallback), False
    hits = retrieve(clause.claim, EVIDENCE_HITS, Filters(sources=clause.outlets))
    if clause.day and hits:
        return hits, True
    return _with_question_hits(hits, clause, fallback), False


# Last words of the names of clubs, firms and places, which another club or firm may share ("Norrvik United")
_NO_SURNAMES = frozenset(
    "united city town county fc afc athletic rovers wanderers inc corp group holdings bank house party state".split()
)


def _surname_claim(claim: str) -> str:
    """The claim with each person it names in full ("Mara Lind") named by surname alone: news names a person in
    full once and by surname after, and the passage that tells what they did may hold only the surname."""
    people = [
        n
        for n in names_in(claim)
        if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][\w’'-]+){1,2}", n) and n.split()[-1].lower() not in _NO_SURNAMES
    ]
    for name in people:
        claim = re.sub(standalone(name), name.split()[-1], claim)
    return claim


def _with_question_hits(hits: list[Hit], clause: Clause, question_hits: list[Hit]) -> list[Hit]:
    seen = {h.chunk.id for h in hits}
    extra = [
        h
        for h in question_hits
        if h.article.source in clause.outlets
        and h.chunk.id not in seen
        and (not clause.day or h.article.published_at[:10] == clause.day)
    ]
    return hits + extra[:QUESTION_HITS_PER_PART]


def asks_if_happened(reading: Reading, clause: Clause) -> bool:
    """A bare yes/no question about an event ("did Globex cut prices?"), or one asking whether an outlet reported it as
    a fact ("did Tech Wire report that Globex cut prices?"): it asks whether it happened, not what an outlet suggests,
    so a report of it as only possible or planned does not answer Yes."""
    return (reading.shape == "yesno" and not clause.source) or clause.stated


def judge_part(
    clause: Clause, hits: list[Hit], day_mismatch: bool = False, happened: bool = False, any_report: bool = False
) -> Evidence:
    """The clause judged on its passages. With `any_report`, one report of the outlet saying the claim is enough,
    whatever its other reports say ("did Tech Wire report X before it reported Y?" asks of two reports)."""
    cands = claim_windows(clause.claim, hits, happened)
    verdict = judge(clause.claim, [w.text for w in cands], happened=happened, spare=happened)
    window = cands[verdict.index] if verdict.index >= 0 else None
    if (happened or any_report) and window is not None and verdict.label == "contradicted":
        # news changes: a later report that says it happened decides over an earlier one that said it would not
        # ("Mara Lind will not return" on Monday, "Mara Lind returned" on Friday), as a one-part answer's timeline does
        after = "" if any_report else window.hit.article.published_at
        later = _latest_supporting(clause.claim, cands, after, happened)
        if later is not None:
            verdict, window = Judgement("supported", later[1].score, later[0]), cands[later[0]]
    holding = _holding_quoted(clause, cands, verdict, happened, any_report)
    if holding and verdict.label != "supported":
        i = verdict.index if verdict.index in holding else holding[0]
        verdict, window = Judgement("supported", max(verdict.score, 0.0), i), cands[i]
    # whose the quoted words are decides over the words around them: "'...,' he added" after Theo Park spoke gives
    # them to him, though the sentence is about Mara Lind
    attributed = _quote_attributed(clause, hits) if verdict.label != "contradicted" else None
    said_instead = ""
    if attributed is not None:
        verdict, window, said_instead = attributed
    elif verdict.supported and window is not None and not _holds_quote(clause, window.text):
        # asked whether someone said the words it quotes, a passage sharing other words of theirs says nothing of it
        # (nor, asked whether an outlet reported them saying it, does that outlet's passage)
        verdict, window = Judgement("not_mentioned", verdict.score, -1), None
    # Single sentences beat pairs when they give the same verdict as well: the shorter citation says the same.
    if window is not None and verdict.label in ("supported", "contradicted"):
        singles = [
            w
            for w in cands
            if w.hit is window.hit and window.start <= w.start and w.end <= window.end and w is not window
        ]
        for w in singles:
            j = judge(clause.claim, [w.text], happened=happened, spare=happened)
            if j.label == verdict.label and j.score >= verdict.score - 1e-9:
                window, verdict = w, Judgement(j.label, j.score, verdict.index)
                break
    if clause.plan_stated and window is not None and verdict.supported and not _names_and_numbers_held(clause, window):
        # a plan an outlet is asked to have reported is supported only by a passage naming all it names and giving
        # its numbers: "shops will open on Harbour Day" says nothing of Globex opening, "within 14 days" nothing of 30
        verdict, window = Judgement("not_mentioned", verdict.score, -1), None
    if clause.held and window is not None and verdict.supported and not _holds_asked(clause.held, window.text):
        verdict, window = Judgement("not_mentioned", verdict.score, -1), None
    if verdict.supported and _SAID_ELSEWHERE.search(clause.claim):
        # "at the same kind of venue", "likewise portray ...": what the claim means was said before the question, so
        # a passage sharing the words left in it has not been shown to say it
        verdict, window = Judgement("not_mentioned", verdict.score, -1), None
    return Evidence(clause, verdict, window, hits, day_mismatch, said_instead)


# a claim that points back at what the question said before it: the likeness it asks about is not in its own words
# ("describe the strike the same way")
_SAID_ELSEWHERE = re.compile(r"\b(?:the\s+same\s+(?:(?:kind|sort|type)\s+of|way)|likewise)\b", re.I)


def _names_and_numbers_held(clause: Clause, window: Window) -> bool:
    """The window says a word of each name of the clause's claim and every number of it; of a competition's name, a
    word besides the kind of competition ("the Harbour League" is not held by "the Coast League")."""
    tokens = analyse(window.text)[0]
    content = analyse(clause.claim)[1]
    runs = [_names_of(r) for r in names_in(clause.claim)]
    return all(t in tokens for t, _, kind in content if kind == "number") and all(
        (r - _COMPETITION_KINDS or r) & tokens for r in runs if r
    )


_COMPETITION_KINDS = frozenset(analyse("league cup trophy championship series")[0])


def _holds_asked(held: str, text: str) -> bool:
    """The passage says what the report is asked to do: every name of it ("quote Mara Lind", "mention Ostland's
    team"), or else HELD_AT of its words ("quote a licensed planner")."""
    names = {t for t, _, kind in analyse(held)[1] if kind == "name"}
    return names <= analyse(text)[0] if names else coverage(held, text) >= HELD_AT


def _holding_quoted(
    clause: Clause, cands: list[Window], verdict: Judgement, happened: bool, any_report: bool
) -> list[int]:
    """The windows that are the report of the words the question quotes. Asked when an outlet reported them, the window
    holding them (or any of the article its title quotes) is that report, whatever a negation elsewhere in it ("denied
    any contact with ..., adding he had a '100 percent' passion") seems to say. Asked whether one outlet used the
    quoted words of something it names ("call the penalty on Mara Lind 'baffling'"), a window holding the words and
    the names says so, when no window decided the claim; quoted words that are only a name (a title, "Tide Works")
    say nothing."""
    quoted = [folded(q) for q in quoted_words(clause)]
    if not quoted:
        return []

    def holds(text: str) -> bool:
        return all(q in folded(text) for q in quoted)

    if any_report:
        return [i for i, w in enumerate(cands) if holds(w.text) or holds(w.hit.article.title)]
    said = any(re.search(r"\b[a-z]", q) for q in quoted_words(clause))
    # (asked whether a person said them, whose they are is `_quote_attributed`'s to read: a caption naming her after
    # "'...,' she says" does not make them hers)
    if not (happened and clause.source and said and verdict.label == "not_mentioned") or _a_persons_words(clause):
        return []
    names = _names_of(clause.claim)
    return [i for i, w in enumerate(cands) if holds(w.text) and names <= analyse(w.text)[0]]


def _a_persons_words(clause: Clause) -> bool:
    """The clause asks whether a person said the words it quotes: a name of theirs, not the outlet's, stands before
    the verb of saying ("profile Mara Lind say '...'"; not "Tech Wire call the penalty on Mara Lind 'baffling'")."""
    speaker, quoted = _speech_quoted(clause)
    verb = _SPEECH_VERB.search(clause.claim) if quoted else None
    if speaker or verb is None:
        return bool(speaker)
    outlets = {w for o in clause.outlets for w in _names_of(o)}
    return any(stands_for_a_person(n) and not _names_of(n) <= outlets for n in names_in(clause.claim[: verb.start()]))


# words a question quotes that are a saying one could attribute ("a fair result"), not a name or a one-word term
QUOTE_WORDS = 2


def _quote_attributed(clause: Clause, hits: list[Hit]) -> tuple[Judgement, Window | None, str] | None:
    """Asked whether someone said the words the question quotes ("did Mara Lind say she was 'proud of the team'?"):
    the name a sentence holding the words gives them to decides, however the rest of the question describes what was
    spoken about. Hers supports it; when every such sentence gives them to someone else by name ("'... proud of the
    team,' Theo Park said"), it is contradicted. Searched in the articles naming the claim's other names: the one
    asked about need not be named where another said it; when she is named there, the sentence may give them to her
    in a way not read here ("said Mariners coach Mara Lind"), and nothing is decided ("not_mentioned"). None when nobody
    is asked, or a sentence holding the words gives them to no name read here. The window is that sentence; a
    contradiction comes with the name given them."""
    speaker, quoted = _speech_quoted(clause)
    if not speaker:
        return None
    names = _names_of(clause.claim) - _names_of(speaker)
    own = _names_of(speaker) - TITLE_STEMS or _names_of(speaker)
    others = []
    for i, w in enumerate(windows(hits)):
        article = w.hit.article
        if not names <= _article_words(article.title, article.text):
            continue
        for start, end in split_sentences(w.text):
            sentence = w.text[start:end]
            given = _given_to(sentence, quoted, article.text, w.start + start)
            if given is None:
                continue
            holder = Window(w.hit, w.start + start, w.start + end)
            if not given:
                return None
            closes = _where_quotation_closes(article.text, w.start + end) if given not in sentence else None
            if closes is not None and closes[0] == given:
                # given where the quotation closes, a sentence or two on: the citation runs to that name
                holder = Window(w.hit, holder.start, closes[1])
            if own & analyse(given)[0]:
                if _another_of_the_surname(given, own, article.text):
                    return Judgement("not_mentioned", 0.0, -1), None, ""
                return Judgement("supported", 1.0, i), holder, ""
            if own & analyse(sentence)[0]:
                return Judgement("not_mentioned", 0.0, -1), None, ""
            others.append((Judgement("contradicted", 0.0, i), holder, given))
    return others[0] if others else None


def _speech_quoted(clause: Clause) -> tuple[str, list[str]]:
    """(who the clause asks said something, or "" when it names them otherwise ("a Globex spokesman"); the words it
    quotes them as saying, folded), or ("", []) when it asks about no one's quoted words."""
    quoted = [folded(q) for q in quoted_words(clause) if len(q.split()) >= QUOTE_WORDS and re.search(r"\b[a-z]", q)]
    text = folded(clause.text)
    at = text.find(quoted[0]) if quoted else -1
    if at < 0 or not _SPEECH_VERB.search(text, 0, at):
        return "", []
    return speaker_claimed(clause.claim), quoted


# the verbs that give words to someone ("said", "told", "called it"; "quote Mara Lind saying '...'")
_SPEECH_VERB = re.compile(
    rf"\b(?:{SPEECH_VERBS}|call|calls|called|calling|write|writes|wrote|writing|add|added|adding)\b"
)


def asks_quoted_words(clause: Clause) -> bool:
    """The clause asks whether someone said the words it quotes ("did Mara Lind say 'we were proud'?")."""
    return bool(_speech_quoted(clause)[1])


def _holds_quote(clause: Clause, text: str) -> bool:
    """The text holds the words the clause asks someone said, or the clause asks no one's words."""
    _, quoted = _speech_quoted(clause)
    written = folded(text)
    return all(q in written for q in quoted)


# how far from the quoted words the name giving them may stand: ', Theo Park said', 'Theo Park wrote on X:'
QUOTE_GIVER_CHARS = 40


def _given_to(sentence: str, quoted: list[str], article: str, at: int) -> str | None:
    """Who the sentence gives the quoted words to: the name right before or after the quotation ("'...,' Theo Park
    said"); for a pronoun there ("..., she added") or a quotation that opens the sentence with no name, the name the
    sentence before gave its words to ("Lind said. 'We were proud,' she added"; the sentence starts at `at` of the
    article). None when the sentence does not
    hold the words; "" when no name gives them: a name further off may be giving other words ("While Ada Brin said
    she could not choose, Theo Park joked: '...'")."""
    written = straight_quotes(sentence).lower()
    found = [written.find(q) for q in quoted]
    if min(found) < 0:
        return None
    first, last = min(found), max(a + len(q) for a, q in zip(found, quoted))
    # measured from the marks around the quotation, which may go on beyond the words asked about
    opening, closing = written.rfind('"', 0, first), written.find('"', last)
    first, last = (opening if opening >= 0 else first), (closing + 1 if closing >= 0 else last)
    for name, start in _givers(sentence):
        end = start + len(name)
        if 0 <= start - last <= QUOTE_GIVER_CHARS or 0 <= first - end <= QUOTE_GIVER_CHARS:
            return name
    if opening >= 0 and closing < 0 and written.count('"') % 2:
        # a quotation running on into the next sentences is given where it closes ('"It works. We are sure," Lind
        # said'), as the who-said reader reads it
        closer = _where_quotation_closes(article, at + len(sentence))
        if closer is not None and closer[0]:  # (closed by "he said", it is the name before's, as below)
            return closer[0]
    pronoun = PRONOUN_SAYS.search(sentence, max(0, last - 2), last + QUOTE_GIVER_CHARS)
    if pronoun is None and not (opening >= 0 and not sentence[:opening].strip(" \"'“‘")):
        return ""
    recent = article[max(0, at - 600) : at]
    previous = [recent[a:b] for a, b in split_sentences(recent)]
    # (a "he said" there too names no one: "He told me ... / 'He was ...'" may be about the one asked of)
    named = [n for n, _ in _givers(previous[-1])] if previous else []
    return named[-1] if named else ""


# how far on a quotation that runs over sentences is followed to where it closes (a few sentences of a quote)
QUOTATION_CHARS = 600


def _where_quotation_closes(article: str, at: int) -> tuple[str, int] | None:
    """For a quotation still open at `at` of the article: the name right after the mark that closes it ('... viable,"
    Lind told Tech Wire'; "" when that sentence gives the words to no name) and where that sentence ends; None when it
    does not close within QUOTATION_CHARS."""
    after = article[at : at + QUOTATION_CHARS]
    for a, b in split_sentences(after):
        closing = straight_quotes(after[a:b])
        if '"' not in closing:
            continue
        end = closing.find('"') + 1
        name = next((name for name, start in _givers(after[a:b]) if 0 <= start - end <= QUOTE_GIVER_CHARS), "")
        return name, at + b
    return None


def _another_of_the_surname(given: str, own: frozenset[str], article: str) -> bool:
    """The words are given by a surname alone that the article also writes after another first name: "Lind said"
    in an article on Theo Lind and Jon Lind gives them to either brother."""
    if len(given.split()) != 1:
        return False
    # (said inside a sentence: a line's first word, "Advertisement Lind", names no one)
    before = re.findall(rf"(?<=[a-z,] )([A-Z][\w'’-]+)\s+{re.escape(given)}\b", article)
    return any(first.lower() not in STOPWORDS and not analyse(first)[0] & (own | TITLE_STEMS) for first in before)


def _givers(sentence: str) -> Iterator[tuple[str, int]]:
    """The names the sentence attributes words to, and where each starts, without a clause's opening word ("While
    Ada Brin said" gives "Ada Brin"); a pronoun ("He told me") is no name."""
    for name, start in attributions(sentence):
        words = name.split()
        while words and words[0].lower() in STOPWORDS | SUBJECT_PRONOUNS:
            start += len(words.pop(0)) + 1
        if words:
            yield " ".join(words), start


def _names_of(text: str) -> frozenset[str]:
    """The tokens of the names the text says ("Mara Lind's pick" -> mara, lind)."""
    return frozenset(t for t, _, kind in analyse(text)[1] if kind == "name")


def _latest_supporting(claim: str, cands: list[Window], after: str, happened: bool) -> tuple[int, Judgement] | None:
    """The window of the latest article published after `after` that alone supports the claim, with its verdict."""
    later = sorted(
        (i for i, w in enumerate(cands) if w.hit.article.published_at > after),
        key=lambda i: (cands[i].hit.article.published_at, -i),
        reverse=True,
    )
    for i in later:
        # in its own words: a close paraphrase of a denial may be a sentence on the topic that denies nothing
        j = judge(claim, [cands[i].text], similarity=None, happened=happened)
        if j.label == "supported":
            return i, j
    return None


def claim_windows(claim: str, hits: list[Hit], happened: bool) -> list[Window]:
    """The windows a claim is judged on. Asked whether it happened, only those of articles that name all the claim's
    names somewhere: a report names a thing in full before it shortens it, so "won the Cup" in an article that never
    says "Rowing" is another cup than the Harbour Rowing Cup."""
    found = windows(hits)
    if not happened:
        return found
    names = _names_of(claim)
    return [w for w in found if names <= _article_words(w.hit.article.title, w.hit.article.text)]


@lru_cache(maxsize=512)
def _article_words(title: str, text: str) -> frozenset[str]:
    return analyse(compound_deeds(f"{title} {text}"))[0]  # "Globex-owned" names Globex


# "previewed that match", "covered the same story": a clause that points at the event the clause before it names
_POINTS_BACK = re.compile(r"\b(?:that|this|the\s+same)\s+(?:[a-z]+\s+)?[a-z]+\b|\bit\b", re.I)


def quoted_words(clause: Clause) -> list[str]:
    """The words the clause quotes, but for its outlet's name ("the 'Tech Wire' article")."""
    outlet = folded(clause.source)
    return [q for q in quoted_phrases(clause.text) if folded(q).removeprefix("the ") not in outlet]


_NUMBERED_PART = re.compile(r"\b(?:week|game|round|stage|matchday|gameweek|episode|season|chapter|day)\s+\d+\b", re.I)


def _report_of(clause: Clause, names: frozenset[str], hit: Hit) -> bool:
    """The hit's article is a report of the clause: it names every name the clause is found by, writes every number
    it gives ("its Week 13 lineup decisions") and holds the words the clause quotes."""
    article = hit.article
    body = folded(f"{article.title}\n{article.text}")
    quoted = all(folded(q) in body for q in quoted_words(clause))
    # (a year goes unwritten in a report of that year's news)
    numbers = {t for t, _, kind in analyse(clause.claim)[1] if kind == "number" and not is_year(t)}
    # "Week 13", "Game 2": a numbered part of a series is written as such, not any 13 of the text
    numbered = all(folded(m.group(0)) in body for m in _NUMBERED_PART.finditer(clause.claim))
    # "Mara Lind's column on the derby": a name the byline holds is the report's writer, not in its text
    return (
        quoted and numbered and (names | numbers) <= _article_words(article.title, f"{article.text}\n{article.author}")
    )


def _byline_names(clause: Clause, hits: list[Hit]) -> frozenset[str]:
    """The name words of the clause that are the writer of one of the hits' articles ("Mara Lind's column")."""
    writers = frozenset().union(*(_names_of(h.article.author) for h in hits if h.article.author))
    return frozenset(
        w
        for m in NAME_RUN.finditer(clause.claim)
        if (words := _names_of(m.group(0))) and words <= writers
        for w in words
    )


def _without_writer(clause: Clause, writer: frozenset[str]) -> Clause:
    """The clause asking what its report says, without the name of who wrote it ("column on the derby")."""
    claim = clause.claim
    for m in reversed(list(NAME_RUN.finditer(claim))):
        if (words := _names_of(m.group(0))) and words <= writer:
            owner = _OWNER_S.match(claim, m.end())
            end = owner.end() if owner else m.end()
            claim = claim[: m.start()] + claim[end:]
    return replace(clause, claim=" ".join(claim.split()) or clause.claim)


_OWNER_S = re.compile(r"(?:\s*['’]?\s?s\b)?")


# Kinds of report a headline says it is ("Globex v. Tide, explained", "Tide Pad review", "Derby live")
_REPORT_KIND = re.compile(
    r"\b(?:explainer|explained|review|preview|interview|recap|timeline|guide|analysis|roundup|tracker|live\s+blog)\b",
    re.I,
)


_KIND_FIRST = re.compile(rf"^(?:{_REPORT_KIND.pattern})\s+(?:on|of|about|with)\s+", re.I)


def _order_part_hits(clause: Clause, before: Clause | None, retrieve: Retrieve, hits: list[Hit]) -> list[Hit]:
    """The passages of reports of the clause, for a question about the order of two reports: each report is dated
    by its article, so a passage that only shares words with the clause would date the wrong report. A clause that
    points back ("previewed that match") is found by the names of the clause before it; the words it quotes (a
    title, a phrase) are searched for on their own too."""
    names = _names_of(clause.claim)
    borrowed = ""
    if not names and before is not None and _POINTS_BACK.search(clause.claim):
        borrowed = " ".join(names_in(before.claim))
        names = _names_of(borrowed)
    kept = [h for h in hits if _report_of(clause, names, h)]
    # the report on X is the one whose headline names X, when one does: another that mentions X in passing ("unlike
    # the Tide Pad") is dated elsewhere
    headlined = [h for h in kept if names and names <= _article_words(h.article.title, "")]
    # "its explainer on X", "its review of X": of the reports whose headline names X, the one whose headline says
    # what kind of report it is ("X, explained", "X review")
    kind = _REPORT_KIND.search(clause.text)
    said = analyse(kind.group(0).split()[0].lower())[0] if kind else frozenset()
    of_kind = [h for h in headlined if said and said <= _article_words(h.article.title, "")]
    if of_kind:
        return of_kind
    if headlined:
        return headlined
    if kept:
        return kept
    seen = {h.chunk.id for h in hits}
    query = " ".join([*quoted_words(clause), borrowed, clause.claim]).strip()
    more = retrieve(query, EVIDENCE_HITS, Filters(sources=clause.outlets))
    return [h for h in more if h.chunk.id not in seen and _report_of(clause, names, h)]


def _order_part(clause: Clause, before: Clause | None, retrieve: Retrieve, hits: list[Hit]) -> tuple[Clause, list[Hit]]:
    """The report an order question's part names (`_order_part_hits`), and the clause as what that report's text is
    asked to say: without the kind of report its headline gives, and without its writer, whom only its byline names."""
    found = _order_part_hits(clause, before, retrieve, hits)
    kind = _KIND_FIRST.match(clause.claim)
    if kind:
        clause = replace(clause, claim=ABOUT + clause.claim[kind.end() :])  # "explainer on X": its text is about X
    writer = _byline_names(clause, found)
    if writer:
        found = [h for h in found if _names_of(h.article.author) >= writer]
        clause = _without_writer(clause, writer)
    return clause, found


def gather(reading: Reading, retrieve: Retrieve, hits: list[Hit]) -> list[Evidence]:
    """Each clause of the question with its evidence and verdict."""
    out = []
    for i, clause in enumerate(reading.clauses):
        happened = asks_if_happened(reading, clause)
        found, mismatch = part_hits(clause, retrieve, hits, happened)
        # asked the order of reports, each part asks whether the outlet reported it at all
        any_report = reading.shape == "order" and bool(clause.source)
        if any_report:
            clause, found = _order_part(clause, reading.clauses[i - 1] if i else None, retrieve, found)
        out.append(judge_part(clause, found, mismatch, happened, any_report))
    return out
