# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score

df = pd.read_csv("applicants.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="default"), df["default"], test_size=0.2, stratify=df["default"], random_state=3)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(recall_score(y_test, model.predict(X_test)))
