# expect: BASE001@12
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("leads.csv")
y = df.pop("converted")
X_train, X_test, y_train, y_test = train_test_split(df, y, stratify=y, random_state=0)
rf = RandomForestClassifier(n_estimators=500, random_state=0)
rf.fit(X_train, y_train)
print(f1_score(y_test, rf.predict(X_test)))
