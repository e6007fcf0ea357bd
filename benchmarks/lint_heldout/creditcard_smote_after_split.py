# In[1]:
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from imblearn.over_sampling import SMOTE, RandomOverSampler
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split, StratifiedKFold
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, recall_score, precision_score

# In[2]:
df = pd.read_csv('creditcard.csv')
df.Class.value_counts()

# In[3]:
X = df.drop(['Class', 'Time'], axis=1)
y = df['Class']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)

# In[4]:
sc = StandardScaler()
X_train['Amount'] = sc.fit_transform(X_train[['Amount']])
X_test['Amount'] = sc.transform(X_test[['Amount']])

# In[5]:
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
ap_scores = []
for tr_idx, va_idx in skf.split(X_train, y_train):
    X_tr, y_tr = X_train.iloc[tr_idx], y_train.iloc[tr_idx]
    X_va, y_va = X_train.iloc[va_idx], y_train.iloc[va_idx]
    X_tr_os, y_tr_os = RandomOverSampler(random_state=0).fit_resample(X_tr, y_tr)
    m = LogisticRegression(max_iter=1000).fit(X_tr_os, y_tr_os)
    ap_scores.append(average_precision_score(y_va, m.predict_proba(X_va)[:, 1]))
print('CV AP: %.4f' % np.mean(ap_scores))

# In[6]:
sm = SMOTE(random_state=42)
X_train_sm, y_train_sm = sm.fit_resample(X_train, y_train)
print(y_train_sm.value_counts())
clf = LogisticRegression(max_iter=1000)
clf.fit(X_train_sm, y_train_sm)

# In[7]:
proba = clf.predict_proba(X_test)[:, 1]
print('test AP', average_precision_score(y_test, proba))
print('recall', recall_score(y_test, proba > 0.5), 'precision', precision_score(y_test, proba > 0.5))
