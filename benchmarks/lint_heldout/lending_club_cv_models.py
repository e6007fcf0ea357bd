#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import MinMaxScaler
from sklearn.model_selection import cross_val_score, StratifiedKFold
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier


# In[2]:


loans = pd.read_csv('lending_club_loan_two.csv')
loans.head()


# In[3]:


loans['loan_repaid'] = loans['loan_status'].map({'Fully Paid': 1, 'Charged Off': 0})
loans = loans.drop(['loan_status', 'emp_title', 'title', 'issue_d', 'address', 'grade'], axis=1)
loans['term'] = loans['term'].apply(lambda t: int(t[:3]))
loans['earliest_cr_year'] = loans['earliest_cr_line'].apply(lambda d: int(d[-4:]))
loans = loans.drop('earliest_cr_line', axis=1)
loans = loans.dropna()


# In[4]:


plt.figure(figsize=(12, 7))
sns.heatmap(loans.corr(), annot=True, cmap='viridis')


# In[5]:


loans = pd.get_dummies(loans, columns=['sub_grade', 'verification_status', 'application_type',
                                       'initial_list_status', 'purpose', 'home_ownership'],
                       drop_first=True)


# In[6]:


def scale_features(frame, target):
    features = frame.drop(target, axis=1)
    scaler = MinMaxScaler()
    scaled = scaler.fit_transform(features)
    return pd.DataFrame(scaled, columns=features.columns), frame[target]


X, y = scale_features(loans, 'loan_repaid')
X.head()


# In[7]:


skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=101)
models = [LogisticRegression(max_iter=2000), KNeighborsClassifier(25),
          RandomForestClassifier(n_estimators=150), GradientBoostingClassifier()]
for m in models:
    s = cross_val_score(m, X, y, cv=skf, scoring='roc_auc', n_jobs=-1)
    print(m.__class__.__name__, round(s.mean(), 4), '+/-', round(s.std(), 4))
