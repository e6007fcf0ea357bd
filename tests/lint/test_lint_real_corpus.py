"""The real-code corpus files stay consistent, and the scorer counts verdicts as documented.

No network and no third-party code: only the committed CSVs, a rebuild against an empty mirror,
and the scorer fed a report built from the judged CSV itself.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "benchmarks" / "lint_real"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _manifest_files(split: str) -> set[str]:
    return {
        f"{r['repo'].replace('/', '__')}/{r['path']}" for r in _rows(REAL / split / "manifest.csv")
    }


def _scorer():
    spec = importlib.util.spec_from_file_location("lint_real", ROOT / "benchmarks" / "lint_real.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_dev_csvs_reference_manifest_files_with_valid_labels():
    manifest = _manifest_files("dev")
    rows = _rows(REAL / "dev" / "manifest.csv")
    assert rows and all(re.fullmatch(r"[0-9a-f]{40}", r["commit"]) for r in rows)
    assert all("/" in r["repo"] for r in rows)
    for name in ("judged.csv", "leaks.csv"):
        for r in _rows(REAL / "dev" / name):
            assert r["path"].split("#cell", 1)[0] in manifest, (name, r["path"])
            assert re.fullmatch(r"[A-Z]+\d{3}", r["rule"]) and int(r["line"]) >= 1
            assert r["path"].endswith(".py") or re.search(r"\.ipynb#cell\d+$", r["path"])
            assert r["reason"].strip()
    assert {r["verdict"] for r in _rows(REAL / "dev" / "judged.csv")} <= {"tp", "fp", "debatable"}
    for r in _rows(REAL / "dev" / "clean_files.csv"):
        assert r["path"] in manifest and r["reason"].strip()


def test_rebuild_names_each_missing_repository_and_how_to_fetch_it(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(REAL / "rebuild.py"),
            "--split",
            "dev",
            "--mirror",
            str(tmp_path / "mirror"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    repos = {r["repo"] for r in _rows(REAL / "dev" / "manifest.csv")}
    for repo in repos:
        assert f"MISSING repo {repo}" in result.stdout
    assert "fetch('github:" in result.stdout and "git clone https://github.com/" in result.stdout
    assert not (tmp_path / "out" / "dev").exists() or not any((tmp_path / "out" / "dev").iterdir())


def test_scorer_counts_verdicts_lost_true_positives_and_unjudged_findings():
    scorer = _scorer()
    judged = _rows(REAL / "dev" / "judged.csv")

    def finding(rule: str, path: str, line: int) -> dict:
        file, _, cell = path.partition("#cell")
        return {"rule": rule, "path": file, "cell": int(cell) if cell else None, "line": line}

    # every judged finding reported one line lower: still matched (tolerance), nothing lost
    report = {"findings": [finding(r["rule"], r["path"], int(r["line"]) + 1) for r in judged]}
    result = scorer.evaluate("dev", report, tol=2)
    assert result["total"]["unjudged"] == 0 and result["total"]["lost_tp"] == 0
    for rule, row in result["rules"].items():
        rows = [r for r in judged if r["rule"] == rule]
        tp = sum(r["verdict"] == "tp" for r in rows)
        fp = sum(r["verdict"] == "fp" for r in rows)
        assert (row["tp"], row["fp"]) == (tp, fp)
        assert row["precision"] == (round(tp / (tp + fp), 3) if tp + fp else None)

    # one true positive disappears and an unknown finding appears
    first_tp = next(r for r in judged if r["verdict"] == "tp")
    kept = [f for f, r in zip(report["findings"], judged, strict=True) if r is not first_tp]
    kept.append(finding("LEAK001", first_tp["path"], 100000))
    result = scorer.evaluate("dev", {"findings": kept}, tol=2)
    assert result["total"]["lost_tp"] == 1 and result["total"]["unjudged"] == 1
    assert result["lost"][0]["path"] == first_tp["path"]
