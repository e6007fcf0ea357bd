# expect: LEAK001@10, LEAK001@13
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("churn.csv")

# churn rate per plan, as a feature
rate = df.pivot_table(index="plan", values="churned", aggfunc="mean")["churned"]
df["plan_rate"] = df["plan"].map(rate)
grouped = df.groupby("region")["churned"]
region_rate = grouped.sum() / grouped.count()
df["region_rate"] = df["region"].map(region_rate)

X = df[["tenure", "plan_rate", "region_rate", "monthly"]]
y = df["churned"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=5)
forest = RandomForestClassifier(n_estimators=400, random_state=5).fit(X_tr, y_tr)
print(roc_auc_score(y_te, forest.predict_proba(X_te)[:, 1]))
