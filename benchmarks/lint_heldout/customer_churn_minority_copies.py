# In[1]:

import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import classification_report, f1_score

# In[2]:

bank = pd.read_csv('Churn_Modelling.csv')
bank = bank.drop(['RowNumber', 'CustomerId', 'Surname'], axis=1)
bank.head()

# In[3]:

sns.countplot(x='Exited', data=bank)
print(bank.Exited.mean())

# In[4]:

bank = pd.get_dummies(bank, columns=['Geography', 'Gender'], drop_first=True)
bank['BalanceSalaryRatio'] = bank.Balance / bank.EstimatedSalary
bank['TenureByAge'] = bank.Tenure / bank.Age

# In[5]:

churned = bank[bank['Exited'] == 1]
bank_bal = pd.concat([bank] + [churned] * 3, ignore_index=True)
bank_bal = bank_bal.sample(frac=1, random_state=4).reset_index(drop=True)
print(bank_bal['Exited'].value_counts())

# In[6]:

X = bank_bal.drop('Exited', axis=1)
y = bank_bal['Exited']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)

# In[7]:

for model in [DecisionTreeClassifier(max_depth=None), GradientBoostingClassifier(n_estimators=300)]:
    model.fit(X_train, y_train)
    print(model.__class__.__name__, 'F1 =', f1_score(y_test, model.predict(X_test)))
    print(classification_report(y_test, model.predict(X_test)))
