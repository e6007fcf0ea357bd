# expect: LEAK001@13
import pandas as pd
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.naive_bayes import MultinomialNB
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

def load():
    df = pd.read_csv("spam_counts.csv")
    return df.drop(columns="label"), df["label"]

X, y = load()
mask = SelectKBest(chi2, k=200).fit(X, y).get_support()
best = X.columns[mask].tolist()
X_tr, X_te, y_tr, y_te = train_test_split(X[best], y, stratify=y, random_state=8)
nb = MultinomialNB().fit(X_tr, y_tr)
print(f1_score(y_te, nb.predict(X_te)))
