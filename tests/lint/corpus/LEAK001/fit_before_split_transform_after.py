# expect: LEAK001@11
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

X, y = load_breast_cancer(return_X_y=True)
scaler = MinMaxScaler()
# learn the ranges once, use them everywhere
scaler.fit(X)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=42)
X_tr = scaler.transform(X_tr)
X_te = scaler.transform(X_te)
model = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
print(roc_auc_score(y_te, model.predict_proba(X_te)[:, 1]))
