# In[1]:
import pandas as pd
import numpy as np
from imblearn.over_sampling import ADASYN
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier, AdaBoostClassifier, ExtraTreesClassifier
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, recall_score
import matplotlib.pyplot as plt
import seaborn as sns

# In[2]:
titanic = pd.read_csv('train.csv')
titanic.head()

# In[3]:
titanic['Sex'] = titanic['Sex'].map({'male': 1, 'female': 0})
titanic['Embarked'] = titanic['Embarked'].fillna('S').map({'S': 0, 'C': 1, 'Q': 2})
titanic['Age'] = titanic['Age'].fillna(-1)
titanic['Family'] = titanic.SibSp + titanic.Parch
titanic = titanic[['Survived', 'Pclass', 'Sex', 'Age', 'Fare', 'Embarked', 'Family']]
sns.pairplot(titanic, hue='Survived')

# In[4]:
def balance(features, target, seed=0):
    sampler = ADASYN(random_state=seed)
    fx, fy = sampler.fit_resample(features, target)
    print('before', np.bincount(target), 'after', np.bincount(fy))
    return fx, fy

X, y = balance(titanic.drop('Survived', axis=1), titanic['Survived'])

# In[5]:
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=5)

# In[6]:
classifiers = [RandomForestClassifier(200), AdaBoostClassifier(), ExtraTreesClassifier(300), SVC()]
scores = {}
for c in classifiers:
    c.fit(X_train, y_train)
    scores[type(c).__name__] = (accuracy_score(y_test, c.predict(X_test)), recall_score(y_test, c.predict(X_test)))
pd.DataFrame(scores, index=['acc', 'recall']).T.plot.bar()
