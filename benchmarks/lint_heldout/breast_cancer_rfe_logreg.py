#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.feature_selection import RFE
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, confusion_matrix


# In[2]:


data = pd.read_csv('../input/breast-cancer-wisconsin-data/data.csv')
data.head()


# In[3]:


y = data.diagnosis.map({'M': 1, 'B': 0})
list_drp = ['Unnamed: 32', 'id', 'diagnosis']
x = data.drop(list_drp, axis=1)
x.head()


# In[4]:


ax = sns.countplot(x=y, label="Count")
B, M = y.value_counts()
print('Number of Benign: ', B)
print('Number of Malignant : ', M)


# In[5]:


f, ax = plt.subplots(figsize=(18, 18))
sns.heatmap(x.corr(), annot=True, linewidths=.5, fmt='.1f', ax=ax)


# In[6]:


drop_list1 = ['perimeter_mean', 'radius_mean', 'compactness_mean', 'concave points_mean', 'radius_se',
              'perimeter_se', 'radius_worst', 'perimeter_worst', 'compactness_worst', 'concave points_worst',
              'compactness_se', 'concave points_se', 'texture_worst', 'area_worst']
x_1 = x.drop(drop_list1, axis=1)
x_1.head()


# In[7]:


clf_rf = RandomForestClassifier(random_state=43)
rfe = RFE(estimator=clf_rf, n_features_to_select=5, step=1)
rfe = rfe.fit(x_1, y)
print('Chosen best 5 feature by rfe:', x_1.columns[rfe.support_])


# In[8]:


x_sel = x_1[x_1.columns[rfe.support_]]
x_train, x_test, y_train, y_test = train_test_split(x_sel, y, test_size=0.3, random_state=42)
clf_rf_2 = RandomForestClassifier(random_state=43)
clr_rf_2 = clf_rf_2.fit(x_train, y_train)
ac_2 = accuracy_score(y_test, clf_rf_2.predict(x_test))
print('Accuracy is: ', ac_2)
cm_2 = confusion_matrix(y_test, clf_rf_2.predict(x_test))
sns.heatmap(cm_2, annot=True, fmt="d")
