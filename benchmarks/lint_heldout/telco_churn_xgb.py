# In[1]:

import numpy as np
import pandas as pd
import seaborn as sns
import matplotlib.pyplot as plt
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report

# In[2]:

telco = pd.read_csv('../input/telco-customer-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv')
telco.head()

# In[3]:

telco['TotalCharges'] = pd.to_numeric(telco['TotalCharges'], errors='coerce')
telco['TotalCharges'] = telco['TotalCharges'].fillna(0)
telco['Churn'] = telco['Churn'].map({'Yes': 1, 'No': 0})
telco.drop('customerID', axis=1, inplace=True)

# In[4]:

fig, axes = plt.subplots(1, 3, figsize=(15, 4))
sns.countplot(x='Contract', hue='Churn', data=telco, ax=axes[0])
sns.boxplot(x='Churn', y='tenure', data=telco, ax=axes[1])
sns.kdeplot(data=telco, x='MonthlyCharges', hue='Churn', ax=axes[2])

# In[5]:

telco = pd.get_dummies(telco, drop_first=True)
telco['charges_per_month'] = telco['TotalCharges'] / (telco['tenure'] + 1)
X = telco.drop('Churn', axis=1)
y = telco['Churn']

# In[6]:

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=11)
X_tr, X_val, y_tr, y_val = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=11)

# In[7]:

xgb = XGBClassifier(n_estimators=1000, learning_rate=0.03, max_depth=4, subsample=0.8,
                    colsample_bytree=0.8, early_stopping_rounds=50, eval_metric='auc')
xgb.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=100)

# In[8]:

proba = xgb.predict_proba(X_te)[:, 1]
print('test AUC', roc_auc_score(y_te, proba))
print(classification_report(y_te, proba > 0.5))
