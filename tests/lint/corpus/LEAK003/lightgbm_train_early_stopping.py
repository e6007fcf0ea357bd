# expect: LEAK003@14
import lightgbm as lgb
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

df = pd.read_csv("transactions.csv")
X = df.drop(columns=["fraud"])
y = df["fraud"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
dtrain = lgb.Dataset(X_train, label=y_train)
dtest = lgb.Dataset(X_test, label=y_test)
params = {"objective": "binary", "learning_rate": 0.05}
bst = lgb.train(params, dtrain, num_boost_round=5000, valid_sets=[dtest], callbacks=[lgb.early_stopping(100)])
print("test AUC", roc_auc_score(y_test, bst.predict(X_test)))
