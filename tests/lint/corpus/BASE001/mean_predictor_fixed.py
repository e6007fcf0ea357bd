# expect: none
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("rent.csv")
y = df.pop("rent")
X_train, X_test, y_train, y_test = train_test_split(df, y, random_state=0)
baseline = np.full(len(y_test), y_train.mean())
print("baseline MAE", mean_absolute_error(y_test, baseline))
gbr = GradientBoostingRegressor(random_state=0).fit(X_train, y_train)
print("model MAE", mean_absolute_error(y_test, gbr.predict(X_test)))
