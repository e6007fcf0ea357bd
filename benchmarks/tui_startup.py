"""How fast does `coach` paint its first screen? Target: ≤ 0.3 s from process start.

Each run starts a fresh Python process that goes through the real entry point
(`coach.cli.main.main([...])`, exactly what the `coach` command runs) with the app forced
headless at 80×24. The child records the wall-clock time when the session screen has been
mounted *and refreshed* (its first paint) and when the log has been opened in the background,
and which heavy libraries were imported by then. The parent takes the time just before starting
the process, so the figure includes interpreter start-up and every import.

Usage: python benchmarks/tui_startup.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.3
HEAVY = ("sklearn", "litellm", "pandas", "sqlite_utils", "numpy")

CHILD = r"""
import json, sys, time
from functools import partialmethod

from coach.tui.app import CoachApp
from coach.tui.screens.session import SessionScreen

marks = {}

def heavy():
    return [m for m in HEAVY if m in sys.modules]

original_mount = SessionScreen.on_mount

def on_mount(self):
    original_mount(self)
    def painted():
        marks["paint"] = time.time()
        marks["paint_cpu"] = time.process_time()
        marks["heavy_at_paint"] = heavy()
    self.call_after_refresh(painted)

SessionScreen.on_mount = on_mount

original_opened = CoachApp._opened

def opened(self, history):
    original_opened(self, history)
    marks["ready"] = time.time()
    marks["open_error"] = self.open_error
    self.set_timer(0.05, self.exit)

CoachApp._opened = opened
CoachApp.run = partialmethod(CoachApp.run, headless=True, size=(80, 24))

from coach.cli.main import main

main(["--db", DB])
marks["heavy_at_exit"] = heavy()
print("MARKS " + json.dumps(marks))
"""


def one_run(db: Path) -> dict:
    code = f"HEAVY = {HEAVY!r}\nDB = {str(db)!r}\n" + CHILD
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("MARKS ")), None)
    if proc.returncode != 0 or line is None:
        raise SystemExit(f"run failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    marks = json.loads(line[len("MARKS ") :])
    return {
        "first_paint_s": marks["paint"] - started,
        "first_paint_cpu_s": marks["paint_cpu"],
        "log_open_s": marks["ready"] - started,
        "heavy_at_paint": marks["heavy_at_paint"],
        "open_error": marks["open_error"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        one_run(db)  # warm the OS file cache and create the log, as a user's second start
        runs = [one_run(db) for _ in range(args.runs)]
    paints = [r["first_paint_s"] for r in runs]
    cpus = [r["first_paint_cpu_s"] for r in runs]
    opens = [r["log_open_s"] for r in runs]
    heavy = sorted({m for r in runs for m in r["heavy_at_paint"]})
    result = {
        "runs": args.runs,
        "first_paint_median_s": round(statistics.median(paints), 3),
        "first_paint_min_s": round(min(paints), 3),
        "first_paint_max_s": round(max(paints), 3),
        "first_paint_cpu_median_s": round(statistics.median(cpus), 3),
        "log_open_median_s": round(statistics.median(opens), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "heavy_imports_before_first_paint": heavy,
        "target_s": TARGET_S,
        "ok": statistics.median(paints) <= TARGET_S and not ({"sklearn", "litellm"} & set(heavy)),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"coach first paint (80x24, headless, {args.runs} runs): "
            f"median {result['first_paint_median_s']:.3f} s "
            f"(min {result['first_paint_min_s']:.3f}, max {result['first_paint_max_s']:.3f}); "
            f"target ≤ {TARGET_S} s"
        )
        print(
            f"CPU time of the process up to first paint: median "
            f"{result['first_paint_cpu_median_s']:.3f} s; load average "
            f"{result['load_average_1min']} on {os.cpu_count()} cores (wall time grows with load)"
        )
        print(f"log opened in the background by: median {result['log_open_median_s']:.3f} s")
        print(
            "heavy modules imported before first paint: " + (", ".join(heavy) if heavy else "none")
        )
        print("OK" if result["ok"] else "TOO SLOW or heavy imports at start-up")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
