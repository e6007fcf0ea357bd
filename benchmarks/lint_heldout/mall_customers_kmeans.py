# In[1]:
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import StandardScaler
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

# In[2]:
df = pd.read_csv('../input/customer-segmentation-tutorial-in-python/Mall_Customers.csv')
df.head()

# In[3]:
df.describe()
sns.pairplot(df.drop('CustomerID', axis=1), hue='Gender')

# In[4]:
X = df[['Age', 'Annual Income (k$)', 'Spending Score (1-100)']]
X_scaled = StandardScaler().fit_transform(X)

# In[5]:
inertia, sil = [], []
for k in range(2, 11):
    km = KMeans(n_clusters=k, n_init=10, random_state=42)
    labels = km.fit_predict(X_scaled)
    inertia.append(km.inertia_)
    sil.append(silhouette_score(X_scaled, labels))

plt.plot(range(2, 11), inertia, 'o-')
plt.xlabel('k')
plt.ylabel('inertia')
plt.show()

# In[6]:
km = KMeans(n_clusters=5, n_init=10, random_state=42)
df['cluster'] = km.fit_predict(X_scaled)
df.groupby('cluster').mean(numeric_only=True)

# In[7]:
sns.scatterplot(data=df, x='Annual Income (k$)', y='Spending Score (1-100)', hue='cluster', palette='tab10')
