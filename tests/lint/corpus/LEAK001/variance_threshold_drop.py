# expect: LEAK001@12
import pandas as pd
from sklearn.feature_selection import VarianceThreshold
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

santander = pd.read_csv("train.csv")
features = santander.drop(["ID", "TARGET"], axis=1)
labels = santander["TARGET"]
vt = VarianceThreshold(threshold=0.01)
vt.fit(features)
features = features.drop(columns=features.columns[~vt.get_support()])

Xtr, Xte, ytr, yte = train_test_split(features, labels, stratify=labels, random_state=4)
lr = LogisticRegression(max_iter=2000).fit(Xtr, ytr)
print(roc_auc_score(yte, lr.predict_proba(Xte)[:, 1]))
