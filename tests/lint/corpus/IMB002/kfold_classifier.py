# expect: none
# balance unknown (spam_features.csv is not in the repository): IMB002 stays silent; it used to
# fire here without evidence.
import pandas as pd
from sklearn.model_selection import KFold, cross_val_score
from sklearn.naive_bayes import GaussianNB

df = pd.read_csv("spam_features.csv")
X = df.drop(columns=["is_spam"])
y = df["is_spam"]
kf = KFold(n_splits=10, shuffle=True, random_state=0)
print(cross_val_score(GaussianNB(), X, y, cv=kf, scoring="f1").mean())
