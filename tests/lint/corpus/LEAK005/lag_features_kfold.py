# expect: LEAK005@12
import pandas as pd
from sklearn.model_selection import KFold, cross_val_score
from sklearn.linear_model import Ridge

energy = pd.read_csv("load.csv", parse_dates=["timestamp"], index_col="timestamp")
energy["lag_1"] = energy["load"].shift(1)
energy["lag_24"] = energy["load"].shift(24)
energy = energy.dropna()
X = energy[["lag_1", "lag_24", "temperature"]]
y = energy["load"]
cv = KFold(n_splits=5, shuffle=True, random_state=0)
print(cross_val_score(Ridge(), X, y, cv=cv, scoring="neg_mean_absolute_error").mean())
