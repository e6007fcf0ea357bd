# expect: LEAK002@16
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split


def augment(X, y):
    """Mirror every image left-right to double the data."""
    new_x, new_y = [], []
    for i in range(len(X)):
        new_x.append(np.fliplr(X[i]))
        new_y.append(y[i])
    new_x = np.array(new_x)
    new_y = np.array(new_y)
    return np.vstack([X, new_x]), np.concatenate([y, new_y])


X = np.loadtxt("faces.csv", delimiter=",").reshape(-1, 32, 32)
y = np.loadtxt("smiling.csv")
X, y = augment(X, y)
X = X.reshape(len(X), -1) / 255.0
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=2)
clf = LogisticRegression(max_iter=3000).fit(X_tr, y_tr)
print(f1_score(y_te, clf.predict(X_te)))
