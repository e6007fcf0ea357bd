# In[1]:

import numpy as np
import pandas as pd
import re
import matplotlib.pyplot as plt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score
from scipy.sparse import hstack

# In[2]:

train = pd.read_csv('../input/quora-insincere-questions-classification/train.csv')
test = pd.read_csv('../input/quora-insincere-questions-classification/test.csv')
print('Train shape : ', train.shape)
print('Test shape : ', test.shape)
train.head()

# In[3]:

puncts = [',', '.', '"', ':', ')', '(', '-', '!', '?', '|', ';', "'", '$', '&', '/', '[', ']', '>', '%', '=', '#', '*', '+']
def clean_text(x):
    x = str(x).lower()
    for p in puncts:
        x = x.replace(p, f' {p} ')
    x = re.sub('[0-9]{2,}', '##', x)
    return x

df = pd.concat([train[['qid', 'question_text']], test[['qid', 'question_text']]])
df['question_text'] = df['question_text'].apply(clean_text)
df['n_words'] = df['question_text'].str.split().str.len()
train = train[['qid', 'target']].merge(df, on='qid', how='left')
test = test[['qid']].merge(df, on='qid', how='left')
train.head()

# In[4]:

tr, va = train_test_split(train, test_size=0.1, random_state=2018, stratify=train['target'])

# In[5]:

word_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True, max_features=200000)
char_vec = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), min_df=5, sublinear_tf=True, max_features=200000)
X_tr = hstack([word_vec.fit_transform(tr['question_text']), char_vec.fit_transform(tr['question_text'])]).tocsr()
X_va = hstack([word_vec.transform(va['question_text']), char_vec.transform(va['question_text'])]).tocsr()
X_te = hstack([word_vec.transform(test['question_text']), char_vec.transform(test['question_text'])]).tocsr()

# In[6]:

clf = LogisticRegression(C=4, solver='liblinear', class_weight='balanced')
clf.fit(X_tr, tr['target'])
va_proba = clf.predict_proba(X_va)[:, 1]
best = max(((t, f1_score(va['target'], va_proba > t)) for t in np.arange(0.1, 0.9, 0.01)), key=lambda p: p[1])
print('best threshold %.2f  F1 %.4f' % best)

# In[7]:

sub = pd.DataFrame({'qid': test.qid, 'prediction': (clf.predict_proba(X_te)[:, 1] > best[0]).astype(int)})
sub.to_csv('submission.csv', index=False)
