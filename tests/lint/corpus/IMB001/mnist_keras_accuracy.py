# expect: none
# MNIST has ten balanced classes: accuracy is a fine headline metric there.
import numpy as np
import tensorflow as tf
from tensorflow import keras
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
mean = x_train.mean()
x_train -= mean
x_test -= mean
model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
es = keras.callbacks.EarlyStopping(patience=3)
model.fit(x_train, y_train, epochs=20, validation_split=0.1, callbacks=[es])
model.evaluate(x_test, y_test)
