#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_squared_error


# In[2]:


sales = pd.read_csv('../input/demand-forecasting-kernels-only/train.csv', parse_dates=['date'])
sales = sales.sort_values(['store', 'item', 'date']).reset_index(drop=True)
sales.head()


# In[3]:


sales.groupby('date')['sales'].sum().plot(figsize=(14, 4))


# In[4]:


sales['dayofweek'] = sales.date.dt.dayofweek
sales['month'] = sales.date.dt.month
sales['year'] = sales.date.dt.year
sales['dayofyear'] = sales.date.dt.dayofyear
for lag in [91, 98, 105, 112, 182, 364]:
    sales[f'lag_{lag}'] = sales.groupby(['store', 'item'])['sales'].shift(lag)
sales['roll_mean_365'] = sales.groupby(['store', 'item'])['sales'].transform(lambda s: s.shift(91).rolling(365).mean())


# In[5]:


train = sales[sales.date < '2017-01-01'].copy()
valid = sales[(sales.date >= '2017-01-01') & (sales.date < '2017-04-01')].copy()


# In[6]:


store_item_mean = train.groupby(['store', 'item'])['sales'].mean().rename('si_mean')
train = train.join(store_item_mean, on=['store', 'item'])
valid = valid.join(store_item_mean, on=['store', 'item'])


# In[7]:


cols = [c for c in train.columns if c not in ['date', 'sales', 'id']]
lgb_train = lgb.Dataset(train[cols], label=train['sales'])
lgb_valid = lgb.Dataset(valid[cols], label=valid['sales'], reference=lgb_train)
params = {'objective': 'regression_l1', 'learning_rate': 0.05, 'num_leaves': 63,
          'feature_fraction': 0.8, 'verbose': -1}
model = lgb.train(params, lgb_train, num_boost_round=3000, valid_sets=[lgb_train, lgb_valid],
                  callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)])


# In[8]:


valid_pred = model.predict(valid[cols], num_iteration=model.best_iteration)
print('valid RMSE', np.sqrt(mean_squared_error(valid['sales'], valid_pred)))
def smape(a, f):
    return 100 / len(a) * np.sum(2 * np.abs(f - a) / (np.abs(a) + np.abs(f)))
print('valid SMAPE', smape(valid['sales'].values, valid_pred))
