#!/usr/bin/env python
# coding: utf-8

# In[1]:


import re
import string
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from wordcloud import WordCloud
from nltk.corpus import stopwords
from nltk.stem import WordNetLemmatizer


# In[2]:


imdb = pd.read_csv('../input/imdb-dataset-of-50k-movie-reviews/IMDB Dataset.csv')
imdb.head()


# In[3]:


imdb.sentiment.value_counts().plot.bar()


# In[4]:


stop = set(stopwords.words('english'))
lemma = WordNetLemmatizer()

def clean_review(text):
    text = re.sub(r'<.*?>', ' ', text)
    text = text.lower()
    text = ''.join([c for c in text if c not in string.punctuation])
    tokens = [lemma.lemmatize(w) for w in text.split() if w not in stop]
    return ' '.join(tokens)

imdb['clean'] = imdb['review'].apply(clean_review)


# In[5]:


wc = WordCloud(max_words=200).generate(' '.join(imdb[imdb.sentiment == 'positive'].clean[:2000]))
plt.imshow(wc)
plt.axis('off')


# In[6]:


from sklearn.feature_extraction.text import TfidfVectorizer
tfidf = TfidfVectorizer(max_features=20000, ngram_range=(1, 2), min_df=3)
features = tfidf.fit_transform(imdb['clean'])
labels = (imdb['sentiment'] == 'positive').astype(int)
features.shape


# In[7]:


from sklearn.model_selection import train_test_split
x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25, random_state=42)


# In[8]:


from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.metrics import accuracy_score, f1_score

models = {'logreg': LogisticRegression(C=2, max_iter=500), 'svm': LinearSVC(C=0.5)}
for name, model in models.items():
    model.fit(x_train, y_train)
    p = model.predict(x_test)
    print(f"{name}: acc={accuracy_score(y_test, p):.4f} f1={f1_score(y_test, p):.4f}")
