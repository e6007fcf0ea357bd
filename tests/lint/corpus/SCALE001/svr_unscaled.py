# expect: SCALE001@12
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("houses.csv")
y = df["price"]
X = df[["sqft", "rooms", "age", "lot_size"]]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
svr = SVR(C=10)
svr.fit(X_train, y_train)
print(mean_absolute_error(y_test, svr.predict(X_test)))
