# In[1]:
import numpy as np
import pandas as pd
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score, mean_absolute_error

# In[2]:
diamonds = pd.read_csv('diamonds.csv', index_col=0)
diamonds.head()

# In[3]:
diamonds = diamonds[(diamonds[['x', 'y', 'z']] != 0).all(axis=1)]
sns.pairplot(diamonds.sample(1000), hue='cut')

# In[4]:
cut_map = {'Fair': 0, 'Good': 1, 'Very Good': 2, 'Premium': 3, 'Ideal': 4}
color_map = {c: i for i, c in enumerate('JIHGFED')}
clarity_map = {c: i for i, c in enumerate(['I1', 'SI2', 'SI1', 'VS2', 'VS1', 'VVS2', 'VVS1', 'IF'])}
diamonds['cut'] = diamonds['cut'].map(cut_map)
diamonds['color'] = diamonds['color'].map(color_map)
diamonds['clarity'] = diamonds['clarity'].map(clarity_map)
diamonds['volume'] = diamonds.x * diamonds.y * diamonds.z

# In[5]:
X = diamonds.drop('price', axis=1)
y = diamonds['price']
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=2)

# In[6]:
lr = LinearRegression()
lr.fit(X_train, y_train)
print('LR R2', r2_score(y_test, lr.predict(X_test)))

# In[7]:
rf = RandomForestRegressor(n_estimators=200, n_jobs=-1, random_state=2)
rf.fit(X, y)
y_pred_rf = rf.predict(X_test)
print('RF R2', r2_score(y_test, y_pred_rf))
print('RF MAE', mean_absolute_error(y_test, y_pred_rf))

# In[8]:
pd.Series(rf.feature_importances_, index=X.columns).sort_values().plot.barh()
