"""Compare DuckDB and Polars (streaming) on the table-level work of `coach check-data`.

The issue asks to measure before moving the checks onto an embedded out-of-core engine. This runs
the same workload on both engines, each in its own child process (so peak memory is the child's
own, from wait4), on a generated train/test pair (Parquet and CSV, the same generator as
`data_speed.py`):

- class counts of the target; per column missing counts, distinct counts (constant columns);
- exact duplicate rows within train (hash of all feature columns, grouped);
- train/test overlap as a hash join on the row hash;
- per-column drift input: decile edges of train and test counts per bin (PSI).

Neither engine is a Coach dependency yet: run it with a Python that has both installed, e.g.

    python3 -m venv /tmp/eng && /tmp/eng/bin/pip install duckdb polars pyarrow numpy
    /tmp/eng/bin/python benchmarks/data_engines.py --rows 1000000 --format parquet
    /tmp/eng/bin/python benchmarks/data_engines.py --rows 1000000 --format csv --threads 2

Figures and the decision are recorded in the README ("Larger than memory").
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

sys.path.insert(0, str(Path(__file__).resolve().parent))


def make_data(folder: Path, rows: int, columns: int, fmt: str) -> tuple[Path, Path]:
    """A train file of `rows` rows and an independent test file of a quarter as many."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq
    from data_speed import generate

    paths = []
    for name, n, seed in (("train", rows, 0), ("test", max(1, rows // 4), 1)):
        csv_path = folder / f"{name}.csv"
        generate(csv_path, n, columns, seed=seed)
        if fmt == "parquet":
            table = pacsv.read_csv(csv_path)
            path = folder / f"{name}.parquet"
            pq.write_table(table, path)
            csv_path.unlink()
            paths.append(path)
        else:
            paths.append(csv_path)
    return paths[0], paths[1]


def _columns(path: Path) -> list[str]:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if path.suffix == ".parquet":
        return pq.read_schema(path).names
    with pacsv.open_csv(path) as reader:
        return reader.schema.names


def run_duckdb(train: Path, test: Path, threads: int, memory: str) -> dict:
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}; SET memory_limit = '{memory}'")
    con.execute(f"SET temp_directory = '{tempfile.gettempdir()}/duckdb_spill'")
    reader = "read_parquet" if train.suffix == ".parquet" else "read_csv_auto"
    feats = [c for c in _columns(train) if c != "target"]
    cols = ", ".join(f'"{c}"' for c in feats)
    out: dict = {}
    con.execute(f"CREATE VIEW train AS SELECT * FROM {reader}('{train}')")
    con.execute(f"CREATE VIEW test AS SELECT * FROM {reader}('{test}')")
    out["class_counts"] = con.execute(
        "SELECT target, count(*) FROM train GROUP BY target ORDER BY 2 DESC"
    ).fetchall()
    stats = ", ".join(
        f'count(*) - count("{c}") AS "m_{c}", approx_count_distinct("{c}") AS "d_{c}"'
        for c in feats
    )
    out["columns"] = len(con.execute(f"SELECT {stats} FROM train").fetchone()) // 2
    out["duplicates"] = con.execute(
        f"SELECT coalesce(sum(n - 1), 0) FROM (SELECT hash({cols}) h, count(*) n FROM train "
        "GROUP BY h HAVING n > 1)"
    ).fetchone()[0]
    out["overlap"] = con.execute(
        f"SELECT count(*) FROM (SELECT hash({cols}) h FROM test) t "
        f"SEMI JOIN (SELECT DISTINCT hash({cols}) h FROM train) r ON t.h = r.h"
    ).fetchone()[0]
    numeric = [c for c in feats if c.startswith("num_")][:10]
    bins = 0
    for c in numeric:
        edges = con.execute(
            f'SELECT quantile_cont("{c}", [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9]) FROM train'
        ).fetchone()[0]
        cases = " + ".join(f'("{c}" > {e})::INT' for e in edges)
        for table in ("train", "test"):
            bins += len(
                con.execute(f"SELECT {cases} b, count(*) FROM {table} GROUP BY b").fetchall()
            )
    out["drift_bins"] = bins
    return out


def run_polars(train: Path, test: Path, threads: int, memory: str) -> dict:
    import polars as pl

    scan = pl.scan_parquet if train.suffix == ".parquet" else pl.scan_csv
    tr, te = scan(train), scan(test)
    feats = [c for c in tr.collect_schema().names() if c != "target"]
    engine = "streaming"
    out: dict = {}
    counts = tr.group_by("target").len().sort("len", descending=True).collect(engine=engine)
    out["class_counts"] = counts.rows()
    stats = tr.select(
        [pl.col(c).null_count().alias(f"m_{c}") for c in feats]
        + [pl.col(c).approx_n_unique().alias(f"d_{c}") for c in feats]
    ).collect(engine=engine)
    out["columns"] = stats.width // 2
    row_hash = pl.struct(feats).hash(seed=0).alias("h")
    dup = (
        tr.select(row_hash)
        .group_by("h")
        .len()
        .filter(pl.col("len") > 1)
        .select((pl.col("len") - 1).sum())
        .collect(engine=engine)
    )
    out["duplicates"] = int(dup.item() or 0)
    train_h = tr.select(row_hash).unique()
    out["overlap"] = (
        te.select(row_hash)
        .join(train_h, on="h", how="semi")
        .select(pl.len())
        .collect(engine=engine)
        .item()
    )
    numeric = [c for c in feats if c.startswith("num_")][:10]
    bins = 0
    for c in numeric:
        edges = (
            tr.select([pl.col(c).quantile(q / 10).alias(str(q)) for q in range(1, 10)])
            .collect(engine=engine)
            .row(0)
        )
        for frame in (tr, te):
            expr = sum((pl.col(c) > e).cast(pl.Int32) for e in edges).alias("b")
            bins += frame.select(expr).group_by("b").len().collect(engine=engine).height
    out["drift_bins"] = bins
    return out


def child(engine: str, train: str, test: str, threads: int, memory: str) -> None:
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    started = time.monotonic()
    runner = run_duckdb if engine == "duckdb" else run_polars
    result = runner(Path(train), Path(test), threads, memory)
    result["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(result, default=str))


def measure(engine: str, train: Path, test: Path, threads: int, memory: str) -> dict:
    env = {**os.environ, "POLARS_MAX_THREADS": str(threads)}
    command = [sys.executable, __file__, "--child", engine, str(train), str(test)]
    command += ["--threads", str(threads), "--memory", memory]
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        return {"engine": engine, "error": err.strip().splitlines()[-1:]}
    result = json.loads(out.strip().splitlines()[-1])
    result |= {"engine": engine, "wall": round(wall, 2), "peak_gb": round(usage.ru_maxrss / 1e6, 3)}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--columns", type=int, default=50)
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory", default="1GB", help="DuckDB memory_limit")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "TRAIN", "TEST"))
    parser.add_argument("--make", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, threads=args.threads, memory=args.memory)
        return 0
    if args.make:
        make_data(Path(args.make), args.rows, args.columns, args.format)
        return 0
    with tempfile.TemporaryDirectory(prefix="coach-engines-") as folder:
        # Generated in a child: Linux keeps a process's peak RSS across fork and exec, so a
        # parent that held the data would set a floor under every measurement.
        subprocess.run(
            [sys.executable, __file__, "--make", folder, "--rows", str(args.rows),
             "--columns", str(args.columns), "--format", args.format],
            check=True,
        )  # fmt: skip
        suffix = ".parquet" if args.format == "parquet" else ".csv"
        train, test = Path(folder) / f"train{suffix}", Path(folder) / f"test{suffix}"
        size = (train.stat().st_size + test.stat().st_size) / 1e6
        print(
            f"{args.rows:,} + {args.rows // 4:,} rows × {args.columns} columns, "
            f"{args.format}, {size:.0f} MB, {args.threads} threads"
        )
        for engine in ("duckdb", "polars"):
            result = measure(engine, train, test, args.threads, args.memory)
            print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
