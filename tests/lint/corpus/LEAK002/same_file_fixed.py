# expect: none
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error

train = pd.read_csv("data/sales_train.csv")
test = pd.read_csv("data/sales_test.csv")
model = LinearRegression()
model.fit(train[["ads", "price"]], train["units"])
print(mean_squared_error(test["units"], model.predict(test[["ads", "price"]])))
