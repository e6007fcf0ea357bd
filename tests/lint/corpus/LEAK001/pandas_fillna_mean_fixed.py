# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report

titanic = pd.read_csv("titanic.csv")
titanic["Sex"] = titanic["Sex"].map({"male": 0, "female": 1})
features = ["Pclass", "Sex", "Age", "Fare"]
X = titanic[features]
y = titanic["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
medians = X_train.median()
X_train = X_train.fillna(medians)
X_test = X_test.fillna(medians)
model = RandomForestClassifier(n_estimators=100, random_state=0)
model.fit(X_train, y_train)
print(classification_report(y_test, model.predict(X_test)))
