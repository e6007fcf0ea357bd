# expect: REPRO002@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("heart.csv")
y = df.pop("disease")
X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=0)
forest = RandomForestClassifier(n_estimators=300, max_depth=6)
forest.fit(X_train, y_train)
print(f1_score(y_test, forest.predict(X_test)))
