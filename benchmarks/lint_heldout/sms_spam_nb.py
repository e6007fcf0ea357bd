# In[1]:
import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import LabelEncoder
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.metrics import accuracy_score, precision_score, recall_score, confusion_matrix

# In[2]:
df = pd.read_csv('spam.csv', encoding='latin-1')
df = df[['v1', 'v2']]
df.columns = ['label', 'message']
df.head()

# In[3]:
df['length'] = df['message'].apply(len)
df.hist(column='length', by='label', bins=50, figsize=(12, 4))

# In[4]:
df = df.drop_duplicates(subset='message')
le = LabelEncoder()
df['label'] = le.fit_transform(df['label'])

# In[5]:
X_train, X_test, y_train, y_test = train_test_split(df['message'], df['label'], test_size=0.2, random_state=3, stratify=df['label'])

# In[6]:
cv = CountVectorizer(stop_words='english', lowercase=True)
X_train_cv = cv.fit_transform(X_train)
X_test_cv = cv.transform(X_test)

# In[7]:
nb = MultinomialNB()
nb.fit(X_train_cv, y_train)
predictions = nb.predict(X_test_cv)
print('Accuracy score: ', accuracy_score(y_test, predictions))
print('Precision score: ', precision_score(y_test, predictions))
print('Recall score: ', recall_score(y_test, predictions))

# In[8]:
sns.heatmap(confusion_matrix(y_test, predictions), annot=True, fmt='g')
plt.show()
