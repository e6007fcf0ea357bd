# expect: LEAK003@15
import pandas as pd
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("loans.csv")
X = df.drop(columns=["default"])
y = df["default"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
rf = RandomForestClassifier(random_state=0)
rf.fit(X_train, y_train)

grid = GridSearchCV(RandomForestClassifier(random_state=0), {"max_depth": [3, 5, 8]}, scoring="f1", cv=5)
grid.fit(X_test, y_test)
print(grid.best_params_, f1_score(y_test, grid.predict(X_test)))
