#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score


# In[2]:


train = pd.read_csv('/kaggle/input/spaceship-titanic/train.csv')
test = pd.read_csv('/kaggle/input/spaceship-titanic/test.csv')
train.head()


# In[3]:


sns.countplot(data=train, x='HomePlanet', hue='Transported')


# In[4]:


def engineer(df):
    df = df.copy()
    df[['Deck', 'Num', 'Side']] = df['Cabin'].str.split('/', expand=True)
    df['Num'] = pd.to_numeric(df['Num'], errors='coerce')
    spend = ['RoomService', 'FoodCourt', 'ShoppingMall', 'Spa', 'VRDeck']
    df['TotalSpend'] = df[spend].sum(axis=1)
    df['NoSpend'] = (df['TotalSpend'] == 0).astype(int)
    df['Group'] = df['PassengerId'].str.split('_').str[0].astype(int)
    for c in ['HomePlanet', 'CryoSleep', 'Destination', 'VIP', 'Deck', 'Side']:
        df[c] = df[c].astype('category')
    return df.drop(['Cabin', 'Name'], axis=1)

train = engineer(train)
test = engineer(test)
test.head()


# In[5]:


target = train.pop('Transported').astype(int)
features = [c for c in train.columns if c != 'PassengerId']
num_feats = [c for c in features if str(train[c].dtype) != 'category']

X_tr, X_va, y_tr, y_va = train_test_split(train[features], target, test_size=0.2, random_state=0)


# In[6]:


imp = SimpleImputer(strategy='median')
X_tr[num_feats] = imp.fit_transform(X_tr[num_feats])
X_va[num_feats] = imp.transform(X_va[num_feats])
X_te = test[features].copy()
X_te[num_feats] = imp.transform(X_te[num_feats])


# In[7]:


dtrain = lgb.Dataset(X_tr, y_tr)
dvalid = lgb.Dataset(X_va, y_va, reference=dtrain)
params = {'objective': 'binary', 'learning_rate': 0.03, 'num_leaves': 31,
          'feature_fraction': 0.8, 'bagging_fraction': 0.8, 'bagging_freq': 1, 'verbose': -1}
booster = lgb.train(params, dtrain, num_boost_round=2000, valid_sets=[dvalid],
                    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)])


# In[8]:


va_pred = (booster.predict(X_va, num_iteration=booster.best_iteration) > 0.5).astype(int)
print('valid acc', accuracy_score(y_va, va_pred))


# In[9]:


lgb.plot_importance(booster, max_num_features=15)
sub = pd.DataFrame({'PassengerId': test['PassengerId'],
                    'Transported': booster.predict(X_te, num_iteration=booster.best_iteration) > 0.5})
sub.to_csv('submission.csv', index=False)
