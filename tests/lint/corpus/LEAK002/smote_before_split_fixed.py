# expect: none
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

credit = pd.read_csv("creditcard.csv")
X = credit.drop("Class", axis=1)
y = credit["Class"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
sm = SMOTE(random_state=2)
X_train_res, y_train_res = sm.fit_resample(X_train, y_train)
lr = LogisticRegression(max_iter=1000)
lr.fit(X_train_res, y_train_res)
print(classification_report(y_test, lr.predict(X_test)))
