"""Generate `data/transactions.csv`: a small, imbalanced card-fraud dataset for the Coach demo.

Deterministic (fixed seed) and standard-library only, so the file can be rebuilt anywhere:

    python examples/make_data.py

About 3% of the 3,000 transactions are fraud. Two columns are traps a careful practitioner would
catch: `transaction_id` is an identifier, and `chargeback_filed` is only known *after* the
outcome (a chargeback follows a fraud report), so it leaks the target.
"""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

ROWS = 3000
SEED = 7
OUT = Path(__file__).resolve().parent / "data" / "transactions.csv"
CATEGORIES = ["grocery", "electronics", "travel", "restaurants", "fuel", "online_services"]
COUNTRIES = ["DE", "FR", "NL", "US", "GB", "BR"]


def _fraud_probability(
    amount: float, hour: int, foreign: int, account_days: int, cat: str
) -> float:
    score = -6.4
    score += 0.9 * math.log10(amount + 1)
    score += 1.1 if hour < 6 else 0.0
    score += 1.0 * foreign
    score += 0.9 if account_days < 60 else 0.0
    score += 0.7 if cat in ("electronics", "online_services") else 0.0
    return 1.0 / (1.0 + math.exp(-score))


def generate(rows: int = ROWS, seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    records = []
    for index in range(rows):
        cat = rng.choice(CATEGORIES)
        amount = round(rng.lognormvariate(3.6, 1.0), 2)
        hour = rng.randrange(24)
        country = rng.choices(COUNTRIES, weights=[40, 20, 15, 10, 10, 5])[0]
        foreign = int(country not in ("DE", "NL"))
        account_days = int(rng.expovariate(1 / 700))
        age = min(90, max(18, int(rng.gauss(41, 13))))
        prior = rng.randrange(0, 60)
        fraud = int(rng.random() < _fraud_probability(amount, hour, foreign, account_days, cat))
        chargeback = int(fraud and rng.random() < 0.93 or (not fraud and rng.random() < 0.004))
        records.append(
            {
                "transaction_id": 100000 + index,
                "amount": amount if rng.random() > 0.02 else "",
                "merchant_category": cat,
                "hour": hour,
                "country": country,
                "is_foreign": foreign,
                "account_age_days": account_days,
                "customer_age": age,
                "prior_transactions_30d": prior,
                "chargeback_filed": chargeback,
                "is_fraud": fraud,
            }
        )
    return records


def main() -> None:
    records = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    frauds = sum(int(r["is_fraud"]) for r in records)
    print(f"wrote {OUT} ({len(records)} rows, {frauds} fraud = {frauds / len(records):.1%})")


if __name__ == "__main__":
    main()
