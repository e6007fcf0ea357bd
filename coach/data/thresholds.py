"""Every threshold the data checks use, in one place, so code, rule texts and docs agree.

The imbalance thresholds are the ones the IMB003 rule text documents.
"""

from __future__ import annotations

# IMB003 — class imbalance. Binary: share of the minority class among labelled rows.
# Multiclass: each class's count relative to the majority class's count.
IMBALANCE_WARNING = 0.10  # below this: warning
IMBALANCE_INFO = 0.20  # from IMBALANCE_WARNING up to (not including) this: info

# DATA003 — mostly-missing columns.
MISSING_INFO = 0.50  # at least this share missing: info
MISSING_WARNING = 0.90  # at least this share missing: warning

# DATA006 — a column is "mostly numeric" when this share of its distinct text values parse as
# numbers; the remaining text values then make pandas treat the whole column as text.
MIXED_NUMERIC_SHARE = 0.50

# LEAK002 — near duplicates: numbers are compared after rounding their binary mantissa to this
# many bits (a relative tolerance of 2**-20, about 1e-6, i.e. ~6 significant digits); text after
# trimming, collapsing whitespace and case-folding.
NEAR_MANTISSA_BITS = 20
# Duplicates inside the training file: warning from this share of rows, info below it.
DUPLICATES_WARNING_SHARE = 0.01

# LEAK004 — one-feature model: skill = (score - trivial) / (1 - trivial), where score is balanced
# accuracy (classification) or R² (regression). At or above this the feature alone predicts the
# target almost perfectly.
SINGLE_FEATURE_SKILL = 0.98
# Regression: a feature whose rank correlation with the target is at least this is a monotone
# function of the target.
MONOTONE_RANK_CORRELATION = 0.999
# Identifier-like columns: distinct values per row at least this share.
ID_UNIQUE_SHARE = 0.95
# Baseline: a *simple* model at or above this (balanced accuracy or R²) is suspiciously perfect.
SUSPICIOUS_SCORE = 0.995

# DATA005 — sorted by target. Classification: observed label changes between adjacent rows over
# the number expected in a shuffled file; below this ratio the file is grouped by label.
SORTED_RUNS_RATIO = 0.10
SORTED_MIN_EXPECTED_CHANGES = 20
# Regression: |Spearman correlation| between row position and the target.
SORTED_RANK_CORRELATION = 0.90

# BASE003 — a model "clearly" beats a baseline when its score is better by more than
# max(2 × the baseline's fold standard deviation, this margin). The margin is absolute for
# scores in [0, 1] and relative (a share of the baseline value) for errors (log loss, MAE, RMSE).
CLEAR_MARGIN = 0.01

# Sampling: full computation where it is cheap (counts, hashing); samples for model fits.
SINGLE_FEATURE_SAMPLE = 20_000
RANK_SAMPLE = 200_000
BASELINE_MAX_ROWS = 100_000
SEED = 0

# LEAK005 — a time column is rejected when more than this share of its values cannot be parsed.
TIME_UNPARSEABLE_SHARE = 0.10

# LEAK004 — a feature that is far ahead of all others: its one-feature skill is at least
# DOMINANT_SKILL and exceeds the next best feature's skill by at least DOMINANT_GAP (a real
# signal is usually spread over several features; a leak stands alone).
DOMINANT_SKILL = 0.85
DOMINANT_GAP = 0.30

# DATA008 — train/test drift per column. A column is flagged when its PSI is at least
# DRIFT_PSI_INFO (info) or DRIFT_PSI_WARNING (warning) *and* the shift is unlikely by chance
# (KS test for numbers, chi-square for categories, p below DRIFT_P_VALUE); or when more test rows
# carry a category unseen in training than a random split would leave (3 sigma, at least
# UNSEEN_MIN_ROWS rows). KS runs on at most DRIFT_SAMPLE values per file; PSI on every row.
DRIFT_PSI_INFO = 0.10
DRIFT_PSI_WARNING = 0.25
DRIFT_P_VALUE = 1e-3
DRIFT_SAMPLE = 100_000
UNSEEN_MIN_ROWS = 5
# DATA009 — adversarial validation: a model separating train from test rows with at least this
# out-of-fold ROC-AUC, fitted on at most ADVERSARIAL_SAMPLE rows from each file.
ADVERSARIAL_AUC = 0.75
ADVERSARIAL_SAMPLE = 5_000

# LEAK002 — near copies across the split: a test row equal to a training row on all feature
# columns but one (needs at least NEAR_COPY_MIN_COLUMNS compared columns, so that agreeing on
# the rest is no coincidence) or but two (at least NEAR_COPY_MIN_COLUMNS_TWO columns, and only
# while column pairs × rows stays within NEAR_COPY_PAIR_BUDGET).
NEAR_COPY_MIN_COLUMNS = 8
NEAR_COPY_MIN_COLUMNS_TWO = 12
NEAR_COPY_PAIR_BUDGET = 30_000_000
