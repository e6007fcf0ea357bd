#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
from sklearn.utils import resample
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import recall_score, precision_score, f1_score
import matplotlib.pyplot as plt


# In[2]:


df = pd.read_csv('fraud_transactions.csv')
df.head()


# In[3]:


df.isFraud.value_counts()


# In[4]:


df = df.drop(['nameOrig', 'nameDest', 'isFlaggedFraud'], axis=1)
df = pd.get_dummies(df, columns=['type'])
df['errorBalanceOrig'] = df.newbalanceOrig + df.amount - df.oldbalanceOrg
df['errorBalanceDest'] = df.oldbalanceDest + df.amount - df.newbalanceDest


# In[5]:


df_majority = df[df.isFraud == 0]
df_minority = df[df.isFraud == 1]

df_minority_upsampled = resample(df_minority,
                                 replace=True,
                                 n_samples=len(df_majority),
                                 random_state=123)
df_upsampled = pd.concat([df_majority, df_minority_upsampled])
df_upsampled.isFraud.value_counts()


# In[6]:


y = df_upsampled.isFraud
X = df_upsampled.drop('isFraud', axis=1)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)


# In[7]:


clf = RandomForestClassifier(n_estimators=50, max_depth=12, n_jobs=-1)
clf.fit(X_train, y_train)
pred_y = clf.predict(X_test)
print('recall', recall_score(y_test, pred_y))
print('precision', precision_score(y_test, pred_y))
print('f1', f1_score(y_test, pred_y))


# In[8]:


importances = pd.Series(clf.feature_importances_, index=X.columns).sort_values()
importances.plot(kind='barh', figsize=(8, 6))
