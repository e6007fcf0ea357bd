# expect: LEAK002@13
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

credit = pd.read_csv("creditcard.csv")
X = credit.drop("Class", axis=1)
y = credit["Class"]

sm = SMOTE(random_state=2)
X_res, y_res = sm.fit_resample(X, y.ravel())
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.3, stratify=y_res, random_state=0)
lr = LogisticRegression(max_iter=1000)
lr.fit(X_train, y_train)
print(classification_report(y_test, lr.predict(X_test)))
