# expect: none
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

data = pd.read_csv("heart.csv")
features = data.drop("target", axis=1)
labels = data["target"]
x_train, x_test, y_train, y_test = train_test_split(
    features, labels, test_size=0.25, stratify=labels, random_state=7
)

names = ["Logistic", "Forest", "Boosting"]
classifiers = [
    LogisticRegression(max_iter=500),
    RandomForestClassifier(random_state=7),
    GradientBoostingClassifier(random_state=7),
]

results = {}
for name, clf in zip(names, classifiers):
    clf.fit(x_train, y_train)
    results[name] = f1_score(y_test, clf.predict(x_test))
print(results)
