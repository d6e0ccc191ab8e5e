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

.PHONY: chat test test-long install install-test index eval bench clean

# The venv is rebuilt when pyproject.toml changes; the stamp records what was installed.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install -q -e ".[test,llm]"
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

test: install-test
	$(BIN)/python -m pytest -q -ra

# Long trials (kill-and-resume over MultiHop-RAG, concurrency soak): `make test-long`.
test-long: install-test
	$(BIN)/python -m pytest -q -ra -m slow

eval: install
	$(BIN)/newsrag eval retrieval --dataset multihop

bench: install
	$(BIN)/newsrag bench

clean:
	rm -rf $(VENV) $(INDEX) runs test-artifacts
