# expect: none
import pandas as pd
from tensorflow import keras
from tensorflow.keras.callbacks import EarlyStopping
from sklearn.model_selection import train_test_split

df = pd.read_csv("sensors.csv")
X = df.drop(columns=["failure"]).values
y = df["failure"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=1)

model = keras.Sequential([
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy",
              metrics=["accuracy", keras.metrics.AUC()])
es = EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
model.fit(X_tr, y_tr, epochs=200,
          validation_data=(X_val, y_val), callbacks=[es])
loss, acc, auc = model.evaluate(X_test, y_test)
print(acc, auc)
