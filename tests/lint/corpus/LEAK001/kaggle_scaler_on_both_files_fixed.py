# expect: none
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
features = ["f1", "f2", "f3"]
target = train["y"]

scaler = StandardScaler()
scaler.fit(train[features])
model = SVR().fit(scaler.transform(train[features]), target)
pd.DataFrame({"id": test["id"], "y": model.predict(scaler.transform(test[features]))}).to_csv("submission.csv", index=False)
