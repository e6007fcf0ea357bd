# expect: LEAK003@17, SCALE001@16
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("iris.csv")
X = df.iloc[:, :4]
y = df["species"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=4)

scores = []
for k in range(1, 30):
    knn = KNeighborsClassifier(n_neighbors=k)
    knn.fit(X_train, y_train)
    scores.append(f1_score(y_test, knn.predict(X_test), average="macro"))
best_k = int(np.argmax(scores)) + 1
print("best k", best_k, "test F1", max(scores))
