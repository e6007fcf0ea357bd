"""How fast does the app answer? Targets: a rule answer ≤ 150 ms after Enter with nothing
attached, ≤ 300 ms with the example project attached; the first draft token ≤ 1.5 s after Enter
against a local OpenAI-compatible server.

Each scenario runs in a fresh Python process (so litellm's import is really cold), drives the
real app headless with Textual's Pilot at 120×40, presses Enter on a typed question and takes the
time until the answer's widgets are on screen (`SessionScreen._answered` returned) or until the
first streamed token reached the draft card (`SessionScreen._stream`). The draft scenario starts
the tests' fake OpenAI-compatible server on 127.0.0.1 and configures Coach for it through
COACH_MODEL / COACH_API_BASE / COACH_API_KEY; it is measured twice: right after the log opened
(the user types at once, while the client is still being imported in the background) and after
the background import finished.

Usage: python benchmarks/tui_answers.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"bare_ms": 150.0, "project_ms": 300.0, "first_token_s": 1.5}
QUESTIONS = (
    "I scaled the data and then split it",
    "2% of rows are fraud and my model gets 98.1% accuracy",
    "Should I scale for a random forest?",
    "We split the data by time: train on 2023, test on 2024",
    "I tuned the threshold on the test set and report its F1",
)

CHILD = r"""
import asyncio, json, sys, time
sys.path.insert(0, ROOT + "/tests/llm")
from coach.tui.app import CoachApp
from coach.tui.screens.session import SessionScreen

marks = {}
original_answered = SessionScreen._answered
original_stream = SessionScreen._stream

def answered(self, job, result, brainstorm=False):
    original_answered(self, job, result, brainstorm)
    marks.setdefault("answered", time.perf_counter())

def stream(self, job, token):
    marks.setdefault("token", time.perf_counter())
    original_stream(self, job, token)

SessionScreen._answered = answered
SessionScreen._stream = stream

async def idle(pilot, app, timeout=120.0):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await pilot.pause(0.01)
        if app.ready.is_set() and not app.screen.jobs:
            return
    raise SystemExit("the app did not settle")

async def main():
    results = {}
    kwargs = dict(db_path=DB)
    if MODE == "project":
        kwargs.update(repo="examples/", data="examples/data/transactions.csv", target="is_fraud")
    app = CoachApp(**kwargs)
    async with app.run_test(size=(120, 40)) as pilot:
        await idle(pilot, app)
        if MODE == "draft":
            if WAIT_WARM:
                deadline = time.perf_counter() + 60
                while not app.llm_warm and time.perf_counter() < deadline:
                    await pilot.pause(0.05)
            prompt = app.screen.query_one("#prompt")
            prompt.value = "/brainstorm feature ideas for churn"
            marks.clear()
            start = time.perf_counter()
            await pilot.press("enter")
            deadline = time.perf_counter() + 60
            while "token" not in marks and time.perf_counter() < deadline:
                await pilot.pause(0.005)
            results["first_token_s"] = marks.get("token", float("nan")) - start
            await idle(pilot, app)
        else:
            times = []
            for question in QUESTIONS:
                prompt = app.screen.query_one("#prompt")
                prompt.value = question
                marks.clear()
                start = time.perf_counter()
                await pilot.press("enter")
                deadline = time.perf_counter() + 30
                while "answered" not in marks and time.perf_counter() < deadline:
                    await pilot.pause(0.002)
                times.append((marks.get("answered", float("nan")) - start) * 1000)
                await idle(pilot, app)
            results["answer_ms"] = times
    print("RESULT " + json.dumps(results))

asyncio.run(main())
"""


def one_run(mode: str, db: Path, env: dict[str, str], wait_warm: bool = False) -> dict:
    code = (
        f"ROOT = {str(ROOT)!r}\nDB = {str(db)!r}\nMODE = {mode!r}\nWAIT_WARM = {wait_warm!r}\n"
        f"QUESTIONS = {QUESTIONS!r}\n" + CHILD
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"{mode} run failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(line[len("RESULT ") :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per scenario")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests" / "llm"))
    from fake_openai_server import TEST_KEY, FakeOpenAIServer

    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("COACH_") and k not in ("OPENAI_API_KEY",)
    }
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        base_env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # no user config.toml
        for mode in ("bare", "project"):
            samples: list[float] = []
            for run in range(args.runs):
                db = Path(tmp) / f"{mode}-{run}.db"
                samples += one_run(mode, db, base_env)["answer_ms"]
            result[f"{mode}_answer_median_ms"] = round(statistics.median(samples), 1)
            result[f"{mode}_answer_max_ms"] = round(max(samples), 1)
        server = FakeOpenAIServer().start()
        try:
            env = dict(base_env)
            env.update(
                COACH_MODEL="openai/test-model",
                COACH_API_BASE=server.api_base,
                COACH_API_KEY=TEST_KEY,
            )
            for wait_warm, name in ((False, "first_token_at_once_s"), (True, "first_token_warm_s")):
                samples = []
                for run in range(args.runs):
                    db = Path(tmp) / f"draft-{name}-{run}.db"
                    samples.append(one_run("draft", db, env, wait_warm)["first_token_s"])
                result[name] = round(statistics.median(samples), 3)
        finally:
            server.stop()
    result["load_average_1min"] = round(os.getloadavg()[0], 2)
    result["targets"] = TARGETS
    result["ok"] = (
        result["bare_answer_median_ms"] <= TARGETS["bare_ms"]
        and result["project_answer_median_ms"] <= TARGETS["project_ms"]
        and result["first_token_at_once_s"] <= TARGETS["first_token_s"]
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"answer after Enter, nothing attached: median {result['bare_answer_median_ms']} ms "
            f"(max {result['bare_answer_max_ms']}); target ≤ {TARGETS['bare_ms']:.0f} ms"
        )
        print(
            f"answer after Enter, example project attached: median "
            f"{result['project_answer_median_ms']} ms (max {result['project_answer_max_ms']}); "
            f"target ≤ {TARGETS['project_ms']:.0f} ms"
        )
        print(
            f"first draft token after Enter (local OpenAI-compatible server): "
            f"{result['first_token_at_once_s']} s typed at once, "
            f"{result['first_token_warm_s']} s after the background import; "
            f"target ≤ {TARGETS['first_token_s']} s"
        )
        print(f"load average {result['load_average_1min']} on {os.cpu_count()} cores")
        print("OK" if result["ok"] else "TOO SLOW")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
