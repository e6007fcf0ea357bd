"""Train a card-fraud detector.

This script is the demo for `coach lint`: it contains the mistakes Coach is built to catch.
Do not copy it: examples/README.md lists the mistakes and shows the fixed pattern.
"""

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data/transactions.csv")
df["amount"] = df["amount"].fillna(df["amount"].median())
df = pd.get_dummies(df, columns=["merchant_category", "country"])

X = df.drop(columns=["is_fraud", "transaction_id"])
y = df["is_fraud"]

scaler = StandardScaler()
X_scaled = scaler.fit_transform(X)

X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2)

model = GradientBoostingClassifier()
model.fit(X_train, y_train)

predictions = model.predict(X_test)
print("accuracy:", accuracy_score(y_test, predictions))
