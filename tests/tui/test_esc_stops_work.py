"""Esc stops the work itself: a data check on a large file ends within a bound, not at its end.

The figure is measured, not timed by the test's pass/fail alone: the test prints the latency
from Esc to the worker's return (`-s` shows it), and fails only above a generous bound that a
loaded CI machine still meets. The latency target (0.5 s) is reported in the README.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

from coach.tui.app import CoachApp

GENEROUS_BOUND = 3.0  # seconds; the measured figure on a quiet machine is far below


def _large_csv(path: Path, rows: int = 60_000, columns: int = 48) -> Path:
    """A file whose one-feature leak check (a tree per column and fold) takes several seconds."""
    rng = np.random.default_rng(7)
    frame = pd.DataFrame({f"f{i}": rng.normal(size=rows) for i in range(columns)})
    frame["y"] = (rng.random(rows) < 0.2).astype(int)
    frame.to_csv(path, index=False)
    return path


def test_esc_stops_a_running_data_check_and_logs_nothing(db, ui, tmp_path):
    data = _large_csv(tmp_path / "large.csv")
    finished: dict[str, float] = {}
    reached = threading.Event()
    pressed_event = threading.Event()

    async def scenario():
        app = CoachApp(db_path=db)
        async with app.run_test(size=(100, 30)) as pilot:
            await ui.settle(pilot)
            real = app.backend.check_data

            def timed(*args, **kwargs):
                shown = kwargs.get("progress")

                def progress(stage: str, done: float, total: float) -> None:
                    # Seen from the worker itself, not by polling the screen: a loaded machine
                    # can starve the UI loop long enough to miss a stage that lasts a second.
                    if "one-feature leak check" in stage and not reached.is_set():
                        reached.set()
                        # Hold the worker here until Esc has been pressed, so the test measures
                        # the token's path and not a race with a starved UI loop.
                        pressed_event.wait(60)
                    if shown is not None:
                        shown(stage, done, total)

                kwargs["progress"] = progress
                try:
                    return real(*args, **kwargs)
                finally:
                    finished["at"] = time.monotonic()

            app.backend.check_data = timed
            await ui.type_line(pilot, f"/data {data} --target y")

            await ui.wait_until(pilot, reached.is_set, timeout=120)
            assert "at" not in finished, "the data check ended before Esc could be pressed"
            pressed = time.monotonic()
            await pilot.press("escape")
            pressed_event.set()
            await ui.wait_until(pilot, lambda: "at" in finished, timeout=60)
            latency = finished["at"] - pressed
            print(f"\ncancellation latency (Esc -> data check returned): {latency:.3f} s")
            assert latency < GENEROUS_BOUND
            await ui.settle(pilot)
            assert "Cancelled: checking" in ui.conversation_text(app)
            # The check stopped before its findings were logged.
            assert ui.db_rows(db, "SELECT COUNT(*) FROM suggestions")[0][0] == 0

    ui.run(scenario())
