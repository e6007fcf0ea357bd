# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score

df = pd.read_csv("claims.csv")
X_full, X_test, y_full, y_test = train_test_split(df.drop(columns="fraud"), df["fraud"], stratify=df["fraud"], random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_full, y_full, test_size=0.25, stratify=y_full, random_state=0)
model = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)
print(f1_score(y_val, model.predict(X_val)))
