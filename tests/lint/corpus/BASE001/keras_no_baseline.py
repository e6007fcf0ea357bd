# expect: BASE001@15
import pandas as pd
from tensorflow import keras
from sklearn.model_selection import train_test_split

df = pd.read_csv("housing.csv")
y = df.pop("median_house_value").values
X_train, X_test, y_train, y_test = train_test_split(df.values, y, random_state=0)
model = keras.Sequential([keras.layers.Normalization(), keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(X_train, y_train, epochs=30, validation_split=0.2)
import numpy as np
pred = model.predict(X_test)
from sklearn.metrics import mean_squared_error
print(np.sqrt(mean_squared_error(y_test, pred.ravel())))
