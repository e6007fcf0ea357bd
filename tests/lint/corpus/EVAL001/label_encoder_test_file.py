# expect: EVAL001@13
import pandas as pd
from sklearn.preprocessing import LabelEncoder
from sklearn.ensemble import RandomForestClassifier

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
le = LabelEncoder()


for col in ["Sex", "Embarked"]:
    train[col] = le.fit_transform(train[col].astype(str))
    test[col] = le.fit_transform(test[col].astype(str))

features = ["Pclass", "Sex", "Embarked", "SibSp"]
rf = RandomForestClassifier(random_state=0).fit(train[features], train["Survived"])
pd.DataFrame({"PassengerId": test.PassengerId, "Survived": rf.predict(test[features])}).to_csv("sub.csv")
