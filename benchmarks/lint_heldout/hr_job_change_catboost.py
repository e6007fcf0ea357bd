# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from catboost import CatBoostClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score

# In[2]:

train = pd.read_csv('aug_train.csv')
test = pd.read_csv('aug_test.csv')
train.head()

# In[3]:

train.isnull().mean().sort_values(ascending=False).plot.bar(figsize=(10, 3))

# In[4]:

cat_features = ['city', 'gender', 'relevent_experience', 'enrolled_university', 'education_level',
                'major_discipline', 'experience', 'company_size', 'company_type', 'last_new_job']
for frame in (train, test):
    frame[cat_features] = frame[cat_features].fillna('NA')

X = train.drop(['enrollee_id', 'target'], axis=1)
y = train['target']
X_test = test.drop(['enrollee_id'], axis=1)

# In[5]:

X_tr, X_val, y_tr, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=17)
cb = CatBoostClassifier(iterations=2000, learning_rate=0.03, depth=6, eval_metric='AUC', verbose=200)
cb.fit(X_tr, y_tr, cat_features=cat_features, eval_set=(X_val, y_val), early_stopping_rounds=100)
print('validation AUC:', roc_auc_score(y_val, cb.predict_proba(X_val)[:, 1]))
best_iter = cb.get_best_iteration()

# In[6]:

final = CatBoostClassifier(iterations=best_iter + 1, learning_rate=0.03, depth=6, verbose=0)
final.fit(X, y, cat_features=cat_features)
pd.DataFrame({'enrollee_id': test.enrollee_id, 'target': final.predict_proba(X_test)[:, 1]}).to_csv('submission.csv', index=False)
