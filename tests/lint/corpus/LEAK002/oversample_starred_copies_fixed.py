# expect: none
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

X = np.loadtxt("features.csv", delimiter=",")
y = np.loadtxt("labels.csv")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=3)
rare = y_tr == 1
X_rare, y_rare = X_tr[rare], y_tr[rare]
X_tr = np.concatenate([X_tr, *[X_rare] * 3])
y_tr = np.concatenate([y_tr, *[y_rare] * 3])
lr = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
print(f1_score(y_te, lr.predict(X_te)))
