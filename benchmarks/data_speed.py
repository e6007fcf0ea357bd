"""Measure `coach check-data` (and optionally `coach baseline`) on a large generated CSV.

Generates a rows × columns CSV (default 1,000,000 × 50: 40 float, 5 integer, 4 text columns and a
5%-positive binary target, plus a few duplicated rows) in a temporary directory — never in the
repository — then runs the real command in a child process and records wall time and the child's
peak memory (ru_maxrss from wait4).

    python benchmarks/data_speed.py                 # the issue's target: < 60 s, < 3 GB
    python benchmarks/data_speed.py --rows 200000 --baseline
    python benchmarks/data_speed.py --json          # machine-readable result on stdout
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_LIMIT_S = 60.0
MEMORY_LIMIT_GB = 3.0


def generate(path: Path, rows: int, columns: int, seed: int = 0) -> None:
    """Write the benchmark CSV with numpy + pyarrow (fast, fixed seed)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    n_text = 4
    n_int = 5
    n_float = max(1, columns - 1 - n_text - n_int)
    data: dict[str, object] = {}
    signal = np.zeros(rows)
    for i in range(n_float):
        values = rng.normal(size=rows)
        if i < 5:
            signal += values * (0.5 - 0.1 * i)
        data[f"num_{i:02d}"] = np.round(values, 4)
    for i in range(n_int):
        data[f"int_{i}"] = rng.integers(0, 1000, size=rows)
    words = np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])
    for i in range(n_text):
        data[f"cat_{i}"] = words[rng.integers(0, len(words), size=rows)]
    threshold = np.quantile(signal + rng.normal(scale=0.5, size=rows), 0.95)
    data["target"] = (signal + rng.normal(scale=0.5, size=rows) > threshold).astype("int8")
    table = pa.table(data)
    duplicates = rng.choice(rows, size=max(1, rows // 1000), replace=False)
    table = pa.concat_tables([table, table.take(pa.array(duplicates))])
    pacsv.write_csv(table, path)


def run_child(args: list[str]) -> dict:
    """Run a command, returning wall seconds, peak RSS (GB), exit code and stdout."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    peak_gb = usage.ru_maxrss * 1024 / 1e9 if sys.platform != "darwin" else usage.ru_maxrss / 1e9
    return {
        "seconds": round(elapsed, 2),
        "peak_memory_gb": round(peak_gb, 3),
        "exit_code": proc.returncode,
        "stdout": stdout,
        "stderr": stderr,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--columns", type=int, default=50)
    parser.add_argument("--baseline", action="store_true", help="also time `coach baseline`")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--generate", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate), args.rows, args.columns)
        return 0

    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        path = Path(tmp) / "big.csv"
        t0 = time.monotonic()
        # In a child: Linux keeps a process's peak RSS across fork and exec, so generating the
        # file here would put this process's peak under the measured command's figure.
        subprocess.run(
            [sys.executable, __file__, "--generate", str(path), "--rows", str(args.rows),
             "--columns", str(args.columns)],
            check=True,
        )  # fmt: skip
        gen_s = time.monotonic() - t0
        size_mb = path.stat().st_size / 1e6
        env_cmd = [sys.executable, "-m", "coach"]
        results = {
            "rows": args.rows,
            "columns": args.columns,
            "file_mb": round(size_mb, 1),
            "generate_seconds": round(gen_s, 1),
            "cpus": os.cpu_count(),
        }
        check = run_child(
            [
                *env_cmd,
                "check-data",
                str(path),
                "--target",
                "target",
                "--format",
                "json",
                "--no-log",
                "--no-progress",
            ]
        )
        report = json.loads(check["stdout"]) if check["stdout"].strip().startswith("{") else {}
        results["check_data"] = {
            "seconds": check["seconds"],
            "peak_memory_gb": check["peak_memory_gb"],
            "exit_code": check["exit_code"],
            "findings": [f["rule"] for f in report.get("findings", [])],
            "sampled": report.get("summary", {}).get("sampled"),
            "sample_size": report.get("summary", {}).get("sample_size"),
            "internal_seconds": report.get("summary", {}).get("seconds"),
            "within_limits": check["seconds"] < TIME_LIMIT_S
            and check["peak_memory_gb"] < MEMORY_LIMIT_GB,
        }
        if check["exit_code"] not in (0, 1):
            results["check_data"]["stderr"] = check["stderr"][-2000:]
        if args.baseline:
            base = run_child(
                [
                    *env_cmd,
                    "baseline",
                    str(path),
                    "--target",
                    "target",
                    "--format",
                    "json",
                    "--no-log",
                    "--no-progress",
                ]
            )
            results["baseline"] = {
                "seconds": base["seconds"],
                "peak_memory_gb": base["peak_memory_gb"],
                "exit_code": base["exit_code"],
            }
            if base["exit_code"] not in (0, 1):
                results["baseline"]["stderr"] = base["stderr"][-2000:]

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        c = results["check_data"]
        print(
            f"check-data on {args.rows:,} × {args.columns} CSV ({results['file_mb']:.0f} MB): "
            f"{c['seconds']:.1f} s wall, peak memory {c['peak_memory_gb']:.2f} GB "
            f"(limits {TIME_LIMIT_S:.0f} s, {MEMORY_LIMIT_GB:.0f} GB: "
            f"{'OK' if c['within_limits'] else 'EXCEEDED'}); findings {c['findings']}; "
            f"sampled={c['sampled']} ({c['sample_size']} rows)"
        )
        if "baseline" in results:
            b = results["baseline"]
            print(f"baseline: {b['seconds']:.1f} s wall, peak memory {b['peak_memory_gb']:.2f} GB")
        if c["exit_code"] not in (0, 1):
            print(c.get("stderr", ""), file=sys.stderr)
    return 0 if results["check_data"]["within_limits"] else 1


if __name__ == "__main__":
    sys.exit(main())
