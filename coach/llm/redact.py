"""Remove secrets and e-mail addresses from text before it leaves the machine.

Repository findings, dataset facts and earlier turns can carry API keys, passwords in connection
strings or people's addresses. Everything Coach sends to a model passes through `redact` first;
the placeholder names the kind of secret so the model (and the `--show-prompt` reader) still sees
that something was there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pydantic import BaseModel, Field


class Redacted(BaseModel):
    text: str
    counts: dict[str, int] = Field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _placeholder(kind: str) -> str:
    return f"[REDACTED:{kind}]"


# Values that name a secret rather than hold one (`api_key = os.environ["KEY"]`) are left alone.
_REFERENCE = re.compile(
    r"^(?:os\.|getenv|environ|env\(|settings\.|config\.|None$|null$|true$|false$|\$\{?[A-Z_]+|\[REDACTED)",
    re.IGNORECASE,
)

_Replacer = Callable[[re.Match[str]], str]


def _whole(kind: str) -> _Replacer:
    return lambda m: _placeholder(kind)


def _assignment(m: re.Match[str]) -> str:
    quoted = m.group("dq") if m.group("dq") is not None else m.group("sq")
    value = quoted if quoted is not None else m.group("bare")
    if _REFERENCE.match(value) or len(value) < 3:
        return m.group(0)
    quote = '"' if m.group("dq") is not None else "'" if m.group("sq") is not None else ""
    return f"{m.group('name')}{m.group('sep')}{quote}{_placeholder('secret')}{quote}"


def _connection(m: re.Match[str]) -> str:
    return f"{m.group('scheme')}{m.group('user')}:{_placeholder('password')}@"


# Order matters: whole blocks and URLs first, then well-known key shapes, then generic
# `name = value` assignments, then e-mail addresses.
_PATTERNS: list[tuple[str, re.Pattern[str], _Replacer]] = [
    (
        "private-key",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)",
            re.DOTALL,
        ),
        _whole("private-key"),
    ),
    (
        "password",
        re.compile(
            r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<user>[^\s:/@]*):(?P<pw>[^\s@/]+)@"
        ),
        _connection,
    ),
    (
        "bearer-token",
        re.compile(r"\bBearer\s+[A-Za-z0-9._~+/\-]{8,}=*", re.IGNORECASE),
        _whole("bearer-token"),
    ),
    (
        "api-key",
        re.compile(r"\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_\-]{16,}"),
        _whole("api-key"),
    ),
    ("aws-key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), _whole("aws-key")),
    (
        "github-token",
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
        _whole("github-token"),
    ),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"), _whole("slack-token")),
    ("google-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"), _whole("google-key")),
    ("hf-token", re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"), _whole("hf-token")),
    (
        "jwt",
        re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
        _whole("jwt"),
    ),
    (
        "secret",
        re.compile(
            r"(?P<name>\b[A-Za-z0-9_.\-]*(?:api[_\-]?key|apikey|secret|passwd|password|pwd|"
            r"token(?!s)|access[_\-]?key|private[_\-]?key|auth[_\-]?key|credentials?)[A-Za-z0-9_]*"
            r"[\"']?)(?P<sep>\s*(?:=>|:=|=|:)\s*)"
            r"(?:\"(?P<dq>[^\"\n]*)\"|'(?P<sq>[^'\n]*)'|(?P<bare>[^\s\"',;)}\]]+))",
            re.IGNORECASE,
        ),
        _assignment,
    ),
    (
        "email",
        re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b"),
        _whole("email"),
    ),
]


def redact(text: str) -> Redacted:
    """`text` with every secret and e-mail address replaced, and how many of each kind."""
    counts: Counter[str] = Counter()
    for kind, pattern, replace in _PATTERNS:

        def _count(m: re.Match[str], kind: str = kind, replace: _Replacer = replace) -> str:
            out = replace(m)
            if out != m.group(0):
                counts[kind] += 1
            return out

        text = pattern.sub(_count, text)
    return Redacted(text=text, counts=dict(counts))


def redact_text(text: str) -> str:
    return redact(text).text
