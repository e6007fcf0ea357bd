#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn import metrics


# In[2]:


ames = pd.read_csv('AmesHousing.csv')
ames.shape


# In[3]:


numeric = ames.select_dtypes(include=[np.number]).drop(['Order', 'PID'], axis=1)
numeric = numeric.dropna(axis=1, thresh=int(0.9 * len(numeric)))
numeric = numeric.dropna()
numeric.head()


# In[4]:


target = numeric['SalePrice']
feats = numeric.drop('SalePrice', axis=1)
feats = (feats - feats.mean()) / feats.std()


# In[5]:


X_train, X_test, y_train, y_test = train_test_split(feats, target, test_size=0.3, random_state=100)
lm = LinearRegression()
lm.fit(X_train, y_train)
coeff_df = pd.DataFrame(lm.coef_, feats.columns, columns=['Coefficient'])
coeff_df.sort_values('Coefficient').tail(10)


# In[6]:


predictions = lm.predict(X_test)
plt.scatter(y_test, predictions)
print('MAE:', metrics.mean_absolute_error(y_test, predictions))
print('RMSE:', np.sqrt(metrics.mean_squared_error(y_test, predictions)))


# In[7]:


for a in [0.1, 1, 10, 100]:
    r = Ridge(alpha=a).fit(X_train, y_train)
    print(a, r.score(X_test, y_test))
