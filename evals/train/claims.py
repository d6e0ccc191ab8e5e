"""Synthetic (premise, claim, label, method) pairs from the MultiHop-RAG news corpus, for training the claim verifier.

    python -m evals.train.claims --out /tmp/claims [--seed 0] [--n 120000]

Writes DIR/claims.jsonl (one pair a line, sorted deterministically) and DIR/summary.json (counts per method).
Same seed, same corpus -> byte-identical output. Reads only ../shared/data/multihop-rag/corpus.json (never
SummEdits): every rule below is generic English/news editing (FactCC-style transformations), not learnt from a test set.

Each pair: the premise is a window of up to WINDOW sentences of one article around the source sentence(s); the claim
is one sentence made from them. Labels and families:
  supported      verbatim, clause deletion, fusion of two adjacent sentences, direct -> reported speech, number and
                 date formats written differently, reordered clauses, two-sentence support;
  contradicted   entity swap (same shape, from elsewhere in the corpus), number change, date change, unit change,
                 negation flip, antonym swap, speaker swap, role swap (who did what to whom), quantifier/modality;
  not_mentioned  a same-topic sentence from another article (BM25-hard), an added unsupported clause, an added
                 plausible detail (date, title, place) that the premise lacks.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import os
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.sparse import csc_matrix

from rag.core.text import split_sentences

WINDOW = 12  # at most this many premise sentences around the source sentence (a long premise, as a document is)
REWORD_SHARE = 0.6  # claims reworded summary-style (after the edit, so positives and negatives alike)
MIN_WORDS, MAX_WORDS = 6, 45  # source sentences outside this range are skipped (headlines, run-ons)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NAME = re.compile(r"\b(?:[A-Z][a-z’']+(?:-[A-Z][a-z]+)?)(?:\s+(?:[A-Z][a-z’']+|[A-Z]\.))*(?:\s+[A-Z][a-z’']+)?")
_NUM = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
MONTHS = list(calendar.month_name)[1:]  # "January" .. "December"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_DAY = re.compile(r"\b(" + "|".join(DAYS) + r")\b")
_MONTH_ABBR = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
_SPEECH_VERBS = r"(?:said|says|told|added|wrote|noted|explained|stated|argued|claimed)"
# '"Quote," Name said.' / '"Quote," said Name.'
_DIRECT = re.compile(
    r"^[\"“](?P<q>[^\"”]{15,}?)[,.]?[\"”],?\s+(?:(?P<s1>[A-Z][\w.’' -]{1,60}?)\s+"
    + _SPEECH_VERBS
    + r"|"
    + _SPEECH_VERBS
    + r"\s+(?P<s2>[A-Z][\w.’' -]{1,60}?))(?P<rest>[,.].*)?$"
)
_SAID_BY = re.compile(
    r"\b(?!(?:He|She|They|It|We|I|This|That|You|Officials|Police)\b)(?P<who>(?:[A-Z][a-z’']+\s){0,2}[A-Z][a-z’']+)\s+"
    + _SPEECH_VERBS
    + r"\b"
)
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|does|do|did|must)\b(?! not\b)(?!n’t)")
_NEG = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|does|do|did|must) not\b")
_NEG_CONTRACTED = {
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "won't": "will",
    "wouldn't": "would",
    "can't": "can",
    "couldn't": "could",
    "shouldn't": "should",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "doesn't": "does",
    "don't": "do",
    "didn't": "did",
}
# Common English opposites (generic word lists, both directions).
ANTONYMS = dict(
    p.split(":")
    for p in """increase:decrease increased:decreased increases:decreases rise:fall
rose:fell rising:falling higher:lower high:low more:fewer larger:smaller largest:smallest biggest:smallest
gain:loss gains:losses won:lost win:lose wins:loses winning:losing victory:defeat profit:loss strong:weak
stronger:weaker success:failure successful:unsuccessful approved:rejected approve:reject support:oppose
supported:opposed supports:opposes accepted:rejected allowed:banned allow:ban early:late earlier:later
first:last before:after above:below up:down positive:negative best:worst better:worse new:old younger:older
open:closed opened:closed start:end started:ended began:ended cheap:expensive cheaper:costlier
expanded:shrank expand:shrink boosted:cut raised:lowered raise:lower hired:fired hire:fire majority:minority
legal:illegal public:private domestic:foreign internal:external full:partial entered:left joined:left
agree:disagree agreed:disagreed include:exclude included:excluded rose:dropped surged:plunged
strengthen:weaken easy:difficult easier:harder safe:dangerous true:false guilty:innocent""".split()
)
ANTONYMS.update({v: k for k, v in list(ANTONYMS.items())})
MODALITY = {
    "may": "will",
    "might": "will",
    "could": "will",
    "will": "may",
    "would": "might",
    "must": "may",
    "should": "will",
    "can": "cannot",
    "likely": "certain",
    "possibly": "definitely",
    "plans": "has decided",
    "expected": "certain",
    "some": "all",
    "many": "all",
    "most": "all",
    "all": "some",
    "several": "all",
    "few": "many",
    "often": "always",
    "sometimes": "always",
    "always": "sometimes",
    "never": "sometimes",
    "nearly": "over",
    "almost": "more than",
    "about": "exactly",
    "around": "exactly",
    "at least": "at most",
    "more than": "less than",
    "less than": "more than",
    "over": "under",
    "under": "over",
}
_MODAL = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in MODALITY), key=len, reverse=True)) + r")\b")
TITLES = ["former", "senior", "acting", "deputy", "chief", "veteran", "longtime", "interim"]
PLACES_FALLBACK = ["in Washington", "in London", "in New York", "in Paris", "in Chicago", "in Berlin"]
_STOP = frozenset(
    """a an the and or but of to in on at by for with from into as is are was were be been has have had
it its this that these those he she they we you i his her their our not no will would can could may might said says
than then so if about after before over under up out more most also who which what when where there here just""".split()
)
_LOWERABLE = frozenset(
    "The A An This That These Those It He She They We But And In On At For However Meanwhile".split()
)
_RELATIVE = re.compile(
    r",\s+(?:which|who|where|while|after|as|because|although|though|according to)\b[^,]*?(?=[,.]?$|,)"
)
_LEADING = re.compile(r"^(?:[A-Z][^,]{3,60}),\s+(?=[a-z]*\s*[A-Z]|the\b|a\b|[a-z])")


# ---------------------------------------------------------------- corpus


def data_dir() -> Path:
    """NEWSRAG_DATA_DIR, else ../shared/data relative to the repository root."""
    env = os.environ.get("NEWSRAG_DATA_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


def load_articles(path: Path | None = None) -> list[list[str]]:
    """Each article as its list of sentences (bodies too short to make a premise are dropped)."""
    path = path or data_dir() / "multihop-rag" / "corpus.json"
    articles = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        body = rec.get("body") or ""
        sents = [re.sub(r"\s+", " ", body[s:e]) for s, e in split_sentences(body)]
        if len(sents) >= 3:
            articles.append(sents)
    return articles


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content(text: str) -> list[str]:
    return [w.lower() for w in _words(text) if w.lower() not in _STOP and len(w) > 2]


def _names(sentence: str) -> list[re.Match]:
    """Capitalised name spans, not at the sentence start (which is capitalised anyway)."""
    out = []
    for m in _NAME.finditer(sentence):
        if m.start() == 0 or sentence[max(0, m.start() - 2) : m.start()].strip() in {".", '"', "“"}:
            continue
        if m.group() in MONTHS or m.group() in DAYS or m.group().lower() in _STOP:
            continue
        out.append(m)
    return out


class Bank:
    """Corpus-wide pools the contradiction and not-mentioned rules draw replacements from."""

    def __init__(self, articles: list[list[str]]) -> None:
        by_len: dict[int, set[str]] = defaultdict(set)
        speakers: set[str] = set()
        for sents in articles:
            for s in sents:
                for m in _names(s):
                    by_len[len(m.group().split())].add(m.group())
                for m in _SAID_BY.finditer(s):
                    if len(m.group("who").split()) == 2:
                        speakers.add(m.group("who"))
        self.names = {k: sorted(v) for k, v in by_len.items()}
        self.speakers = sorted(speakers)
        self._bm25 = _BM25(articles)

    def other_name(self, name: str, rng: random.Random, pool: list[str] | None = None) -> str | None:
        pool = pool or self.names.get(len(name.split()), [])
        for _ in range(8):
            cand = rng.choice(pool) if pool else None
            if cand and cand != name and cand.split()[-1] != name.split()[-1]:
                return cand
        return None


class _BM25:
    """BM25 over all corpus sentences (a sparse term matrix), to find a hard same-topic sentence from another article."""

    def __init__(self, articles: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.docs: list[tuple[int, str]] = []
        vocab: dict[str, int] = {}
        rows, cols, tfs, lengths = [], [], [], []
        for a, sents in enumerate(articles):
            for s in sents:
                if not MIN_WORDS <= len(_words(s)) <= MAX_WORDS:
                    continue
                i = len(self.docs)
                self.docs.append((a, s))
                toks = _content(s)
                lengths.append(len(toks))
                for w, c in sorted(Counter(toks).items()):
                    rows.append(i)
                    cols.append(vocab.setdefault(w, len(vocab)))
                    tfs.append(c)
        n = len(self.docs)
        lengths_a = np.array(lengths, dtype=np.float64)
        rows_a, cols_a, tf = np.array(rows), np.array(cols), np.array(tfs, dtype=np.float64)
        df = np.bincount(cols_a, minlength=len(vocab)).astype(np.float64)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths_a[rows_a] / max(lengths_a.mean(), 1e-9)))
        self.matrix = csc_matrix((norm * idf[cols_a], (rows_a, cols_a)), shape=(n, len(vocab)))
        self.vocab = vocab
        self.article = np.array([a for a, _ in self.docs])
        self._cache: dict[tuple[str, int], list[str]] = {}

    def search(self, text: str, exclude_article: int, top: int = 10) -> list[str]:
        key = (text, exclude_article)
        if key not in self._cache:
            ids = sorted({self.vocab[w] for w in _content(text) if w in self.vocab})
            if not ids:
                self._cache[key] = []
            else:
                scores = np.asarray(self.matrix[:, ids].sum(axis=1)).ravel()
                scores[self.article == exclude_article] = -1.0
                best = np.argsort(-scores, kind="stable")[:top]
                self._cache[key] = [self.docs[i][1] for i in best if scores[i] > 0]
        return self._cache[key]


# ---------------------------------------------------------------- transformations: each returns a claim or None

Rule = Callable[[str, "Ctx", random.Random], "str | None"]


class Ctx:
    """What a rule may look at: the source sentence's article, position, and the corpus bank."""

    def __init__(self, article: int, sents: list[str], pos: int, bank: Bank) -> None:
        self.article, self.sents, self.pos, self.bank = article, sents, pos, bank

    @property
    def next(self) -> str | None:
        return self.sents[self.pos + 1] if self.pos + 1 < len(self.sents) else None


def _sub_once(pattern: re.Pattern, text: str, repl: Callable[[re.Match], str | None], rng: random.Random) -> str | None:
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    new = repl(m)
    if new is None or new == m.group():
        return None
    return text[: m.start()] + new + text[m.end() :]


def _match_case(src: str, new: str) -> str:
    return new[:1].upper() + new[1:] if src[:1].isupper() else new


# supported


def sup_verbatim(s: str, c: Ctx, rng: random.Random) -> str | None:
    return s


def sup_clause_deletion(s: str, c: Ctx, rng: random.Random) -> str | None:
    m = _RELATIVE.search(s)
    if m and rng.random() < 0.6:
        out = s[: m.start()] + s[m.end() :]
    else:
        m = _LEADING.match(s)
        if not m:
            return None
        out = s[m.end() :]
        out = out[:1].upper() + out[1:]
    return out if len(_words(out)) >= MIN_WORDS - 1 and out != s else None


def sup_fusion(s: str, c: Ctx, rng: random.Random) -> str | None:
    nxt = c.next
    if not nxt or len(_words(s)) + len(_words(nxt)) > 60 or not s.endswith("."):
        return None
    joiner = rng.choice([", and ", "; ", ", while "])
    head = nxt.split()[0]
    # Lower-case the next sentence's first word unless it is a name ("Biden said" stays capitalised).
    first = nxt[:1].lower() + nxt[1:] if head in _LOWERABLE or head.lower() in _STOP else nxt
    return s[:-1] + joiner + first


def sup_reported_speech(s: str, c: Ctx, rng: random.Random) -> str | None:
    m = _DIRECT.match(s)
    if not m:
        return None
    who = (m.group("s1") or m.group("s2")).strip()
    quote = m.group("q").strip().rstrip(",.")
    quote = re.sub(r"\bI\b", "they", quote)
    quote = re.sub(r"\bwe\b", "they", quote, flags=re.I)
    quote = re.sub(r"\bour\b", "their", quote, flags=re.I)
    return f"{who} said that {quote[:1].lower() + quote[1:] if not quote.split()[0].isupper() else quote}."


def _number_format(m: re.Match) -> str | None:
    text = m.group()
    if "," in text:
        value = int(text.replace(",", ""))
        if value >= 1_000_000 and value % 100_000 == 0:
            return f"{value / 1_000_000:g} million"
        if 1000 <= value < 1_000_000 and value % 1000 == 0:
            return f"{value // 1000:,} thousand"
        return None
    before = m.string[max(0, m.start() - 1) : m.start()]
    after = m.string[m.end() : m.end() + 1]
    if m.start() == 0 or before in {"$", "£", "€", ".", "-"} or (after and after not in " ,;"):
        return None
    words = {
        "2": "two",
        "3": "three",
        "4": "four",
        "5": "five",
        "6": "six",
        "7": "seven",
        "8": "eight",
        "9": "nine",
        "10": "ten",
    }
    return words.get(text)


def sup_number_format(s: str, c: Ctx, rng: random.Random) -> str | None:
    out = _sub_once(_NUM, s, _number_format, rng)
    if out:
        return out
    out = re.sub(r"(\d)\s?%", r"\1 percent", s, count=1)
    if out != s:
        return out
    out = re.sub(r"(\d) percent\b", r"\1%", s, count=1)
    if out != s:
        return out
    m = _MONTH.search(s)
    if m and m.group() in _MONTH_ABBR:
        return s[: m.start()] + _MONTH_ABBR[m.group()] + s[m.end() :]
    return None


def sup_reorder(s: str, c: Ctx, rng: random.Random) -> str | None:
    # "X, after Y." -> "After Y, x."  and  "A and B verb" stays; only a trailing subordinate clause moves.
    m = re.match(
        r"^(?P<main>[^,()]{15,}),\s+(?P<sub>(?:after|before|when|while|as|because|although|since|if)\s[^,]{8,})\.$", s
    )
    if not m:
        return None
    main = m.group("main")
    if main.split()[0] not in {"The", "A", "An", "It", "He", "She", "They", "This"}:
        main_l = main
    else:
        main_l = main[:1].lower() + main[1:]
    sub = m.group("sub")
    return f"{sub[:1].upper() + sub[1:]}, {main_l}."


def sup_two_sentences(s: str, c: Ctx, rng: random.Random) -> str | None:
    # The subject of this sentence + the predicate of the next one when it starts with a pronoun.
    nxt = c.next
    names = _names(s)
    if not nxt or not names:
        return None
    m = re.match(r"^(He|She|They|It)\s+(?P<rest>.+)$", nxt)
    if not m:
        return None
    subject = names[0].group()
    return f"{subject} {m.group('rest')}"


# contradicted


def con_entity(s: str, c: Ctx, rng: random.Random) -> str | None:
    names = _names(s)
    if not names:
        return None
    m = rng.choice(names)
    other = c.bank.other_name(m.group(), rng)
    return s[: m.start()] + other + s[m.end() :] if other else None


def _change_number(m: re.Match, rng: random.Random) -> str | None:
    text = m.group()
    digits = text.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if 1950 <= value <= 2049 and "." not in digits:  # a year
        return str(int(value) + rng.choice([-3, -2, -1, 1, 2]))
    factor = rng.choice([0.5, 0.7, 1.3, 1.5, 2, 3, 10])
    new = value * factor if value >= 4 else value + rng.choice([1, 2, 3])
    if "." in digits:
        out = f"{new:.{len(digits.split('.')[1])}f}"
    else:
        out = f"{int(round(new)):,}" if "," in text else str(int(round(new)))
    return out if out != text else str(int(value) + 1)


def con_number(s: str, c: Ctx, rng: random.Random) -> str | None:
    return _sub_once(_NUM, s, lambda m: _change_number(m, rng), rng)


def con_date(s: str, c: Ctx, rng: random.Random) -> str | None:
    for pattern, pool in ((_MONTH, MONTHS), (_DAY, DAYS)):

        def _other(m: re.Match, pool: list[str] = pool) -> str:
            return rng.choice([x for x in pool if x != m.group()])

        out = _sub_once(pattern, s, _other, rng)
        if out:
            return out
    return _sub_once(_YEAR, s, lambda m: str(int(m.group()) + rng.choice([-2, -1, 1, 2])), rng)


_UNITS = {
    "million": "billion",
    "billion": "million",
    "thousand": "million",
    "percent": "percentage points",
    "miles": "kilometers",
    "kilometers": "miles",
    "hours": "days",
    "days": "weeks",
    "weeks": "months",
    "months": "years",
    "years": "months",
    "minutes": "hours",
    "%": " points",
}


def con_unit(s: str, c: Ctx, rng: random.Random) -> str | None:
    pattern = re.compile(r"(?<=\d)\s?(%|\b(?:" + "|".join(k for k in _UNITS if k != "%") + r")\b)")
    return _sub_once(pattern, s, lambda m: (" " if m.group().startswith(" ") else "") + _UNITS[m.group().strip()], rng)


def con_negation(s: str, c: Ctx, rng: random.Random) -> str | None:
    m = _NEG.search(s)
    if m:
        return s[: m.start()] + m.group(1) + s[m.end() :]
    for contracted, plain in _NEG_CONTRACTED.items():
        i = s.replace("’", "'").find(contracted)
        if i >= 0:
            return s[:i] + plain + s[i + len(contracted) :]
    m = _AUX.search(s)
    if m:
        return s[: m.end()] + " not" + s[m.end() :]
    m = re.search(r"\b([a-z]{3,})ed\b", s)
    if m and m.group() not in {"need", "used", "based", "red", "bed"}:
        return s[: m.start()] + "did not " + m.group()[:-2] + s[m.end() :]  # crude base form; the edit is the point
    return None


def con_antonym(s: str, c: Ctx, rng: random.Random) -> str | None:
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, ANTONYMS)) + r")\b", re.I)
    return _sub_once(pattern, s, lambda m: _match_case(m.group(), ANTONYMS[m.group().lower()]), rng)


def con_speaker(s: str, c: Ctx, rng: random.Random) -> str | None:
    m = _SAID_BY.search(s)
    if not m:
        d = _DIRECT.match(s)
        if not d:
            return None
        key = "s1" if d.group("s1") else "s2"
        who = d.group(key).strip()
        other = c.bank.other_name(who, rng, c.bank.speakers)
        return s[: d.start(key)] + other + s[d.start(key) + len(who) :] if other else None
    # Prefer another speaker, or any other person, from the same article: the hard case is a name the premise
    # does mention, just not as the one who said this.
    who = m.group("who")
    local = sorted({x.group("who") for t in c.sents for x in _SAID_BY.finditer(t)} - {who})
    people = sorted({x.group() for t in c.sents for x in _names(t) if len(x.group().split()) == 2} - {who})
    r = rng.random()
    if local and r < 0.35:
        other = rng.choice(local)
    elif people and r < 0.7:
        other = rng.choice(people)
    else:
        other = c.bank.other_name(who, rng, c.bank.speakers)
    return s[: m.start("who")] + other + s[m.end("who") :] if other else None


def con_role(s: str, c: Ctx, rng: random.Random) -> str | None:
    names = _names(s)
    if len(names) < 2:
        return None
    a, b = names[0], names[1]
    if a.group() == b.group() or b.start() - a.end() > 60:
        return None
    return s[: a.start()] + b.group() + s[a.end() : b.start()] + a.group() + s[b.end() :]


def con_modality(s: str, c: Ctx, rng: random.Random) -> str | None:
    return _sub_once(_MODAL, s, lambda m: _match_case(m.group(), MODALITY[m.group().lower()]), rng)


# not mentioned


def nm_bm25(s: str, c: Ctx, rng: random.Random) -> str | None:
    hits = c.bank._bm25.search(" ".join(c.sents[max(0, c.pos - 1) : c.pos + 2]), c.article)
    return rng.choice(hits[:5]) if hits else None


def nm_added_clause(s: str, c: Ctx, rng: random.Random) -> str | None:
    # A clause from a same-topic sentence of another article, attached as if it were part of this one.
    hits = c.bank._bm25.search(s, c.article, top=5)
    for h in hits:
        m = re.search(r",\s+((?:which|who|while|after|as|because|although)\s[^,]{10,80}?)[,.]", h)
        if m and s.endswith("."):
            return s[:-1] + ", " + m.group(1) + "."
    return None


def nm_detail(s: str, c: Ctx, rng: random.Random) -> str | None:
    window = " ".join(c.sents)
    choice = rng.random()
    names = _names(s)
    if choice < 0.35 and names:
        m = names[0]
        if len(m.group().split()) >= 2:
            title = rng.choice(TITLES)
            if title in window.lower():
                return None
            return (
                s[: m.start()] + f"{title} " + s[m.start() :]
                if s[max(0, m.start() - 4) : m.start()].strip().lower() in {"the", ""}
                else s[: m.start()] + f"the {title} " + s[m.start() :]
            )
    if not s.endswith("."):
        return None
    if choice < 0.7:
        day = rng.choice(DAYS)
        if _DAY.search(window) or _MONTH.search(s):
            return None
        return s[:-1] + f" on {day}."
    places = [p for p in c.bank.names.get(1, []) if len(p) > 4][:0] or PLACES_FALLBACK
    place = rng.choice(places)
    if place.split()[-1] in window:
        return None
    return s[:-1] + f" {place}."


# Summary-style rewording applied to supported AND edited claims alike (SummEdits' principle: a negative is an edit
# of a positive), so a model cannot use "how reworded" as a proxy for "how wrong". Generic English synonyms only.
SYNONYMS = dict(
    p.split(":")
    for p in """said:stated says:states told:informed announced:revealed company:firm
companies:firms buy:purchase bought:purchased big:large huge:massive help:assist helped:assisted show:demonstrate
showed:demonstrated shows:demonstrates people:individuals about:approximately start:begin started:began need:require
needs:requires use:utilize used:utilized also:additionally get:obtain make:create made:created try:attempt
tried:attempted children:kids car:vehicle cars:vehicles job:position jobs:positions money:funds country:nation
government:administration plan:proposal plans:proposals law:legislation meeting:talks fight:battle enough:sufficient
important:significant main:primary many:numerous quickly:rapidly fast:rapid hard:difficult think:believe
thinks:believes thought:believed want:wish wants:wishes wanted:wished end:conclusion called:named team:squad
season:campaign game:match games:matches player:athlete players:athletes win:victory film:movie show:program
expert:specialist experts:specialists leader:head leaders:heads city:town house:home home:residence begin:commence
allow:permit allowed:permitted keep:retain kept:retained give:provide gave:provided big:major
report:study reports:studies rule:regulation rules:regulations change:shift changes:shifts problem:issue
problems:issues chance:opportunity price:cost prices:costs""".split()
)
_SYN_RE = re.compile(r"\b(" + "|".join(map(re.escape, SYNONYMS)) + r")\b")
FRAMES = [
    "The article reports that ",
    "According to the report, ",
    "The piece notes that ",
    "It is reported that ",
    "The text mentions that ",
]


def summary_style(claim: str, rng: random.Random) -> str:
    """Reword like a summary: a few synonyms, sometimes a framing phrase. Meaning is kept."""
    words = list(_SYN_RE.finditer(claim))
    out, last = [], 0
    for m in words:
        if rng.random() < 0.5:
            out.append(claim[last : m.start()])
            out.append(SYNONYMS[m.group()])
            last = m.end()
    out.append(claim[last:])
    claim = "".join(out)
    if rng.random() < 0.3 and claim[:1].isupper() and claim.split()[0] in _LOWERABLE:
        claim = rng.choice(FRAMES) + claim[:1].lower() + claim[1:]
    return claim


RULES: dict[str, tuple[str, Rule]] = {
    "verbatim": ("supported", sup_verbatim),
    "clause_deletion": ("supported", sup_clause_deletion),
    "fusion": ("supported", sup_fusion),
    "reported_speech": ("supported", sup_reported_speech),
    "number_format": ("supported", sup_number_format),
    "reorder": ("supported", sup_reorder),
    "two_sentences": ("supported", sup_two_sentences),
    "entity_swap": ("contradicted", con_entity),
    "number_change": ("contradicted", con_number),
    "date_change": ("contradicted", con_date),
    "unit_change": ("contradicted", con_unit),
    "negation": ("contradicted", con_negation),
    "antonym": ("contradicted", con_antonym),
    "speaker_swap": ("contradicted", con_speaker),
    "role_swap": ("contradicted", con_role),
    "modality": ("contradicted", con_modality),
    "bm25_other_article": ("not_mentioned", nm_bm25),
    "added_clause": ("not_mentioned", nm_added_clause),
    "added_detail": ("not_mentioned", nm_detail),
}
# Draw weights: labels come out roughly 40% supported / 40% contradicted / 20% not mentioned.
WEIGHTS = {
    "verbatim": 2,
    "clause_deletion": 3,
    "fusion": 2,
    "reported_speech": 2,
    "number_format": 2,
    "reorder": 2,
    "two_sentences": 2,
    "entity_swap": 3,
    "number_change": 2,
    "date_change": 1,
    "unit_change": 1,
    "negation": 2,
    "antonym": 2,
    "speaker_swap": 2,
    "role_swap": 2,
    "modality": 2,
    "bm25_other_article": 3,
    "added_clause": 2,
    "added_detail": 2,
}


def premise_window(sents: list[str], pos: int, rng: random.Random, need_next: bool) -> tuple[int, int]:
    """Sentence range [a, b) of up to WINDOW sentences holding the source sentence (and the next one if used)."""
    size = rng.randint(2, min(WINDOW, len(sents)))
    span = 2 if need_next else 1
    a = max(0, min(pos - rng.randint(0, size - span), len(sents) - size))
    b = min(len(sents), max(a + size, pos + span))
    return a, b


def article_split(sents: list[str]) -> str:
    """train / valid / test by article (sha1 of its first sentence, 80/10/10), so held-back pairs never share a
    premise with training ones; evals.train.llm_pairs uses the same split."""
    bucket = int(hashlib.sha1(sents[0].encode("utf-8")).hexdigest()[:8], 16) % 10
    return "test" if bucket == 0 else ("valid" if bucket == 1 else "train")


def generate(n: int, seed: int = 0, articles: list[list[str]] | None = None) -> list[dict]:
    """n pairs, deterministic in (seed, corpus). Each: premise, claim, label, method, article, split."""
    articles = articles if articles is not None else load_articles()
    bank = Bank(articles)
    rng = random.Random(seed)
    names = sorted(RULES)
    weights = [WEIGHTS[k] for k in names]
    sources = [
        (a, i)
        for a, sents in enumerate(articles)
        for i, s in enumerate(sents)
        if MIN_WORDS <= len(_words(s)) <= MAX_WORDS
    ]
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _k in range(n * 3):
        if len(out) >= n:
            break
        # Pick the family first, then look for a sentence it applies to: rare families (speaker swaps, reported
        # speech) would otherwise almost never appear.
        method = rng.choices(names, weights)[0]
        label, rule = RULES[method]
        claim = None
        for _ in range(40):
            a, pos = rng.choice(sources)
            sents = articles[a]
            claim = rule(sents[pos], Ctx(a, sents, pos, bank), rng)
            if claim and (label == "supported" or claim != sents[pos]):
                break
            claim = None
        if not claim:
            continue
        if method != "bm25_other_article" and rng.random() < REWORD_SHARE:
            claim = summary_style(claim, rng)
        uses_next = method in {"fusion", "two_sentences"}
        lo, hi = premise_window(sents, pos, rng, uses_next)
        premise = " ".join(sents[lo:hi])
        if label != "supported" and claim in premise:
            continue
        key = (premise, claim)
        if key in seen:
            continue
        seen.add(key)
        split = article_split(sents)
        out.append(
            {
                "premise": premise,
                "claim": claim,
                "label": label,
                "method": method,
                "article": a,
                "sentence": pos,
                "split": split,
            }
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=120_000)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pairs = generate(args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "claims.jsonl").open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n")
    summary = {
        "n": len(pairs),
        "seed": args.seed,
        "labels": dict(sorted(Counter(p["label"] for p in pairs).items())),
        "methods": dict(sorted(Counter(p["method"] for p in pairs).items())),
        "splits": dict(sorted(Counter(p["split"] for p in pairs).items())),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary))
    print(f"{len(pairs)} pairs in {time.perf_counter() - start:.1f} s -> {args.out / 'claims.jsonl'}")


if __name__ == "__main__":
    main()
