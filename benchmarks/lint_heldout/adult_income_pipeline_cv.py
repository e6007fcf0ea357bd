#!/usr/bin/env python
# coding: utf-8

# In[1]:


from sklearn.compose import make_column_transformer, make_column_selector
from sklearn.preprocessing import *
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt


# In[2]:


cols = ['age', 'workclass', 'fnlwgt', 'education', 'education_num', 'marital_status', 'occupation',
        'relationship', 'race', 'sex', 'capital_gain', 'capital_loss', 'hours_per_week',
        'native_country', 'income']
adult = pd.read_csv('adult.data', names=cols, na_values=' ?', skipinitialspace=True)
adult.head()


# In[3]:


adult.describe(include='all')
adult['income'].value_counts().plot.pie(autopct='%.1f%%')


# In[4]:


adult = adult.drop_duplicates()
adult['capital_net'] = adult['capital_gain'] - adult['capital_loss']
y = LabelEncoder().fit_transform(adult.pop('income'))
X = adult


# In[5]:


prep = make_column_transformer(
    (make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), make_column_selector(dtype_include=np.number)),
    (make_pipeline(SimpleImputer(strategy='most_frequent'), OneHotEncoder(handle_unknown='ignore')),
     make_column_selector(dtype_include=object)),
)


# In[6]:


cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=3)
for est in [LogisticRegression(max_iter=2000), HistGradientBoostingClassifier()]:
    pipe = make_pipeline(prep, est)
    res = cross_validate(pipe, X, y, cv=cv, scoring=['roc_auc', 'f1'])
    print(type(est).__name__, res['test_roc_auc'].mean(), res['test_f1'].mean())


# In[7]:


X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=3)
final = make_pipeline(prep, HistGradientBoostingClassifier()).fit(X_train, y_train)
print('holdout accuracy', final.score(X_test, y_test))
