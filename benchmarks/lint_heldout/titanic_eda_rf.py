#!/usr/bin/env python
# coding: utf-8

# # Titanic - Random Forest with some feature engineering

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
get_ipython().run_line_magic('matplotlib', 'inline')
import warnings
warnings.filterwarnings('ignore')


# In[2]:


train = pd.read_csv('../input/titanic/train.csv')
test = pd.read_csv('../input/titanic/test.csv')
train.head()


# In[3]:


train.info()
print(train.isnull().sum())


# In[4]:


sns.countplot(x='Survived', hue='Sex', data=train)
plt.show()


# In[5]:


full = pd.concat([train, test], axis=0, sort=False).reset_index(drop=True)
full['Title'] = full['Name'].str.extract(r' ([A-Za-z]+)\.', expand=False)
full['Title'] = full['Title'].replace(['Lady', 'Countess', 'Capt', 'Col', 'Don', 'Dr',
                                       'Major', 'Rev', 'Sir', 'Jonkheer', 'Dona'], 'Rare')
full['Title'] = full['Title'].replace({'Mlle': 'Miss', 'Ms': 'Miss', 'Mme': 'Mrs'})
full['FamilySize'] = full['SibSp'] + full['Parch'] + 1


# In[6]:


full['Age'] = full['Age'].fillna(full['Age'].median())
full['Embarked'] = full['Embarked'].fillna('S')
full['Fare'] = full['Fare'].fillna(0)


# In[7]:


full = pd.get_dummies(full, columns=['Sex', 'Embarked', 'Title'], drop_first=True)
full.drop(['Name', 'Ticket', 'Cabin'], axis=1, inplace=True)
full.head()


# In[8]:


train_df = full[full['Survived'].notnull()]
test_df = full[full['Survived'].isnull()].drop('Survived', axis=1)

X = train_df.drop(['Survived', 'PassengerId'], axis=1)
y = train_df['Survived'].astype(int)


# In[9]:


from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=42)
rf = RandomForestClassifier(n_estimators=300, max_depth=7, random_state=42)
rf.fit(X_train, y_train)
pred = rf.predict(X_val)
print('Validation accuracy:', accuracy_score(y_val, pred))


# In[10]:


rf.fit(X, y)
sub = pd.DataFrame({'PassengerId': test_df['PassengerId'],
                    'Survived': rf.predict(test_df.drop('PassengerId', axis=1))})
sub.to_csv('submission.csv', index=False)
sub.head()
