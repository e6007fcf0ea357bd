# expect: none
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

train = pd.read_csv("clicks.csv")
y = train.pop("clicked")
X_train, X_test, y_train, y_test = train_test_split(train, y, stratify=y, random_state=0)
X_fit, X_valid, y_fit, y_valid = train_test_split(X_train, y_train, stratify=y_train, random_state=0)
clf = xgb.XGBClassifier(n_estimators=2000, learning_rate=0.05)
clf.fit(X_fit, y_fit, eval_set=[(X_valid, y_valid)], early_stopping_rounds=50, verbose=False)
print("AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
