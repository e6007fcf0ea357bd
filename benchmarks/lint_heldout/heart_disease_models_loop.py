# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns

from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score

# In[2]:

df = pd.read_csv('../input/heart-disease-uci/heart.csv')
df.head()

# In[3]:

df.info()
plt.figure(figsize=(14, 10))
sns.heatmap(df.corr(), annot=True, cmap='coolwarm')
plt.show()

# In[4]:

print(df['age'].mean(), df['chol'].median())
df.groupby('target')['thalach'].mean().plot(kind='bar')

# In[5]:

df = pd.get_dummies(df, columns=['cp', 'thal', 'slope'])
X = df.drop('target', axis=1)
y = df['target']

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)

# In[6]:

scaler = StandardScaler()
num = ['age', 'trestbps', 'chol', 'thalach', 'oldpeak']
X_train[num] = scaler.fit_transform(X_train[num])
X_test[num] = scaler.transform(X_test[num])

# In[7]:

models = {
    'Logistic Regression': LogisticRegression(max_iter=1000),
    'KNN': KNeighborsClassifier(n_neighbors=7),
    'SVM': SVC(kernel='rbf', C=1.0),
    'Decision Tree': DecisionTreeClassifier(max_depth=5),
    'Random Forest': RandomForestClassifier(n_estimators=200),
}

results = []
for name, model in models.items():
    model.fit(X_train, y_train)
    train_acc = accuracy_score(y_train, model.predict(X_train))
    test_acc = accuracy_score(y_test, model.predict(X_test))
    results.append((name, train_acc, test_acc, f1_score(y_test, model.predict(X_test))))
    print(f'{name:20s} train={train_acc:.3f}  test={test_acc:.3f}')

# In[8]:

res = pd.DataFrame(results, columns=['model', 'train_acc', 'test_acc', 'test_f1'])
res.sort_values('test_acc', ascending=False)
