# expect: LEAK001@15
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.feature_selection import RFE
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

housing = pd.read_csv("../input/housing.csv")
housing = pd.get_dummies(housing, drop_first=True)
X = housing.drop("price", axis=1)
y = housing["price"]

selector = RFE(LinearRegression(), n_features_to_select=12)
selector.fit(X, y)
X = X[X.columns[selector.support_]]
print("kept:", list(X.columns))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=100)
reg = RandomForestRegressor(random_state=100).fit(X_train, y_train)
print(mean_absolute_error(y_test, reg.predict(X_test)))
