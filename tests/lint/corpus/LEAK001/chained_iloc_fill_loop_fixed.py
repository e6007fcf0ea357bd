# expect: none
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("../input/titanic/train.csv")
df["Sex"] = df["Sex"].map({"male": 0, "female": 1})
X = df[["Pclass", "Sex", "Age", "Fare"]]
y = df["Survived"]
x_train, x_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=1)

# fill missing ages one by one, with the training median
med = x_train["Age"].median()
for frame in (x_train, x_test):
    for i in frame[frame["Age"].isnull()].index:
        frame.Age[i] = med
rfc = RandomForestClassifier(n_estimators=100, random_state=1)
rfc.fit(x_train, y_train)
print(accuracy_score(y_test, rfc.predict(x_test)))
print(f1_score(y_test, rfc.predict(x_test)))
