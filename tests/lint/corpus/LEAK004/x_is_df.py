# expect: LEAK004@9
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score

TARGET = "consumption"
df = pd.read_csv("fuel.csv").dropna()
y = df[TARGET]
X = df
print(cross_val_score(LinearRegression(), X, y, cv=5, scoring="neg_mean_absolute_error").mean())
