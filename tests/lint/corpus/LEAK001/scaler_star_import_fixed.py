# expect: none
import pandas as pd
from sklearn.preprocessing import *
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, accuracy_score

data = pd.read_csv("../input/heart.csv")
X = data.drop("target", axis=1)
y = data["target"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)
sc = StandardScaler(); X_train = sc.fit_transform(X_train)
X_test = sc.transform(X_test)
clf = LogisticRegression()
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(accuracy_score(y_test, pred), f1_score(y_test, pred))
