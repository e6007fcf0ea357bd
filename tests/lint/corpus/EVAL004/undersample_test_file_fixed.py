# expect: none
import pandas as pd
from imblearn.under_sampling import RandomUnderSampler
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import precision_score, recall_score

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test.csv")
features = ["amount", "age", "n_orders"]
X_train, y_train = train[features], train["churned"]
X_test, y_test = test[features], test["churned"]

sampler = RandomUnderSampler(random_state=42)
X_bal, y_bal = sampler.fit_resample(X_train, y_train)
clf = GradientBoostingClassifier(random_state=42).fit(X_bal, y_bal)
pred = clf.predict(X_test)
print(precision_score(y_test, pred), recall_score(y_test, pred))
