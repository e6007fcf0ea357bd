"""Datasets bundled with scikit-learn (no download), written to CSV with injected problems."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DATA = ROOT / "examples" / "data" / "transactions.csv"


@cache
def _bundled(name: str) -> pd.DataFrame:
    from sklearn import datasets

    loader = {
        "breast_cancer": datasets.load_breast_cancer,
        "iris": datasets.load_iris,
        "wine": datasets.load_wine,
        "digits": datasets.load_digits,
        "diabetes": datasets.load_diabetes,
    }[name]
    frame = loader(as_frame=True).frame
    return frame.rename(columns=lambda c: str(c).replace(" ", "_"))


@pytest.fixture
def dataset() -> Callable[[str], pd.DataFrame]:
    """A fresh copy of a bundled dataset; the label column is always called `target`."""
    return lambda name: _bundled(name).copy()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a DataFrame to tmp_path (CSV unless the name says otherwise) and return the path."""

    def _write(frame: pd.DataFrame, name: str = "data.csv") -> Path:
        path = tmp_path / name
        if name.endswith((".parquet", ".pq")):
            frame.to_parquet(path, index=False)
        elif ".tsv" in name:
            frame.to_csv(path, sep="\t", index=False)
        else:
            frame.to_csv(path, index=False)
        return path

    return _write


def split(frame: pd.DataFrame, test_share: float = 0.3, seed: int = 0):
    """A shuffled train/test split without shared rows (positions, not values)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(frame))
    cut = int(len(frame) * (1 - test_share))
    return (
        frame.iloc[order[:cut]].reset_index(drop=True),
        frame.iloc[order[cut:]].reset_index(drop=True),
    )


def with_class_share(frame: pd.DataFrame, minority: int, share: float, seed: int = 0):
    """Breast-cancer-like binary frame subsampled so class `minority` is `share` of the rows."""
    rest = frame[frame["target"] != minority]
    wanted = round(share * len(rest) / (1 - share))
    rare = frame[frame["target"] == minority].sample(n=wanted, random_state=seed)
    return pd.concat([rest, rare]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
