# expect: none
import pandas as pd
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("mushrooms.csv")
df = pd.get_dummies(df)
X = df.drop(columns=["poisonous"])
y = df["poisonous"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
tree = DecisionTreeClassifier(random_state=0)
tree.fit(X_train, y_train)
print("train F1:", f1_score(y_train, tree.predict(X_train)))
print("test F1:", f1_score(y_test, tree.predict(X_test)))
