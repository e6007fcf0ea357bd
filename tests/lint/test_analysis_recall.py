"""Recall on real notebook idioms (keyword calls, lambdas, selectors, correlation picks, model
loops, helpers, augmentation) — and the near misses that must stay silent."""

from __future__ import annotations

from analysis_helpers import analyze_text, rule_lines

HEAD = """\
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("data.csv")
"""
SPLIT_AND_SCORE = """\
X = df.drop(columns=["y"])
y = df["y"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print(f1_score(y_test, clf.predict(X_test)))
"""


def lines(middle: str) -> list[tuple[str, int]]:
    return rule_lines(analyze_text(HEAD + middle + SPLIT_AND_SCORE, dedent=False))


def test_group_statistics_inside_lambdas_are_learned_but_row_wise_lambdas_are_not() -> None:
    fill = 'df["a"] = df.groupby("g")["a"].transform(lambda s: s.fillna(s.median()))\n'
    assert lines(fill) == [("LEAK001", 8)]
    row_wise = 'df["r"] = df.apply(lambda row: row["a"] / row["b"], axis=1)\n'
    assert lines(row_wise) == []
    no_stat = 'df["a"] = df.groupby("g")["a"].transform(lambda s: s.fillna(0))\n'
    assert lines(no_stat) == []


def test_correlation_only_leaks_once_it_picks_the_features() -> None:
    picked = 'cols = df.corr().nlargest(5, "y")["y"].index\ndf = df[cols]\n'
    assert lines(picked) == [("LEAK001", 8)]
    looked_at = 'print(df.corr()["y"].sort_values())\ncols = df.corr().index\ndf = df[cols]\n'
    assert lines(looked_at) == []


def test_a_selector_mask_carries_what_it_learned_only_when_fitted_on_all_rows() -> None:
    before = (
        "from sklearn.feature_selection import VarianceThreshold\n"
        'vt = VarianceThreshold(0.1).fit(df.drop(columns=["y"]))\n'
        "df = df.loc[:, vt.get_support()]\n"
    )
    assert lines(before) == [("LEAK001", 9)]


def test_element_writes_in_a_loop_carry_the_statistic_but_constants_do_not() -> None:
    stat = 'for i in df.index:\n    df["a"].iloc[i] = df["a"].mean()\n'
    assert lines(stat) == [("LEAK001", 9)]
    const = 'for i in df.index:\n    df["a"].iloc[i] = 0\n'
    assert lines(const) == []


def test_a_helper_that_filters_rows_is_not_a_second_read_of_the_same_rows() -> None:
    text = """\
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    def part(frame, year):
        return frame[frame.year == year]

    train = part(pd.read_csv("d.csv"), 2019)
    test = part(pd.read_csv("d.csv"), 2020)
    m = LogisticRegression().fit(train[["a"]], train["y"])
    print(f1_score(test["y"], m.predict(test[["a"]])))
    """
    assert analyze_text(text).findings == []
    same = text.replace("return frame[frame.year == year]", "return frame.dropna()")
    assert rule_lines(analyze_text(same)) == [("LEAK002", 9)]


def test_scoring_on_training_rows_is_leak002_unless_named_training_data() -> None:
    unnamed = HEAD + (
        'X = df.drop(columns=["y"])\ny = df["y"]\n'
        "clf = RandomForestClassifier(random_state=0).fit(X, y)\n"
        "print(f1_score(y, clf.predict(X)))\n"
    )
    assert rule_lines(analyze_text(unnamed, dedent=False)) == [("LEAK002", 11)]
    named = unnamed.replace("X", "X_train").replace("y =", "y_train =")
    named = named.replace("(X_train, y)", "(X_train, y_train)").replace("(y,", "(y_train,")
    assert rule_lines(analyze_text(named, dedent=False)) == [("EVAL002", 11)]
    # the same model is also cross-validated: the training score is only a side note
    with_cv = unnamed.replace(
        "print(f1_score(", 'print(cross_val_score(clf, X, y, scoring="f1").mean())\nprint(f1_score('
    )
    assert analyze_text(with_cv, dedent=False).findings == []


def test_models_unpacked_from_zip_enumerate_and_tuples_are_recognised() -> None:
    for loop in (
        "for name, m in zip(['a', 'b'],"
        " [RandomForestClassifier(random_state=0), RandomForestClassifier(random_state=1)]):",
        "for i, m in enumerate("
        "[RandomForestClassifier(random_state=0), RandomForestClassifier(random_state=1)]):",
        "for name, m in [('a', RandomForestClassifier(random_state=0)),"
        " ('b', RandomForestClassifier(random_state=1))]:",
    ):
        text = HEAD + (
            'X = df.drop(columns=["y"])\ny = df["y"]\n'
            "X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)\n"
            f"{loop}\n    m.fit(X, y)\n    print(f1_score(y_test, m.predict(X_test)))\n"
        )
        analysis = analyze_text(text, dedent=False)
        assert analysis.models_found, loop
        assert rule_lines(analysis) == [("LEAK002", 12)], loop


def test_list_repetition_and_starred_copies_are_oversampling() -> None:
    rare = 'rare = df[df["y"] == 1]\n'
    assert lines(rare + "df = pd.concat([df] + [rare] * 3)\n") == [("LEAK002", 9)]
    assert lines(rare + "df = pd.concat(objs=[df, *[rare] * 3], axis=0)\n") == [("LEAK002", 9)]
    assert lines(rare + "df = pd.concat([df.head(10)] * 2)\n") == []
