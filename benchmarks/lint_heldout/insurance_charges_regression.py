#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score


# In[2]:


train_data = pd.read_csv('data/insurance.csv')
train_data.head()


# In[3]:


sns.scatterplot(x='bmi', y='charges', hue='smoker', data=train_data)


# In[4]:


def prepare(df):
    df = df.copy()
    df['sex'] = (df['sex'] == 'male').astype(int)
    df['smoker'] = (df['smoker'] == 'yes').astype(int)
    df = pd.get_dummies(df, columns=['region'])
    df['bmi_smoker'] = df['bmi'] * df['smoker']
    return df

train_data = prepare(train_data)
X_train = train_data.drop('charges', axis=1)
y_train = train_data['charges']


# In[5]:


rf = RandomForestRegressor(n_estimators=400, random_state=0)
rf.fit(X_train, y_train)


# In[6]:


test_data = prepare(pd.read_csv('data/insurance.csv'))
X_test = test_data.drop('charges', axis=1)
y_test = test_data['charges']
pred = rf.predict(X_test)
print('Test MAE:', mean_absolute_error(y_test, pred))
print('Test R2:', r2_score(y_test, pred))
