# expect: LEAK002@10
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import recall_score, precision_score

df = pd.read_csv("claims.csv")
majority = df[df.fraud == 0]
minority = df[df.fraud == 1]
balanced = pd.concat([majority, minority.sample(len(majority), replace=True, random_state=0)])
msk = np.random.rand(len(balanced)) < 0.8
train = balanced[msk]
test = balanced[~msk]
features = ["amount", "n_claims", "tenure"]
rf = RandomForestClassifier(random_state=0).fit(train[features], train["fraud"])
pred = rf.predict(test[features])
print(precision_score(test["fraud"], pred), recall_score(test["fraud"], pred))
