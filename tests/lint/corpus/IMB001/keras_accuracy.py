# expect: none
# balance unknown: churn.csv is not in the repository and nothing else shows the classes, so
# IMB001 stays silent (it used to fire here without evidence).
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
from sklearn.model_selection import train_test_split

data = pd.read_csv("churn.csv")
X = data.drop("Exited", axis=1).values
y = data["Exited"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
model = Sequential()
model.add(Dense(16, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, batch_size=32, validation_split=0.1)
test_loss, test_acc = model.evaluate(X_test, y_test)
print(test_acc)
