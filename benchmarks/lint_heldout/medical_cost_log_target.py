#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LinearRegression
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score, mean_absolute_error


# In[2]:


insurance = pd.read_csv('../input/insurance/insurance.csv')
insurance.head()


# In[3]:


print(insurance.charges.mean(), insurance.charges.median())
sns.histplot(insurance['charges'], kde=True)


# In[4]:


insurance['log_charges'] = np.log1p(insurance['charges'])
insurance['bmi_over_30'] = (insurance['bmi'] > 30).astype(int)
insurance = pd.get_dummies(insurance, columns=['sex', 'smoker', 'region'], drop_first=True)
insurance.head()


# In[5]:


X = insurance.drop(['charges', 'log_charges'], axis=1)
y = insurance['log_charges']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)


# In[6]:


for reg in (LinearRegression(), RandomForestRegressor(n_estimators=300, min_samples_leaf=3, random_state=42)):
    reg.fit(X_train, y_train)
    pred = reg.predict(X_test)
    print(type(reg).__name__, 'R2:', r2_score(y_test, pred),
          'MAE($):', mean_absolute_error(np.expm1(y_test), np.expm1(pred)))
