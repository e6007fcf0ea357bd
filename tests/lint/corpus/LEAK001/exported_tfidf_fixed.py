#!/usr/bin/env python
# coding: utf-8
# expect: none

# In[1]:


import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn import metrics


# In[2]:
reviews = pd.read_csv("reviews.csv")
text_train, text_test, y_train, y_test = train_test_split(
    reviews["text"], reviews["sentiment"], test_size=0.2, random_state=7, stratify=reviews["sentiment"]
)


# In[3]:


tfidf = TfidfVectorizer(max_features=5000, stop_words="english")
X_train = tfidf.fit_transform(text_train)
X_test = tfidf.transform(text_test)
nb = MultinomialNB()
nb.fit(X_train, y_train)
print(metrics.classification_report(y_test, nb.predict(X_test)))
