# expect: LEAK001@12
# Kaggle style: star import, scaler applied to the whole feature matrix, then the split.
import pandas as pd
from sklearn.preprocessing import *
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, accuracy_score

data = pd.read_csv("../input/heart.csv")
X = data.drop("target", axis=1)
y = data["target"]
sc = StandardScaler(); X = sc.fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)
clf = LogisticRegression()
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(accuracy_score(y_test, pred), f1_score(y_test, pred))
