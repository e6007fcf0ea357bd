# expect: LEAK001@12
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline

data = pd.read_csv("passengers.csv")
for i in range(len(data)):
    if pd.isnull(data.Fare[i]):
        data.Fare[i] = data.Fare.mean()

X = data[["Pclass", "Fare", "SibSp"]]
y = data["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=2)
model = make_pipeline(StandardScaler(), LogisticRegression())
model.fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
