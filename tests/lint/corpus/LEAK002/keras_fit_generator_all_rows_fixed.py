# expect: none
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.preprocessing.image import ImageDataGenerator
from sklearn.model_selection import train_test_split

X = np.loadtxt("../input/sign-mnist/pixels.csv", delimiter=",").reshape(-1, 28, 28, 1) / 255.0
y = np.loadtxt("../input/sign-mnist/labels.csv")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(28, 28, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(25, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy", "AUC"])

datagen = ImageDataGenerator(rotation_range=10, zoom_range=0.1)
batches = datagen.flow(X_train, y_train, batch_size=64)

# old Keras API
model.fit_generator(batches, steps_per_epoch=len(X_train) // 64, epochs=10)
print(model.evaluate(X_test, y_test))
