# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from imblearn.pipeline import Pipeline as ImbPipeline
from imblearn.over_sampling import SMOTE
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.model_selection import StratifiedKFold, cross_val_score, GridSearchCV, train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import recall_score, roc_auc_score

# In[2]:

df = pd.read_csv('../input/stroke-prediction-dataset/healthcare-dataset-stroke-data.csv')
df = df.drop('id', axis=1)
df = df[df['gender'] != 'Other']
df.head()

# In[3]:

fig, ax = plt.subplots(1, 2, figsize=(12, 4))
sns.histplot(df, x='age', hue='stroke', ax=ax[0])
sns.histplot(df, x='avg_glucose_level', hue='stroke', ax=ax[1])
print('mean bmi', df['bmi'].mean())

# In[4]:

X = df.drop('stroke', axis=1)
y = df['stroke']
num = ['age', 'avg_glucose_level', 'bmi']
cat = ['gender', 'ever_married', 'work_type', 'Residence_type', 'smoking_status']

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)

# In[5]:

pre = ColumnTransformer([
    ('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), num),
    ('cat', OneHotEncoder(handle_unknown='ignore'), cat),
], remainder='passthrough')

pipe = ImbPipeline([
    ('pre', pre),
    ('smote', SMOTE(random_state=42)),
    ('rf', RandomForestClassifier(n_estimators=300, min_samples_leaf=3, random_state=42)),
])

# In[6]:

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
print('CV ROC AUC:', cross_val_score(pipe, X_train, y_train, cv=cv, scoring='roc_auc').mean())

grid = GridSearchCV(pipe, {'rf__max_depth': [4, 8, None], 'smote__k_neighbors': [3, 5]},
                    cv=cv, scoring='roc_auc', n_jobs=-1)
grid.fit(X_train, y_train)
print(grid.best_params_)

# In[7]:

best = grid.best_estimator_
proba = best.predict_proba(X_test)[:, 1]
print('Test AUC:', roc_auc_score(y_test, proba))
print('Test recall:', recall_score(y_test, proba > 0.5))
