# expect: none
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
features = [c for c in train.columns if c not in ("id", "target")]

X_tr, X_val, y_tr, y_val = train_test_split(
    train[features], train["target"], test_size=0.2, stratify=train["target"], random_state=3
)
clf = lgb.LGBMClassifier(n_estimators=600, learning_rate=0.03, random_state=3)
clf.fit(X_tr, y_tr)
print("validation AUC:", roc_auc_score(y_val, clf.predict_proba(X_val)[:, 1]))

# refit on everything we have before predicting the test set
X_full = pd.concat([X_tr, X_val])
y_full = pd.concat([y_tr, y_val])
clf.fit(X_full, y_full)
sub = pd.DataFrame({"id": test["id"], "target": clf.predict_proba(test[features])[:, 1]})
sub.to_csv("submission.csv", index=False)

