# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR
from sklearn.preprocessing import MinMaxScaler
from sklearn.metrics import mean_absolute_error

df = pd.read_csv("houses.csv")
y = df["price"]
X = df[["sqft", "rooms", "age", "lot_size"]]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
scaler = MinMaxScaler().fit(X_train)
svr = SVR(C=10)
svr.fit(scaler.transform(X_train), y_train)
print(mean_absolute_error(y_test, svr.predict(scaler.transform(X_test))))
