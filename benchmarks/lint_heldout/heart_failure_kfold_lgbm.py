# In[1]:

import numpy as np
import pandas as pd
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import accuracy_score, roc_auc_score
from lightgbm import LGBMClassifier

# In[2]:

df = pd.read_csv('../input/heart-failure-clinical-data/heart_failure_clinical_records_dataset.csv')
df.head()

# In[3]:

sns.countplot(x='DEATH_EVENT', data=df)
plt.show()

# In[4]:

features = ['age', 'anaemia', 'creatinine_phosphokinase', 'diabetes', 'ejection_fraction',
            'high_blood_pressure', 'platelets', 'serum_creatinine', 'serum_sodium', 'sex', 'smoking']
ss = StandardScaler()
df[features] = ss.fit_transform(df[features])
X = df[features]
y = df['DEATH_EVENT']

# In[5]:

kf = KFold(n_splits=5, shuffle=True, random_state=42)
acc, auc = [], []
for train_index, test_index in kf.split(X):
    x_tr, x_te = X.iloc[train_index], X.iloc[test_index]
    y_tr, y_te = y.iloc[train_index], y.iloc[test_index]
    model = LGBMClassifier(n_estimators=200, learning_rate=0.05, max_depth=3)
    model.fit(x_tr, y_tr)
    p = model.predict_proba(x_te)[:, 1]
    acc.append(accuracy_score(y_te, p > 0.5))
    auc.append(roc_auc_score(y_te, p))

print('Accuracy: %.3f' % np.mean(acc))
print('AUC: %.3f' % np.mean(auc))
