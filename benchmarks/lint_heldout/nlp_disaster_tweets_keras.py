# In[1]:

import numpy as np
import pandas as pd
import re, string
import matplotlib.pyplot as plt
import seaborn as sns
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense, Dropout
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score

# In[2]:

df_train = pd.read_csv('/kaggle/input/nlp-getting-started/train.csv')
df_test = pd.read_csv('/kaggle/input/nlp-getting-started/test.csv')
df_train.head()

# In[3]:

sns.countplot(x='target', data=df_train)
df_train['text'].str.len().hist()

# In[4]:

def clean(text):
    text = text.lower()
    text = re.sub(r'https?://\S+|www\.\S+', '', text)
    text = re.sub(r'<.*?>', '', text)
    text = text.translate(str.maketrans('', '', string.punctuation))
    text = re.sub(r'\d+', '', text)
    return text.strip()

both = pd.concat([df_train, df_test], ignore_index=True)
both['text'] = both['text'].apply(clean)
both['keyword'] = both['keyword'].fillna('none')
df_train = both.iloc[:len(df_train)].copy()
df_test = both.iloc[len(df_train):].copy()

# In[5]:

X_tr, X_val, y_tr, y_val = train_test_split(df_train['text'], df_train['target'].astype(int),
                                            test_size=0.15, random_state=21, stratify=df_train['target'])

tok = Tokenizer(num_words=15000, oov_token='<oov>')
tok.fit_on_texts(X_tr)
MAXLEN = 40
seq_tr = pad_sequences(tok.texts_to_sequences(X_tr), maxlen=MAXLEN, padding='post')
seq_val = pad_sequences(tok.texts_to_sequences(X_val), maxlen=MAXLEN, padding='post')
seq_test = pad_sequences(tok.texts_to_sequences(df_test['text']), maxlen=MAXLEN, padding='post')

# In[6]:

model = Sequential([
    Embedding(15000, 64, input_length=MAXLEN),
    Bidirectional(LSTM(32)),
    Dropout(0.3),
    Dense(1, activation='sigmoid'),
])
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(seq_tr, y_tr, epochs=4, batch_size=64, validation_data=(seq_val, y_val))

# In[7]:

val_pred = (model.predict(seq_val) > 0.5).astype(int).ravel()
print('F1 on validation:', f1_score(y_val, val_pred))

# In[8]:

sub = pd.DataFrame({'id': df_test['id'].astype(int), 'target': (model.predict(seq_test) > 0.5).astype(int).ravel()})
sub.to_csv('submission.csv', index=False)
