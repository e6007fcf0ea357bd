# expect: none
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split

# In[2]:
data = pd.read_csv("../input/insurance.csv")
data = pd.get_dummies(data, columns=["sex", "smoker", "region"], drop_first=True)
X = data.drop("charges", axis=1)
y = data["charges"]

# In[3]:
x_tr, x_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=21)
gbr = GradientBoostingRegressor(random_state=21)
gbr.fit(x_tr, y_tr)

# In[4]:
r2 = gbr.score(x_te, y_te)
print(f"R^2 of the model: {r2:.3f}")
