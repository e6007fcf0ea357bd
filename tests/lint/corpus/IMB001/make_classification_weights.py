# expect: IMB001@11
# make_classification(weights=[0.95]) makes a 5% minority class.
from sklearn.datasets import make_classification
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

X, y = make_classification(n_samples=5000, weights=[0.95], random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
forest = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print("accuracy", accuracy_score(y_test, forest.predict(X_test)))
