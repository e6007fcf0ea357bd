# expect: none
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import recall_score, precision_score

df = pd.read_csv("claims.csv")
msk = np.random.rand(len(df)) < 0.8
train = df[msk]
test = df[~msk]
majority = train[train.fraud == 0]
minority = train[train.fraud == 1]
balanced = pd.concat([majority, minority.sample(len(majority), replace=True, random_state=0)])
features = ["amount", "n_claims", "tenure"]
rf = RandomForestClassifier(random_state=0).fit(balanced[features], balanced["fraud"])
pred = rf.predict(test[features])
print(precision_score(test["fraud"], pred), recall_score(test["fraud"], pred))
