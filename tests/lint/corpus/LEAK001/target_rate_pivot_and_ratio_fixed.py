# expect: none
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("churn.csv")
tr, te = train_test_split(df, test_size=0.3, stratify=df["churned"], random_state=5)

rate = tr.pivot_table(index="plan", values="churned", aggfunc="mean")["churned"]
grouped = tr.groupby("region")["churned"]
region_rate = grouped.sum() / grouped.count()
for part in (tr, te):
    part["plan_rate"] = part["plan"].map(rate)
    part["region_rate"] = part["region"].map(region_rate)

cols = ["tenure", "plan_rate", "region_rate", "monthly"]
forest = RandomForestClassifier(n_estimators=400, random_state=5).fit(tr[cols], tr["churned"])
print(roc_auc_score(te["churned"], forest.predict_proba(te[cols])[:, 1]))
