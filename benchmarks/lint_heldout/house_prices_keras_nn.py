#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import KFold
from sklearn.metrics import mean_squared_error
from tensorflow import keras
import matplotlib.pyplot as plt


# In[2]:


df_train = pd.read_csv('../input/house-prices-advanced-regression-techniques/train.csv')
df_test = pd.read_csv('../input/house-prices-advanced-regression-techniques/test.csv')
y = np.log(df_train.SalePrice.values)
n_train = len(df_train)


# In[3]:


all_df = pd.concat([df_train.drop('SalePrice', axis=1), df_test], axis=0)
num_cols = all_df.select_dtypes(exclude='object').columns.drop('Id')
all_df[num_cols] = all_df[num_cols].fillna(0)
all_df = pd.get_dummies(all_df.drop('Id', axis=1), dummy_na=True)


# In[4]:


scaler = StandardScaler()
scaler.fit(all_df[num_cols])
all_df[num_cols] = scaler.transform(all_df[num_cols])


# In[5]:


X = all_df.iloc[:n_train].values.astype('float32')
X_test = all_df.iloc[n_train:].values.astype('float32')
print(X.shape, X_test.shape)


# In[6]:


def get_net(n_in):
    net = keras.Sequential([
        keras.layers.Dense(256, activation='relu', input_shape=(n_in,)),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(64, activation='relu'),
        keras.layers.Dense(1),
    ])
    net.compile(optimizer=keras.optimizers.Adam(1e-3), loss='mse')
    return net


# In[7]:


kf = KFold(n_splits=5, shuffle=True, random_state=0)
oof = np.zeros(len(X))
test_pred = np.zeros(len(X_test))
for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
    net = get_net(X.shape[1])
    net.fit(X[tr_idx], y[tr_idx], epochs=60, batch_size=64, verbose=0,
            validation_data=(X[va_idx], y[va_idx]))
    oof[va_idx] = net.predict(X[va_idx]).ravel()
    test_pred += net.predict(X_test).ravel() / 5
    print(fold, np.sqrt(mean_squared_error(y[va_idx], oof[va_idx])))

print('CV RMSE', np.sqrt(mean_squared_error(y, oof)))


# In[8]:


pd.DataFrame({'Id': df_test.Id, 'SalePrice': np.exp(test_pred)}).to_csv('submission.csv', index=False)
