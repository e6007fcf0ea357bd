#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.callbacks import EarlyStopping


# In[2]:


energy = pd.read_excel('ENB2012_data.xlsx')
energy.columns = ['compactness', 'surface_area', 'wall_area', 'roof_area', 'height', 'orientation',
                  'glazing_area', 'glazing_dist', 'heating_load', 'cooling_load']
energy = energy.sample(frac=1, random_state=7).reset_index(drop=True)
energy.head()


# In[3]:


energy.hist(figsize=(14, 10))
plt.tight_layout()


# In[4]:


values = energy.values.astype('float32')
mms = MinMaxScaler(feature_range=(0, 1))
values = mms.fit_transform(values)
X, Y = values[:, :8], values[:, 8:]


# In[5]:


n = 600
X_train, Y_train = X[:n], Y[:n]
X_test, Y_test = X[n:], Y[n:]
print(X_train.shape, X_test.shape)


# In[6]:


model = Sequential()
model.add(Dense(64, input_dim=8, activation='relu'))
model.add(Dropout(0.1))
model.add(Dense(32, activation='relu'))
model.add(Dense(2))
model.compile(loss='mse', optimizer='adam', metrics=['mae'])
es = EarlyStopping(monitor='val_loss', patience=20, restore_best_weights=True)
hist = model.fit(X_train, Y_train, epochs=500, batch_size=16, validation_split=0.15, callbacks=[es], verbose=0)


# In[7]:


test_mse, test_mae = model.evaluate(X_test, Y_test, verbose=0)
print('test MAE (scaled):', test_mae)
plt.plot(hist.history['loss'], label='train')
plt.plot(hist.history['val_loss'], label='val')
plt.legend()
