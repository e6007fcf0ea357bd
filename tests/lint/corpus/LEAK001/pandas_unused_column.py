# expect: none
# The statistic fills a column that is not among the features: nothing leaks into the model.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("titanic.csv")
df["Cabin_len"] = df["Cabin"].fillna(df["Cabin"].mode()[0])
X = df[["Pclass", "SibSp", "Parch"]]
y = df["Survived"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
lr = LogisticRegression().fit(X_train, y_train)
print(f1_score(y_test, lr.predict(X_test)))
