import pandas as pd
import matplotlib.pyplot as plt
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier, plot_tree
from sklearn.metrics import accuracy_score, confusion_matrix

iris = load_iris()
df = pd.DataFrame(iris.data, columns=iris.feature_names)
df['species'] = iris.target
df.head()

df.describe()

X = df[iris.feature_names]
y = df['species']

tree = DecisionTreeClassifier(max_depth=None, random_state=0)
tree.fit(X, y)

predictions = tree.predict(X)
print("Accuracy of the decision tree:", accuracy_score(y, predictions))
print(confusion_matrix(y, predictions))

plt.figure(figsize=(14, 8))
plot_tree(tree, feature_names=iris.feature_names, class_names=iris.target_names, filled=True)
plt.show()
