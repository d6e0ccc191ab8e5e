"""The two builds of all-MiniLM-L6-v2: the int8 query encoder must stand in for the fp32 one, and keep torch out."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

from rag.core.embedder import Int8Embedder, get_embedder, int8_model_path
from rag.core.errors import ModelError
from tests.conftest import CANONICAL_QUESTION, ROOT, run_cli

TEXTS = [
    CANONICAL_QUESTION,
    "Keane referred to China and Russia as strategic partners.",
    (
        "The central bank raised interest rates by a quarter point on Wednesday, its fourth increase this year, "
        "citing inflation that remains well above target despite a slowdown in consumer spending."
    ),
    "Shares fell.",
]


@pytest.fixture(scope="module")
def int8() -> Int8Embedder:
    return Int8Embedder()


def test_int8_vectors_match_fp32_ones(int8: Int8Embedder) -> None:
    cosine = (int8.encode(TEXTS) * get_embedder().encode(TEXTS)).sum(axis=1)
    assert cosine.min() > 0.99, cosine


def test_int8_vectors_do_not_depend_on_batch_order_or_padding(int8: Int8Embedder) -> None:
    together = int8.encode(TEXTS)
    alone = np.vstack([int8.encode([t]) for t in TEXTS])
    reversed_ = int8.encode(TEXTS[::-1])[::-1]
    assert np.allclose(together, alone, atol=1e-5) and np.allclose(together, reversed_, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert int8.encode([]).shape == (0, 384)


def test_a_long_text_is_cut_at_256_word_pieces_like_fp32(int8: Int8Embedder) -> None:
    # the tokenizer file says 128; reading only 128 pieces would make long passages differ from the index
    long_text = " ".join(TEXTS[2] for _ in range(12))
    cosine = float(int8.encode([long_text])[0] @ get_embedder().encode([long_text])[0])
    assert cosine > 0.99


def test_a_different_onnx_file_is_refused(tmp_path) -> None:
    forged = tmp_path / "model.onnx"
    shutil.copyfile(int8_model_path(), forged)
    with forged.open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="NEWSRAG_QUERY_ENCODER=fp32"):
        Int8Embedder(forged)


def test_asking_never_loads_torch(seed_index) -> None:
    # torch + sentence-transformers cost ~5 s of a cold `newsrag ask`; the question path must not need them
    code = (
        "import sys; from rag.assistant import Assistant; "
        f"a = Assistant.open({str(seed_index)!r}).ask({CANONICAL_QUESTION!r}); "
        "assert not a.refused, a.text; "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'nltk') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_an_unknown_query_encoder_setting_is_a_clear_cli_error(seed_index) -> None:
    done = run_cli("ask", CANONICAL_QUESTION, "--index", str(seed_index), env={"NEWSRAG_QUERY_ENCODER": "fp16"})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "NEWSRAG_QUERY_ENCODER" in done.stderr and "int8, fp32" in done.stderr
