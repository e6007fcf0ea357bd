#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, f1_score
import xgboost as xgb


# In[2]:


attrition = pd.read_csv('../input/ibm-hr-analytics-attrition-dataset/WA_Fn-UseC_-HR-Employee-Attrition.csv')
attrition.head()


# In[3]:


attrition['Attrition'] = (attrition['Attrition'] == 'Yes').astype(int)
attrition = attrition.drop(['EmployeeCount', 'Over18', 'StandardHours', 'EmployeeNumber'], axis=1)
attrition = pd.get_dummies(attrition, drop_first=True)


# In[4]:


f, ax = plt.subplots(figsize=(10, 8))
sns.heatmap(attrition.corr().iloc[:15, :15], cmap='coolwarm')


# In[5]:


X = attrition.drop('Attrition', axis=1)
y = attrition['Attrition']
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


# In[6]:


params = dict(n_estimators=600, max_depth=3, learning_rate=0.03, subsample=0.9, colsample_bytree=0.6)
model = xgb.XGBClassifier(**params)
model.fit(X_train, y_train)
print('val auc (train only):', roc_auc_score(y_val, model.predict_proba(X_val)[:, 1]))


# In[7]:


# more data helps -> refit on train + val
X_full = pd.concat([X_train, X_val])
y_full = pd.concat([y_train, y_val])
model = xgb.XGBClassifier(**params)
model.fit(X_full, y_full)


# In[8]:


val_proba = model.predict_proba(X_val)[:, 1]
print('Final model AUC:', roc_auc_score(y_val, val_proba))
print('Final model F1:', f1_score(y_val, val_proba > 0.5))
