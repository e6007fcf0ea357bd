"""The rule catalog: the fixed ids, the quality of the texts people read, and load-time validation.

The catalog is what users read and trust, so these tests check what a reader would notice: a
missing or renamed rule, a thin explanation, a code example that does not run, a broken catalog
file that fails without saying where.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.catalog import Catalog, CatalogError, UnknownRuleError, load_catalog
from coach.resources import rules_dir

FIXED = {
    "LEAK001": "preprocessing-before-split",
    "LEAK002": "train-test-overlap",
    "LEAK003": "test-set-reuse",
    "LEAK004": "target-leakage",
    "LEAK005": "temporal-leakage",
    "LEAK006": "group-leakage",
    "BASE001": "no-baseline",
    "BASE002": "complex-first",
    "BASE003": "not-beating-baseline",
    "IMB001": "accuracy-on-imbalanced",
    "IMB002": "unstratified-split",
    "IMB003": "imbalanced-classes",
}
# Families whose files this catalog part owns (EVAL, REPRO, SCALE come from the lint analysis).
OWNED_FILES = ["leak.toml", "base.toml", "imb.toml", "cal.toml", "deploy.toml", "priv.toml"]
OWNED_FAMILIES = {"LEAK", "BASE", "IMB", "CAL", "DEPLOY", "PRIV"}
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def owned_rules(catalog: Catalog):
    return [rule for rule in catalog.select() if rule.family in OWNED_FAMILIES]


def code_blocks(text: str) -> list[str]:
    return CODE_BLOCK.findall(text)


# --- the fixed ids -----------------------------------------------------------------------------


def test_every_fixed_id_loads_with_its_fixed_name_and_family(catalog: Catalog) -> None:
    for rule_id, name in FIXED.items():
        rule = catalog.get(rule_id)
        assert rule.name == name, rule_id
        assert rule.family == re.match(r"[A-Z]+", rule_id).group(0)
        assert catalog.by_name(name) is rule


def test_question_level_families_are_present(catalog: Catalog) -> None:
    for family in ("CAL", "DEPLOY", "PRIV"):
        rules = catalog.select(family)
        assert 2 <= len(rules) <= 3, family
        assert all("question" in rule.detectors for rule in rules)
        assert catalog.families[family].description.endswith(".")


def test_leakage_rules_are_errors(catalog: Catalog) -> None:
    # Leakage invalidates the reported score; anything weaker would undersell it.
    assert {r.severity for r in catalog.select("LEAK")} == {"error"}


# --- the texts ---------------------------------------------------------------------------------


def test_every_rule_has_substantial_why_and_fix(owned_rules) -> None:
    assert len(owned_rules) >= 20
    for rule in owned_rules:
        assert "\n" not in rule.title and len(rule.title) <= 80, rule.id
        assert 60 <= len(rule.summary) <= 400, rule.id
        assert len(rule.why) >= 400, f"{rule.id}: why is too thin"
        assert len(rule.fix) >= 300, f"{rule.id}: fix is too thin"
        assert rule.why != rule.fix and rule.summary not in rule.why, rule.id
        assert rule.references and all(len(ref) > 20 for ref in rule.references), rule.id
        assert rule.detectors, rule.id
        assert not re.search(r"\b(TODO|TBD|lorem|FIXME)\b", rule.why + rule.fix), rule.id


def test_long_texts_fit_a_terminal(owned_rules) -> None:
    # `coach rule ID` prints why/fix verbatim, so they are wrapped in the file.
    for rule in owned_rules:
        for line in (rule.why + "\n" + rule.fix).splitlines():
            assert len(line) <= 100, f"{rule.id}: line too long: {line[:40]}..."


def test_triggers_are_realistic_and_unambiguous(owned_rules) -> None:
    seen: dict[str, str] = {}
    for rule in owned_rules:
        assert 8 <= len(rule.triggers) <= 20, rule.id
        assert len(set(t.lower() for t in rule.triggers)) == len(rule.triggers), rule.id
        for trigger in rule.triggers:
            assert 2 <= len(trigger.split()) <= 14, f"{rule.id}: {trigger!r}"
            key = trigger.lower()
            assert key not in seen, f"trigger {trigger!r} in both {seen.get(key)} and {rule.id}"
            seen[key] = rule.id


def test_leak001_states_the_decision_on_test_only_statistics(catalog: Catalog) -> None:
    why = catalog.get("LEAK001").why
    assert "scaler.fit_transform(X_test)" in why
    assert "not leakage" in why and "does not report it as LEAK001" in why
    assert "EVAL001 (inconsistent-preprocessing)" in why
    assert catalog.get("EVAL001").name == "inconsistent-preprocessing"  # the rule it points to


def test_imb003_documents_the_thresholds(catalog: Catalog) -> None:
    rule = catalog.get("IMB003")
    text = rule.summary + rule.why
    assert "below 10% of the rows" in text
    assert "10% of the majority class's count" in text
    assert "from 10% up to 20%" in text
    assert "50/50" in text  # balanced data never fires


def test_imb003_thresholds_match_what_the_data_check_uses(catalog: Catalog) -> None:
    from coach.data.thresholds import IMBALANCE_INFO, IMBALANCE_WARNING

    text = catalog.get("IMB003").why
    assert f"below {IMBALANCE_WARNING:.0%} of the rows" in text
    assert f"from {IMBALANCE_WARNING:.0%} up to {IMBALANCE_INFO:.0%}" in text
    assert f"nothing: {IMBALANCE_INFO:.0%} or more" in text


def test_base003_explains_the_majority_arithmetic(catalog: Catalog) -> None:
    why = catalog.get("BASE003").why
    assert "2% positives" in why and "98%" in why


def test_references_cite_the_canonical_sources(catalog: Catalog) -> None:
    def refs(*ids: str) -> str:
        return " ".join(ref for rule_id in ids for ref in catalog.get(rule_id).references)

    leak = refs("LEAK001", "LEAK002", "LEAK003", "LEAK004", "LEAK005", "LEAK006")
    assert "Kapoor & Narayanan (2023)" in leak and "Yang" in leak
    assert "common_pitfalls" in refs("LEAK001")
    assert "imbalanced-learn" in refs("LEAK002") and "imbalanced-learn" in refs("IMB003")
    assert "Raschka" in refs("BASE001", "BASE002", "CAL001", "CAL002", "DEPLOY003", "PRIV002")
    assert "Ameisen" in refs("BASE001", "BASE002", "DEPLOY001")


def test_fix_code_examples_are_valid_python(owned_rules) -> None:
    for rule in owned_rules:
        blocks = code_blocks(rule.fix)
        if rule.family in {"LEAK", "BASE", "IMB"}:
            assert blocks, f"{rule.id}: the fix has no code example"
        for block in blocks:
            ast.parse(block, filename=f"{rule.id}.fix")


def _example_namespace() -> dict:
    """Small realistic data under the names the fix examples use (X, y, df, model, texts...)."""
    import numpy as np
    import pandas as pd
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    n = 400
    features, labels = make_classification(
        n_samples=n, n_features=4, n_informative=3, n_redundant=0, weights=[0.85], random_state=0
    )
    X = pd.DataFrame(features, columns=["age", "income", "visits", "tenure"])
    y = pd.Series(labels, name="target")
    rng = np.random.default_rng(0)
    df = X.assign(
        churned=labels,
        target=labels,
        customer_id=np.arange(n),
        patient_id=rng.integers(0, 60, n),
        store=rng.integers(0, 5, n),
        sales=rng.gamma(2.0, 10.0, n),
        date=pd.date_range("2024-01-01", periods=n, freq="D"),
    ).sample(frac=1.0, random_state=0)
    df = df.reset_index(drop=True)
    X, y = df[["age", "income", "visits", "tenure"]], df["target"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0
    )
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)
    words = {0: "refund late broken angry slow", 1: "great fast lovely happy quick"}
    texts = [" ".join(rng.choice(words[i % 2].split(), 4)) + " order item" for i in range(100)]
    labels_text = [i % 2 for i in range(100)]
    human = ["spam", "ham", "ham", "spam", "ham", "spam", "ham", "ham"] * 5
    llm = [*human[:-4], "ham", "spam", "spam", "ham"]
    return {
        "X": X, "y": y, "df": df, "model": model,
        "X_train": X_train, "X_test": X_test, "y_train": y_train, "y_test": y_test,
        "X_val": X_test, "y_val": y_test,
        "texts": texts, "labels": labels_text, "human_labels": human, "llm_labels": llm,
    }  # fmt: skip


def run_fix_examples() -> dict:
    """Execute every fix example of the owned families on small data; report what ran."""
    import contextlib
    import io
    import warnings

    from threadpoolctl import threadpool_limits

    base = _example_namespace()
    ran, needs_imblearn, output = [], [], io.StringIO()
    for rule in load_catalog().select():
        if rule.family not in OWNED_FAMILIES:
            continue
        for index, block in enumerate(code_blocks(rule.fix)):
            namespace = dict(base)
            # One thread: the examples are tiny, and the test machine's cores are shared.
            with warnings.catch_warnings(), threadpool_limits(1):
                warnings.simplefilter("ignore")
                try:
                    with contextlib.redirect_stdout(output):
                        exec(compile(block, f"{rule.id}.fix[{index}]", "exec"), namespace)
                except ModuleNotFoundError as exc:
                    if exc.name != "imblearn":  # imbalanced-learn is not a Coach dependency
                        raise
                    needs_imblearn.append(rule.id)
                    continue
            ran.append(f"{rule.id}[{index}]")
    return {"ran": ran, "needs_imblearn": needs_imblearn, "output": output.getvalue()}


def test_fix_code_examples_run_with_current_scikit_learn() -> None:
    """Every example is executed, so a renamed scikit-learn API or a typo cannot ship.

    It runs in a subprocess: scikit-learn must not leak into this process's sys.modules, where
    other tests check that the core stays free of it.
    """
    proc = subprocess.run(
        [sys.executable, __file__], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert len(report["ran"]) >= 20, report["ran"]
    assert set(report["needs_imblearn"]) <= {"LEAK002"}
    out = report["output"]
    assert "rows appear in train and test" in out  # the overlap check printed its count
    assert "decision threshold" in out and "Brier score" in out


# --- validation of broken catalog files -------------------------------------------------------


def _copy_catalog(tmp_path: Path) -> Path:
    for name in OWNED_FILES:
        shutil.copy(rules_dir() / name, tmp_path / name)
    return tmp_path


def test_a_copy_of_the_catalog_loads_identically(tmp_path: Path, catalog: Catalog) -> None:
    copy = load_catalog(_copy_catalog(tmp_path))
    for rule_id in FIXED:
        assert copy.get(rule_id) == catalog.get(rule_id)
    assert set(copy.families) == OWNED_FAMILIES


def _break(tmp_path: Path, old: str, new: str, file: str = "leak.toml") -> Path:
    path = _copy_catalog(tmp_path) / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # bad TOML: an unterminated string; the message gives file and line
        ('severity = "error"', 'severity = "error', ["leak.toml", "not valid TOML", "line"]),
        # missing field
        ('summary = "A scaler', 'sumary = "A scaler', ["leak.toml", "LEAK001", "'summary'"]),
        # wrong severity
        ('severity = "error"', 'severity = "critical"', ["leak.toml", "LEAK001", "'severity'"]),
        # id that does not match the file's family
        ('id = "LEAK002"', 'id = "BASE004"', ["leak.toml", "BASE004", "'family'"]),
        # duplicate id
        ('id = "LEAK002"', 'id = "LEAK001"', ["leak.toml", "LEAK001", "'id'", "duplicate"]),
        # malformed id and name
        ('id = "LEAK003"', 'id = "LEAK3"', ["leak.toml", "LEAK3", "'id'"]),
        ('name = "target-leakage"', 'name = "Target Leakage"', ["leak.toml", "'name'"]),
        # references must not be empty
        ("references = [\n", "references = [] \nunused = [\n", ["leak.toml", "LEAK001", "'references'"]),
    ],
    ids=[
        "bad-toml", "missing-field", "wrong-severity", "family-mismatch", "duplicate-id",
        "bad-id", "bad-name", "empty-references",
    ],
)  # fmt: skip
def test_broken_catalog_file_names_file_and_field(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    directory = _break(tmp_path, old, new)
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    message = str(info.value)
    for part in expected:
        assert part in message, f"{part!r} missing from: {message}"


def test_a_family_defined_in_two_files_names_the_second_file(tmp_path: Path) -> None:
    directory = _copy_catalog(tmp_path)
    shutil.copy(directory / "base.toml", directory / "zz_more_base.toml")
    with pytest.raises(CatalogError, match=r"zz_more_base\.toml.*'family\.id'.*BASE"):
        load_catalog(directory)


def test_empty_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no catalog files"):
        load_catalog(tmp_path)


# --- lookups -----------------------------------------------------------------------------------


def test_close_matches_suggest_the_intended_rule(catalog: Catalog) -> None:
    assert "LEAK001" in catalog.close_matches("LEAK01")
    assert "IMB002" in catalog.close_matches("unstratifed-split")
    assert catalog.get("leak001").id == "LEAK001"
    with pytest.raises(UnknownRuleError) as info:
        catalog.get("LEAK01")
    assert "LEAK001" in str(info.value)


if __name__ == "__main__":  # used by test_fix_code_examples_run_with_current_scikit_learn
    print(json.dumps(run_fix_examples()))
