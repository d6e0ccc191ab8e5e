"""Thumbs up/down on answers, appended as one JSON line each to <index>/feedback.jsonl."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

from ui.render import Turn

FEEDBACK_FILE = "feedback.jsonl"
_lock = threading.Lock()  # one process may serve many sessions; lines must not interleave


def feedback_record(turn: Turn, liked: bool | str) -> dict:
    """What one rating stores: enough to replay the question and judge the answer later."""
    a = turn.answer
    rating = "up" if liked is True else "down" if liked is False else str(liked)
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "rating": rating,
        "question": turn.question,
        "asked_as": turn.asked_as or turn.question,
        "answer": a.text,
        "refused": a.refused,
        "citations": [c.to_dict() for c in a.citations],
        "answerer": turn.answerer,
        "filters": turn.filters,
    }


def record_feedback(index_dir: str | Path, turn: Turn, liked: bool | str) -> dict:
    """Append the rating to <index_dir>/feedback.jsonl and return what was written."""
    record = feedback_record(turn, liked)
    path = Path(index_dir) / FEEDBACK_FILE
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with _lock, path.open("a", encoding="utf-8") as f:
        f.write(line)
    return record
