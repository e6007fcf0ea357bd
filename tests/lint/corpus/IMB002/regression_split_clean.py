# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import Lasso
from sklearn.metrics import mean_squared_error

df = pd.read_csv("prices.csv")
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns="price"), df["price"], random_state=0)
model = Lasso(alpha=0.1).fit(X_train, y_train)
print(mean_squared_error(y_test, model.predict(X_test)))
