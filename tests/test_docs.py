"""The README and docs/ stay true to the repository: relative links resolve, every `python -m MODULE` they name
exists, they cite nothing outside the repo (branches, issues, notes; ../shared/docs/models.md may be named as living
beside it), and the tree in docs/architecture.md names every module of rag/, ingest/, evals/ and ui/ and none that
is gone."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("rag", "ingest", "evals", "ui")

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
PYTHON_M = re.compile(r"python3? -m ([A-Za-z_][\w.]*)")
OUTSIDE = {
    "a git branch": re.compile(r"\bbranch(es)?\b", re.IGNORECASE),
    "an issue": re.compile(r"\bissues? #?\d+", re.IGNORECASE),
    "models.md outside ../shared/docs": re.compile(r"(?<!\.\./shared/docs/)\bmodels\.md"),
}


def doc_files(root: Path) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def broken_links(path: Path) -> list[str]:
    bad = []
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a URL (http:, mailto:, ...) or an anchor in the same page
        if not (path.parent / target.split("#")[0]).exists():
            bad.append(f"{path.name}: {target}")
    return bad


def module_exists(root: Path, name: str) -> bool:
    if name.split(".")[0] in PACKAGES:
        base = root.joinpath(*name.split("."))
        return base.with_suffix(".py").is_file() or (base / "__main__.py").is_file()
    return importlib.util.find_spec(name) is not None


def missing_modules(root: Path, path: Path) -> list[str]:
    names = sorted(set(PYTHON_M.findall(path.read_text(encoding="utf-8"))))
    return [f"{path.name}: python -m {n}" for n in names if not module_exists(root, n.rstrip("."))]


def outside_references(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [
        f"{path.name}:{text.count(chr(10), 0, m.start()) + 1} cites {what}: {m.group(0)!r}"
        for what, pattern in OUTSIDE.items()
        for m in pattern.finditer(text)
    ]


def tree_modules(architecture: str) -> set[str]:
    """Paths named by the first code block after '## The tree' (two spaces of indent per folder level)."""
    block = architecture.split("## The tree", 1)[1].split("```", 2)[1]
    stack: list[str] = []
    found = set()
    for line in block.splitlines()[1:]:
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        stack = stack[:depth]
        if name.endswith("/"):
            stack.append(name.rstrip("/"))
        else:
            found.add("/".join([*stack, name]))
    return found


def package_modules(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for package in PACKAGES for p in (root / package).rglob("*.py")}


def test_relative_links_resolve():
    assert [bad for path in doc_files(ROOT) for bad in broken_links(path)] == []


def test_python_m_commands_name_modules_that_exist():
    named = [n for path in doc_files(ROOT) for n in PYTHON_M.findall(path.read_text(encoding="utf-8"))]
    assert "evals.train.ranker" in named  # the README names its commands; an empty list would prove nothing
    assert [bad for path in doc_files(ROOT) for bad in missing_modules(ROOT, path)] == []


def test_docs_cite_nothing_outside_the_repo():
    assert [bad for path in doc_files(ROOT) for bad in outside_references(path)] == []


def test_the_architecture_tree_names_every_module():
    tree = tree_modules((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"))
    modules = package_modules(ROOT)
    assert sorted(modules - tree) == [], "modules missing from the tree in docs/architecture.md"
    assert sorted(tree - modules) == [], "the tree in docs/architecture.md names modules that are gone"


def test_the_checks_catch_what_they_are_for(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "rag").mkdir()
    (tmp_path / "rag" / "real.py").write_text("")
    (tmp_path / "docs" / "here.md").write_text("")
    readme = tmp_path / "README.md"
    readme.write_text(
        "[ok](docs/here.md#part) [gone](docs/gone.md) ![img](docs/none.png) [web](https://example.org/x) [a](#use)\n"
        "`python -m rag.real` and `python -m rag.unreal`, `python -m json.tool`, `python -m no_such_module_here`\n"
        "see branch `x`, issue #4 and models.md; ../shared/docs/models.md is fine\n"
    )
    assert broken_links(readme) == ["README.md: docs/gone.md", "README.md: docs/none.png"]
    assert missing_modules(tmp_path, readme) == [
        "README.md: python -m no_such_module_here",
        "README.md: python -m rag.unreal",
    ]
    assert [line.split(" cites ")[1].split(":")[0] for line in outside_references(readme)] == [
        "a git branch",
        "an issue",
        "models.md outside ../shared/docs",
    ]
    tree = "## The tree\n```\nrag/\n  real.py  what it is\n  core/\n    gone.py  x\nui/\n  app.py  y\n```\n"
    assert tree_modules(tree) == {"rag/real.py", "rag/core/gone.py", "ui/app.py"}
