# expect: LEAK002@11
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import f1_score

X, y = load_digits(return_X_y=True)
rng = np.random.default_rng(0)
X_noisy = X + rng.normal(0, 0.5, X.shape)
X_aug = np.vstack([X, X_noisy])
y_aug = np.concatenate([y, y])
X_train, X_test, y_train, y_test = train_test_split(X_aug / 16.0, y_aug, stratify=y_aug, random_state=0)
svc = SVC().fit(X_train, y_train)
print(f1_score(y_test, svc.predict(X_test), average="macro"))
