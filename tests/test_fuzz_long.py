"""The long fuzz run (`make test-long`): both fuzz modules under the "long" hypothesis profile, >= 10,000 cases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_long_fuzz_run_over_every_entry_point():
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_fuzz_loaders.py",
            "tests/test_fuzz_inputs.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=6 * 3600,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    counts: dict[str, int] = {}
    for name in ("loaders", "inputs"):
        counts.update(json.loads((ROOT / "test-artifacts" / f"fuzz_{name}_long.json").read_text()))
    print(f"\nlong fuzz run: {sum(counts.values())} cases: {counts}")
    assert sum(counts.values()) >= 10_000
