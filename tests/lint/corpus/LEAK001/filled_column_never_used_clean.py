# expect: none
# The column filled with an all-rows statistic never reaches the model.
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("visits.csv")
df["duration_filled"] = df["duration"].fillna(df["duration"].mean())
print(df.groupby("segment")["duration_filled"].describe())
train = df.iloc[:4000]
test = df.iloc[4000:]
features = ["pages", "returning"]
model = LogisticRegression().fit(train[features], train["bought"])
print(f1_score(test["bought"], model.predict(test[features])))
