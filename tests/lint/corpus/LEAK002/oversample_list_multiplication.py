# expect: LEAK002@13
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, recall_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("../input/creditcardfraud/creditcard.csv")
print(df["Class"].value_counts())

fraud = df[df["Class"] == 1]
# naive oversampling: repeat the frauds five times
n_copies = 5
df_over = pd.concat([df] + [fraud] * 5, ignore_index=True)

X = df_over.drop(columns=["Class"])
y = df_over["Class"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
clf = RandomForestClassifier(n_estimators=200, random_state=0)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)
print(recall_score(y_test, pred))
print(classification_report(y_test, pred))
