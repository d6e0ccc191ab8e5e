"""The answerer menu of the web page: labels from the registry, and a plain note on whether each can run here."""

from __future__ import annotations

from rag.answerers import ANSWERERS, DEFAULT_ANSWERER, why_unavailable


def answerer_choices() -> list[tuple[str, str]]:
    """(label, name) pairs for the menu; the ones that cannot run here say so in their label."""
    return [
        (spec.label if why_unavailable(name) is None else f"{spec.label} (not set up here)", name)
        for name, spec in ANSWERERS.items()
    ]


def answerer_note(name: str | None) -> str:
    """Markdown under the answerer menu."""
    name = name or DEFAULT_ANSWERER
    if name == DEFAULT_ANSWERER:
        return "Answers are sentences quoted from the articles, each cited."
    reason = why_unavailable(name)
    if reason:
        return f"⚠️ **Unavailable here**: {reason}. Questions will fail until then; choose *Extractive* to keep going."
    extra = (
        " The first answer loads the model (about a minute)."
        if name.startswith("local")
        else " The server is contacted when you ask."
    )
    return (
        "The checked parts decide the answer (Yes / No / the name) and the LLM words it from their quotes; each "
        "sentence it writes is shown only once the quote it cites supports it." + extra
    )
