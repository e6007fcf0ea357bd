"""How fast is `coach lint` on a big corpus, and how does it compare with ruff?

Corpus: every .py file of the installed dependencies (the project's .venv site-packages) plus
the lint fixture corpus (tests/lint). The same files are checked, in the same run, by
`ruff check --select ALL --no-cache` (ruff's full rule set, all cores) for scale.

    .venv/bin/python benchmarks/lint_speed.py            # the whole corpus (~4M lines)
    .venv/bin/python benchmarks/lint_speed.py --limit 2000 --jobs 2 --json

Reports lines/s, files/s, wall time and peak resident memory (the main process and the largest
worker) for Coach, and wall time and peak memory for ruff.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import sysconfig
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.lint.config import LintSettings  # noqa: E402
from coach.lint.runner import default_jobs, lint_paths  # noqa: E402


def corpus(limit: int | None) -> list[Path]:
    site = Path(sysconfig.get_paths()["purelib"])
    files = sorted(p for p in site.rglob("*.py") if p.is_file())
    fixtures = sorted(
        p for p in (ROOT / "tests" / "lint").rglob("*") if p.suffix in (".py", ".ipynb")
    )
    chosen = files + fixtures
    if limit:
        # An even sample across packages, not just the first package alphabetically.
        step = max(1, len(chosen) // limit)
        chosen = chosen[::step][:limit]
    return chosen


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mb(kilobytes: int) -> float:
    return kilobytes / 1024  # Linux reports ru_maxrss in KiB


def run_coach(files: list[Path], jobs: int) -> dict:
    settings = LintSettings(project_root=ROOT, respect_gitignore=False)
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    run = lint_paths([str(f) for f in files], settings, cwd=ROOT, jobs=jobs)
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    lines = sum(f.lines for f in run.files)
    return {
        "cpu_s": round(cpu, 2),
        # On a shared machine the wall time mostly measures the neighbours; CPU time does not.
        "lines_per_cpu_s": round(lines / cpu) if cpu else None,
        "files": len(run.files),
        "lines": lines,
        "wall_s": round(wall, 2),
        "lines_per_s": round(lines / wall),
        "files_per_s": round(len(run.files) / wall),
        "jobs": run.jobs,
        "findings": len(run.findings),
        "status": dict(Counter(f.status for f in run.files)),
        "peak_rss_main_mb": round(_peak_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)),
        "peak_rss_worker_mb": round(
            _peak_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        ),
    }


def run_ruff(files: list[Path]) -> dict | None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        return None
    command = [
        ruff, "check", "--select", "ALL", "--no-cache", "--exit-zero", "--isolated",
        "--statistics", *map(str, files),
    ]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(_peak_mb(usage.ru_maxrss)),
        "exit_code": process.returncode,
        "command": "ruff check --select ALL --no-cache --exit-zero --isolated --statistics FILES",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use a sample of N files")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--no-ruff", action="store_true", help="skip the ruff comparison")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    files = corpus(args.limit)
    load = round(os.getloadavg()[0], 2)
    coach = run_coach(files, args.jobs)
    ruff = None if args.no_ruff else run_ruff(files)
    result = {
        "cores": os.cpu_count(),
        "load_average_at_start": load,
        "coach": coach,
        "ruff": ruff,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"corpus: {coach['files']} files, {coach['lines']:,} lines "
        f"({os.cpu_count()} cores, load average {load} at start)"
    )
    print(
        f"coach lint: {coach['wall_s']:.2f} s wall  {coach['lines_per_s']:,} lines/s  "
        f"{coach['files_per_s']:,} files/s  jobs={coach['jobs']}  "
        f"peak RSS main {coach['peak_rss_main_mb']} MB, worker {coach['peak_rss_worker_mb']} MB"
    )
    print(
        f"            {coach['cpu_s']:.2f} CPU s  {coach['lines_per_cpu_s']:,} lines per CPU second "
        f"(x{coach['jobs']} cores = {coach['lines_per_cpu_s'] * coach['jobs']:,} lines/s when idle)"
    )
    print(f"            statuses: {coach['status']}  findings: {coach['findings']}")
    if ruff:
        print(
            f"ruff --select ALL: {ruff['wall_s']:.2f} s wall  "
            f"{round(coach['lines'] / ruff['wall_s']):,} lines/s  {ruff['cpu_s']:.2f} CPU s  "
            f"peak RSS {ruff['peak_rss_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
