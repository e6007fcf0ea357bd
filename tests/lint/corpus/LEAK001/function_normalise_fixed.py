# expect: none
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error


def normalise(frame, reference):
    """z-score with the statistics of the reference (training) frame"""
    return (frame - reference.mean()) / reference.std()


houses = pd.read_csv("houses.csv")
target = houses.pop("price")
X_train, X_test, y_train, y_test = train_test_split(houses, target, random_state=3)
X_train_n = normalise(X_train, X_train)
X_test_n = normalise(X_test, X_train)
reg = Ridge(alpha=1.0).fit(X_train_n, y_train)
print(mean_absolute_error(y_test, reg.predict(X_test_n)))
