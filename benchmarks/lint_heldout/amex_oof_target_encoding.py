# In[1]:

import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import roc_auc_score

# In[2]:

train = pd.read_csv('../input/cat-in-the-dat/train.csv')
test = pd.read_csv('../input/cat-in-the-dat/test.csv')
target = train.pop('target')
high_card = ['nom_5', 'nom_6', 'nom_7', 'nom_8', 'nom_9']
train.head()

# In[3]:

def target_encode(tr_frame, tr_y, ap_frame, col, smoothing=20):
    prior = tr_y.mean()
    stats = tr_y.groupby(tr_frame[col]).agg(['mean', 'count'])
    enc = (stats['mean'] * stats['count'] + prior * smoothing) / (stats['count'] + smoothing)
    return ap_frame[col].map(enc).fillna(prior)

# In[4]:

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
oof = np.zeros(len(train))
test_pred = np.zeros(len(test))
low_card = [c for c in train.columns if c not in high_card + ['id']]
for c in low_card:
    train[c] = train[c].astype('category')
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

for fold, (tr_idx, va_idx) in enumerate(skf.split(train, target)):
    X_tr, X_va = train.iloc[tr_idx].copy(), train.iloc[va_idx].copy()
    y_tr, y_va = target.iloc[tr_idx], target.iloc[va_idx]
    X_te = test.copy()
    for col in high_card:
        X_va[col + '_te'] = target_encode(X_tr, y_tr, X_va, col)
        X_te[col + '_te'] = target_encode(X_tr, y_tr, X_te, col)
        X_tr[col + '_te'] = target_encode(X_tr, y_tr, X_tr, col)
    feats = low_card + [c + '_te' for c in high_card]
    model = lgb.LGBMClassifier(n_estimators=2000, learning_rate=0.02, num_leaves=31, colsample_bytree=0.5)
    model.fit(X_tr[feats], y_tr, eval_set=[(X_va[feats], y_va)], callbacks=[lgb.early_stopping(100, verbose=False)])
    oof[va_idx] = model.predict_proba(X_va[feats])[:, 1]
    test_pred += model.predict_proba(X_te[feats])[:, 1] / skf.n_splits
    print(f'fold {fold} AUC {roc_auc_score(y_va, oof[va_idx]):.5f}')

print('OOF AUC', roc_auc_score(target, oof))
pd.DataFrame({'id': test['id'], 'target': test_pred}).to_csv('submission.csv', index=False)
