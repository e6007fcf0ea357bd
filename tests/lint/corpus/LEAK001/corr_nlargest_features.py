# expect: LEAK001@14
import numpy as np
import pandas as pd
import seaborn as sns
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

df_train = pd.read_csv("../input/house-prices/train.csv")
df_train["SalePrice"] = np.log(df_train["SalePrice"])

# In[5]:
k = 10
corrmat = df_train.corr(numeric_only=True)
cols = corrmat.nlargest(k, "SalePrice")["SalePrice"].index
sns.heatmap(df_train[cols].corr(), annot=True)

# In[6]:
X = df_train[cols].drop("SalePrice", axis=1).fillna(0)
y = df_train["SalePrice"]
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.3, random_state=42)
gbr = GradientBoostingRegressor(random_state=42).fit(X_train, y_train)
print(np.sqrt(mean_squared_error(y_val, gbr.predict(X_val))))
