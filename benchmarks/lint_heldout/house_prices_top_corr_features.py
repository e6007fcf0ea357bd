# In[1]:

import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_log_error

# In[2]:

df_train = pd.read_csv('../input/house-prices-advanced-regression-techniques/train.csv')
df_train['SalePrice'].describe()

# In[3]:

sns.distplot(df_train['SalePrice'])
print("Skewness: %f" % df_train['SalePrice'].skew())

# In[4]:

corrmat = df_train.corr(numeric_only=True)
f, ax = plt.subplots(figsize=(12, 9))
sns.heatmap(corrmat, vmax=.8, square=True)

# In[5]:

k = 12
cols = corrmat.nlargest(k, 'SalePrice')['SalePrice'].index
cm = np.corrcoef(df_train[cols].values.T)
sns.set(font_scale=1.25)
hm = sns.heatmap(cm, cbar=True, annot=True, square=True, fmt='.2f', yticklabels=cols.values, xticklabels=cols.values)
plt.show()

# In[6]:

data = df_train[cols].dropna()
X = data.drop('SalePrice', axis=1)
y = data['SalePrice']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)

# In[7]:

forest = RandomForestRegressor(n_estimators=500, random_state=3)
forest.fit(X_train, y_train)
print('RMSLE', np.sqrt(mean_squared_log_error(y_test, forest.predict(X_test))))
