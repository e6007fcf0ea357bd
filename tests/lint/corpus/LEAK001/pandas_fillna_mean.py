# expect: LEAK001@9, LEAK001@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report

titanic = pd.read_csv("titanic.csv")
titanic["Sex"] = titanic["Sex"].map({"male": 0, "female": 1})
titanic["Age"].fillna(titanic["Age"].mean(), inplace=True)
titanic["Fare"] = titanic["Fare"].fillna(titanic.Fare.median())
titanic["Embarked"] = titanic["Embarked"].fillna("S")
features = ["Pclass", "Sex", "Age", "Fare"]
X = titanic[features]
y = titanic["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
model = RandomForestClassifier(n_estimators=100, random_state=0)
model.fit(X_train, y_train)
print(classification_report(y_test, model.predict(X_test)))
