#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import cross_val_score, StratifiedKFold
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.svm import SVC
from sklearn.preprocessing import LabelEncoder


# In[2]:


stroke = pd.read_csv('healthcare-dataset-stroke-data.csv')
stroke.head()


# In[3]:


stroke.isna().sum()


# In[4]:


stroke['bmi'] = stroke['bmi'].fillna(stroke['bmi'].mean())
stroke = stroke[stroke.gender != 'Other']
stroke.drop('id', axis=1, inplace=True)


# In[5]:


le = LabelEncoder()
for col in ['gender', 'ever_married', 'work_type', 'Residence_type', 'smoking_status']:
    stroke[col] = le.fit_transform(stroke[col])


# In[6]:


plt.figure(figsize=(10, 8))
sns.heatmap(stroke.corr(), annot=True, fmt='.2f')


# In[7]:


X = stroke.drop('stroke', axis=1)
y = stroke['stroke']
smote = SMOTE()
X_sm, y_sm = smote.fit_resample(X, y)
print(y_sm.value_counts())


# In[8]:


skf = StratifiedKFold(n_splits=10, shuffle=True, random_state=1)
for name, model in {'rf': RandomForestClassifier(), 'lr': LogisticRegression(max_iter=5000), 'svc': SVC()}.items():
    scores = cross_val_score(model, X_sm, y_sm, cv=skf, scoring='f1')
    print(name, scores.mean())
