# expect: LEAK002@12
import pandas as pd
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("mushrooms.csv")
df = pd.get_dummies(df)
X = df.drop(columns=["poisonous"])
y = df["poisonous"]
tree = DecisionTreeClassifier(random_state=0)
tree.fit(X, y)
print("F1:", f1_score(y, tree.predict(X)))
