# expect: LEAK001@11
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

titanic = pd.read_csv("../input/titanic/train.csv")
titanic["Title"] = titanic["Name"].str.extract(r" ([A-Za-z]+)\.", expand=False)

# impute the age with the median of passengers sharing the title
titanic["Age"] = titanic.groupby("Title")["Age"].transform(lambda grp: grp.fillna(grp.median()))
titanic = pd.get_dummies(titanic.drop(columns=["Name", "Ticket", "Cabin"]))

features = titanic.drop(columns=["Survived"])
target = titanic["Survived"]
X_train, X_valid, y_train, y_valid = train_test_split(
    features, target, test_size=0.2, stratify=target, random_state=0
)
gb = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)
pred = gb.predict(X_valid)
print(accuracy_score(y_valid, pred), f1_score(y_valid, pred))
