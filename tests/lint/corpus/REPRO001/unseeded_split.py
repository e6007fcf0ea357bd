# expect: REPRO001@9, REPRO001@12
import pandas as pd
from sklearn.model_selection import train_test_split, StratifiedKFold, cross_val_score
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("heart.csv")
y = df.pop("disease")
X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
cv = StratifiedKFold(n_splits=5, shuffle=True)
print(cross_val_score(LogisticRegression(max_iter=1000), X_train, y_train, cv=cv, scoring="f1").mean())
