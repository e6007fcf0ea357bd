# expect: LEAK005@13
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

sales = pd.read_csv("store_sales.csv")
sales["date"] = pd.to_datetime(sales["date"])
sales = sales.sort_values("date")
sales["dow"] = sales["date"].dt.dayofweek
X = sales[["store", "dow", "promo"]]
y = sales["sales"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
rf = RandomForestRegressor(random_state=0).fit(X_train, y_train)
print(mean_absolute_error(y_test, rf.predict(X_test)))
