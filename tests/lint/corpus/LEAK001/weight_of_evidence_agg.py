# expect: LEAK001@11
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

loans = pd.read_csv("loans.csv")

def woe_encode(frame, col, target):
    counts = frame.groupby(col)[target].agg(["sum", "count"])
    bad = counts["sum"] + 0.5
    good = counts["count"] - counts["sum"] + 0.5
    woe = np.log((bad / bad.sum()) / (good / good.sum()))
    frame[col + "_woe"] = frame[col].map(woe)
    return frame

loans = woe_encode(loans, "purpose", "default")
X = loans[["income", "purpose_woe", "dti"]]
y = loans["default"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=11)
logit = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(roc_auc_score(y_test, logit.predict_proba(X_test)[:, 1]))
