# expect: none
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

df = pd.read_csv("diabetes.csv")
features = df.drop(columns=["Outcome"]).values
target = df["Outcome"].values
f_train, f_test, t_train, t_test = train_test_split(features, target, stratify=target, random_state=0)

net = keras.Sequential([
    layers.Dense(16, activation="relu", input_shape=(8,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy", keras.metrics.AUC()])
net.fit(f_train, t_train, epochs=150, batch_size=10, verbose=0)
loss, acc, auc = net.evaluate(f_test, t_test)
print("Accuracy: %.2f  AUC: %.2f" % (acc * 100, auc))
