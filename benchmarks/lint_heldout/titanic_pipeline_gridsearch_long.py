#!/usr/bin/env python
# coding: utf-8

# # Titanic: a leak-free sklearn workflow
# Feature engineering with pandas (row-wise only), preprocessing in a ColumnTransformer.

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
import re
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.model_selection import StratifiedKFold, cross_val_score, GridSearchCV, train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier, GradientBoostingClassifier
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, classification_report, roc_auc_score
from xgboost import XGBClassifier
sns.set_theme()


# In[2]:


train_df = pd.read_csv('../input/titanic/train.csv')
test_df = pd.read_csv('../input/titanic/test.csv')
combine = [train_df, test_df]
print(train_df.columns.values)


# In[3]:


train_df.head()


# In[4]:


train_df.tail()


# In[5]:


train_df.info()
print('_' * 40)
test_df.info()


# In[6]:


train_df.describe()


# In[7]:


train_df.describe(include=['O'])


# In[8]:


train_df[['Pclass', 'Survived']].groupby(['Pclass'], as_index=False).mean().sort_values(by='Survived', ascending=False)


# In[9]:


train_df[["Sex", "Survived"]].groupby(['Sex'], as_index=False).mean().sort_values(by='Survived', ascending=False)


# In[10]:


train_df[["SibSp", "Survived"]].groupby(['SibSp'], as_index=False).mean().sort_values(by='Survived', ascending=False)


# In[11]:


g = sns.FacetGrid(train_df, col='Survived')
g.map(plt.hist, 'Age', bins=20)


# In[12]:


grid = sns.FacetGrid(train_df, col='Survived', row='Pclass', height=2.2, aspect=1.6)
grid.map(plt.hist, 'Age', alpha=.5, bins=20)
grid.add_legend()


# In[13]:


grid = sns.FacetGrid(train_df, row='Embarked', height=2.2, aspect=1.6)
grid.map(sns.pointplot, 'Pclass', 'Survived', 'Sex', palette='deep')
grid.add_legend()


# In[14]:


for dataset in combine:
    dataset['Title'] = dataset.Name.str.extract(r' ([A-Za-z]+)\.', expand=False)

pd.crosstab(train_df['Title'], train_df['Sex'])


# In[15]:


for dataset in combine:
    dataset['Title'] = dataset['Title'].replace(['Lady', 'Countess', 'Capt', 'Col',
                                                 'Don', 'Dr', 'Major', 'Rev', 'Sir', 'Jonkheer', 'Dona'], 'Rare')
    dataset['Title'] = dataset['Title'].replace('Mlle', 'Miss')
    dataset['Title'] = dataset['Title'].replace('Ms', 'Miss')
    dataset['Title'] = dataset['Title'].replace('Mme', 'Mrs')

train_df[['Title', 'Survived']].groupby(['Title'], as_index=False).mean()


# In[16]:


for dataset in combine:
    dataset['FamilySize'] = dataset['SibSp'] + dataset['Parch'] + 1
    dataset['IsAlone'] = 0
    dataset.loc[dataset['FamilySize'] == 1, 'IsAlone'] = 1
    dataset['Deck'] = dataset['Cabin'].fillna('U').str[0]
    dataset['TicketPrefix'] = dataset['Ticket'].apply(lambda t: 'NUM' if t.isdigit() else re.sub(r'[./0-9 ]', '', t)[:3])

train_df[['FamilySize', 'Survived']].groupby(['FamilySize'], as_index=False).mean().sort_values(by='Survived', ascending=False)


# In[17]:


sns.barplot(x='Deck', y='Survived', data=train_df)
plt.show()


# In[18]:


num_features = ['Age', 'Fare', 'FamilySize', 'SibSp', 'Parch']
cat_features = ['Pclass', 'Sex', 'Embarked', 'Title', 'IsAlone', 'Deck']
features = num_features + cat_features

X = train_df[features]
y = train_df['Survived']
X_sub = test_df[features]


# In[19]:


numeric_pipe = Pipeline([
    ('impute', SimpleImputer(strategy='median')),
    ('scale', StandardScaler()),
])
categorical_pipe = Pipeline([
    ('impute', SimpleImputer(strategy='most_frequent')),
    ('onehot', OneHotEncoder(handle_unknown='ignore')),
])
preprocess = ColumnTransformer([
    ('num', numeric_pipe, num_features),
    ('cat', categorical_pipe, cat_features),
])


# In[20]:


X_train, X_hold, y_train, y_hold = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


# In[21]:


candidates = {
    'logreg': LogisticRegression(max_iter=1000),
    'svc': SVC(probability=True),
    'rf': RandomForestClassifier(n_estimators=300, random_state=0),
    'gb': GradientBoostingClassifier(random_state=0),
    'xgb': XGBClassifier(n_estimators=300, max_depth=3, learning_rate=0.05, eval_metric='logloss'),
}
cv_table = []
for name, est in candidates.items():
    pipe = Pipeline([('prep', preprocess), ('model', est)])
    scores = cross_val_score(pipe, X_train, y_train, cv=cv, scoring='accuracy')
    cv_table.append((name, scores.mean(), scores.std()))
    print(f'{name:8s} {scores.mean():.4f} +/- {scores.std():.4f}')


# In[22]:


cv_df = pd.DataFrame(cv_table, columns=['model', 'mean', 'std']).sort_values('mean')
cv_df.plot.barh(x='model', y='mean', xerr='std', legend=False, figsize=(8, 4))
plt.xlim(0.7, 0.9)


# In[23]:


rf_pipe = Pipeline([('prep', preprocess), ('model', RandomForestClassifier(random_state=0))])
param_grid = {
    'model__n_estimators': [200, 500],
    'model__max_depth': [4, 6, 8, None],
    'model__min_samples_leaf': [1, 2, 4],
    'prep__num__impute__strategy': ['mean', 'median'],
}
search = GridSearchCV(rf_pipe, param_grid, cv=cv, scoring='accuracy', n_jobs=-1)
search.fit(X_train, y_train)
print(search.best_params_)
print('best CV accuracy', search.best_score_)


# In[24]:


best_model = search.best_estimator_
hold_pred = best_model.predict(X_hold)
print('Hold-out accuracy:', accuracy_score(y_hold, hold_pred))
print('Hold-out ROC AUC:', roc_auc_score(y_hold, best_model.predict_proba(X_hold)[:, 1]))
print(classification_report(y_hold, hold_pred))


# In[25]:


rf = best_model.named_steps['model']
ohe = best_model.named_steps['prep'].named_transformers_['cat'].named_steps['onehot']
names = num_features + list(ohe.get_feature_names_out(cat_features))
imp = pd.Series(rf.feature_importances_, index=names).sort_values(ascending=False)
imp.head(15).plot.bar(figsize=(10, 4))


# In[26]:


final_model = search.best_estimator_.fit(X, y)
submission = pd.DataFrame({
    'PassengerId': test_df['PassengerId'],
    'Survived': final_model.predict(X_sub),
})
submission.to_csv('submission.csv', index=False)
submission.head()
