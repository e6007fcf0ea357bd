"""A real OpenAI-compatible HTTP server on 127.0.0.1 for the LLM tests.

It speaks enough of `/v1/chat/completions` (JSON and SSE streaming, HTTP/1.1 chunked) for litellm's
OpenAI client, records every request it receives (body and headers), and can be told how to answer
each one: `server.script("429", "ok")` makes the first request fail with 429 and the rest succeed.

Modes: ok, 401, 429, 500, context (400 context_length_exceeded), slow (sleeps `slow_seconds`
before answering), malformed (invalid JSON / SSE data), cut (stream closed mid-way; for a
non-streaming request, a body shorter than its Content-Length), hang_stream (sends a few chunks,
then stalls), eof (a stream whose body ends at connection close, as when a simple server is
killed mid-reply: no error on the wire, just no final chunk and no [DONE]).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODES = (
    "ok",
    "401",
    "429",
    "500",
    "context",
    "slow",
    "malformed",
    "cut",
    "hang_stream",
    "eof",
)
# The API key the tests configure; asserted never to reach the log or the wire unredacted.
TEST_KEY = "sk-test-Zq8vN3kLm5Rt7Yw2Xc4Bv6Np"

DEFAULT_REPLY = (
    "- Tenure buckets: customers in their first 90 days churn differently.\n"
    "- Support-ticket rate over the last 30 days.\n"
    "- Plan downgrades as an early signal."
)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout, cut test) closes its socket: expected, not a failure.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeOpenAIServer:
    def __init__(self) -> None:
        self.reply = DEFAULT_REPLY
        self.slow_seconds = 3.0
        self.chunk_delay = 0.0  # seconds between streamed pieces (to observe streaming)
        self.finish_reason = "stop"
        self.usage = True
        self.requests: list[dict[str, Any]] = []
        self._script: deque[str] = deque()
        self._default_mode = "ok"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), _make_handler(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # -- control ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *modes: str) -> None:
        """Answer the next requests with these modes, then keep using the last one."""
        for mode in modes:
            if mode not in MODES:
                raise ValueError(f"unknown mode {mode!r}")
        with self._lock:
            self._script = deque(modes)
            self._default_mode = modes[-1] if modes else "ok"

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()
            self._default_mode = "ok"
        self.reply = DEFAULT_REPLY
        self.usage = True
        self.chunk_delay = 0.0
        self.finish_reason = "stop"

    def received_text(self) -> str:
        """Everything the server was sent, as one string: for asserting what never left."""
        return "\n".join(json.dumps(r) for r in self.requests)

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_mode(self) -> str:
        with self._lock:
            return self._script.popleft() if self._script else self._default_mode


def _make_handler(server: FakeOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        # -- helpers -------------------------------------------------------------------------
        def _send_json(
            self, status: int, payload: Any, headers: dict[str, str] | None = None
        ) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str, type_: str, code: str | None = None) -> None:
            headers = {"Retry-After": "0"} if status == 429 else None
            self._send_json(
                status,
                {"error": {"message": message, "type": type_, "param": None, "code": code}},
                headers,
            )

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _event(self, payload: Any) -> None:
            text = payload if isinstance(payload, str) else json.dumps(payload)
            self._chunk(f"data: {text}\n\n".encode())

        def _pieces(self) -> list[str]:
            words = server.reply.split(" ")
            return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]

        def _usage(self, body: dict[str, Any]) -> dict[str, int]:
            prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
            completion = len(server.reply.split())
            return {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            }

        def _delta(
            self, model: str, delta: dict[str, Any], finish: str | None = None
        ) -> dict[str, Any]:
            return {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        # -- endpoints -----------------------------------------------------------------------
        def do_GET(self) -> None:
            self._send_json(
                200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]}
            )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {"unparsed": raw.decode(errors="replace")}
            headers = {k.lower(): v for k, v in self.headers.items()}
            server.requests.append({"path": self.path, "headers": headers, "body": body})
            mode = server._next_mode()
            stream = bool(body.get("stream"))
            model = body.get("model", "test-model")

            if mode == "401":
                return self._error(
                    401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
                )
            if mode == "429":
                return self._error(
                    429, "Rate limit reached for requests.", "requests", "rate_limit_exceeded"
                )
            if mode == "500":
                return self._error(
                    500, "The server had an error while processing your request.", "server_error"
                )
            if mode == "context":
                return self._error(
                    400,
                    "This model's maximum context length is 4096 tokens. However, your messages resulted in 9000 tokens.",
                    "invalid_request_error",
                    "context_length_exceeded",
                )
            if mode == "slow" and server._stop.wait(server.slow_seconds):
                return
            if not stream:
                return self._complete(body, model, mode)
            return self._stream(body, model, mode)

        def _complete(self, body: dict[str, Any], model: str, mode: str) -> None:
            if mode == "malformed":
                payload = b'{"id": "chatcmpl-fake", "choices": [ {"message": '
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            payload = {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": server.reply},
                        "finish_reason": server.finish_reason,
                    }
                ],
            }
            if server.usage:
                payload["usage"] = self._usage(body)
            if mode == "cut":
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self._send_json(200, payload)

        def _stream(self, body: dict[str, Any], model: str, mode: str) -> None:
            if mode == "eof":
                return self._stream_until_eof(model)
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pieces = self._pieces()
            self._event(self._delta(model, {"role": "assistant", "content": ""}))
            if mode == "malformed":
                self._chunk(
                    b'data: {"id": "chatcmpl-fake", "choices": [{"delta": {"content": "Feat\n\n'
                )
                self._chunk(b"data: [DONE]\n\n")
                self._chunk(b"")
                return
            if mode in ("cut", "hang_stream"):
                for piece in pieces[: max(1, len(pieces) // 2)]:
                    self._event(self._delta(model, {"content": piece}))
                if mode == "hang_stream":
                    server._stop.wait(server.slow_seconds)
                # Close without the terminating chunk: the peer sees an incomplete body.
                self.close_connection = True
                return
            for piece in pieces:
                self._event(self._delta(model, {"content": piece}))
                if server.chunk_delay:
                    server._stop.wait(server.chunk_delay)
            self._event(self._delta(model, {}, finish=server.finish_reason))
            if server.usage and (body.get("stream_options") or {}).get("include_usage"):
                chunk = self._delta(model, {})
                chunk["choices"] = []
                chunk["usage"] = self._usage(body)
                self._event(chunk)
            self._event("[DONE]")
            self._chunk(b"")

        def _stream_until_eof(self, model: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            pieces = self._pieces()
            for piece in pieces[: max(1, len(pieces) // 2)]:
                event = json.dumps(self._delta(model, {"content": piece}))
                self.wfile.write(f"data: {event}\n\n".encode())
            self.wfile.flush()
            self.close_connection = True

    return Handler


if __name__ == "__main__":  # manual use: python tests/llm/fake_openai_server.py
    srv = FakeOpenAIServer().start()
    print(f"fake OpenAI server on {srv.api_base} (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.stop()
