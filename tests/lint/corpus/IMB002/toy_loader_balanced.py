# expect: none
# Digits has ten near-equal classes: an unstratified split keeps them close to even.
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import f1_score

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
svc = SVC(class_weight="balanced").fit(X_train, y_train)
print(f1_score(y_test, svc.predict(X_test), average="macro"))
