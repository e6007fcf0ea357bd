# expect: none
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("transactions.csv")
X = df.drop(columns=["is_fraud"])
y = df["is_fraud"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
smote = SMOTE(random_state=0)
X_train_res, y_train_res = smote.fit_resample(X_train, y_train)
model = RandomForestClassifier(random_state=0).fit(X_train_res, y_train_res)
print(f1_score(y_test, model.predict(X_test)))
print(classification_report(y_test, model.predict(X_test)))
