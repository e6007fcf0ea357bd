# expect: LEAK002@11
import pandas as pd
from sklearn.utils import resample
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("churn.csv")
majority = df[df.Churn == 0]
minority = df[df.Churn == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=1)
balanced = pd.concat([majority, minority_up])
X = balanced.drop(columns=["Churn"])
y = balanced["Churn"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
