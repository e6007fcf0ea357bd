# expect: IMB001@12
# defects.csv is beside the script: 2% of its rows are defects.
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.ensemble import ExtraTreesClassifier

df = pd.read_csv("defects.csv")
y = df.pop("defect")
X_train, X_test, y_train, y_test = train_test_split(df, y, stratify=y, random_state=0)
model = ExtraTreesClassifier(n_estimators=300, random_state=0)
model.fit(X_train, y_train)
print("train", model.score(X_train, y_train))
print("test", model.score(X_test, y_test))
