# expect: none
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline

data = pd.read_csv("passengers.csv")
for i in range(len(data)):
    if data.Fare[i] < 0:
        data.Fare[i] = 0

X = data[["Pclass", "Fare", "SibSp"]]
y = data["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=2)
model = make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(), LogisticRegression())
model.fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
