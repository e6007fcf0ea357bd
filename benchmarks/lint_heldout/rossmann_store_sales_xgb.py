# In[1]:
import pandas as pd
import numpy as np
import xgboost as xgb
import matplotlib.pyplot as plt
import seaborn as sns

# In[2]:
train = pd.read_csv('../input/rossmann-store-sales/train.csv', parse_dates=['Date'], low_memory=False)
store = pd.read_csv('../input/rossmann-store-sales/store.csv')
train = train[(train.Open == 1) & (train.Sales > 0)]
df = train.merge(store, on='Store', how='left')
df.head()

# In[3]:
df['CompetitionDistance'] = df['CompetitionDistance'].fillna(df['CompetitionDistance'].median())
df['Year'] = df.Date.dt.year
df['Month'] = df.Date.dt.month
df['WeekOfYear'] = df.Date.dt.isocalendar().week.astype(int)
df['StoreType'] = df['StoreType'].astype('category').cat.codes
df['Assortment'] = df['Assortment'].astype('category').cat.codes
df['StateHoliday'] = df['StateHoliday'].astype(str).map({'0': 0, 'a': 1, 'b': 2, 'c': 3})

# In[4]:
df['LogSales'] = np.log1p(df['Sales'])
avg_store = df.groupby('Store')['LogSales'].mean()
df['StoreAvgSales'] = df['Store'].map(avg_store)
avg_store_dow = df.groupby(['Store', 'DayOfWeek'])['LogSales'].mean().rename('StoreDowAvg')
df = df.join(avg_store_dow, on=['Store', 'DayOfWeek'])

# In[5]:
features = ['Store', 'DayOfWeek', 'Promo', 'StateHoliday', 'SchoolHoliday', 'StoreType', 'Assortment',
            'CompetitionDistance', 'Promo2', 'Year', 'Month', 'WeekOfYear', 'StoreAvgSales', 'StoreDowAvg']
df = df.sort_values('Date')
cutoff = df['Date'].max() - pd.Timedelta(days=42)
tr = df[df['Date'] <= cutoff]
va = df[df['Date'] > cutoff]

# In[6]:
dtrain = xgb.DMatrix(tr[features], tr['LogSales'])
dvalid = xgb.DMatrix(va[features], va['LogSales'])
params = {'objective': 'reg:squarederror', 'eta': 0.1, 'max_depth': 10, 'subsample': 0.9, 'colsample_bytree': 0.7}
bst = xgb.train(params, dtrain, 1000, evals=[(dtrain, 'train'), (dvalid, 'valid')],
                early_stopping_rounds=50, verbose_eval=100)

# In[7]:
def rmspe(y, yhat):
    return np.sqrt(np.mean(((y - yhat) / y) ** 2))

pred = np.expm1(bst.predict(dvalid))
print('RMSPE on last 6 weeks:', rmspe(va['Sales'].values, pred))
xgb.plot_importance(bst)
