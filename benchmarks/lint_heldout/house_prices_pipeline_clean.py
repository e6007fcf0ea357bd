import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import seaborn as sns

from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.model_selection import cross_val_score, GridSearchCV, KFold
from sklearn.linear_model import Ridge
from sklearn.ensemble import GradientBoostingRegressor

# In[2]:

train_data = pd.read_csv('../input/house-prices-advanced-regression-techniques/train.csv', index_col='Id')
test_data = pd.read_csv('../input/house-prices-advanced-regression-techniques/test.csv', index_col='Id')
train_data.head()

# In[3]:

plt.figure(figsize=(10, 5))
sns.histplot(train_data.SalePrice, kde=True)
plt.show()

# In[4]:

y = np.log1p(train_data.SalePrice)
X = train_data.drop(['SalePrice'], axis=1)

num_cols = [c for c in X.columns if X[c].dtype in ['int64', 'float64']]
cat_cols = [c for c in X.columns if X[c].dtype == 'object' and X[c].nunique() < 15]
X = X[num_cols + cat_cols]
X_test = test_data[num_cols + cat_cols]

# In[5]:

numerical_transformer = Pipeline(steps=[
    ('imputer', SimpleImputer(strategy='median')),
    ('scaler', StandardScaler()),
])
categorical_transformer = Pipeline(steps=[
    ('imputer', SimpleImputer(strategy='most_frequent')),
    ('onehot', OneHotEncoder(handle_unknown='ignore')),
])
preprocessor = ColumnTransformer(transformers=[
    ('num', numerical_transformer, num_cols),
    ('cat', categorical_transformer, cat_cols),
])

# In[6]:

kf = KFold(n_splits=5, shuffle=True, random_state=0)
for alpha in [1, 5, 10, 30]:
    pipe = Pipeline(steps=[('preprocessor', preprocessor), ('model', Ridge(alpha=alpha))])
    scores = -1 * cross_val_score(pipe, X, y, cv=kf, scoring='neg_root_mean_squared_error')
    print(alpha, scores.mean())

# In[7]:

gbr_pipe = Pipeline(steps=[('preprocessor', preprocessor),
                           ('model', GradientBoostingRegressor(random_state=0))])
param_grid = {'model__n_estimators': [300, 600], 'model__max_depth': [3, 4]}
search = GridSearchCV(gbr_pipe, param_grid, cv=kf, scoring='neg_root_mean_squared_error', n_jobs=-1)
search.fit(X, y)
print(search.best_params_, -search.best_score_)

# In[8]:

preds_test = np.expm1(search.best_estimator_.predict(X_test))
output = pd.DataFrame({'Id': X_test.index, 'SalePrice': preds_test})
output.to_csv('submission.csv', index=False)
