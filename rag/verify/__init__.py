"""One question, one interface: does this passage (or these passages) support this claim?

`verify(claim, passages) -> Verdict` answers it with the default verifier; `get_verifier(name)` gives a named one.
LLM answers drop the sentences their passages do not support, and the eval suite scores faithfulness and citations,
by asking through here, so both ask the same question the same way.

Registered verifiers:
- "lexical": weighted content-word coverage with number/name/negation penalties (rag/verify/lexical.py); fast,
  deterministic; what LLM answer sentences are checked with (threshold 0.55).
- "features": the SummEdits-trained boosted trees over MiniLM alignment features (rag/verify/features.py); what the
  eval suite's faithfulness judge uses.
- "trained": three-way (supported / contradicted / not mentioned) trees over claim-to-window alignment and mismatch
  features, trained on synthetic edits of news sentences plus the seven non-news SummEdits domains
  (rag/verify/trained.py, docs/verifier.md). Not the default: on SummEdits news it ranks a little better than
  "features" (AUC 0.671 vs 0.661) but its threshold transfers worse (balanced accuracy 0.601 vs 0.630).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, Protocol

Label = Literal["supported", "contradicted", "not_mentioned"]


@dataclass(frozen=True)
class Span:
    """passages[passage][start:end] is the text that decided a verdict."""

    passage: int
    start: int
    end: int


@dataclass(frozen=True)
class Verdict:
    """label: what the passages say about the claim; score in [0, 1]: how well they support it; span: the deciding
    text (None when no passage text bears on the claim)."""

    label: Label
    score: float
    span: Span | None

    @property
    def supported(self) -> bool:
        return self.label == "supported"


class Verifier(Protocol):
    name: str

    def verify(self, claim: str, passages: Sequence[str]) -> Verdict: ...


# The one switch: the verifier `verify()` and every caller asking for "default" get. Callers that used another check
# before this interface ask by role and keep it until one verifier is good at both: point a role at "default" (or
# empty ROLE_VERIFIERS) and it follows DEFAULT_VERIFIER.
DEFAULT_VERIFIER = "lexical"
ROLE_VERIFIERS: dict[str, str] = {
    "answers": "default",  # LLM answer sentences: the lexical check with its 0.55 threshold
    "evals": "features",  # the eval suite's faithfulness judge: the SummEdits-trained scorer
}

# name -> "module:attribute" of a zero-argument factory, imported on first use: the features verifier loads its
# trees and MiniLM, which a caller of the lexical check never needs.
_REGISTRY: dict[str, str | Callable[[], Verifier]] = {
    "lexical": "rag.verify.lexical:LexicalVerifier",
    "features": "rag.verify.features:FeaturesVerifier",
    "trained": "rag.verify.trained:TrainedVerifier",
}


class AllOf:
    """Supported only when every verifier given finds the claim supported: for sentences a model writes in its own
    words, so that no one check's blind spot (word overlap that misses a changed meaning, a scorer that misses a
    paraphrase) decides alone. The verdict and span are the first verifier's, or the first refusing one's."""

    def __init__(self, *verifiers: Verifier) -> None:
        self.verifiers = verifiers
        self.name = "+".join(v.name for v in verifiers)
        self.threshold = getattr(verifiers[0], "threshold", "its threshold")

    def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
        first = self.verifiers[0].verify(claim, passages)
        if not first.supported:
            return first
        for other in self.verifiers[1:]:
            verdict = other.verify(claim, passages)
            if not verdict.supported:
                return Verdict(verdict.label, verdict.score, verdict.span or first.span)
        return first


def register(name: str, factory: str | Callable[[], Verifier]) -> None:
    """Make a verifier available as `name` ("module:attribute" or a callable returning a Verifier)."""
    _REGISTRY[name] = factory
    _instance.cache_clear()


def resolve(name: str = "default") -> str:
    """The registered verifier name that `name` (a verifier, a role, or "default") stands for."""
    seen: list[str] = []
    while name not in _REGISTRY:
        if name in seen:
            raise ValueError(f"verifier names loop: {' -> '.join(seen + [name])}")
        seen.append(name)
        if name == "default":
            name = DEFAULT_VERIFIER
        elif name in ROLE_VERIFIERS:
            name = ROLE_VERIFIERS[name]
        else:
            known = sorted({*_REGISTRY, *ROLE_VERIFIERS, "default"})
            raise ValueError(f"unknown verifier {name!r}: choose one of {', '.join(known)}")
    return name


def get_verifier(name: str = "default") -> Verifier:
    """The verifier registered as `name`, a role's ("answers", "evals") or the default's; one instance per verifier."""
    return _instance(resolve(name))


@cache
def _instance(name: str) -> Verifier:
    factory = _REGISTRY[name]
    if isinstance(factory, str):
        module, attribute = factory.split(":")
        factory = getattr(importlib.import_module(module), attribute)
    return factory()


def verify(claim: str, passages: Sequence[str]) -> Verdict:
    """Does `passages` support `claim`? Asked of the default verifier."""
    return get_verifier("default").verify(claim, passages)
