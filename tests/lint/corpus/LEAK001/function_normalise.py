# expect: LEAK001@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error


def normalise(frame):
    """z-score every column"""
    return (frame - frame.mean()) / frame.std()


houses = pd.read_csv("houses.csv")
target = houses.pop("price")
features = normalise(houses)
X_train, X_test, y_train, y_test = train_test_split(features, target, random_state=3)
reg = Ridge(alpha=1.0).fit(X_train, y_train)
print(mean_absolute_error(y_test, reg.predict(X_test)))
