# expect: none
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("spam.csv")
X = df.drop(columns=["spam"]).values
y = df["spam"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
X_extra, y_extra = X_train[:10], y_train[:10]
X_train = np.concatenate([X_train, X_extra])
y_train = np.concatenate([y_train, y_extra])
model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
