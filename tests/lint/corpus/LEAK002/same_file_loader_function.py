# expect: LEAK002@14
import pandas as pd
from xgboost import XGBRegressor
from sklearn.metrics import mean_absolute_error


def load(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df["dow"] = df["date"].dt.dayofweek
    return df.drop(columns=["date"])


train_df = load("sales.csv")
test_df = load("sales.csv")
feats = [c for c in train_df.columns if c != "sales"]
xgb = XGBRegressor(n_estimators=500, random_state=1)
xgb.fit(train_df[feats], train_df["sales"])
print(mean_absolute_error(test_df["sales"], xgb.predict(test_df[feats])))
