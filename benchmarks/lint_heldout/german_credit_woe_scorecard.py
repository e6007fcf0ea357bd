#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, roc_curve


# In[2]:


credit = pd.read_csv('german_credit_data.csv')
credit['bad'] = (credit['Risk'] == 'bad').astype(int)
credit = credit.drop(['Unnamed: 0', 'Risk'], axis=1)
credit.head()


# In[3]:


credit['Saving accounts'] = credit['Saving accounts'].fillna('none')
credit['Checking account'] = credit['Checking account'].fillna('none')
credit['age_bin'] = pd.cut(credit['Age'], [18, 25, 35, 45, 60, 100], labels=False)


# In[4]:


def woe_table(df, feature, target):
    g = df.groupby(feature)[target].agg(['sum', 'count'])
    g['good'] = g['count'] - g['sum']
    g['dist_bad'] = (g['sum'] + 0.5) / g['sum'].sum()
    g['dist_good'] = (g['good'] + 0.5) / g['good'].sum()
    g['woe'] = np.log(g['dist_good'] / g['dist_bad'])
    return g['woe']


cat_vars = ['Sex', 'Job', 'Housing', 'Saving accounts', 'Checking account', 'Purpose', 'age_bin']
for v in cat_vars:
    woe = woe_table(credit, v, 'bad')
    credit[v + '_woe'] = credit[v].map(woe)


# In[5]:


woe_cols = [v + '_woe' for v in cat_vars]
X = credit[woe_cols + ['Credit amount', 'Duration']]
X['Credit amount'] = np.log(X['Credit amount'])
y = credit['bad']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1, stratify=y)


# In[6]:


lr = LogisticRegression(max_iter=1000)
lr.fit(X_train, y_train)
scores = lr.predict_proba(X_test)[:, 1]
print('AUC:', roc_auc_score(y_test, scores))
fpr, tpr, _ = roc_curve(y_test, scores)
plt.plot(fpr, tpr)
plt.plot([0, 1], [0, 1], '--')
