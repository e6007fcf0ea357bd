# expect: IMB002@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import Pipeline
from sklearn.metrics import recall_score, precision_score

df = pd.read_csv("stroke.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="stroke"), df["stroke"], test_size=0.3, random_state=11)
pipe = Pipeline([("scale", StandardScaler()), ("svc", SVC(class_weight="balanced"))])
pipe.fit(X_train, y_train)
pred = pipe.predict(X_test)
print(precision_score(y_test, pred), recall_score(y_test, pred))
