# expect: none
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("leads.csv")
y = df.pop("converted")
X_train, X_test, y_train, y_test = train_test_split(df, y, stratify=y, random_state=0)
for model in [DummyClassifier(strategy="stratified", random_state=0), RandomForestClassifier(n_estimators=500, random_state=0)]:
    model.fit(X_train, y_train)
    print(type(model).__name__, f1_score(y_test, model.predict(X_test)))
