#!/usr/bin/env python
# coding: utf-8

# ## Pima Indians Diabetes - KNN

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns
sns.set()
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import confusion_matrix, classification_report


# In[2]:


diabetes_data = pd.read_csv('../input/diabetes.csv')
diabetes_data.head()


# In[3]:


diabetes_data.describe().T


# In[4]:


diabetes_data_copy = diabetes_data.copy(deep=True)
cols = ['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI']
diabetes_data_copy[cols] = diabetes_data_copy[cols].replace(0, np.NaN)
print(diabetes_data_copy.isnull().sum())


# In[5]:


diabetes_data_copy['Glucose'].fillna(diabetes_data_copy['Glucose'].mean(), inplace=True)
diabetes_data_copy['BloodPressure'].fillna(diabetes_data_copy['BloodPressure'].mean(), inplace=True)
diabetes_data_copy['SkinThickness'].fillna(diabetes_data_copy['SkinThickness'].median(), inplace=True)
diabetes_data_copy['Insulin'].fillna(diabetes_data_copy['Insulin'].median(), inplace=True)
diabetes_data_copy['BMI'].fillna(diabetes_data_copy['BMI'].median(), inplace=True)


# In[6]:


p = diabetes_data_copy.hist(figsize=(20, 20))


# In[7]:


sc_X = StandardScaler()
X = pd.DataFrame(sc_X.fit_transform(diabetes_data_copy.drop(["Outcome"], axis=1),),
                 columns=['Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin',
                          'BMI', 'DiabetesPedigreeFunction', 'Age'])
X.head()


# In[8]:


y = diabetes_data_copy.Outcome
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=1/3, random_state=42, stratify=y)


# In[9]:


test_scores = []
for i in range(1, 15):
    knn = KNeighborsClassifier(i)
    knn.fit(X_train, y_train)
    test_scores.append(knn.score(X_test, y_test))


# In[10]:


max_test_score = max(test_scores)
test_scores_ind = [i for i, v in enumerate(test_scores) if v == max_test_score]
print('Max test score {} % and k = {}'.format(max_test_score * 100, list(map(lambda x: x + 1, test_scores_ind))))


# In[11]:


plt.figure(figsize=(12, 5))
p = sns.lineplot(x=range(1, 15), y=test_scores, marker='o', label='Test Score')


# In[12]:


knn = KNeighborsClassifier(11)
knn.fit(X_train, y_train)
y_pred = knn.predict(X_test)
print(confusion_matrix(y_test, y_pred))
print(classification_report(y_test, y_pred))
