import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_squared_error

# In[1]:

ames = pd.read_csv('AmesHousing.csv')
numeric = ames.select_dtypes(include=[np.number]).drop(['Order', 'PID'], axis=1)
numeric.head()

# In[2]:

corr = numeric.corr()
plt.figure(figsize=(12, 10))
sns.heatmap(corr, cmap='RdBu_r', center=0)

# In[3]:

y = np.log(numeric.pop('SalePrice'))
X = numeric
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=100)

# In[4]:

medians = X_train.median()
X_train = X_train.fillna(medians)
X_test = X_test.fillna(medians)

mu, sd = X_train.mean(), X_train.std()
sd[sd == 0] = 1
X_train = (X_train - mu) / sd
X_test = (X_test - mu) / sd

# In[5]:

for alpha in [0.1, 1, 10, 50, 100]:
    model = Ridge(alpha=alpha)
    model.fit(X_train, y_train)
    rmse = np.sqrt(mean_squared_error(y_test, model.predict(X_test)))
    print(f'alpha={alpha}: test RMSE={rmse:.4f}')
