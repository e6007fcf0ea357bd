# expect: EVAL004@15
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
X_test_bal, y_test_bal = sampler.fit_resample(X_test, y_test)
clf = GradientBoostingClassifier(random_state=42).fit(X_bal, y_bal)
pred = clf.predict(X_test_bal)
print(precision_score(y_test_bal, pred), recall_score(y_test_bal, pred))
