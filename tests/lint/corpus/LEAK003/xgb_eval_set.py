# expect: LEAK003@11
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

train = pd.read_csv("clicks.csv")
y = train.pop("clicked")
X_train, X_test, y_train, y_test = train_test_split(train, y, stratify=y, random_state=0)
clf = xgb.XGBClassifier(n_estimators=2000, learning_rate=0.05)
clf.fit(X_train, y_train, eval_set=[(X_test, y_test)], early_stopping_rounds=50, verbose=False)
print("AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
