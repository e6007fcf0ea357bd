# expect: none
import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.model_selection import StratifiedKFold
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

digits = load_digits()
X, y = digits.data, digits.target
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = []
for fold, (tr, te) in enumerate(skf.split(X, y)):
    pca = PCA(n_components=20).fit(X[tr])
    clf = LogisticRegression(max_iter=2000)
    clf.fit(pca.transform(X[tr]), y[tr])
    scores.append(f1_score(y[te], clf.predict(pca.transform(X[te])), average="macro"))
print(np.mean(scores))
