# expect: EVAL003@15
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("ads.csv")
X = df.drop(columns=["clicked"])
y = df["clicked"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
train_pred = model.predict(X_train)
test_pred = model.predict(X_test)
print("train", f1_score(y_train, train_pred))
print("test", f1_score(y_test, train_pred))
