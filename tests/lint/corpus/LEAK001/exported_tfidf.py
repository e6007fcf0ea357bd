#!/usr/bin/env python
# coding: utf-8
# expect: LEAK001@18

# In[1]:


import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn import metrics


# In[2]:
reviews = pd.read_csv("reviews.csv")
tfidf = TfidfVectorizer(max_features=5000, stop_words="english")
X = tfidf.fit_transform(reviews["text"])
y = reviews["sentiment"]


# In[3]:


X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7, stratify=y)
nb = MultinomialNB()
nb.fit(X_train, y_train)
print(metrics.classification_report(y_test, nb.predict(X_test)))
