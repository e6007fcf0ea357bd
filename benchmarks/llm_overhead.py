"""What does Coach's LLM layer cost, apart from the model itself?

Measures, on this machine, against the loopback OpenAI-compatible test server (no network):
- importing coach.llm (must not import litellm) and importing litellm itself, in fresh processes;
- loading the bundled tiktoken encodings (first use) and building a prompt preview with a
  realistic context (redaction + budgeting + trimming), median of many runs;
- a full `draft_for` (prompt, the OpenAI client's call over HTTP, streaming, two log writes),
  median of many runs after a warm-up, versus the same request made with the bare OpenAI client;
- the first draft token in a fresh process (`python -c` importing Coach, building the prompt,
  opening the log, calling the server) minus the server's own time to first token measured with
  a warm bare client: what Coach adds before the user sees text (target ≤ 300 ms); and the same
  for a draft in a process that has drafted before (the app, a session): warm_first_token.

    .venv/bin/python benchmarks/llm_overhead.py [--runs 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "llm"))

from fake_openai_server import FakeOpenAIServer  # noqa: E402


def _fresh_import(statement: str, repeat: int = 3) -> float:
    """Median wall time (ms) of a fresh interpreter running `statement`, minus bare start-up."""
    code = "import time; t = time.perf_counter(); " + statement + "; print(time.perf_counter() - t)"
    times = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        times.append(float(out.stdout.strip().splitlines()[-1]) * 1000)
    return statistics.median(times)


FIRST_TOKEN = """
import time, tempfile, sys
from pathlib import Path
started = time.perf_counter()
from coach.llm.draft import draft_for
from coach.llm.config import LLMSettings
from coach.llm.prompt import DraftContext
from coach.store import Store
first = []
settings = LLMSettings(model="openai/test-model", api_base=sys.argv[1], api_key="sk-bench-0000")
with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "b.db") as store:
    session = store.create_session()
    q = store.add_question(session.id, "feature ideas for churn prediction?")
    draft_for(q.text, prior=[], context=DraftContext(), store=store, session_id=session.id,
              question_id=q.id, settings=settings,
              on_token=lambda piece: first or first.append(time.perf_counter()))
print((first[0] - started) * 1000)
"""


def _fresh_first_token(api_base: str) -> float:
    """Process start (after the interpreter) to the first streamed draft token, in ms."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_TOKEN, api_base],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _context():
    from coach.llm.prompt import DraftContext
    from coach.models import Finding, Location

    findings = [
        Finding(
            rule="LEAK001",
            detector="code",
            message=f"StandardScaler fitted on the full dataset before train_test_split (#{i})",
            location=Location(path="src/train.py", line=10 + i),
        )
        for i in range(40)
    ]
    facts = [f"column f{i}: 2.5% missing, 14 distinct values, dtype float64" for i in range(30)]
    turns = [(f"earlier question {i} about churn", f"LEAK001: title {i}") for i in range(6)]
    return DraftContext(
        repo="src", findings=findings, dataset="churn.csv", dataset_facts=facts, earlier_turns=turns
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from coach.llm import tokens
    from coach.llm.config import LLMSettings
    from coach.llm.draft import draft_for
    from coach.llm.prompt import preview
    from coach.store import Store

    results: dict[str, float] = {}
    results["import_coach_llm_ms"] = _fresh_import(
        "import coach.llm.draft, coach.llm.prompt, sys; assert 'litellm' not in sys.modules"
    )
    results["import_litellm_ms"] = _fresh_import(
        "from coach.llm.client import import_litellm; import_litellm()"
    )

    tokens.get_encoding.cache_clear()
    start = time.perf_counter()
    tokens.get_encoding("cl100k_base")
    results["load_cl100k_ms"] = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    tokens.get_encoding("o200k_base")
    results["load_o200k_ms"] = (time.perf_counter() - start) * 1000

    server = FakeOpenAIServer().start()
    settings = LLMSettings(
        model="openai/test-model", api_base=server.api_base, api_key="sk-bench-0000000000000000"
    )
    context = _context()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        p = preview("feature ideas for churn prediction?", context=context, settings=settings)
        timings.append((time.perf_counter() - start) * 1000)
    results["preview_median_ms"] = statistics.median(timings)
    results["preview_prompt_tokens"] = p.prompt_tokens

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        session = store.create_session()
        q = store.add_question(session.id, "feature ideas for churn prediction?")

        first_tokens: list[float] = []

        def one() -> float:
            start = time.perf_counter()
            seen: list[float] = []
            d = draft_for(
                q.text,
                prior=[],
                context=context,
                store=store,
                session_id=session.id,
                question_id=q.id,
                settings=settings,
                on_token=lambda piece: seen or seen.append(time.perf_counter()),
            )
            assert d.status == "pending", d.error
            first_tokens.append((seen[0] - start) * 1000)
            return (time.perf_counter() - start) * 1000

        start = time.perf_counter()
        one()
        results["first_draft_ms"] = (time.perf_counter() - start) * 1000
        first_tokens.clear()
        results["draft_median_ms"] = statistics.median(one() for _ in range(args.runs))
        results["warm_first_draft_token_ms"] = statistics.median(first_tokens)

    import openai

    client = openai.OpenAI(base_url=server.api_base, api_key="sk-bench", max_retries=0)
    messages = p.as_dicts()

    def bare() -> float:
        start = time.perf_counter()
        for _ in client.chat.completions.create(model="test-model", messages=messages, stream=True):
            pass
        return (time.perf_counter() - start) * 1000

    bare()
    results["bare_openai_stream_median_ms"] = statistics.median(bare() for _ in range(args.runs))

    def bare_first_token() -> float:
        start = time.perf_counter()
        stream = client.chat.completions.create(model="test-model", messages=messages, stream=True)
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                break
        elapsed = (time.perf_counter() - start) * 1000
        stream.close()
        return elapsed

    server_first = statistics.median(bare_first_token() for _ in range(args.runs))
    results["server_first_token_ms"] = server_first
    fresh = statistics.median(_fresh_first_token(server.api_base) for _ in range(5))
    results["fresh_process_first_draft_token_ms"] = fresh
    results["first_token_overhead_ms"] = fresh - server_first
    results["warm_first_token_overhead_ms"] = results["warm_first_draft_token_ms"] - server_first
    server.stop()

    if args.json:
        print(json.dumps({k: round(v, 1) for k, v in results.items()}, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:32} {value:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
