#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler, LabelEncoder
from sklearn.metrics import accuracy_score, confusion_matrix


# In[2]:


df_train = pd.read_csv('/kaggle/input/titanic/train.csv')
df_test = pd.read_csv('/kaggle/input/titanic/test.csv')
print(df_train.shape, df_test.shape)
df_train.head()


# In[3]:


df_train.describe()


# In[4]:


sns.heatmap(df_train.isnull(), cbar=False)


# In[5]:


def add_features(d):
    d = d.copy()
    d['FamilySize'] = d['SibSp'] + d['Parch'] + 1
    d['IsAlone'] = (d['FamilySize'] == 1).astype(int)
    d['HasCabin'] = d['Cabin'].notnull().astype(int)
    d['Sex'] = d['Sex'].map({'male': 0, 'female': 1})
    d['Embarked'] = d['Embarked'].fillna('S')
    return d

df_train = add_features(df_train)
df_test = add_features(df_test)


# In[6]:


features = ['Pclass', 'Sex', 'Age', 'Fare', 'FamilySize', 'IsAlone', 'HasCabin']
X = df_train[features]
y = df_train['Survived']

X_train, X_valid, y_train, y_valid = train_test_split(X, y, test_size=0.25, random_state=1, stratify=y)


# In[7]:


age_median = X_train['Age'].median()
fare_median = X_train['Fare'].median()
X_train = X_train.fillna({'Age': age_median, 'Fare': fare_median})
X_valid = X_valid.fillna({'Age': age_median, 'Fare': fare_median})
X_sub = df_test[features].fillna({'Age': age_median, 'Fare': fare_median})


# In[8]:


sc = StandardScaler()
X_train_s = sc.fit_transform(X_train)
X_valid_s = sc.transform(X_valid)
X_sub_s = sc.transform(X_sub)


# In[9]:


lr = LogisticRegression(max_iter=1000)
lr.fit(X_train_s, y_train)
y_hat = lr.predict(X_valid_s)
print(accuracy_score(y_valid, y_hat))
print(confusion_matrix(y_valid, y_hat))


# In[10]:


submission = pd.DataFrame({'PassengerId': df_test.PassengerId, 'Survived': lr.predict(X_sub_s)})
submission.to_csv('submission.csv', index=False)
