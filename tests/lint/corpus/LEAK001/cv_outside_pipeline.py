# expect: LEAK001@10
import pandas as pd
from sklearn import preprocessing, svm
from sklearn.model_selection import cross_val_score, StratifiedKFold

df = pd.read_csv("diabetes.csv")
X = df.drop(columns=["Outcome"])
y = df["Outcome"]

X_scaled = preprocessing.StandardScaler().fit_transform(X)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(svm.SVC(), X_scaled, y, cv=cv, scoring="f1")
print(scores.mean())
