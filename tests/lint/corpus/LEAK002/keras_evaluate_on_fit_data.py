# expect: LEAK002@20
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers

df = pd.read_csv("diabetes.csv")
features = df.drop(columns=["Outcome"]).values
target = df["Outcome"].values

net = keras.Sequential([
    layers.Dense(16, activation="relu", input_shape=(8,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy", keras.metrics.AUC()])
net.fit(features, target, epochs=150, batch_size=10, verbose=0)

# evaluate the model
loss, acc, auc = net.evaluate(features, target)
print("Accuracy: %.2f  AUC: %.2f" % (acc * 100, auc))
