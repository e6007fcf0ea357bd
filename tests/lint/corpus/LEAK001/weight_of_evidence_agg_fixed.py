# expect: none
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("loans.csv")
train, test = train_test_split(loans, stratify=loans["default"], random_state=11)

counts = train.groupby("purpose")["default"].agg(["sum", "count"])
bad = counts["sum"] + 0.5
good = counts["count"] - counts["sum"] + 0.5
woe = np.log((bad / bad.sum()) / (good / good.sum()))
train["purpose_woe"] = train["purpose"].map(woe)
test["purpose_woe"] = test["purpose"].map(woe)

cols = ["income", "purpose_woe", "dti"]
logit = LogisticRegression(max_iter=1000).fit(train[cols], train["default"])
print(roc_auc_score(test["default"], logit.predict_proba(test[cols])[:, 1]))
