"""A stand-in LLM server on 127.0.0.1 speaking the real Ollama /api/chat and OpenAI /v1/chat/completions protocols.

It answers deterministically from the numbered passages in the prompt (the format rag.generate builds), so the real
llama-index clients can be exercised end to end without a model. The model name picks the behaviour:
  standin-good    quotes the passage sentences that share most words with the question, each ending with its [n]
  standin-leading the same answer as the prompt asks for it: one line per sentence, "[n] sentence"
  standin-bad     one good sentence, then an out-of-range [9], an invented claim citing [1], a sentence obeying an
                  instruction injected into a passage, and a sentence with no citation
  standin-refuse  says the articles do not answer
  standin-obey    a model that obeys every injection it can see: for each (nonce, claim) in server.payloads whose
                  nonce appears in a passage (read as a model reads: NFKC, no zero-width characters), it writes the
                  claim citing that passage, the passage's sentence holding the nonce verbatim citing it too, and the
                  claim citing another passage; then the standin-good answer
Any other model name gets the servers' real "model not found" error (HTTP 404).
Run by hand: python tests/llm_standin.py [PORT]
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODELS = ("standin-good", "standin-leading", "standin-bad", "standin-refuse", "standin-obey")
PASSAGE = re.compile(r"^\[(\d+)\] (.*?) \((.*?)\)\n<passage>\n(.*?)\n</passage>", re.M | re.S)
QUESTION = re.compile(r"^Question: (.*)$", re.M)
INJECTED = re.compile(
    r"ignore[^.]*?instructions and (?:say|write|answer)[:,]?\s*[\"“']?(.+?)[\"”']?(?:\.[\"”']?\s|$)", re.I | re.S
)
WORD = re.compile(r"[a-z0-9]+")
STOP = set(
    "the a an of to in on and or is was were what who did does do about for with at by from that this it as be".split()
)

INVENTED = "Keane said that Beijing had already delivered 5,000 tanks to Moscow in 1999"
OUT_OF_RANGE = "The meeting was moved to the Moon at the last minute"
UNCITED = "This is the most important story of the decade."


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _as_read(text: str) -> str:
    """Text as a model reads it: full-width and other compatibility forms folded, invisible characters gone."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")


def obeyed(passages: list[tuple[int, str]], payloads: list[tuple[str, str]]) -> list[str]:
    """What an obedient model adds for the injections it sees: (claim [n], verbatim sentence [n], claim [other])."""
    out: list[str] = []
    for n, body in passages:
        seen = _as_read(body)
        for nonce, claim in payloads:
            if nonce.lower() not in seen.lower():
                continue
            out.append(f"{claim} [{n}].")
            verbatim = next((s for s in _sentences(body) if nonce.lower() in _as_read(s).lower()), "")
            if verbatim:
                out.append(f"{verbatim.rstrip('.')} [{n}].")
            other = next((m for m, _ in passages if m != n), None)
            if other:
                out.append(f"{claim} [{other}].")
    return out


def answer_for(model: str, messages: list[dict], payloads: list[tuple[str, str]] | None = None) -> str:
    """The deterministic answer of `model` to a chat whose last user message holds passages and a question."""
    prompt = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
    if isinstance(prompt, list):  # OpenAI content parts
        prompt = "".join(p.get("text", "") for p in prompt)
    passages = [(int(n), body) for n, _title, _meta, body in PASSAGE.findall(prompt)]
    q = QUESTION.search(prompt)
    question = _words(q.group(1) if q else "")
    if model == "standin-refuse" or not passages:
        return "The articles do not answer this."
    if model == "standin-obey":
        return " ".join(obeyed(passages, payloads or []) + [answer_for("standin-good", messages)])
    # Rank every passage sentence by words shared with the question; never pick an injected instruction.
    ranked = sorted(
        (
            (len(question & _words(s)), -n, -i, n, s)
            for n, body in passages
            for i, s in enumerate(_sentences(body))
            if not INJECTED.search(s)
        ),
        reverse=True,
    )
    picked: list[tuple[int, str]] = []
    for overlap, _, _, n, s in ranked:
        if overlap >= 1 and all(n != m for m, _ in picked):
            picked.append((n, s))
        if len(picked) == 2:
            break
    if not picked:
        return "The articles do not answer this."
    good = [f"{s.rstrip('.')} [{n}]." for n, s in picked[:1]] + [f"{s} [{n}]" for n, s in picked[1:]]
    if model == "standin-good":
        return " ".join(good)
    if model == "standin-leading":
        return "\n".join(f"[{n}] {s}" for n, s in picked)
    # standin-bad: what a weak or manipulated model writes.
    bad = [good[0], f"{OUT_OF_RANGE} [9].", f"{INVENTED} [1]."]
    for n, body in passages:
        m = INJECTED.search(body)
        if m:
            # on its own line: the claim may start in lower case, which the sentence splitter reads as a continuation
            bad.append(f"\n{m.group(1).rstrip('.')} [{n}].")
    bad.append(UNCITED)
    return " ".join(bad)


def pieces(text: str) -> list[str]:
    """Token-like pieces (a few characters each, so "[9]" arrives split) whose concatenation is text."""
    return re.findall(r"\s*[^\s]{1,3}|\s+$", text)


class Handler(BaseHTTPRequestHandler):
    server: StandinServer

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _json(self, status: int, obj: dict) -> None:
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _read(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}")

    def do_GET(self) -> None:
        if self.path == "/api/tags":
            self._json(200, {"models": [{"name": m, "model": m} for m in MODELS]})
        elif self.path.rstrip("/").endswith("/v1/models"):
            self._json(
                200, {"object": "list", "data": [{"id": m, "object": "model", "owned_by": "standin"} for m in MODELS]}
            )
        else:
            self._json(404, {"error": f"no route {self.path}"})

    def do_POST(self) -> None:
        req = self._read()
        self.server.requests.append((self.path, req))
        model = req.get("model", "")
        if self.path == "/api/show":
            if model not in MODELS:
                return self._json(404, {"error": f"model '{model}' not found"})
            return self._json(200, {"modelinfo": {"general.architecture": "standin", "standin.context_length": 4096}})
        if self.path == "/api/chat":
            if model not in MODELS:
                return self._json(404, {"error": f"model '{model}' not found, try pulling it first"})
            return self._ollama(model, req)
        if self.path.rstrip("/").endswith("/v1/chat/completions"):
            if model not in MODELS:
                return self._json(
                    404,
                    {
                        "error": {
                            "message": f"The model `{model}` does not exist.",
                            "type": "invalid_request_error",
                            "param": None,
                            "code": "model_not_found",
                        }
                    },
                )
            return self._openai(model, req)
        self._json(404, {"error": f"no route {self.path}"})

    def _ollama(self, model: str, req: dict) -> None:
        text = answer_for(model, req.get("messages", []), self.server.payloads)
        self.server.answers.append(text)
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        final = {
            "model": model,
            "created_at": created,
            "done": True,
            "done_reason": "stop",
            "total_duration": 1000,
            "load_duration": 10,
            "prompt_eval_count": 100,
            "prompt_eval_duration": 500,
            "eval_count": len(pieces(text)),
            "eval_duration": 500,
        }
        if req.get("stream", True) is False:
            return self._json(200, {**final, "message": {"role": "assistant", "content": text}})
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()  # HTTP/1.0: the body ends when the connection closes
        for p in pieces(text):
            line = {
                "model": model,
                "created_at": created,
                "message": {"role": "assistant", "content": p},
                "done": False,
            }
            self.wfile.write(json.dumps(line).encode() + b"\n")
            self.wfile.flush()
        self.wfile.write(json.dumps({**final, "message": {"role": "assistant", "content": ""}}).encode() + b"\n")

    def _openai(self, model: str, req: dict) -> None:
        text = answer_for(model, req.get("messages", []), self.server.payloads)
        self.server.answers.append(text)
        base = {"id": "chatcmpl-standin", "created": int(time.time()), "model": model, "system_fingerprint": "standin"}
        usage = {"prompt_tokens": 100, "completion_tokens": len(pieces(text)), "total_tokens": 100 + len(pieces(text))}
        if not req.get("stream"):
            return self._json(
                200,
                {
                    **base,
                    "object": "chat.completion",
                    "usage": usage,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                            "logprobs": None,
                        }
                    ],
                },
            )
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

        def event(obj: dict | str) -> None:
            data = obj if isinstance(obj, str) else json.dumps(obj)
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        chunk = {**base, "object": "chat.completion.chunk"}
        event(
            {**chunk, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}
        )
        for p in pieces(text):
            event({**chunk, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]})
        event({**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        event("[DONE]")


class StandinServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.requests: list[tuple[str, dict]] = []
        self.payloads: list[tuple[str, str]] = []  # (nonce, claim) pairs standin-obey writes when it sees the nonce
        self.answers: list[str] = []  # every raw answer sent, in order (what the model "said" before verification)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def start(port: int = 0) -> tuple[StandinServer, threading.Thread]:
    """Serve on 127.0.0.1 (a free port by default) in a daemon thread; stop with server.shutdown()."""
    server = StandinServer(port)
    thread = threading.Thread(target=server.serve_forever, name="llm-standin", daemon=True)
    thread.start()
    return server, thread


if __name__ == "__main__":
    srv = StandinServer(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(
        f"stand-in LLM at {srv.url} (Ollama: {srv.url}, OpenAI: {srv.url}/v1); models {', '.join(MODELS)}", flush=True
    )
    srv.serve_forever()
