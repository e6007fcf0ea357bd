# expect: none
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score, mean_absolute_error
from sklearn.model_selection import train_test_split

target = "price"
cars = pd.read_csv("cars.csv").dropna()
features = ["horsepower", "curbweight", "enginesize", "carwidth"]
X = cars[features]
y = cars[target]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
corr = X_train.corrwith(y_train)
strong = corr[abs(corr) > 0.5].index
lin = LinearRegression().fit(X_train[strong], y_train)
pred = lin.predict(X_test[strong])
print(r2_score(y_test, pred), mean_absolute_error(y_test, pred))
