# expect: none
import pandas as pd
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.naive_bayes import GaussianNB

df = pd.read_csv("spam_features.csv")
X = df.drop(columns=["is_spam"])
y = df["is_spam"]
kf = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
print(cross_val_score(GaussianNB(), X, y, cv=kf, scoring="f1").mean())
