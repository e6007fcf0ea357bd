# expect: none
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

train_df = pd.read_csv("../input/titanic/train.csv")
test_df = pd.read_csv("../input/titanic/test.csv")
full = pd.concat(objs=[train_df, test_df], axis=0, sort=False)
full["Fare"] = np.log1p(full["Fare"])
labelled = full[full["Survived"].notnull()]
X = labelled.drop(columns=["Survived"])
y = labelled["Survived"]
X_tr, X_va, y_tr, y_va = train_test_split(X, y, stratify=y, random_state=42)
age_mean = X_tr["Age"].mean()
X_tr["Age"] = X_tr["Age"].fillna(age_mean)
X_va["Age"] = X_va["Age"].fillna(age_mean)
rf = RandomForestClassifier(n_estimators=300, random_state=42).fit(X_tr, y_tr)
print(roc_auc_score(y_va, rf.predict_proba(X_va)[:, 1]))
