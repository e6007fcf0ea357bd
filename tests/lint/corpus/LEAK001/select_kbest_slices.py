# expect: LEAK001@10
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score

genes = pd.read_csv("expression.csv")
y = genes["label"].values
X = genes.drop(columns=["label"]).values
X_sel = SelectKBest(f_classif, k=50).fit_transform(X, y)
X_train, X_test = X_sel[:800], X_sel[800:]
y_train, y_test = y[:800], y[800:]
model = LogisticRegression(max_iter=500).fit(X_train, y_train)
print(balanced_accuracy_score(y_test, model.predict(X_test)))
