#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score


# In[2]:


listings = pd.read_csv('AB_NYC_2019.csv')
listings.head()


# In[3]:


listings = listings[(listings.price > 0) & (listings.price < 1000)]
listings['reviews_per_month'] = listings['reviews_per_month'].fillna(0)
listings['log_price'] = np.log1p(listings['price'])
sns.boxplot(x='neighbourhood_group', y='log_price', data=listings)


# In[4]:


# neighbourhood has ~220 levels -> mean encode
nbh_means = listings.groupby('neighbourhood')['log_price'].mean()
listings['nbh_enc'] = listings['neighbourhood'].map(nbh_means)
room_means = listings.groupby('room_type')['log_price'].mean()
listings['room_enc'] = listings['room_type'].map(room_means)


# In[5]:


feats = ['latitude', 'longitude', 'minimum_nights', 'number_of_reviews', 'reviews_per_month',
         'calculated_host_listings_count', 'availability_365', 'nbh_enc', 'room_enc']
X = listings[feats]
y = listings['log_price']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)


# In[6]:


gbr = GradientBoostingRegressor(n_estimators=500, max_depth=5, learning_rate=0.05)
gbr.fit(X_train, y_train)
pred = gbr.predict(X_test)
print('MAE (log):', mean_absolute_error(y_test, pred))
print('R2:', r2_score(y_test, pred))


# In[7]:


plt.scatter(y_test, pred, alpha=0.2)
plt.xlabel('true')
plt.ylabel('pred')
