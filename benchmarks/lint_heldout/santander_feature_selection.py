# In[1]:

import numpy as np
import pandas as pd
from sklearn.feature_selection import VarianceThreshold, SelectKBest, f_classif
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score
import lightgbm as lgb
import matplotlib.pyplot as plt

# In[2]:

df_train = pd.read_csv('../input/santander-customer-satisfaction/train.csv')
df_test = pd.read_csv('../input/santander-customer-satisfaction/test.csv')
print(df_train.shape, df_test.shape)
df_train.head()

# In[3]:

df_train.TARGET.value_counts()

# In[4]:

X = df_train.drop(['ID', 'TARGET'], axis=1)
y = df_train['TARGET']
X_sub = df_test.drop(['ID'], axis=1)

# In[5]:

# remove constant and near-constant columns
vt = VarianceThreshold(threshold=0.01)
vt.fit(X)
keep = X.columns[vt.get_support()]
X = X[keep]
X_sub = X_sub[keep]
print(len(keep))

# In[6]:

selector = SelectKBest(f_classif, k=150)
X_sel = selector.fit_transform(X.fillna(0), y)
cols = X.columns[selector.get_support()]
X_sub = X_sub[cols]

# In[7]:

X_train, X_valid, y_train, y_valid = train_test_split(X_sel, y, test_size=0.25, stratify=y, random_state=1234)

# In[8]:

clf = lgb.LGBMClassifier(n_estimators=1500, learning_rate=0.02, num_leaves=20, colsample_bytree=0.7,
                         subsample=0.7, subsample_freq=1, reg_lambda=1.0)
clf.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], eval_metric='auc',
        callbacks=[lgb.early_stopping(100)])
print('Valid AUC:', roc_auc_score(y_valid, clf.predict_proba(X_valid)[:, 1]))

# In[9]:

probs = clf.predict_proba(X_sub.fillna(0))[:, 1]
pd.DataFrame({'ID': df_test.ID, 'TARGET': probs}).to_csv('submission.csv', index=False)
