# expect: none
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import f1_score

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X / 16.0, y, stratify=y, random_state=0)
rng = np.random.default_rng(0)
X_train_aug = np.vstack([X_train, X_train + rng.normal(0, 0.03, X_train.shape)])
y_train_aug = np.concatenate([y_train, y_train])
svc = SVC().fit(X_train_aug, y_train_aug)
print(f1_score(y_test, svc.predict(X_test), average="macro"))
