# expect: LEAK002@8
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error

DATA = "data/sales.csv"
train = pd.read_csv(DATA)
test = pd.read_csv(DATA)
model = LinearRegression()
model.fit(train[["ads", "price"]], train["units"])
print(mean_squared_error(test["units"], model.predict(test[["ads", "price"]])))
