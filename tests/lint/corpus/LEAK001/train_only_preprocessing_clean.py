# expect: none
import pandas as pd
import numpy as np
import seaborn as sns
from sklearn.model_selection import train_test_split, StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, accuracy_score, f1_score

df = pd.read_csv("data.csv")
print(df.mean())
df.describe()
sns.distplot(df.Age.dropna())
mean_age = df.Age.mean()
print("mean age", mean_age)
df = df.dropna(subset=["target"])
df["ratio"] = df["a"] / df["b"]
df["total"] = df[["a", "b", "c"]].sum(axis=1)
df["avg"] = df[["a", "b", "c"]].mean(axis=1)
df = pd.get_dummies(df, drop_first=True)

def prepare(train, test):
    sc = StandardScaler().fit(train)
    return sc.transform(train), sc.transform(test)

X = df.drop("target", axis=1)
y = df["target"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
med = X_train.median()
X_train = X_train.fillna(med)
X_test = X_test.fillna(med)
X_train_s, X_test_s = prepare(X_train, X_test)
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
oof = np.zeros(len(X_train_s))
for tr_idx, va_idx in skf.split(X_train_s, y_train):
    m = LogisticRegression(max_iter=1000)
    m.fit(X_train_s[tr_idx], y_train.iloc[tr_idx])
    oof[va_idx] = m.predict_proba(X_train_s[va_idx])[:, 1]
print(roc_auc_score(y_train, oof))
final = LogisticRegression(max_iter=1000).fit(X_train_s, y_train)
pred = final.predict(X_test_s)
print(accuracy_score(y_test, pred), f1_score(y_test, pred))
