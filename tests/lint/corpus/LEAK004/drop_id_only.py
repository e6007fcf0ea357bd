# expect: LEAK004@8
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("patients.csv")
X = df.drop(columns=["patient_id"])
y = df["readmitted"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
model = HistGradientBoostingClassifier().fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
