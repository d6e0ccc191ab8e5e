"""Plain-text and Markdown articles, with optional YAML front matter between `---` lines."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ingest.loaders.common import InputError, Loaded, LoadProblem, build, clean_text

# The front matter block: "---" on the first line, YAML, then a closing "---" (or "...") line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEYS = {"title", "source", "author", "published", "published_at", "date", "url"}
_DATE_KEYS = ("published_at", "published", "date")


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text: `date: 0000-00-00` matches YAML's timestamp pattern but is no
    date Python can hold (found by fuzzing); ingest/dates.py reads date text anyway."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(node.value)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def split_front_matter(text: str, label: str) -> tuple[dict, str, list[LoadProblem]]:
    """Return (metadata, body, warnings); a file without front matter is all body."""
    text = clean_text(text)  # newlines as \n, so the pattern below matches Windows files too
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    try:
        meta = yaml.load(match.group(1) or "", Loader=_FrontMatterLoader) or {}  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""  # +2: 0-based, after the opening ---
        raise InputError(
            f"the front matter is not valid YAML{line} ({getattr(exc, 'problem', None) or exc}): fix it, or remove "
            "the block between the --- lines"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(
            "the front matter is not a list of `key: value` lines (e.g. `title: ...`, `published: 2023-02-19`): "
            "fix it, or remove the block between the --- lines"
        )
    warnings: list[LoadProblem] = []
    clean: dict = {}
    for key, value in meta.items():
        name = str(key).strip().lower()
        if name not in _KEYS:
            continue
        # Only scalars: a list or mapping (e.g. YAML alias bombs) is never expanded into a title.
        if isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool):
            clean[name] = value
        elif value is not None:
            warnings.append(
                LoadProblem(label, f"front matter `{name}` is a {type(value).__name__}, not text; ignored", False)
            )
    return clean, text[match.end() :], warnings


def load_text(text: str, *, label: str, origin: str, stem: str) -> Loaded:
    """One article from the decoded contents of a .txt/.md file (or a text/plain URL)."""
    meta, body, warnings = split_front_matter(text, label)
    yield from warnings
    if not clean_text(body).strip():
        raise InputError("no article text after the front matter: add the text below the closing ---")
    date = next((meta[k] for k in _DATE_KEYS if k in meta), None)
    yield from build(
        text=body,
        label=label,
        origin=origin,
        title=meta.get("title", ""),
        source=meta.get("source", ""),
        author=meta.get("author", ""),
        date=date,
        url=meta.get("url", ""),
        fallback_title=stem,
        title_fix="add `title: ...` in front matter between --- lines at the top",
        date_fix="add `published: YYYY-MM-DD` in front matter between --- lines at the top",
    )
