# expect: LEAK002@20
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score

DATA = "../input/employee-attrition/attrition.csv"


def prepare(frame):
    frame = frame.drop(columns=["EmployeeNumber", "Over18"])
    frame["Attrition"] = (frame["Attrition"] == "Yes").astype(int)
    frame["IncomePerYear"] = frame["MonthlyIncome"] / (frame["TotalWorkingYears"] + 1)
    return pd.get_dummies(frame)


train = prepare(pd.read_csv(DATA))
X_train = train.drop(columns=["Attrition"])
y_train = train["Attrition"]

test = prepare(pd.read_csv(DATA))
X_test = test.drop(columns=["Attrition"])
y_test = test["Attrition"]

forest = RandomForestClassifier(n_estimators=300, class_weight="balanced", random_state=0)
forest.fit(X_train, y_train)
print(f1_score(y_test, forest.predict(X_test)))
print(classification_report(y_test, forest.predict(X_test)))
