# expect: none
from sklearn.datasets import make_classification
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.linear_model import LogisticRegression

X, y = make_classification(n_samples=2000, weights=[0.97, 0.03], random_state=1)
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
print(cross_val_score(LogisticRegression(max_iter=500), X, y, cv=folds, scoring="f1").mean())
