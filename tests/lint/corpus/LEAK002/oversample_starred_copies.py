# expect: LEAK002@11
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

X = np.loadtxt("features.csv", delimiter=",")
y = np.loadtxt("labels.csv")
rare = y == 1
X_rare, y_rare = X[rare], y[rare]
X_bal = np.concatenate([X, *[X_rare] * 3])
y_bal = np.concatenate([y, *[y_rare] * 3])
X_tr, X_te, y_tr, y_te = train_test_split(X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=3)
lr = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
print(f1_score(y_te, lr.predict(X_te)))
