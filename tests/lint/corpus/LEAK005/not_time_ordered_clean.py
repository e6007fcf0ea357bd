# expect: none
# A date column alone does not make the rows a time series.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

users = pd.read_csv("users.csv")
users["signup_date"] = pd.to_datetime(users["signup_date"])
users["tenure_days"] = (pd.Timestamp("2024-01-01") - users["signup_date"]).dt.days
X = users[["tenure_days", "visits"]]
y = users["converted"]
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
print(f1_score(y_test, LogisticRegression().fit(X_train, y_train).predict(X_test)))
