# expect: LEAK001@13
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

frame = pd.read_csv(filepath_or_buffer="bank.csv", sep=";")
labels = (frame["y"] == "yes").astype(int)
encoded = pd.get_dummies(data=frame.drop(columns=["y"]), drop_first=True)

mm = MinMaxScaler(feature_range=(0, 1))
scaled = mm.fit_transform(X=encoded)
X_train, X_test, y_train, y_test = train_test_split(
    scaled, labels, test_size=0.3, stratify=labels, random_state=9
)
model = LogisticRegression(max_iter=1000).fit(X=X_train, y=y_train)
predicted = model.predict(X=X_test)
print(f1_score(y_true=y_test, y_pred=predicted), precision_score(y_test, predicted))
