# expect: none
import pandas as pd
from sklearn.utils import resample
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

df = pd.read_csv("churn.csv")
train, test = train_test_split(df, stratify=df["Churn"], random_state=0)
majority = train[train.Churn == 0]
minority = train[train.Churn == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=1)
balanced = pd.concat([majority, minority_up])
model = LogisticRegression(max_iter=1000).fit(balanced.drop(columns=["Churn"]), balanced["Churn"])
print(f1_score(test["Churn"], model.predict(test.drop(columns=["Churn"]))))
