"""The layer rule, read from the source with `ast`, imports inside functions included (import-linter checks the same
contract in `make lint`; this test also runs in `make test` and says why an import inside a function is there).

- Layers point one way: ui > evals > ingest > rag. rag.core (types, errors, settings, text, store, embedder) imports
  nothing from the rest of rag.
- Only rag/core/store.py touches SQLite or Chroma.
- An import inside a function defers a heavy or optional dependency, named in DEFERRED with the reason; anything else
  belongs at the top of the module, where a cycle cannot hide.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("rag", "ingest", "evals", "ui")
RANK = {"rag": 0, "ingest": 1, "evals": 2, "ui": 3}  # a module may import from its own rank or below

# Import times measured with `python -X importtime` on the 2-core dev machine (busy, so upper figures).
DEFERRED = {
    "torch": "~3 s to import; questions never load it (int8 ONNX encoder), only ingest and training do",
    "sentence_transformers": "imports torch (~3 s and more): only the fp32 passage encoder needs it",
    "onnxruntime": "~0.3 s; loaded when a question is first embedded, so `stats` and ingest never pay it",
    "chromadb": "~1.7 s; opened only when the dense side is first used",
    "llama_cpp": "the optional llm extra (source build); only the local generator needs it",
    "llama_index": "~3-5 s and partly the optional llm extra: the LLM clients and the naive-recipe baseline only",
    "gradio": "~6 s; only the web UI",
    "playwright": "the test extra; only the browser tests",
    "sklearn": "~3 s; only training and the scorer's metrics",
    "trafilatura": "~0.4 s; only HTML files and URLs need it",
    "httpx": "~0.3 s; only when benchmark data must be downloaded",
}

# The console script dispatches to one subcommand per run: each imports what that subcommand needs, so a cold
# `newsrag ask` does not load the ingest loaders (~0.4 s), the UI (gradio, ~6 s) or the eval suite.
DISPATCHERS = {"ui/cli.py"}

# Imports inside functions still to be moved to the top of their module (or justified in DEFERRED). The list only
# shrinks: a new entry fails the test, and so does an entry that is gone (delete it here).
PENDING: dict[str, set[str]] = {}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the root, with forward slashes
    line: int
    module: str  # absolute, e.g. "rag.core.store"
    function: str | None  # the enclosing function, or None at module level


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(root: Path, path: Path) -> list[Import]:
    """Every import in one file, relative ones made absolute; `from a import b` names a.b when b is a module."""
    rel = path.relative_to(root).as_posix()
    package = module_name(root, path) if path.name == "__init__.py" else module_name(root, path).rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name if function is None else f"{function}.{child.name}")
                continue
            if isinstance(child, ast.Import):
                found.extend(Import(rel, child.lineno, alias.name, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    is_module = (root / Path(*sub.split("."))).is_dir() or (root / Path(*sub.split("."))).with_suffix(
                        ".py"
                    ).is_file()
                    found.append(Import(rel, child.lineno, sub if is_module else base, function))
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=rel), None)
    return found


def all_imports(root: Path) -> list[Import]:
    return [
        imp for package in PACKAGES for path in sorted((root / package).rglob("*.py")) for imp in imports_of(root, path)
    ]


def top(module: str) -> str:
    return module.split(".")[0]


def upward_imports(imports: list[Import]) -> list[str]:
    """Each import that points up a layer, or out of rag.core into the rest of rag."""
    bad = []
    for imp in imports:
        importer = imp.path.removesuffix(".py").replace("/", ".")
        if top(imp.module) not in RANK:
            continue
        if RANK[top(imp.module)] > RANK[top(importer)]:
            bad.append(f"{imp.path}:{imp.line} imports {imp.module} ({top(importer)} is below {top(imp.module)})")
        elif importer.startswith("rag.core") and top(imp.module) == "rag" and not imp.module.startswith("rag.core"):
            bad.append(f"{imp.path}:{imp.line} imports {imp.module} (rag.core imports nothing from the rest of rag)")
    return bad


def storage_imports(imports: list[Import]) -> list[str]:
    """Imports of SQLite or Chroma outside the Store. The speed harness's naive llama-index baseline builds its own
    Chroma collection on purpose: it measures the recipe newsrag replaces, never newsrag's index."""
    allowed = {"rag/core/store.py", "evals/bench/harness.py"}
    return [
        f"{imp.path}:{imp.line} imports {imp.module}"
        for imp in imports
        if top(imp.module) in {"sqlite3", "chromadb"} and imp.path not in allowed
    ]


def is_justified(imp: Import) -> bool:
    if any(imp.module == name or imp.module.startswith(name + ".") for name in DEFERRED):
        return True
    if imp.path in DISPATCHERS and top(imp.module) in RANK:
        return True
    # PEP 562: a package's __getattr__ exports a heavy name lazily so that importing the package stays light
    return imp.path.endswith("__init__.py") and imp.function == "__getattr__"


def unjustified_deferred_imports(imports: list[Import]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for imp in imports:
        if imp.function is not None and not is_justified(imp):
            out.setdefault(imp.path, set()).add(imp.module)
    return out


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return all_imports(ROOT)


def test_every_import_points_down_the_layers(imports):
    assert len({imp.path for imp in imports}) >= 40  # the walk found the packages
    assert upward_imports(imports) == []


def test_only_the_store_touches_sqlite_or_chroma(imports):
    assert storage_imports(imports) == []


def test_imports_inside_functions_defer_a_heavy_or_optional_dependency(imports):
    found = unjustified_deferred_imports(imports)
    new = {path: sorted(mods - PENDING.get(path, set())) for path, mods in found.items()}
    new = {path: mods for path, mods in new.items() if mods}
    where = {
        f"{imp.path}:{imp.line} {imp.module}"
        for imp in imports
        if imp.function is not None and imp.module in new.get(imp.path, [])
    }
    assert not new, (
        "imports inside functions that defer nothing heavy: move them to the top of the module, or "
        f"add the dependency to DEFERRED with the reason: {sorted(where)}"
    )
    gone = {path: sorted(mods - found.get(path, set())) for path, mods in PENDING.items() if (ROOT / path).is_file()}
    gone = {path: mods for path, mods in gone.items() if mods}
    assert not gone, f"fixed, so delete them from PENDING in tests/test_layers.py: {gone}"


def _write(root: Path, rel: str, source: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")


def test_the_checks_catch_what_they_are_for(tmp_path):
    """A small tree with one of each mistake: the same functions that check the repository must flag every one."""
    for package in PACKAGES:
        _write(tmp_path, f"{package}/__init__.py", "")
    _write(tmp_path, "rag/core/__init__.py", "")
    _write(tmp_path, "ui/app.py", "")
    _write(tmp_path, "ingest/index.py", "")
    _write(tmp_path, "rag/assistant.py", "def ask():\n    from ui import app\n    import torch\n")
    _write(tmp_path, "rag/core/types.py", "from ..assistant import ask\n")
    _write(
        tmp_path, "ingest/loaders.py", "import sqlite3\nfrom .index import x\n\ndef load():\n    from . import index\n"
    )
    _write(tmp_path, "evals/ok.py", "from rag.core import types\nfrom ingest import index\n")
    found = all_imports(tmp_path)
    assert sorted(upward_imports(found)) == [
        "rag/assistant.py:2 imports ui.app (rag is below ui)",
        "rag/core/types.py:1 imports rag.assistant (rag.core imports nothing from the rest of rag)",
    ]
    assert storage_imports(found) == ["ingest/loaders.py:1 imports sqlite3"]
    assert unjustified_deferred_imports(found) == {
        "rag/assistant.py": {"ui.app"},
        "ingest/loaders.py": {"ingest.index"},
    }
