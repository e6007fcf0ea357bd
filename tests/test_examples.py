"""The bundled example dataset is exactly what its generator produces, and is imbalanced."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("make_data", ROOT / "examples" / "make_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dataset_matches_its_generator() -> None:
    generated = _generator().generate()
    with (ROOT / "examples" / "data" / "transactions.csv").open(newline="") as handle:
        on_disk = list(csv.DictReader(handle))
    assert len(on_disk) == len(generated)
    assert on_disk[:50] == [{k: str(v) for k, v in row.items()} for row in generated[:50]]


def test_dataset_is_imbalanced() -> None:
    with (ROOT / "examples" / "data" / "transactions.csv").open(newline="") as handle:
        labels = [row["is_fraud"] for row in csv.DictReader(handle)]
    share = labels.count("1") / len(labels)
    assert 0.01 < share < 0.06
