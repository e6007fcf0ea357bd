# expect: none
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from imblearn.pipeline import make_pipeline
from sklearn.model_selection import cross_val_score, StratifiedKFold
from sklearn.tree import DecisionTreeClassifier

df = pd.read_csv("fraud.csv")
X, y = df.drop(columns="fraud"), df["fraud"]
pipe = make_pipeline(RandomOverSampler(random_state=0), DecisionTreeClassifier(random_state=0))
cv = StratifiedKFold(5, shuffle=True, random_state=0)
print(cross_val_score(pipe, X, y, cv=cv, scoring="average_precision").mean())
