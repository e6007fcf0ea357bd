# expect: LEAK001@10
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error


def impute(frame):
    for col in ["rooms", "area"]:
        frame[col].fillna(frame[col].median(), inplace=True)


flats = pd.read_csv("flats.csv")
impute(flats)
X = flats[["rooms", "area", "floor"]]
y = flats["rent"]
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
rf = RandomForestRegressor(random_state=0).fit(X_train, y_train)
print(mean_absolute_error(y_test, rf.predict(X_test)))
