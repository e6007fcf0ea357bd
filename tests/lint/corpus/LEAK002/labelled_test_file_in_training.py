# expect: LEAK002@12
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score

adult_train = pd.read_csv("adult_train.csv")
adult_test = pd.read_csv("adult_test.csv")
features = ["age", "hours_per_week", "education_num"]
everything = pd.concat([adult_train, adult_test], ignore_index=True)

gbc = GradientBoostingClassifier(random_state=0)
gbc.fit(everything[features], everything["income"])
print(f1_score(adult_test["income"], gbc.predict(adult_test[features])))
