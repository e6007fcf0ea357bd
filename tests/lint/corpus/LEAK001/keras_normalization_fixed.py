# expect: none
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split

df = pd.read_csv("energy.csv")
features = df.drop(columns=["load"]).to_numpy(dtype="float32")
labels = df["load"].to_numpy(dtype="float32")

x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.2, random_state=0)
norm = tf.keras.layers.Normalization()
norm.adapt(x_train)
model = tf.keras.Sequential([norm, tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=20, validation_split=0.2)
print(model.evaluate(x_test, y_test))
