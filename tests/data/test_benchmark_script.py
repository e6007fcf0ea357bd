"""The speed benchmark script keeps working (run on a tiny file; the real run is 1,000,000 rows)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def test_data_speed_benchmark_measures_a_child_process():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "data_speed.py"), "--rows", "4000", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    check = payload["check_data"]
    assert check["exit_code"] == 1  # the generated file is imbalanced and has duplicated rows
    assert check["findings"] == ["IMB003", "LEAK002"]
    assert 0 < check["seconds"] < 60 and 0 < check["peak_memory_gb"] < 3
    assert check["within_limits"] is True
    for where in (ROOT, ROOT / "benchmarks"):  # generated in a temporary directory only
        assert not (where / "big.csv").exists()
