# expect: none
import numpy as np
import pandas as pd
import seaborn as sns
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

df_train = pd.read_csv("../input/house-prices/train.csv")
df_train["SalePrice"] = np.log(df_train["SalePrice"])
corrmat = df_train.corr(numeric_only=True)
sns.heatmap(corrmat, vmax=0.8, square=True)
print(corrmat["SalePrice"].sort_values(ascending=False))

# In[6]:
train, val = train_test_split(df_train, test_size=0.3, random_state=42)
k = 10
cols = train.corr(numeric_only=True).nlargest(k, "SalePrice")["SalePrice"].index
X_train = train[cols].drop("SalePrice", axis=1).fillna(0)
X_val = val[cols].drop("SalePrice", axis=1).fillna(0)
gbr = GradientBoostingRegressor(random_state=42).fit(X_train, train["SalePrice"])
print(np.sqrt(mean_squared_error(val["SalePrice"], gbr.predict(X_val))))
