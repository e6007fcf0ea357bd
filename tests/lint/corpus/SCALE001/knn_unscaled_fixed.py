# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import f1_score

df = pd.read_csv("bank.csv")
X = df[["age", "balance", "duration", "campaign"]]
y = df["deposit"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
knn = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=7)).fit(X_train, y_train)
print(f1_score(y_test, knn.predict(X_test)))
