# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("churn.csv")
X = df.drop(columns=["churned"])
y = df["churned"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, stratify=y_train, random_state=0)
models = {
    "logreg": LogisticRegression(max_iter=1000),
    "rf": RandomForestClassifier(random_state=0),
    "gb": GradientBoostingClassifier(random_state=0),
}
best_name, best_score, best_model = None, 0.0, None
for name, model in models.items():
    model.fit(X_tr, y_tr)
    score = f1_score(y_val, model.predict(X_val))
    if score > best_score:
        best_name, best_score, best_model = name, score, model
print(best_name, f1_score(y_test, best_model.predict(X_test)))
