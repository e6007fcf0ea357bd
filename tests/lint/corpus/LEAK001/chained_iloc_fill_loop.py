# expect: LEAK001@13
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("../input/titanic/train.csv")

# fill missing ages one by one
missing = df[df["Age"].isnull()].index
for i in missing:
    med = df["Age"].median()
    df["Age"].iloc[i] = med
df["Sex"] = df["Sex"].map({"male": 0, "female": 1})

X = df[["Pclass", "Sex", "Age", "Fare"]]
y = df["Survived"]
x_train, x_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)
rfc = RandomForestClassifier(n_estimators=100, random_state=1)
rfc.fit(x_train, y_train)
print(accuracy_score(y_test, rfc.predict(x_test)))
print(f1_score(y_test, rfc.predict(x_test)))
