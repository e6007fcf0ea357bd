# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("loans.csv")
train, test = train_test_split(df, test_size=0.25, stratify=df["default"], random_state=0)
features = ["income", "debt", "age"]
test = test.dropna(subset=features)
train[features] = train[features].fillna(train[features].mean())
model = LogisticRegression(max_iter=500).fit(train[features], train["default"])
print(f1_score(test["default"], model.predict(test[features])))
