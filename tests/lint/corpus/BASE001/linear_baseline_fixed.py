# expect: none
import pandas as pd
from sklearn.model_selection import cross_val_score, KFold
from sklearn.linear_model import LinearRegression
from sklearn.ensemble import RandomForestRegressor

df = pd.read_csv("energy.csv")
y = df.pop("kwh")
cv = KFold(5, shuffle=True, random_state=0)
for model in (LinearRegression(), RandomForestRegressor(random_state=0)):
    print(cross_val_score(model, df, y, cv=cv, scoring="neg_mean_absolute_error").mean())
