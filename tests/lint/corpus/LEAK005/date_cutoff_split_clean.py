# expect: none
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
df = pd.read_csv('sales.csv', parse_dates=['date'])
df = df.sort_values('date')
df['month'] = df.date.dt.month
df['rolling_mean'] = df['sales'].rolling(7).mean()
df = df.dropna()
cutoff = '2019-01-01'
train = df[df['date'] < cutoff]
test = df[df['date'] >= cutoff]
feats = ['month', 'rolling_mean']
model = RandomForestRegressor(n_estimators=100, random_state=0)
model.fit(train[feats], train['sales'])
pred = model.predict(test[feats])
print(mean_absolute_error(test['sales'], pred))
