"""Every output format, as a user (or GitHub) reads it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

# The parts of SARIF 2.1.0 that GitHub code scanning reads (its documented required subset).
GITHUB_SARIF_SUBSET = {
    "type": "object",
    "required": ["$schema", "version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "version", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "id",
                                                "name",
                                                "shortDescription",
                                                "fullDescription",
                                                "help",
                                                "defaultConfiguration",
                                            ],
                                            "properties": {
                                                "help": {"required": ["text"]},
                                                "defaultConfiguration": {
                                                    "properties": {
                                                        "level": {
                                                            "enum": ["error", "warning", "note"]
                                                        }
                                                    }
                                                },
                                            },
                                        },
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "ruleId",
                                "level",
                                "message",
                                "locations",
                                "partialFingerprints",
                            ],
                            "properties": {
                                "message": {"required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {"required": ["uri"]},
                                                    "region": {
                                                        "required": ["startLine"],
                                                        "properties": {
                                                            "startLine": {"minimum": 1},
                                                            "startColumn": {"minimum": 1},
                                                        },
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                                "relatedLocations": {
                                    "type": "array",
                                    "items": {"required": ["id", "physicalLocation", "message"]},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


@pytest.fixture
def leaky(kit, tmp_path: Path) -> Path:
    return kit.write(tmp_path / "src" / "train.py", kit.LEAKY_SCRIPT)


def test_text_shows_snippet_related_line_and_help(kit, lint, leaky: Path) -> None:
    result = lint("--select", "LEAK001")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("error[LEAK001]: ")
    column = lint("--format", "json").json()["findings"][0]["column"]
    assert lines[1] == f"  --> src/train.py:{kit.LEAK_LINE}:{column}"
    snippet = f"{kit.LEAK_LINE} | X = StandardScaler().fit_transform(X)"
    caret = lines[lines.index(snippet) + 1]
    assert caret.startswith("   | " + " " * (column - 1) + "^^^")
    related = next(line for line in lines if line.startswith(f"{kit.SPLIT_LINE} | "))
    assert "train_test_split(X, y" in related
    assert any(line.endswith("`X` is split into train/test here") for line in lines)
    assert "coach rule LEAK001" in result.out
    assert "\x1b[" not in result.out  # NO_COLOR is set by the test environment
    assert lines[-1] == "Checked 1 file (1 with a model fit recognised): 1 finding (1 error)."


def test_colour_only_when_asked_or_on_a_terminal(lint, leaky: Path, monkeypatch) -> None:
    assert "\x1b[1;31merror[LEAK001]" in lint("--color", "always").out
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" not in lint().out  # captured output is not a terminal


def test_json_has_the_documented_shape(kit, lint, leaky: Path) -> None:
    data = lint("--format", "json", "--select", "LEAK001").json()
    assert set(data) >= {"version", "files", "findings", "summary"}
    assert data["files"] == [
        {
            "path": "src/train.py",
            "status": "ok",
            "models_found": True,
            "evaluation_found": data["files"][0]["evaluation_found"],
            "kind": "py",
            "lines": 13,
            "detail": None,
            "notes": [],
        }
    ]
    [finding] = data["findings"]
    assert finding["rule"] == "LEAK001"
    assert finding["name"] == "preprocessing-before-split"
    assert finding["severity"] == "error"
    assert finding["path"] == "src/train.py"
    assert (finding["line"], finding["cell"]) == (kit.LEAK_LINE, None)
    assert finding["source"] == "X = StandardScaler().fit_transform(X)"
    assert finding["end_line"] == kit.LEAK_LINE
    assert finding["message"]
    assert {"path": "src/train.py", "line": kit.SPLIT_LINE}.items() <= finding["related"][0].items()
    assert len(finding["fingerprint"]) == 20
    summary = data["summary"]
    assert (summary["files"], summary["files_with_models"], summary["findings"]) == (1, 1, 1)
    assert summary["errors"] == 0


def test_statistics(kit, lint, leaky: Path, tmp_path: Path) -> None:
    kit.write(tmp_path / "src" / "again.py", kit.LEAKY_SCRIPT)
    result = lint("--statistics", "--select", "LEAK001")
    assert result.out.splitlines()[0] == "2  LEAK001  preprocessing-before-split  error"
    assert "-->" not in result.out
    data = lint("--statistics", "--format", "json", "--select", "LEAK001").json()
    assert data["statistics"] == [
        {"rule": "LEAK001", "name": "preprocessing-before-split", "severity": "error", "count": 2}
    ]


def test_sarif_is_what_github_code_scanning_reads(kit, lint, leaky: Path) -> None:
    result = lint("--format", "sarif", "--select", "LEAK001")
    assert result.code == 1
    sarif = json.loads(result.out)
    jsonschema.validate(sarif, GITHUB_SARIF_SUBSET)
    run = sarif["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["LEAK001"]["name"] == "preprocessing-before-split"
    assert "How to fix it" in rules["LEAK001"]["help"]["text"]
    [res] = run["results"]
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "LEAK001"
    assert res["level"] == "error"
    physical = res["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "src/train.py", "uriBaseId": "%SRCROOT%"}
    assert physical["region"]["startLine"] == kit.LEAK_LINE
    assert res["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == kit.SPLIT_LINE
    # The summary goes to stderr so stdout stays a valid document.
    assert result.err.startswith("Checked 1 file")


def test_sarif_uri_is_encoded(kit, lint, tmp_path: Path) -> None:
    kit.write(tmp_path / "my notebooks" / "train #1.py", kit.LEAKY_SCRIPT)
    sarif = json.loads(lint("--format", "sarif").out)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"my%20notebooks/train%20%231.py"}


def test_sarif_fingerprint_is_stable_when_lines_move(kit, lint, leaky: Path) -> None:
    before = json.loads(lint("--format", "sarif").out)["runs"][0]["results"]
    leaky.write_text("# a new header comment\n\n" + kit.LEAKY_SCRIPT, encoding="utf-8")
    after = json.loads(lint("--format", "sarif").out)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert (
        after[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
        == before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 2
    )


def test_github_annotations(kit, lint, leaky: Path, tmp_path: Path) -> None:
    kit.write(tmp_path / "old.py", "print 'x'\n")
    column = lint("--format", "json", "--select", "LEAK001").json()["findings"][0]["column"]
    result = lint("--format", "github", "--select", "LEAK001")
    lines = result.out.splitlines()
    assert lines[0].startswith(
        f"::error file=src/train.py,line={kit.LEAK_LINE},col={column},endLine={kit.LEAK_LINE},"
        "title=LEAK001 preprocessing-before-split::"
    )
    assert f"%0Aline {kit.SPLIT_LINE}: `X` is split into train/test here" in lines[0]
    assert lines[1].startswith("::warning file=old.py,title=coach%3A syntax-error::")
    assert result.code == 1


def test_output_file(lint, leaky: Path, tmp_path: Path) -> None:
    result = lint("--format", "json", "--output-file", "report.json")
    assert result.out == ""
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["findings"] >= 1
    assert result.err.startswith("Checked 1 file")
