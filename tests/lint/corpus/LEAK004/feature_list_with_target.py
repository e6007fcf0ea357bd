# expect: LEAK004@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor
from sklearn.metrics import mean_absolute_error

bikes = pd.read_csv("bikes.csv")
cols = ["temp", "humidity", "windspeed", "casual", "registered", "count"]
target = "count"
X = bikes[cols]
y = bikes[target]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
tree = DecisionTreeRegressor(max_depth=6, random_state=0).fit(X_train, y_train)
print(mean_absolute_error(y_test, tree.predict(X_test)))
