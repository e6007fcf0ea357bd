#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import itertools
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import PassiveAggressiveClassifier
from sklearn.pipeline import Pipeline
from sklearn.metrics import accuracy_score, confusion_matrix


# In[2]:


df = pd.read_csv('news.csv')
df.shape
df.head()


# In[3]:


labels = df.label
labels.head()
df['text'] = df['title'].fillna('') + ' ' + df['text'].fillna('')


# In[4]:


def make_splits(frame, target, seed=7):
    return train_test_split(frame['text'], target, test_size=0.2, random_state=seed)

x_train, x_test, y_train, y_test = make_splits(df, labels)


# In[5]:


pipe = Pipeline([
    ('tfidf', TfidfVectorizer(stop_words='english', max_df=0.7)),
    ('pac', PassiveAggressiveClassifier(max_iter=50)),
])
grid = GridSearchCV(pipe, {'tfidf__ngram_range': [(1, 1), (1, 2)], 'pac__C': [0.1, 0.5, 1.0]}, cv=4, n_jobs=-1)
grid.fit(x_train, y_train)


# In[6]:


y_pred = grid.predict(x_test)
score = accuracy_score(y_test, y_pred)
print(f'Accuracy: {round(score * 100, 2)}%')
confusion_matrix(y_test, y_pred, labels=['FAKE', 'REAL'])
