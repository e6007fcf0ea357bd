# expect: LEAK001@10
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_squared_error

train = pd.read_csv("../input/train.csv")
test = pd.read_csv("../input/test.csv")
ntrain = train.shape[0]
all_data = pd.concat([train, test]).reset_index(drop=True)
all_data["LotFrontage"] = all_data["LotFrontage"].fillna(all_data["LotFrontage"].median())
all_data = pd.get_dummies(all_data)
train_part = all_data[:ntrain]
valid_part = all_data[ntrain:]
gbr = GradientBoostingRegressor(random_state=0)
gbr.fit(train_part.drop(columns=["SalePrice"]), train_part["SalePrice"])
print(mean_squared_error(valid_part["SalePrice"], gbr.predict(valid_part.drop(columns=["SalePrice"]))))
