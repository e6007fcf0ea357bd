# expect: none
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score

adult_train = pd.read_csv("adult_train.csv")
adult_test = pd.read_csv("adult_test.csv")
features = ["age", "hours_per_week", "education_num"]

gbc = GradientBoostingClassifier(random_state=0)
gbc.fit(adult_train[features], adult_train["income"])
print(f1_score(adult_test["income"], gbc.predict(adult_test[features])))
