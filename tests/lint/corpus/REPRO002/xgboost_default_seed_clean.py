# expect: none
import pandas as pd
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score

df = pd.read_csv("heart.csv")
y = df.pop("disease")
X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.2, stratify=y, random_state=0)
model = XGBClassifier(n_estimators=300).fit(X_train, y_train)
print(f1_score(y_test, model.predict(X_test)))
