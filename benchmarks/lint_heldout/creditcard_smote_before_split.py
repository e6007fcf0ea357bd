#!/usr/bin/env python
# coding: utf-8

# # Credit Card Fraud Detection - handling imbalance with SMOTE

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score, confusion_matrix
from imblearn.over_sampling import SMOTE


# In[2]:


data = pd.read_csv("../input/creditcardfraud/creditcard.csv")
data.head()


# In[3]:


count_classes = pd.value_counts(data['Class'], sort=True).sort_index()
count_classes.plot(kind='bar')
plt.title("Fraud class histogram")
plt.xlabel("Class")
plt.ylabel("Frequency")


# In[4]:


data['normAmount'] = StandardScaler().fit_transform(data['Amount'].values.reshape(-1, 1))
data = data.drop(['Time', 'Amount'], axis=1)
data.head()


# In[5]:


X = data.loc[:, data.columns != 'Class']
y = data.loc[:, data.columns == 'Class']


# In[6]:


sm = SMOTE(random_state=2)
X_res, y_res = sm.fit_resample(X, y.values.ravel())
print('After OverSampling, the shape of X: {}'.format(X_res.shape))
print("After OverSampling, counts of label '1': {}".format(sum(y_res == 1)))


# In[7]:


X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.3, random_state=0)


# In[8]:


for clf in [LogisticRegression(C=0.01), RandomForestClassifier(n_estimators=100, n_jobs=-1)]:
    clf.fit(X_train, y_train)
    y_pred = clf.predict(X_test)
    print(type(clf).__name__)
    print(classification_report(y_test, y_pred))
    print('ROC AUC:', roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))


# In[9]:


cm = confusion_matrix(y_test, y_pred)
sns.heatmap(cm, annot=True, fmt='d')
plt.show()
