# expect: none
# Iris has three classes of 50 rows: accuracy alone is a fair summary there.
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
clf = LogisticRegression(max_iter=500).fit(X_train, y_train)
print(accuracy_score(y_test, clf.predict(X_test)))
