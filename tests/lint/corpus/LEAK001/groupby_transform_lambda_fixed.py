# expect: none
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

titanic = pd.read_csv("../input/titanic/train.csv")
titanic["Title"] = titanic["Name"].str.extract(r" ([A-Za-z]+)\.", expand=False)
# row-wise only before the split
titanic["FamilySize"] = titanic.apply(lambda row: row["SibSp"] + row["Parch"] + 1, axis=1)

train, valid = train_test_split(titanic, test_size=0.2, stratify=titanic["Survived"], random_state=0)
medians = train.groupby("Title")["Age"].median()
train["Age"] = train["Age"].fillna(train["Title"].map(medians))
valid["Age"] = valid["Age"].fillna(valid["Title"].map(medians))

cols = ["Pclass", "Age", "FamilySize", "Fare"]
gb = GradientBoostingClassifier(random_state=0).fit(train[cols], train["Survived"])
pred = gb.predict(valid[cols])
print(accuracy_score(valid["Survived"], pred), f1_score(valid["Survived"], pred))
