"""Settings, read once: env vars NEWSRAG_* override an optional newsrag.toml, which overrides defaults."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from rag.core.errors import SettingsError

# Offline by default: a model asked for by name would spend ~70 s retrying the hub, then fail.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


@dataclass(frozen=True)
class Settings:
    index: str = "index"  # index directory (embedded Chroma + keyword index + manifest)
    chroma_url: str = ""  # http://host:port of a `chroma run` server; empty = embedded
    chroma_token: str = ""  # bearer token for a Chroma server that requires auth
    data_dir: str = "../shared/data"  # benchmark data (MultiHop-RAG, SummEdits); fetched when missing
    embed_batch: int = 64
    query_encoder: str = "int8"  # int8 (ONNX, no torch: fast cold start) | fp32 (the ingest encoder itself)
    ingest_batch: int = 256  # chunks written per index transaction (smaller = less redone after a crash)
    answerer: str = "extractive"  # a name in rag.answerers.ANSWERERS: extractive | local | local-fast | ollama | openai
    llm_url: str = ""  # base URL of an Ollama / OpenAI-compatible server
    llm_model: str = ""
    gguf_path: str = ""  # a local GGUF file; empty = assemble Qwen2.5-Coder from its PyPI parts
    allow_private_fetch: int = 0  # 1 = URL/feed ingest may fetch loopback/private/link-local hosts (ingest/fetch.py)


def _coerce(value: object, like: object, where: str) -> object:
    """`value` as the type of the default `like`; a clear error naming where it came from otherwise."""
    if isinstance(like, int):
        try:
            return int(str(value).strip())
        except ValueError:
            raise SettingsError(f"{where} = {value!r} is not a whole number; set it to e.g. {like}") from None
    if not isinstance(value, str):
        raise SettingsError(f'{where} = {value!r} must be text; quote it, e.g. "{like}"')
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    defaults = Settings()
    known = {f.name for f in fields(Settings)}
    values: dict[str, object] = {}
    toml_path = Path(os.environ.get("NEWSRAG_CONFIG", "newsrag.toml"))
    if toml_path.is_file():
        try:
            with toml_path.open("rb") as f:
                table = tomllib.load(f).get("newsrag", {})
        except (tomllib.TOMLDecodeError, OSError) as exc:
            raise SettingsError(
                f"{toml_path}: cannot read it as TOML ({exc}); fix the file or set NEWSRAG_CONFIG"
            ) from None
        unknown = sorted(set(table) - known)
        if unknown:
            raise SettingsError(
                f"{toml_path}: unknown setting(s) {unknown} in [newsrag]; known: {', '.join(sorted(known))}"
            )
        for name, value in table.items():
            values[name] = _coerce(value, getattr(defaults, name), f"{toml_path} [newsrag] {name}")
    for name in known:
        env = os.environ.get(f"NEWSRAG_{name.upper()}")
        if env is not None:
            values[name] = _coerce(env, getattr(defaults, name), f"NEWSRAG_{name.upper()}")
    return Settings(**values)  # type: ignore[arg-type]  # each value was coerced to its field's type above
