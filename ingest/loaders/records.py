"""Article records in .json (an array, or one object) and .jsonl (one object per line), MultiHop-RAG shape first."""

from __future__ import annotations

import json

from ingest.loaders.common import InputError, Loaded, LoadProblem, build, clean_field, decode_utf8

# {title, author, source, published_at, category, url, body} is MultiHop-RAG's record; the rest are common aliases.
_BODY_KEYS = ("body", "text", "content")
_DATE_KEYS = ("published_at", "date", "published")
_FIELDS_HINT = "expected {title, body (or text/content), source, author, published_at (or date/published), url}"


def _record(rec: object, *, label: str, origin: str) -> Loaded:
    """One record -> its Article (plus warnings), or a fatal problem for this record only."""
    if not isinstance(rec, dict):
        yield LoadProblem(label, f"a record must be a JSON object, not {type(rec).__name__}; {_FIELDS_HINT}")
        return
    body_key = next((k for k in _BODY_KEYS if k in rec), None)
    if body_key is None:
        yield LoadProblem(label, f"no 'body' field (keys: {', '.join(map(str, list(rec)[:10]))}); {_FIELDS_HINT}")
        return
    body = rec[body_key]
    if not isinstance(body, str):
        yield LoadProblem(label, f"'{body_key}' must be a string, not {type(body).__name__}: fix this record")
        return
    if not body.strip():
        yield LoadProblem(label, f"empty '{body_key}': this record has no article text; fill it in or remove it")
        return
    date = next((rec[k] for k in _DATE_KEYS if rec.get(k) not in (None, "")), None)
    url = clean_field(rec.get("url") or rec.get("link"))
    # Without a URL the id comes from the file plus the record's own id, else its title and date, else its body:
    # stable when records are added or reordered.
    title = clean_field(rec.get("title"))
    key = clean_field(rec.get("id")) or (f"{title}\0{clean_field(date)}" if title else f"body\0{body.strip()}")
    yield from build(
        text=body,
        label=label,
        origin=origin,
        title=rec.get("title"),
        source=rec.get("source"),
        author=rec.get("author"),
        date=date,
        url=url,
        key=key,
        title_fix="add a 'title' field",
        date_fix="add 'published_at': 'YYYY-MM-DD'",
    )


def load_json(data: bytes, *, path: str) -> Loaded:
    """A .json file: an array of records (problems labelled path#N, 1-based) or a single record object."""
    text = decode_utf8(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}): fix the file (for one record per "
            "line, name it .jsonl)"
        ) from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply to read: records are flat objects") from None
    if isinstance(value, dict):
        yield from _record(value, label=path, origin=path)
        return
    if not isinstance(value, list):
        raise InputError(f"the JSON holds a {type(value).__name__}; expected an array of article records")
    if not value:
        raise InputError("the JSON array is empty: no article records to load")
    for n, rec in enumerate(value, start=1):
        yield from _record(rec, label=f"{path}#{n}", origin=path)


def load_jsonl(data: bytes, *, path: str) -> Loaded:
    """A .jsonl file: each line on its own, so one bad line (labelled path:LINE) never stops the others."""
    seen_any = False
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        start, offset = offset, offset + len(raw) + 1
        if not raw.strip():
            continue
        seen_any = True
        label = f"{path}:{number}"
        try:
            rec = json.loads(decode_utf8(raw, f"line {number}", offset=start, line=number))
        except InputError as exc:
            yield LoadProblem(label, f"{exc}")
            continue
        except json.JSONDecodeError as exc:
            yield LoadProblem(
                label, f"line {number}: invalid JSON ({exc.msg} at column {exc.colno}): fix or remove the line"
            )
            continue
        except RecursionError:
            yield LoadProblem(label, f"line {number}: JSON nested too deeply: fix or remove the line")
            continue
        yield from _record(rec, label=label, origin=path)
    if not seen_any:
        raise InputError("file is empty: add one JSON article record per line")
