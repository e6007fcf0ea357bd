# expect: none
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, recall_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("../input/creditcardfraud/creditcard.csv")
print(df["Class"].value_counts())

train, test = train_test_split(df, stratify=df["Class"], random_state=0)
fraud = train[train["Class"] == 1]
# oversample the training part only
df_over = pd.concat([train] + [fraud] * 5, ignore_index=True)

X_train = df_over.drop(columns=["Class"])
y_train = df_over["Class"]
X_test = test.drop(columns=["Class"])
y_test = test["Class"]
clf = RandomForestClassifier(n_estimators=200, random_state=0)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(recall_score(y_test, pred))
print(classification_report(y_test, pred))
