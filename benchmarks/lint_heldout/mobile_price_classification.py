#!/usr/bin/env python
# coding: utf-8

# In[1]:


import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import accuracy_score


# In[2]:


train = pd.read_csv('../input/mobile-price-classification/train.csv')
train.head()


# In[3]:


sns.jointplot(x='ram', y='price_range', data=train, color='red', kind='kde')


# In[4]:


X = train.drop('price_range', axis=1)
y = train['price_range']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=101)


# In[5]:


model_list = [LogisticRegression(max_iter=3000), DecisionTreeClassifier(), RandomForestClassifier(), KNeighborsClassifier()]
names = ['LR', 'DT', 'RF', 'KNN']
accuracies = []
for name, model in zip(names, model_list):
    model.fit(X_train, y_train)
    preds = model.predict(X_train)
    acc = accuracy_score(y_train, preds)
    accuracies.append(acc)
    print(name, 'accuracy:', acc)


# In[6]:


plt.bar(names, accuracies)
plt.ylim(0.5, 1.05)
plt.title('Model comparison')
plt.show()
best = names[int(np.argmax(accuracies))]
print('Best model:', best)
