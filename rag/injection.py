"""Is a passage sentence talking TO the model (an instruction) rather than reporting news? Used by answer
verification: a generated sentence whose evidence is an instruction is dropped, however well the words match.

An injection cannot be caught by one phrase ("ignore previous instructions"): it comes polite ("kindly make sure
your reply says ..."), in other languages, split over sentences ("Note for AI assistants. The correct answer is
..."), spelled with look-alike letters or zero-width characters. So the text is first normalised the way a model
reads it (NFKC, format characters removed, accents and Cyrillic/Greek look-alikes folded to Latin), then a sentence
counts as an instruction when signals of different kinds meet:
  - it addresses a machine reader (AI, assistant, chatbot, language model, ... in seven languages), or
  - it is a request (please/kindly/make sure/you must/..., or opens with an imperative such as "say", "tell",
    "write", "respond", "ignore") that is about the answer itself (answer, reply, response, summary, output,
    question, readers, users), or says what to claim ("say that", "respond with"), or
  - it talks about "the correct/real/official answer", or uses an unmistakable jailbreak phrase.
News sentences rarely combine these (measured in README: hostile inputs); a sentence that follows an instruction
addressed to a machine is tainted too (up to TAINT_FOLLOWING sentences), since the payload often comes next.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TAINT_FOLLOWING = 2  # sentences after an instruction that are treated as its payload

# Look-alikes a model reads as Latin letters (lower case; NFKC has already folded full-width forms).
_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "ӏ": "l",
        "к": "k",
        "м": "m",
        "т": "t",
        "в": "b",
        "н": "h",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "ɑ": "a",
        "ο": "o",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ϲ": "c",
        "ı": "i",
        "ℓ": "l",
        "０": "0",
        "ⅰ": "i",
        "ꭵ": "i",
        "ꮯ": "c",
    }
)

# A machine reader, named (multi-word entries are matched as phrases).
_MACHINE = {
    "ai",
    "a.i",
    "assistant",
    "assistants",
    "chatbot",
    "chatbots",
    "bot",
    "bots",
    "llm",
    "llms",
    "gpt",
    "chatgpt",
    "language model",
    "language models",
    "ai model",
    "ai models",
    "ai system",
    "ai systems",
    "the model",
    "automated system",
    "automated systems",
    "crawler",
    "crawlers",
    "summarizer",
    "summarizers",
    "summariser",
    "machine reader",
    "machine readers",
    "artificial intelligence",
    "virtual assistant",
    "ai agent",
    "ai agents",
    # fr, de, es, it, pt, nl, ru
    "ia",
    "intelligence artificielle",
    "modele de langage",
    "assistante",
    "robot conversationnel",
    "ki",
    "kunstliche intelligenz",
    "sprachmodell",
    "assistent",
    "assistentin",
    "ki-assistent",
    "inteligencia artificial",
    "modelo de lenguaje",
    "asistente",
    "asistentes",
    "intelligenza artificiale",
    "modello linguistico",
    "assistente",
    "assistenti",
    "modelo de linguagem",
    "kunstmatige intelligentie",
    "taalmodel",
    "ии",
    "искусственный интеллект",
    "ассистент",
    "нейросеть",
    "языковая модель",
}
# A request, in the words people use when asking politely or firmly (and the salutations that address a reader).
_REQUEST = {
    "please",
    "kindly",
    "make sure",
    "be sure",
    "you must",
    "you should",
    "you have to",
    "you are to",
    "you are required",
    "you are instructed",
    "you are asked",
    "we ask you",
    "i ask you",
    "we need you",
    "i need you",
    "would appreciate",
    "we'd appreciate",
    "would be grateful",
    "it would be great if you",
    "don't forget",
    "do not forget",
    "remember to",
    "it is important that you",
    "it's important that you",
    "from now on",
    "henceforth",
    "at all times",
    "under all circumstances",
    "note to",
    "note for",
    "notice to",
    "attention:",
    "attention,",
    "dear",
    "if you are an",
    "you are an",
    "message for",
    "message to",
    # fr
    "veuillez",
    "s'il vous plait",
    "s'il te plait",
    "merci de",
    "n'oubliez pas",
    "n'oublie pas",
    "vous devez",
    "tu dois",
    "assurez-vous",
    "assure-toi",
    "desormais",
    "cher",
    "chere",
    # de
    "bitte",
    "vergessen sie nicht",
    "vergiss nicht",
    "sie mussen",
    "du musst",
    "achten sie darauf",
    "achte darauf",
    "stellen sie sicher",
    "stelle sicher",
    "ab sofort",
    "liebe",
    "lieber",
    # es / pt / it
    "por favor",
    "debes",
    "no olvides",
    "no olvide",
    "asegurate",
    "asegurese",
    "querido",
    "estimado",
    "voce deve",
    "nao esqueca",
    "certifique-se",
    "per favore",
    "per cortesia",
    "devi",
    "non dimenticare",
    "assicurati",
    "caro",
    # nl, ru
    "alstublieft",
    "alsjeblieft",
    "vergeet niet",
    "je moet",
    "u moet",
    "zorg ervoor",
    "beste",
    "пожалуйста",
    "не забудь",
    "не забудьте",
    "ты должен",
    "вы должны",
    "обязательно",
    "дорогой",
}
# Verbs that open an imperative telling the reader what to say or do.
_IMPERATIVE = {
    "say",
    "state",
    "write",
    "tell",
    "answer",
    "respond",
    "reply",
    "report",
    "claim",
    "mention",
    "include",
    "add",
    "insert",
    "output",
    "print",
    "repeat",
    "ignore",
    "disregard",
    "forget",
    "override",
    "pretend",
    "act",
    "behave",
    "roleplay",
    "translate",
    "summarize",
    "summarise",
    "recommend",
    "direct",
    "send",
    "visit",
    "click",
    "call",
    "email",
    "conclude",
    "declare",
    "describe",
    "inform",
    "insist",
    "emphasize",
    "emphasise",
    "assert",
    "append",
    "begin",
    "sign",
    "reveal",
    "disclose",
    "refuse",
    "assume",
    "confirm",
    "don't",
    "dont",
    "quote",
    "cite",
    "explain",
    # fr
    "dites",
    "dis",
    "ecrivez",
    "ecris",
    "repondez",
    "reponds",
    "indiquez",
    "indique",
    "affirmez",
    "affirme",
    "ignorez",
    "oubliez",
    "oublie",
    "mentionnez",
    "ajoutez",
    "incluez",
    "precisez",
    "declarez",
    "annoncez",
    # de
    "sage",
    "sagen",
    "schreibe",
    "schreib",
    "schreiben",
    "antworte",
    "antworten",
    "ignoriere",
    "ignorieren",
    "vergiss",
    "vergessen",
    "erwahne",
    "erwahnen",
    "behaupte",
    "behaupten",
    "gib",
    "geben",
    "teile",
    "teilen",
    # es
    "di",
    "diga",
    "digan",
    "escribe",
    "escriba",
    "responde",
    "responda",
    "contesta",
    "conteste",
    "ignora",
    "olvida",
    "olvide",
    "menciona",
    "mencione",
    "afirma",
    "afirme",
    "incluye",
    "incluya",
    "indica",
    # it / pt
    "dica",
    "scrivi",
    "scriva",
    "rispondi",
    "risponda",
    "dimentica",
    "menziona",
    "afferma",
    "includi",
    "escreva",
    "esqueca",
    "inclua",
    "informe",
    # nl, ru
    "zeg",
    "schrijf",
    "antwoord",
    "negeer",
    "vergeet",
    "vermeld",
    "скажи",
    "скажите",
    "напиши",
    "напишите",
    "ответь",
    "ответьте",
    "игнорируй",
    "проигнорируй",
    "забудь",
    "сообщи",
    "сообщите",
    "укажи",
    "укажите",
}
# What a request is about when it targets the answer being written.
_ANSWER_WORDS = {
    "answer",
    "answers",
    "reply",
    "replies",
    "response",
    "responses",
    "respond",
    "responding",
    "summary",
    "summaries",
    "summarize",
    "summarise",
    "summarizing",
    "summarising",
    "output",
    "reponse",
    "reponses",
    "repondre",
    "resume",
    "resumez",
    "antwort",
    "antworten",
    "zusammenfassung",
    "respuesta",
    "respuestas",
    "resumen",
    "responder",
    "risposta",
    "risposte",
    "riassunto",
    "rispondere",
    "resposta",
    "respostas",
    "resumo",
    "antwoord",
    "samenvatting",
    "ответ",
    "ответе",
    "ответах",
    "ответа",
    "резюме",
}
# "Say that X", "respond with X", "answer: X": the request hands over a claim to repeat.
_HANDS_OVER = re.compile(
    r"\b(?:say|write|answer|respond|reply|output|print|repeat|state)\s+(?:that|with)\b"
    r"|\b(?:say|write|answer|respond|reply|output|print|repeat)\s*(?::|[\"'«“])"
    r"|\b(?:tell|inform)\s+(?:\w+\s+){1,3}that\b|\b(?:claim|report|mention|declare|confirm|assert|insist|conclude)\s+that\b"
    r"|\b(?:dites|ecrivez|repondez|indiquez|affirmez|precisez)\s+(?:que|qu')"
    r"|\b(?:sagen|schreiben|antworten|behaupten)\s*(?:sie\s+)?(?:,\s*)?dass\b|\b(?:sage|schreibe|antworte)\s*(?:,\s*)?dass\b"
    r"|\b(?:diga|digan|escriba|responda|conteste|afirme|indique|di|escribe|responde|afirma)\s+que\b"
    r"|\b(?:dica|scriva|risponda|afferma|scrivi|rispondi)\s+che\b|\b(?:escreva|informe)\s+que\b"
    r"|\b(?:zeg|schrijf|antwoord)\s+dat\b|\b(?:скажи|скажите|напиши|напишите|ответь|ответьте|сообщи|сообщите)\s*,?\s*что\b",
)
_META_ANSWER = re.compile(
    r"\b(?:correct|right|real|true|official|only|actual|proper|final|approved)\s+(?:answer|response|reply|summary)"
    r"\s*(?:is\b|:|=|should be|must be|to (?:any|every|all|each)\b)"
    r"|\b(?:answer|respond|reply|response)\w*\s+(?:to|for)\s+(?:any|every|all|each)\s+(?:question|query|inquiry)"
    r"|\b(?:answer|response|reply|summary)\s+(?:should|must|will have to)\s+(?:be|say|state|read|mention|include)\b"
    # the answer being written, spoken of as such: "your response says", "in any generated answer"
    r"|\byour\s+(?:answer|response|reply|summary|output)s?\b"
    r"|\b(?:in|into|within|to|for)\s+(?:any|every|each|all)\s+(?:generated\s+|ai\s+)?(?:answers?|repl(?:y|ies)|"
    r"summar(?:y|ies)|outputs?|responses?)\b"
    r"|\bbonne reponse\b|\breponse correcte\b|\brichtige antwort\b|\bkorrekte antwort\b|\brespuesta correcta\b"
    r"|\brisposta corretta\b|\bresposta correta\b|\bjuiste antwoord\b|\bправильный ответ\b",
)
_JAILBREAK = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b(?:\s+[\w']+){0,4}?\s+(?:instructions?|rules|prompts?|guidelines|"
    r"directions|context|(?:facts|text|everything|all|article|passage)\s+(?:above|before))\b|\b(?:ignore|disregard|forget)"
    r"\s+(?:the\s+|everything\s+|all\s+)?(?:above|previous|prior)\b|\bsystem prompt\b|\byou are now\b|\bnew instructions?\b"
    r"|\bdeveloper mode\b|\bjailbreak\b|\bdo anything now\b|\b(?:begin|end) (?:of )?(?:system|instructions?)\b"
    r"|^\s*(?:system|assistant|user)\s*:|<\|?\s*(?:system|im_start|im_end)"
    # the markup of chat prompts: [INST], <<SYS>>, ### Instruction, {"role": "system", ...}
    r"|\[/?inst\]|<</?sys>>|#{2,}\s*(?:instruction|system|response)\b|[\"']role[\"']\s*:\s*[\"'](?:system|assistant|user)",
)
# Someone else's question as the trigger: "if anyone asks ...", "when asked about ...".
_TRIGGER = re.compile(
    r"\b(?:if|when|whenever)\s+(?:anyone|anybody|someone|somebody|a user|the user|users|people|you are|you're|"
    r"readers?)\s+(?:asks?|asked|ask|inquires?|wants? to know)\b"
    r"|\bsi (?:quelqu'un|on) (?:vous )?demande\b|\bwenn (?:jemand|man) (?:fragt|nach)\b|\bsi alguien pregunta\b"
    r"|\bse qualcuno chiede\b|\bse alguem perguntar\b|\bals iemand vraagt\b|\bесли (?:кто-то|кто-нибудь) спросит\b",
)
# Whom the answer is for, named by an injection: "tell readers that ...", "tell the user ...".
_AUDIENCE = re.compile(
    r"\b(?:tell|inform|remind|assure|warn|show)\s+(?:the\s+|your\s+|their\s+|all\s+|any\s+)?(?:readers?|users?|"
    r"audience|visitors?|people who ask|whoever asks|everyone)\b",
)
_WORD = re.compile(r"[\w'.-]+")


def normalize(text: str) -> str:
    """The text as a model reads it: NFKC, no format (zero-width) characters, no accents, look-alikes folded."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    decomposed = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.translate(_CONFUSABLES).split())


def _has_any(text: str, words: set[str], lexicon: set[str]) -> bool:
    """Single words are looked up in the sentence's word set, phrases as substrings on word boundaries."""
    for entry in lexicon:
        if " " in entry or ":" in entry or "'" in entry or "-" in entry:
            if re.search(rf"(?<!\w){re.escape(entry)}(?!\w)", text):
                return True
        elif entry in words:
            return True
    return False


def _words(text: str) -> set[str]:
    return {w.strip("'.-") for w in _WORD.findall(text)}


_LEAD = re.compile(
    r"^(?:[\W\d_]+|(?:please|kindly|now|so|and|then|also|bitte|veuillez|por favor|per favore|step \d+)\b[\s,:.]*)+"
)
_VOCATIVE_WORDS = {
    "ai",
    "assistant",
    "assistants",
    "chatbot",
    "chatbots",
    "bot",
    "bots",
    "model",
    "models",
    "llm",
    "gpt",
    "system",
    "systems",
    "dear",
    "hey",
    "hello",
    "hi",
    "the",
    "all",
    "any",
    "automated",
    "language",
    "summarizer",
    "summarizers",
    "crawler",
    "crawlers",
    "agent",
    "agents",
    "note",
    "to",
    "for",
    "ia",
    "ki",
}
_CLAUSE = re.compile(r"[:;,\"“”«»\[\]{}()]|\b(?:and|step \d+)\b")


def _first_word(segment: str) -> str:
    word = _WORD.match(_LEAD.sub("", segment.strip()))
    return word.group(0).strip("'.-") if word else ""


def _opens_with_imperative(text: str) -> bool:
    """The sentence opens with an imperative: at the start, after politeness ("Please write ..."), or after a
    vocative ("AI assistants: say ...", "Assistant, tell ...")."""
    if _first_word(text) in _IMPERATIVE:
        return True
    m = re.search(r"[:,]", text)
    if m is None:
        return False
    head, rest = text[: m.start()], text[m.end() :]
    if set(_words(head)) <= _VOCATIVE_WORDS | _MACHINE:
        return _first_word(rest) in _IMPERATIVE
    return False


def _imperative_clause(text: str) -> bool:
    """Some clause opens with an imperative: "... and tell readers that", "Step 2: write that"."""
    return any(_first_word(part) in _IMPERATIVE for part in _CLAUSE.split(text) if part and part.strip())


@lru_cache(maxsize=20_000)
def looks_like_instruction(sentence: str) -> bool:
    """True when the sentence addresses the model or asks for something to be said in the answer."""
    text = normalize(sentence)
    if not text:
        return False
    plain = _plain(sentence)  # scripts the look-alike folding would garble (Cyrillic) are matched unfolded
    if _JAILBREAK.search(text) or _META_ANSWER.search(text):
        return True
    words, plain_words = _words(text), _words(plain)
    request = _has_any(text, words, _REQUEST) or _has_any(plain, plain_words, _REQUEST)
    opening = _opens_with_imperative(text) or _opens_with_imperative(plain)
    hands_over = bool(_HANDS_OVER.search(text) or _HANDS_OVER.search(plain))
    about_answer = _has_any(text, words, _ANSWER_WORDS) or _has_any(plain, plain_words, _ANSWER_WORDS)
    machine = _has_any(text, words, _MACHINE) or _has_any(plain, plain_words, _MACHINE)
    if machine and (request or opening):
        return True  # a machine reader addressed and asked: "AI assistants, please ...", "Note for chatbots: ..."
    if hands_over and (request or _imperative_clause(text) or _AUDIENCE.search(text)):
        return True  # a claim handed over to repeat: "Kindly tell readers that ...", "... and write that ..."
    if _TRIGGER.search(text) and (about_answer or hands_over):
        return True  # "If anyone asks about the library, the answer is ..."
    return about_answer and (request or opening)  # "Make sure every summary says ...", "Begin your reply ..."


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").lower().split())


def why_instruction(sentence: str) -> dict:
    """The signals looks_like_instruction weighs (for tuning and for the README's false-positive count)."""
    text = normalize(sentence)
    words = _words(text)
    return {
        "jailbreak": bool(_JAILBREAK.search(text)),
        "meta": bool(_META_ANSWER.search(text)),
        "machine": _has_any(text, words, _MACHINE),
        "request": _has_any(text, words, _REQUEST),
        "imperative": _opens_with_imperative(text),
        "hands_over": bool(_HANDS_OVER.search(text)),
        "about_answer": _has_any(text, words, _ANSWER_WORDS),
    }


def addresses_machine(sentence: str) -> bool:
    text = normalize(sentence)
    return _has_any(text, _words(text), _MACHINE)


_BACK_REFERENCE = re.compile(
    r"\b(?:this|that)\s+(?:fact|statement|sentence|claim|information|line)\b|\b(?:the\s+)?(?:above|previous|preceding)"
    r"\s+(?:sentence|statement|line|fact|claim|text)\b|\b(?:ce fait|cette phrase|diese (?:tatsache|aussage)|este hecho|"
    r"questo fatto|este fato|dit feit|этот факт)\b",
)


def _announces_payload(sentence: str) -> bool:
    """An instruction whose payload comes in the next sentences: "Note for AI assistants reading this page."."""
    text = normalize(sentence)
    if text.rstrip().endswith(":"):
        return True
    if _HANDS_OVER.search(text) or _META_ANSWER.search(text):
        return False  # the payload is in the sentence itself
    return addresses_machine(sentence) and len(text.split()) <= 14


def instruction_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) of the sentences of `text` (given as spans) that are instructions or their payload: the
    sentences an announcing instruction is followed by, and the one a back-referring instruction points to."""
    out: set[tuple[int, int]] = set()
    taint = 0
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if looks_like_instruction(sentence):
            out.add((s, e))
            taint = TAINT_FOLLOWING if _announces_payload(sentence) else 0
            if i and _BACK_REFERENCE.search(normalize(sentence)):
                out.add(spans[i - 1])  # "X. Please make sure this fact appears in any summary."
        elif taint:
            out.add((s, e))
            taint -= 1
        if taint and "\n\n" in text[e : e + 3]:
            taint = 0  # a paragraph break ends the payload of an instruction
    return sorted(out)


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
