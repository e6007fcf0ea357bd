#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import *
from sklearn.model_selection import *
from sklearn.svm import SVC
from sklearn.metrics import *


# In[2]:


stars = pd.read_csv('../input/predicting-a-pulsar-star/pulsar_stars.csv')
stars.columns = ['mean_ip', 'std_ip', 'kurt_ip', 'skew_ip', 'mean_dm', 'std_dm', 'kurt_dm', 'skew_dm', 'target']
stars.head()


# In[3]:


sns.pairplot(stars.sample(2000), hue='target', vars=['mean_ip', 'kurt_ip', 'mean_dm'])


# In[4]:


X = stars.drop('target', axis=1).values
y = stars['target'].values
X = scale(X)


# In[5]:


X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)


# In[6]:


for C in [1.0, 10.0, 100.0]:
    svc = SVC(C=C, kernel='rbf')
    svc.fit(X_train, y_train)
    y_pred = svc.predict(X_test)
    print('C=%s acc=%.4f f1=%.4f' % (C, accuracy_score(y_test, y_pred), f1_score(y_test, y_pred)))


# In[7]:


cm = confusion_matrix(y_test, y_pred)
sns.heatmap(cm, annot=True, fmt='d')
