# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score

cars = pd.read_csv("cars.csv")
X = cars[["year", "km", "power"]]
y = cars["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

forest = RandomForestRegressor(n_estimators=200, random_state=0)
forest.fit(X_train, y_train)
print("R2 on test:", r2_score(y_test, forest.predict(X_test)))
# refit on everything for production; no score is reported after this
forest.fit(X, y)
