# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier

from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import accuracy_score, f1_score

df = pd.read_csv("diabetes.csv")
X = df.iloc[:, :-1]
y = df.iloc[:, -1]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
models = {
    "forest": RandomForestClassifier(random_state=1),
    "extra": ExtraTreesClassifier(random_state=1),
    "tree": DecisionTreeClassifier(random_state=1),
}

for key, estimator in models.items():
    estimator.fit(X_train, y_train)
    pred = estimator.predict(X_test)
    print(key, accuracy_score(y_test, pred), f1_score(y_test, pred))
