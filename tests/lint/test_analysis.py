"""The dataflow analysis: evidence in findings, what it recognises, project-level BASE001, and
robustness on hostile input."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from analysis_helpers import analyze_text, rule_lines

from coach.catalog import default_catalog
from coach.lint.analysis import RULE_IDS, analyze_source, project_findings
from coach.lint.model import SourceFile

REPO = Path(__file__).resolve().parents[2]

LEAKY = """\
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("data.csv")
X = df.drop(columns=["label"])
y = df["label"]
scaler = StandardScaler()
X_scaled = scaler.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, stratify=y, random_state=0)
clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print(f1_score(y_test, clf.predict(X_test)))
"""


def test_leak001_names_the_fit_the_data_and_the_split_line() -> None:
    analysis = analyze_text(LEAKY, path="train.py")
    assert rule_lines(analysis) == [("LEAK001", 11)]
    finding = analysis.findings[0]
    assert finding.detector == "code"
    assert finding.location is not None and finding.location.path == "train.py"
    assert "StandardScaler fitted on `X` (all rows) at line 11" in finding.message
    assert "split into train/test at line 12" in finding.message
    assert [(r.path, r.line) for r in finding.related] == [("train.py", 12)]
    assert "split into train/test" in finding.related[0].message


def test_recognition_flags_say_what_was_understood() -> None:
    analysis = analyze_text(LEAKY)
    assert analysis.models_found and analysis.evaluation_found
    assert not analysis.baseline_found  # a random forest is not a baseline
    nothing = analyze_text("import os\nprint(os.getcwd())\n")
    assert not nothing.models_found and not nothing.evaluation_found and not nothing.findings


def test_aliases_method_chains_and_copies_are_followed() -> None:
    text = """\
    import pandas as pd
    from sklearn.preprocessing import RobustScaler as RS
    from sklearn.model_selection import train_test_split as tts

    raw = pd.read_csv("x.csv").dropna().copy()
    features = raw.drop(columns=["y"]).reset_index(drop=True)
    scaled = pd.DataFrame(RS().fit_transform(features), columns=features.columns)
    same = scaled
    a, b, c, d = tts(same.values, raw["y"], stratify=raw["y"], random_state=1)
    """
    assert rule_lines(analyze_text(text)) == [("LEAK001", 7)]


def test_unknown_calls_make_values_unknown_not_leaky() -> None:
    text = """\
    import pandas as pd
    from mylib import magic_prepare
    from sklearn.model_selection import train_test_split

    df = pd.read_csv("x.csv")
    X = magic_prepare(df)
    X_train, X_test = train_test_split(X, random_state=0)
    """
    assert analyze_text(text).findings == []


def test_statistics_of_the_test_set_alone_are_inconsistent_preprocessing_not_leakage() -> None:
    """Coach's documented decision: fit_transform(X_test) is EVAL001, never LEAK001."""
    text = """\
    import pandas as pd
    from sklearn.preprocessing import StandardScaler
    from sklearn.model_selection import train_test_split
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    df = pd.read_csv("x.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        df[["a", "b"]], df["y"], stratify=df["y"], random_state=0)
    sc = StandardScaler()
    X_train = sc.fit_transform(X_train)
    X_test = sc.fit_transform(X_test)
    m = LogisticRegression().fit(X_train, y_train)
    print(f1_score(y_test, m.predict(X_test)))
    """
    analysis = analyze_text(text)
    assert rule_lines(analysis) == [("EVAL001", 12)]
    assert analysis.findings[0].related[0].line == 11
    catalog = default_catalog()
    assert "EVAL" in catalog.get("LEAK001").why  # the decision is written in the rule text
    assert "not leakage" in catalog.get("EVAL001").why


def test_pipeline_in_cross_validation_is_the_correct_pattern() -> None:
    text = """\
    import pandas as pd
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.feature_selection import SelectKBest
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    df = pd.read_csv("x.csv")
    X, y = df.drop(columns="t"), df["t"]
    pipe = make_pipeline(StandardScaler(), SelectKBest(k=5), LogisticRegression())
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    search = GridSearchCV(pipe, {"selectkbest__k": [5, 10]}, cv=cv, scoring="f1")
    search.fit(X, y)
    print(search.best_score_)
    """
    analysis = analyze_text(text)
    assert analysis.findings == []
    assert analysis.models_found


def test_time_split_by_date_mask_is_a_correct_split() -> None:
    text = """\
    import pandas as pd
    from sklearn.linear_model import Ridge
    from sklearn.metrics import mean_absolute_error

    df = pd.read_csv("sales.csv", parse_dates=["date"], index_col="date")
    df["lag"] = df["sales"].shift(7)
    train = df[df.index < "2023-01-01"]
    test = df[df.index >= "2023-01-01"]
    mean_lag = train["lag"].mean()
    train = train.fillna(mean_lag)
    test = test.fillna(mean_lag)
    model = Ridge().fit(train[["lag"]], train["sales"])
    print(mean_absolute_error(test["sales"], model.predict(test[["lag"]])))
    """
    assert analyze_text(text).findings == []


def _result(text: str, path: str):
    source = SourceFile(path=path, text=text)
    return source, analyze_source(source, ast.parse(text))


def test_base001_is_reported_once_for_the_project_at_the_first_evaluation() -> None:
    results = [_result(LEAKY, "a.py"), _result(LEAKY, "b.py")]
    findings = project_findings(results)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == "BASE001"
    assert (finding.location.path, finding.location.line) == ("a.py", 14)  # type: ignore[union-attr]
    assert [(r.path, r.line) for r in finding.related] == [("b.py", 14)]


def test_a_baseline_anywhere_in_the_project_silences_base001() -> None:
    baseline = """\
    from sklearn.dummy import DummyClassifier
    from sklearn.model_selection import cross_val_score
    print(cross_val_score(DummyClassifier(), X, y, scoring="f1"))
    """
    import textwrap

    results = [_result(LEAKY, "a.py"), _result(textwrap.dedent(baseline), "baseline.py")]
    assert results[1][1].baseline_found
    assert project_findings(results) == []


def test_no_base001_without_an_evaluated_model() -> None:
    assert project_findings([_result("import numpy as np\n", "a.py")]) == []


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "(" * 90 + "1" + ")" * 90 + "\n",
        "y = " + " + ".join(["df"] * 800) + "\n",
        "def f(x):\n    return f(x)\nf(1)\n",
        "def a(x):\n    return b(x)\ndef b(x):\n    return a(x)\nfit = a(1)\n",
        "for (a, b) in zip(x, y):\n    a.fit(b).split()\n",
        "class M:\n    def fit(self, X):\n        self.m = X.mean()\n        return self\nM().fit(1)\n",
        "import pandas as pd\ndf = pd.read_csv('x')\ndf.loc[df.a > 1, 'b'] = df.b.mean()\n",
    ],
)
def test_hostile_code_never_crashes(text: str) -> None:
    analysis = analyze_text(text, dedent=False)
    assert analysis.findings == []


def test_every_rule_a_check_can_emit_is_in_the_catalog() -> None:
    assert set(default_catalog().rules) >= RULE_IDS


def _load(path: Path):
    from coach.lint.sources import Candidate, load_file

    loaded = load_file(Candidate(path=path, display=path.name))
    assert loaded.source is not None and loaded.tree is not None
    return loaded.source, analyze_source(loaded.source, loaded.tree)


def test_the_example_training_script_shows_its_mistakes() -> None:
    source, analysis = _load(REPO / "examples" / "train.py")
    found = {f.rule for f in analysis.findings}
    assert {"LEAK001", "IMB001", "IMB002"} <= found
    leak = [f for f in analysis.findings if f.rule == "LEAK001"]
    assert any("StandardScaler" in f.message for f in leak)
    assert project_findings([(source, analysis)])[0].rule == "BASE001"


def test_the_example_notebook_shows_its_mistakes_by_cell() -> None:
    source, analysis = _load(REPO / "examples" / "explore.ipynb")
    found = {f.rule: f for f in analysis.findings}
    assert {"LEAK001", "LEAK002", "IMB001"} <= set(found)
    cell, _ = source.locate(found["LEAK002"].location.line)  # type: ignore[union-attr]
    assert cell is not None
    assert "SMOTE" in found["LEAK002"].message


def test_row_index_arrays_split_the_data_even_when_their_values_are_unknown() -> None:
    text = """\
    import numpy as np
    import pandas as pd
    from sklearn.preprocessing import StandardScaler

    df = pd.read_csv("x.csv")
    X = StandardScaler().fit_transform(df[["a", "b"]])
    perm = np.random.permutation(len(X))
    train_idx, test_idx = perm[:800], perm[800:]
    X_train, X_test = X[train_idx], X[test_idx]
    """
    assert rule_lines(analyze_text(text)) == [("LEAK001", 6)]


def test_column_lists_computed_at_run_time_do_not_make_a_split() -> None:
    text = """\
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier

    train = pd.read_csv("train.csv")
    train["Age"] = train["Age"].fillna(train["Age"].median())
    features = [c for c in train.columns if c != "Survived"]
    X_train = train[features]
    model = RandomForestClassifier(random_state=0).fit(X_train, train["Survived"])
    """
    assert analyze_text(text).findings == []


def test_concatenating_rows_with_their_own_copies_is_overlap_but_columns_are_not() -> None:
    leaky = """\
    import pandas as pd
    from sklearn.model_selection import train_test_split

    df = pd.read_csv("x.csv")
    df = pd.concat([df, df[df.label == 1]])
    a, b = train_test_split(df, stratify=df["label"], random_state=0)
    """
    assert rule_lines(analyze_text(leaky)) == [("LEAK002", 5)]
    columns = leaky.replace(
        "pd.concat([df, df[df.label == 1]])", 'pd.concat([df, pd.get_dummies(df["c"])], axis=1)'
    )
    assert analyze_text(columns).findings == []


def test_slices_of_features_and_labels_form_one_split() -> None:
    text = """\
    import pandas as pd
    from sklearn.preprocessing import StandardScaler
    from sklearn.linear_model import Ridge
    from sklearn.metrics import r2_score

    df = pd.read_csv("x.csv")
    y = df["target"].values
    y_train, y_test = y[:800], y[800:]
    X = StandardScaler().fit_transform(df[["a", "b"]])
    X_train, X_test = X[:800], X[800:]
    model = Ridge().fit(X_train, y_train)
    print(r2_score(y_test, model.predict(X_test)))
    """
    assert rule_lines(analyze_text(text)) == [("LEAK001", 9)]
    fixed = text.replace(
        'X = StandardScaler().fit_transform(df[["a", "b"]])\n    X_train, X_test = X[:800], X[800:]',
        'X = df[["a", "b"]].values\n    X_train, X_test = X[:800], X[800:]',
    )
    assert analyze_text(fixed).findings == []


def test_data_from_an_unknown_loader_is_followed_from_the_fit_onwards() -> None:
    """The motivating example of Yang et al. (ASE 2022): the loader is opaque, the selector is
    fitted on everything, the selected features are then split."""
    text = """\
    from sklearn.feature_selection import SelectPercentile, chi2
    from sklearn.model_selection import train_test_split
    from sklearn.linear_model import LogisticRegression
    from mydata import load_data

    X_0, y = load_data()
    select = SelectPercentile(chi2, percentile=50)
    select.fit(X_0, y)
    X = select.transform(X_0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
    lr = LogisticRegression().fit(X_train, y_train)
    print(lr.score(X_test, y_test))
    """
    assert ("LEAK001", 8) in rule_lines(analyze_text(text))
    named_parts = text.replace("select.fit(X_0, y)", "select.fit(X_0_train, y)")
    assert ("LEAK001", 8) not in rule_lines(analyze_text(named_parts))
