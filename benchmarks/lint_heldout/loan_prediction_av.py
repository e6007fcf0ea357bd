# coding: utf-8
# In[1]:
import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
import warnings
warnings.filterwarnings("ignore")

# In[2]:
train = pd.read_csv("train_ctrUa4K.csv")
test = pd.read_csv("test_lAUu6dG.csv")
train_original = train.copy()
test_original = test.copy()
train.columns

# In[3]:
train['Loan_Status'].value_counts(normalize=True).plot.bar()
plt.figure(1)
plt.subplot(121)
sns.distplot(train['ApplicantIncome'])
plt.subplot(122)
train['ApplicantIncome'].plot.box(figsize=(16,5))
plt.show()

# In[4]:
train.isnull().sum()

# In[5]:
for frame in [train, test]:
    frame['Gender'].fillna('Male', inplace=True)
    frame['Married'].fillna('Yes', inplace=True)
    frame['Dependents'].fillna('0', inplace=True)
    frame['Self_Employed'].fillna('No', inplace=True)
    frame['Credit_History'].fillna(1.0, inplace=True)

train['Loan_Amount_Term'].fillna(360, inplace=True)
train['LoanAmount'].fillna(train['LoanAmount'].mean(), inplace=True)
test['Loan_Amount_Term'].fillna(360, inplace=True)
test['LoanAmount'].fillna(train['LoanAmount'].mean(), inplace=True)

# In[6]:
train['LoanAmount_log'] = np.log(train['LoanAmount'])
test['LoanAmount_log'] = np.log(test['LoanAmount'])
train['Total_Income'] = train['ApplicantIncome'] + train['CoapplicantIncome']
test['Total_Income'] = test['ApplicantIncome'] + test['CoapplicantIncome']

# In[7]:
train = train.drop('Loan_ID', axis=1)
test = test.drop('Loan_ID', axis=1)
X = train.drop('Loan_Status', 1)
y = train.Loan_Status
X = pd.get_dummies(X)
train = pd.get_dummies(train)
test = pd.get_dummies(test)

# In[8]:
from sklearn.model_selection import train_test_split
x_train, x_cv, y_train, y_cv = train_test_split(X, y, test_size=0.3)

# In[9]:
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
model = LogisticRegression()
model.fit(x_train, y_train)
pred_cv = model.predict(x_cv)
accuracy_score(y_cv, pred_cv)

# In[10]:
pred_test = model.predict(test)
submission = pd.read_csv("sample_submission_49d68Cx.csv")
submission['Loan_Status'] = pred_test
submission['Loan_ID'] = test_original['Loan_ID']
submission['Loan_Status'].replace(0, 'N', inplace=True)
submission['Loan_Status'].replace(1, 'Y', inplace=True)
submission.to_csv('logistic.csv', index=False)
