#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.preprocessing import StandardScaler
from sklearn.decomposition import PCA
from sklearn.svm import SVC
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.metrics import classification_report, accuracy_score


# In[2]:


wine = pd.read_csv('../input/red-wine-quality-cortez-et-al-2009/winequality-red.csv')
wine.head()


# In[3]:


wine.info()


# In[4]:


fig = plt.figure(figsize=(10, 6))
sns.barplot(x='quality', y='alcohol', data=wine)


# In[5]:


bins = (2, 6.5, 8)
group_names = ['bad', 'good']
wine['quality'] = pd.cut(wine['quality'], bins=bins, labels=group_names)
wine['quality'] = wine['quality'].map({'bad': 0, 'good': 1})
sns.countplot(x=wine['quality'])


# In[6]:


X = wine.drop('quality', axis=1)
y = wine['quality']


# In[7]:


sc = StandardScaler()
X = sc.fit_transform(X)


# In[8]:


pca = PCA(n_components=8)
X_pca = pca.fit_transform(X)
print(pca.explained_variance_ratio_.cumsum())
plt.plot(np.cumsum(pca.explained_variance_ratio_))


# In[9]:


X_train, X_test, y_train, y_test = train_test_split(X_pca, y, test_size=0.2, random_state=42)


# In[10]:


param = {
    'C': [0.1, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4],
    'kernel': ['linear', 'rbf'],
    'gamma': [0.1, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4]
}
grid_svc = GridSearchCV(SVC(), param_grid=param, scoring='accuracy', cv=10)
grid_svc.fit(X_train, y_train)
print(grid_svc.best_params_)


# In[11]:


svc2 = SVC(**grid_svc.best_params_)
svc2.fit(X_train, y_train)
pred_svc2 = svc2.predict(X_test)
print(classification_report(y_test, pred_svc2))
