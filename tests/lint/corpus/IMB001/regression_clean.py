# expect: none
# r2 via .score() on a regressor is not accuracy.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import Ridge

df = pd.read_csv("prices.csv")
y = df.pop("price")
X_train, X_test, y_train, y_test = train_test_split(df, y, random_state=0)
print(Ridge().fit(X_train, y_train).score(X_test, y_test))
