# expect: LEAK002@10
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from sklearn.model_selection import cross_val_score, StratifiedKFold
from sklearn.tree import DecisionTreeClassifier

df = pd.read_csv("fraud.csv")
X, y = df.drop(columns="fraud"), df["fraud"]
ros = RandomOverSampler(random_state=0)
X_bal, y_bal = ros.fit_resample(X, y)
cv = StratifiedKFold(5, shuffle=True, random_state=0)
print(cross_val_score(DecisionTreeClassifier(random_state=0), X_bal, y_bal, cv=cv, scoring="average_precision").mean())
