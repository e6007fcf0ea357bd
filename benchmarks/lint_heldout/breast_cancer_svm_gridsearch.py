# In[1]:

from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import *
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.decomposition import PCA
from sklearn.svm import SVC
from sklearn.metrics import classification_report, roc_auc_score
import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt

# In[2]:

cancer = load_breast_cancer()
df = pd.DataFrame(cancer.data, columns=cancer.feature_names)
df['target'] = cancer.target
df.head()

# In[3]:

sns.countplot(x='target', data=df)
plt.figure(figsize=(16, 12))
sns.heatmap(df.corr(), cmap='coolwarm')

# In[4]:

X = df.drop('target', axis=1)
y = df['target']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=101)

# In[5]:

pipe = Pipeline([('scaler', StandardScaler()), ('pca', PCA()), ('svc', SVC(probability=True))])
param_grid = {
    'pca__n_components': [5, 10, 15],
    'svc__C': [0.1, 1, 10, 100],
    'svc__gamma': [1, 0.1, 0.01, 0.001],
}
grid = GridSearchCV(pipe, param_grid, refit=True, cv=StratifiedKFold(5, shuffle=True, random_state=1), verbose=1)
grid.fit(X_train, y_train)
print(grid.best_params_)

# In[6]:

grid_predictions = grid.predict(X_test)
print(classification_report(y_test, grid_predictions))
print('AUC', roc_auc_score(y_test, grid.predict_proba(X_test)[:, 1]))
