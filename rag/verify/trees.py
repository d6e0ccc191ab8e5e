"""Boosted trees stored as JSON, evaluated in numpy: what the trained verifiers ship instead of a pickle, so that
answering needs neither sklearn nor torch. The trainers (evals.train.faithfulness, evals.train.verifier) export
sklearn's HistGradientBoosting trees to this shape."""

from __future__ import annotations

from typing import Any

import numpy as np


class TreeModel:
    """`{"init", "learning_rate" (default 1), "trees": [{"left", "right", "feature", "threshold", "value"}]}`."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.init = float(spec["init"])
        self.rate = float(spec.get("learning_rate", 1.0))
        self.trees = [{k: np.array(v) for k, v in t.items()} for t in spec["trees"]]

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The summed tree values (log-odds) for each row."""
        out = np.full(len(x), self.init)
        rows = np.arange(len(x))
        for t in self.trees:
            node = np.zeros(len(x), dtype=int)
            for _ in range(64):  # depth bound; a leaf (left child -1) stops moving
                left = t["left"][node]
                leaf = left < 0
                if leaf.all():
                    break
                go_left = x[rows, t["feature"][node]] <= t["threshold"][node]
                node = np.where(leaf, node, np.where(go_left, left, t["right"][node]))
            out += self.rate * t["value"][node]
        return out

    def predict(self, x: np.ndarray) -> np.ndarray:
        """P(positive class) for each row."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.raw(x), -30, 30)))
