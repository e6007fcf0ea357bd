# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import StandardScaler
from sklearn.decomposition import PCA
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report

# In[2]:

customers = pd.read_csv('Wholesale customers data.csv')
customers.head()
customers.describe()

# In[3]:

spend_cols = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']
log_spend = np.log(customers[spend_cols])
pd.plotting.scatter_matrix(log_spend, alpha=0.3, figsize=(14, 8), diagonal='kde')

# In[4]:

# 2-D view of the whole data set
scaled = StandardScaler().fit_transform(log_spend)
pca = PCA(n_components=2)
coords = pca.fit_transform(scaled)
print(pca.explained_variance_ratio_)
plt.figure(figsize=(8, 6))
plt.scatter(coords[:, 0], coords[:, 1], c=customers['Channel'], cmap='coolwarm', alpha=0.6)
plt.xlabel('PC1')
plt.ylabel('PC2')
plt.show()

# In[5]:

X = log_spend
y = customers['Channel']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
clf = make_pipeline(StandardScaler(), LogisticRegression())
clf.fit(X_train, y_train)
print(classification_report(y_test, clf.predict(X_test)))
