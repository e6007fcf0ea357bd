"""The GitHub Action (action.yml): its script, run locally as the action would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sarif_schema import validate_sarif

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "action-run.sh"
LEAKY = """\
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data.csv")
X, y = df.drop(columns=["y"]), df["y"]
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y)
LogisticRegression().fit(X_train, y_train).score(X_test, y_test)
"""


def _run(repo: Path, **env: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    output = repo / "github_output"
    output.write_text("")
    result = subprocess.run(
        [bash, str(SCRIPT)],
        cwd=repo,
        env={
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "COACH_INSTALL": "none",
            "GITHUB_OUTPUT": str(output),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return result, outputs


def test_action_script_writes_valid_sarif_and_reports_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "train.py").write_text(LEAKY)
    (tmp_path / "ok.py").write_text("print(1)\n")
    result, outputs = _run(tmp_path, COACH_PATHS="src ok.py", COACH_SARIF="out/coach.sarif")
    assert result.returncode == 0, result.stderr  # findings go to code scanning, not a red step
    assert outputs["exit-code"] == "1"
    (tmp_path / "out").mkdir(exist_ok=True)
    sarif = json.loads((tmp_path / "out" / "coach.sarif").read_text())
    validate_sarif(sarif)
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"LEAK001"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"src/train.py"}


def test_action_script_passes_extra_arguments_and_fails_on_usage_errors(tmp_path) -> None:
    (tmp_path / "train.py").write_text(LEAKY)
    result, outputs = _run(tmp_path, COACH_ARGS="--select BASE")
    assert result.returncode == 0 and outputs["exit-code"] in ("0", "1")
    sarif = json.loads((tmp_path / "coach.sarif").read_text())
    assert all(r["ruleId"].startswith("BASE") for r in sarif["runs"][0]["results"])
    broken, outputs = _run(tmp_path, COACH_ARGS="--select NOSUCHRULE")
    assert broken.returncode == 2 and outputs["exit-code"] == "2"
    assert "coach: error: --select" in broken.stderr


def test_action_yml_runs_the_script_and_uploads_sarif() -> None:
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert any("scripts/action-run.sh" in step.get("run", "") for step in steps)
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/"))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    lint_env = next(s for s in steps if s.get("id") == "lint")["env"]
    assert set(lint_env) == {"COACH_PATHS", "COACH_ARGS", "COACH_VERSION", "COACH_SARIF"}
