import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.metrics import roc_auc_score

# In[1]:

heart = pd.read_csv('heart_failure_clinical_records_dataset.csv')
heart.head()

# In[2]:

X = heart.drop(['DEATH_EVENT', 'time'], axis=1).values
y = heart['DEATH_EVENT'].values

# In[3]:

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=2021)
aucs = []
for fold, (trn, val) in enumerate(skf.split(X, y)):
    X_trn, X_val = X[trn], X[val]
    y_trn, y_val = y[trn], y[val]
    scaler = StandardScaler().fit(X_trn)
    X_trn = scaler.transform(X_trn)
    X_val = scaler.transform(X_val)
    clf = SVC(C=1.0, kernel='rbf', probability=True, random_state=0)
    clf.fit(X_trn, y_trn)
    auc = roc_auc_score(y_val, clf.predict_proba(X_val)[:, 1])
    aucs.append(auc)
    print(f'fold {fold}: AUC={auc:.3f}')

print('mean AUC', np.mean(aucs), '+-', np.std(aucs))
