# expect: EVAL002@12
import pandas as pd
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import f1_score

train = pd.read_csv("mushrooms_train.csv")
train = pd.get_dummies(train)
X_train = train.drop(columns=["poisonous"])
y_train = train["poisonous"]
tree = DecisionTreeClassifier(random_state=0)
tree.fit(X_train, y_train)
print("training F1:", f1_score(y_train, tree.predict(X_train)))
