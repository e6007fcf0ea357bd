# expect: none
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import f1_score

df = pd.read_csv("iris.csv")
X = df.iloc[:, :4]
y = df["species"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=4)

scores = []
for k in range(1, 30):
    knn = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=k))
    scores.append(cross_val_score(knn, X_train, y_train, cv=5, scoring="f1_macro").mean())
best_k = int(np.argmax(scores)) + 1
final = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=best_k)).fit(X_train, y_train)
print("best k", best_k, "test F1", f1_score(y_test, final.predict(X_test), average="macro"))
