# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("titanic.csv")
y = df.Survived
df.drop(["Survived", "Name", "Ticket"], axis=1, inplace=True)
X = pd.get_dummies(df)
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
print(f1_score(y_test, LogisticRegression(max_iter=500).fit(X_train, y_train).predict(X_test)))
