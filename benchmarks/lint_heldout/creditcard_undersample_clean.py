# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split, StratifiedKFold
from sklearn.preprocessing import RobustScaler
from sklearn.metrics import average_precision_score, classification_report
from imblearn.under_sampling import RandomUnderSampler
import xgboost as xgb

# In[2]:

df = pd.read_csv('creditcard.csv')
print(df.shape)
df.head()

# In[3]:

print('No Frauds', round(df['Class'].value_counts()[0]/len(df) * 100,2), '% of the dataset')
print('Frauds', round(df['Class'].value_counts()[1]/len(df) * 100,2), '% of the dataset')
colors = ["#0101DF", "#DF0101"]
sns.countplot(x='Class', data=df, palette=colors)

# In[4]:

fig, ax = plt.subplots(1, 2, figsize=(18,4))
sns.distplot(df['Amount'].values, ax=ax[0], color='r')
sns.distplot(df['Time'].values, ax=ax[1], color='b')
plt.show()

# In[5]:

X = df.drop('Class', axis=1)
y = df['Class']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)

# In[6]:

rob_scaler = RobustScaler()
X_train[['Amount', 'Time']] = rob_scaler.fit_transform(X_train[['Amount', 'Time']])
X_test[['Amount', 'Time']] = rob_scaler.transform(X_test[['Amount', 'Time']])

# In[7]:

rus = RandomUnderSampler(random_state=42)
X_train_rus, y_train_rus = rus.fit_resample(X_train, y_train)
print(pd.Series(y_train_rus).value_counts())

# In[8]:

model = xgb.XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05, eval_metric='aucpr')
model.fit(X_train_rus, y_train_rus)
proba = model.predict_proba(X_test)[:, 1]
print('AUPRC on untouched test:', average_precision_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int)))
