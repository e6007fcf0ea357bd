# expect: none
import pandas as pd
from sklearn.preprocessing import MinMaxScaler, LabelEncoder
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
y = train["Survived"]
features = ["Pclass", "Sex", "Age", "Fare"]
num = ["Age", "Fare"]
pre = ColumnTransformer([("num", SimpleImputer(strategy="median"), num)], remainder="passthrough")
model = Pipeline([("pre", pre), ("rf", RandomForestClassifier(n_estimators=200, random_state=1))])
for d in (train, test):
    d["Sex"] = d["Sex"].map({"male": 0, "female": 1})
print(cross_val_score(model, train[features], y, cv=5, scoring="roc_auc").mean())
model.fit(train[features], y)
sub = pd.DataFrame({"PassengerId": test["PassengerId"], "Survived": model.predict(test[features])})
sub.to_csv("submission.csv", index=False)
