"""Remove secrets and personal data from text before it leaves the machine.

Repository findings, dataset facts and earlier turns can carry API keys, passwords in connection
strings or people's addresses. Everything Coach sends to a model passes through `redact` first;
the placeholder names the kind of secret so the model (and the `--show-prompt` reader) still sees
that something was there.

Three kinds of evidence, in this order:
1. shapes that are secrets wherever they appear: private-key blocks, credentials in URLs and
   connection strings, provider tokens with a documented prefix (`ghp_`, `sk_live_`, `SG.`, ...);
2. a secret-ish *name* given a literal value (`DB_PASSWORD: str = "..."`, `--password v`,
   `"key": "..."`, `os.environ["X_TOKEN"] = "..."`): names that only ever hold secrets
   (password, secret) lose any literal; names that also hold ordinary values (token, key) lose
   only values that look random (length and entropy), so `pad_token = "[PAD]"`,
   `key=lambda r: r[1]` and `tokenizer = AutoTokenizer.from_pretrained(...)` stay as written;
3. personal data: e-mail addresses, card numbers (Luhn-checked), IBANs (mod-97-checked),
   phone numbers written as phone numbers, US social security numbers, UK NI numbers.
The redaction corpus test (tests/llm/test_redaction_corpus.py) holds the cases both ways.
"""

from __future__ import annotations

import math
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


_Replacer = Callable[[re.Match[str]], str]


def _whole(kind: str) -> _Replacer:
    return lambda m: _placeholder(kind)


def _group(name: str, kind: str) -> _Replacer:
    """Replace only the named group, keeping what surrounds it."""

    def replace(m: re.Match[str]) -> str:
        start, end = m.span(name)
        base = m.start()
        whole = m.group(0)
        return whole[: start - base] + _placeholder(kind) + whole[end - base :]

    return replace


# -- value tests ---------------------------------------------------------------------------------

# Values that name a secret rather than hold one, or are placeholders.
_REFERENCE = re.compile(
    r"^(?:os\.|getenv|environ|env\(|env\.|settings\.|config\.|cfg\.|args\.|self\.|secrets\.|"
    r"None$|null$|nil$|true$|false$|\$\{?[A-Za-z_]|%\(|\{\{|<[^>]*>$|\[REDACTED|\*+$|x+$|\.\.\.$|"
    r"your[_\- ]|my[_\- ]?(?:api|secret|token|key|password)|changeme$|redacted$|\?+$|"
    r".*(?:\.\.\.|…)$)",
    re.IGNORECASE,
)
_CODE = re.compile(r"^[A-Za-z_][\w.]*\s*[(\[]|^lambda\b|^[A-Za-z_][\w]*\.[A-Za-z_][\w.]*$")


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    n = len(text)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def looks_random(value: str) -> bool:
    """A machine-made secret: long, mixed characters, high entropy (not a word, path or id)."""
    if len(value) < 16 or " " in value or ("/" in value.strip("/") and value.count("/") > 2):
        return False
    classes = sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[_\-+/=.~]"))
    if re.fullmatch(r"[0-9a-f]{32,}|[0-9A-F]{32,}", value):
        return True  # hex keys (Kaggle, W&B): their names already said "key"
    return classes >= 2 and entropy(value) >= 3.5 and re.search(r"[0-9]", value) is not None


# Names that only ever hold secrets, and names that may hold ordinary values too.
_STRONG = re.compile(
    r"(?:pass(?:word|wd|phrase)|[a-z0-9]_?pass|pwd|secret(?:_?key)?|client_?secret|credentials?|"
    r"private_?key|priv_?key|secret_?access_?key|account_?key|shared_?access_?key|"
    r"sas_?token|signing_?key|encryption_?key|db_?pass|connection_?string|conn_?str)$",
    re.IGNORECASE,
)
_WEAK = re.compile(
    r"(?:token|api_?key|apikey|access_?key|auth(?:_?key|_?token)?|key|sig|signature|"
    r"session_?id|cookie|bearer|webhook(?:_?url)?|dsn|license_?key)$",
    re.IGNORECASE,
)


_STRONG_COMPOSITE = re.compile(
    r"(?:api|access|auth|refresh|bearer|secret|private|personal|service|bot|client|hub|hf|gh|"
    r"github|gitlab|slack|discord|openai|wandb|npm|pypi|session|app)_?(?:key|token)$",
    re.IGNORECASE,
)


def _name_kind(name: str) -> str | None:
    bare = name.strip("\"'[]-").replace("-", "_").replace(".", "_")
    if _STRONG.search(bare) or _STRONG_COMPOSITE.search(bare):
        return "strong"
    if _WEAK.search(bare):
        # config and environment names (HF_TOKEN, SERVICE_KEY) and a plain `token` hold secrets;
        # `pad_token`, `sort_key` and friends hold ordinary values unless those look random
        last = re.split(r"[_.]", bare)[-1]
        if bare.isupper() or bare.lower() == "token" or last.lower() in ("apikey",):
            return "strong"
        return "weak"
    return None


def _is_secret(name: str, value: str, quoted: bool) -> bool:
    kind = _name_kind(name)
    if kind is None or not value or _REFERENCE.match(value.strip()):
        return False
    if not quoted and (_CODE.match(value) or _variable(name, value)):
        return False  # code: `tokenizer = AutoTokenizer.from_pretrained(...)`, `key=lambda ...`
    if kind == "strong":
        if re.fullmatch(r"\[[A-Z]+\]|<[^>]+>|\d{1,2}|[A-Z_]+_(?:FIELD|NAME)", value):
            return False  # special tokens, small numbers, field names
        return len(value) >= 3
    return looks_random(value)


_TYPE_NAMES = {"str", "int", "float", "bool", "bytes", "dict", "list", "tuple", "object", "Any"}


def _variable(name: str, value: str) -> bool:
    """A bare value that is another variable (`login(password=password)`), not a literal."""
    if not value.isidentifier():
        return False
    if value in _TYPE_NAMES or (value[0].isupper() and not any(c.isdigit() for c in value)):
        return True  # an annotation (`token: str`) or a class, not a password
    low = value.lower()
    return (
        low == name.lower()
        or ("_" in value and value == low)
        or any(w in low for w in ("pass", "secret", "token", "key", "cred"))
    )


# -- patterns ------------------------------------------------------------------------------------

_NAME = r"(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*)"
_VALUE = (
    r"(?:b?r?(?:\"\"\"(?P<qv>[^\"]*?)\"\"\"|'''(?P<qv2>[^']*?)'''|\"(?P<qv3>[^\"\n]*)\""
    r"|'(?P<qv4>[^'\n]*)')|(?P<bare>[^\s\"',;)}\]#`]++)(?![ \t]*[=:]))"
)


def _merge_value(m: re.Match[str]) -> tuple[str | None, tuple[int, int], bool]:
    groups = m.groupdict()
    for group in ("qv", "qv2", "qv3", "qv4"):
        if groups.get(group) is not None:
            return groups[group], m.span(group), True
    return groups.get("bare"), m.span("bare"), False


def _named(m: re.Match[str]) -> str:
    value, span, quoted = _merge_value(m)
    if value is None or not _is_secret(m.group("name"), value, quoted):
        return m.group(0)
    base, whole = m.start(), m.group(0)
    return whole[: span[0] - base] + _placeholder("secret") + whole[span[1] - base :]


_PREFIXED_TOKENS: list[tuple[str, str]] = [
    ("api-key", r"sk-(?:proj-|svcacct-|admin-|or-v1-)?[A-Za-z0-9_\-]{20,}"),
    ("api-key", r"sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_\-]{20,}"),
    ("stripe-key", r"(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,}"),
    ("sendgrid-key", r"SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}"),
    ("npm-token", r"npm_[A-Za-z0-9]{36}"),
    ("pypi-token", r"pypi-[A-Za-z0-9_\-]{50,}"),
    ("github-token", r"gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}"),
    ("gitlab-token", r"gl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|agent)-[A-Za-z0-9_\-]{20,}"),
    ("slack-token", r"xox[abposre]-[A-Za-z0-9\-]{10,}|xapp-\d-[A-Za-z0-9\-]{10,}"),
    ("google-key", r"AIza[0-9A-Za-z_\-]{35}|GOCSPX-[A-Za-z0-9_\-]{20,}|ya29\.[A-Za-z0-9_\-]{20,}"),
    ("hf-token", r"hf_[A-Za-z0-9]{30,}"),
    ("aws-key", r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}"),
    ("shopify-token", r"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"),
    ("digitalocean-token", r"do[opr]_v1_[a-f0-9]{64}"),
    ("databricks-token", r"dapi[a-f0-9]{32}(?:-\d)?"),
    ("twilio-key", r"SK[0-9a-fA-F]{32}"),
    ("mailgun-key", r"key-[0-9a-zA-Z]{32}"),
    ("mailchimp-key", r"[0-9a-f]{32}-us\d{1,2}"),
    ("replicate-token", r"r8_[A-Za-z0-9]{37}"),
    ("groq-key", r"gsk_[A-Za-z0-9]{48,}"),
    ("atlassian-token", r"ATATT[A-Za-z0-9_\-=]{40,}"),
    ("linear-key", r"lin_api_[A-Za-z0-9]{40}"),
    ("notion-token", r"(?:secret_|ntn_)[A-Za-z0-9]{40,}"),
    ("postman-key", r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
    ("vault-token", r"hv[sb]\.[A-Za-z0-9_\-]{24,}"),
    ("doppler-token", r"dp\.(?:st|pt|sa|ct|scim|audit)\.(?:[a-z0-9_\-]{1,20}\.)?[A-Za-z0-9]{40,}"),
    ("pulumi-token", r"pul-[a-f0-9]{40}"),
    ("terraform-token", r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-]{60,}"),
    ("grafana-token", r"glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/=]{32,}"),
    ("newrelic-key", r"NRAK-[A-Z0-9]{27}"),
    ("dynatrace-token", r"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}"),
    ("figma-token", r"figd_[A-Za-z0-9_\-]{40}"),
    ("telegram-token", r"\d{8,10}:AA[A-Za-z0-9_\-]{33}"),
    ("square-token", r"sq0(?:atp|csp)-[A-Za-z0-9_\-]{22,}|EAAA[A-Za-z0-9_\-]{60}"),
    ("mapbox-token", r"[ps]k\.eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{20,}"),
    ("jwt", r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"),
    ("discord-token", r"[MN][A-Za-z\d]{23,25}\.[\w\-]{6}\.[\w\-]{27,38}"),
]

_PATTERNS: list[tuple[str, re.Pattern[str], _Replacer]] = [
    (
        "private-key",
        re.compile(
            r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?"
            r"(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\Z)"
            r"|PuTTY-User-Key-File-\d:.*?(?:Private-MAC: [0-9a-f]+|\Z)",
            re.DOTALL,
        ),
        _whole("private-key"),
    ),
    (
        "webhook",
        re.compile(
            r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]+"
            r"|https://(?:discord|discordapp)\.com/api/webhooks/\d+/[A-Za-z0-9_\-]+"
            r"|https://[a-z0-9\-]+\.webhook\.office\.com/[^\s\"']+"
        ),
        _whole("webhook"),
    ),
    (
        # scheme://user:password@host — the password may hold '/', ':' and more.
        "password",
        re.compile(r"(?P<pre>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@\"']*:)(?P<pw>[^\s@\"']+)@"),
        _group("pw", "password"),
    ),
    (
        # a long random user part alone is a key (Sentry DSNs, token@host URLs)
        "url-key",
        re.compile(r"(?P<pre>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<pw>[A-Za-z0-9_\-]{24,})@"),
        _group("pw", "url-key"),
    ),
    (
        # query parameters that carry secrets: SAS `sig=`, presigned URLs, `?token=`
        "url-secret",
        re.compile(
            r"(?P<pre>[?&;](?:sig|signature|token|access_token|api_key|apikey|key|secret|"
            r"password|pwd|x-amz-signature|x-amz-credential|x-amz-security-token|"
            r"x-goog-signature|code|client_secret)=)(?P<pw>[^&\s\"'#;]{6,})",
            re.IGNORECASE,
        ),
        _group("pw", "secret"),
    ),
    (
        # connection strings: AccountKey=...;  Password=...;  SharedAccessKey=...
        "connection-secret",
        re.compile(
            r"(?P<pre>(?:(?<=[;\"'])|^)(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|"
            r"AccessKey|SecretKey|ClientSecret|sig)=)(?P<pw>[^;\s\"']+)",
            re.IGNORECASE | re.MULTILINE,
        ),
        _group("pw", "secret"),
    ),
    (
        "bearer-token",
        re.compile(
            r"(?P<pre>\b(?:Bearer|Basic|Token|token|Digest)\s+)(?P<pw>[A-Za-z0-9._~+/\-]{12,}=*)"
        ),
        _group("pw", "bearer-token"),
    ),
    *[
        (kind, re.compile(rf"(?<![A-Za-z0-9])(?:{shape})(?![A-Za-z0-9])"), _whole(kind))
        for kind, shape in _PREFIXED_TOKENS
    ],
    (
        # a bare AWS secret access key: 40 characters of base64 with all three classes
        "aws-secret",
        re.compile(
            r"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=]))"
            r"(?=[^\s]*[a-z])(?=[^\s]*[A-Z])(?=[^\s]*[0-9])[A-Za-z0-9/+]{40}"
        ),
        lambda m: _placeholder("aws-secret") if entropy(m.group(0)) >= 4.0 else m.group(0),
    ),
    (
        # CLI flags: --password v, --api-key=v, -p v is too ambiguous and left alone
        "secret",
        re.compile(
            r"(?P<pre>--?(?P<name>[A-Za-z][A-Za-z0-9\-]*)(?:=|[ \t]+))"
            r"(?:\"(?P<qv3>[^\"\n]*)\"|'(?P<qv4>[^'\n]*)'|(?P<bare>[^\s\"']+))"
        ),
        lambda m: _flag(m),
    ),
    (
        # NAME = value / NAME: type = value / "NAME": value / NAME: value / ["NAME"] = value /
        # ("NAME", value) / name=value in calls
        "secret",
        re.compile(
            r"(?<![A-Za-z0-9_])" + _NAME + r"(?P<close>[\"']?\]?[\"']?)"
            r"(?P<sep>[ \t]*(?:=>|:=|=(?!=)|:)[ \t]*)" + _VALUE
        ),
        _named,
    ),
    (
        # an annotated assignment at the start of a line: DB_PASSWORD: str = "..."
        "secret",
        re.compile(
            r"^[ \t]*" + _NAME + r"(?P<close>)(?P<sep>[ \t]*:[ \t]*[A-Za-z_][\w\[\], .|]*?"
            r"[ \t]*=(?!=)[ \t]*)" + _VALUE,
            re.MULTILINE,
        ),
        _named,
    ),
    (
        # ("NAME", value): os.environ.setdefault, putenv, tuples of settings
        "secret",
        re.compile(r"\((?P<open>[\"'])(?P<name>[A-Z][A-Z0-9_]*)(?P=open)\s*,\s*" + _VALUE),
        _named,
    ),
    (
        "email",
        re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b"),
        _whole("email"),
    ),
    (
        "card-number",
        re.compile(r"(?<![\d.\-])(?:\d[ \-]?){12,18}\d(?![\d.])"),
        lambda m: _placeholder("card-number") if _is_card(m.group(0)) else m.group(0),
    ),
    (
        "iban",
        re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"),
        lambda m: _placeholder("iban") if _is_iban(m.group(0)) else m.group(0),
    ),
    (
        "national-id",
        re.compile(
            r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b"
            r"|\b(?![DFIQUV])[A-Z](?![DFIOQUV])[A-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
        ),
        _whole("national-id"),
    ),
    (
        "phone",
        re.compile(
            r"(?<![\w.+\-])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{2,4}\)[ .\-]?|\d{2,4}[ .\-])"
            r"\d{3,4}[ .\-]\d{3,4}(?![\w.\-])"
            r"|(?<![\w.+\-])\+\d{1,3}[ .\-]?\d{1,4}(?:[ .\-]?\d{2,4}){2,5}(?![\w.\-])"
        ),
        lambda m: _placeholder("phone") if _is_phone(m.group(0)) else m.group(0),
    ),
]


def _flag(m: re.Match[str]) -> str:
    name = m.group("name").replace("-", "_")
    value, span, _ = _merge_value(m)
    if value is None or _name_kind(name) is None or not _is_secret(name, value, True):
        return m.group(0)
    base, whole = m.start(), m.group(0)
    return whole[: span[0] - base] + _placeholder("secret") + whole[span[1] - base :]


def _is_card(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 13 <= len(digits) <= 19:
        return False
    grouped = digits != text.strip()  # written as a card: in groups of digits
    if not grouped and not re.match(r"4|5[1-5]|2[2-7]|3[47]|6(?:011|5)|35", digits):
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _is_iban(text: str) -> bool:
    compact = text.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def _is_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 9 <= len(digits) <= 15:
        return False
    # dates and version-like runs are not phone numbers
    return not re.fullmatch(r"(?:19|20)\d\d[ .\-]\d\d[ .\-]\d\d", text.strip())


def redact(text: str) -> Redacted:
    """`text` with every secret and personal datum replaced, and how many of each kind."""
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
