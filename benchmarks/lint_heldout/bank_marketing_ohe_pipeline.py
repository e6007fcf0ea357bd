# In[1]:
import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.preprocessing import OneHotEncoder, StandardScaler, LabelEncoder
from sklearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report

# In[2]:
bank = pd.read_csv('bank-additional-full.csv', sep=';')
bank.head()

# In[3]:
print(bank.y.value_counts(normalize=True))
sns.countplot(y='job', hue='y', data=bank)

# In[4]:
bank = bank.drop('duration', axis=1)
cat_cols = ['job', 'marital', 'education', 'default', 'housing', 'loan', 'contact', 'month',
            'day_of_week', 'poutcome']
num_cols = [c for c in bank.columns if c not in cat_cols + ['y']]

# In[5]:
target_le = LabelEncoder()
y = target_le.fit_transform(bank['y'])

ohe = OneHotEncoder(handle_unknown='ignore', sparse_output=False)
cat_arr = ohe.fit_transform(bank[cat_cols])
cat_df = pd.DataFrame(cat_arr, columns=ohe.get_feature_names_out(cat_cols), index=bank.index)
X = pd.concat([bank[num_cols], cat_df], axis=1)
X.shape

# In[6]:
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=8, stratify=y)

# In[7]:
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight='balanced'))
clf.fit(X_train, y_train)
p = clf.predict_proba(X_test)[:, 1]
print('AUC', roc_auc_score(y_test, p))
print(classification_report(y_test, clf.predict(X_test)))
