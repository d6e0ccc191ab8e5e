"""Where eval runs live: one folder per run, runs/<what>-<dataset>-<split>-<UTC time>/, never overwritten."""

from __future__ import annotations

import json
import time
from pathlib import Path


def run_kind(payload: dict) -> str:
    """'answers-multihop-report': what a run measured, so runs of one kind can be found and compared."""
    return f"{payload['what']}-{payload['dataset']}-{payload.get('split') or 'all'}"


def new_run_dir(root: Path, payload: dict, now: float | None = None) -> Path:
    """A folder no earlier run uses; the UTC time in its name sorts runs of a kind oldest to newest."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    base = root / f"{run_kind(payload)}-{stamp}"
    path, n = base, 1
    while path.exists():  # two runs in the same second
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path


def previous_run(root: Path, payload: dict, exclude: Path | None = None) -> Path | None:
    """The results.json of the newest earlier run of the same kind under `root`, or None.

    A run folder left without a readable results.json (a run killed while writing) is passed over, not an error.
    """
    if not root.is_dir():
        return None
    prefix = run_kind(payload) + "-"
    # the stamp follows the kind, so the names of one kind sort by time ("-2" suffixes sort after their second)
    for folder in sorted((p for p in root.iterdir() if p.name.startswith(prefix) and p.is_dir()), reverse=True):
        if exclude is not None and folder.resolve() == exclude.resolve():
            continue
        results = folder / "results.json"
        try:
            old = json.loads(results.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(old, dict) and "summary" in old:
            return results
    return None
